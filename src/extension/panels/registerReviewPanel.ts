// Registers the review form's command and its serializer (restore after a reload). The panel's
// code (zod schemas included) loads on first use, never at activation.
import * as vscode from 'vscode';
import { Commands, type IncidentArgs, commandArgs } from '../commandIds';
import type { LogStore } from '../logStore';
import { guarded } from '../report';
import type { ReviewPanels } from './reviewPanel';

/** The view type the panels are created and restored under (package.json activates on it). */
export const REVIEW_VIEW_TYPE = 'incidentPlaybook.reviewPanel';

export function registerReviewPanel(extensionUri: vscode.Uri, store: LogStore, output: vscode.OutputChannel): vscode.Disposable[] {
  let panels: Promise<ReviewPanels> | undefined;
  let loaded: ReviewPanels | undefined;
  const get = () =>
    (panels ??= import('./reviewPanel').then((m) => {
      loaded = new m.ReviewPanels({ extensionUri, store, output });
      return loaded;
    }));
  const guard = guarded(output);
  return [
    vscode.commands.registerCommand(Commands.openReview, guard('Opening the post-incident review', async (a?: IncidentArgs) => (await get()).openPanel(commandArgs<IncidentArgs>(a)))),
    vscode.window.registerWebviewPanelSerializer(REVIEW_VIEW_TYPE, { deserializeWebviewPanel: async (panel, state) => (await get()).deserializeWebviewPanel(panel, state) }),
    { dispose: () => loaded?.dispose() },
  ];
}
