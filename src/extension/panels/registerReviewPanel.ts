// Registers the review form's command and its serializer (restore after a reload). The panel's code
// loads on first use (lazyPanels.ts).
import type * as vscode from 'vscode';
import { Commands, type IncidentArgs } from '../commandIds';
import type { LogStore } from '../logStore';
import { registerLazyPanels } from './lazyPanels';

/** The view type the panels are created and restored under (package.json activates on it). */
export const REVIEW_VIEW_TYPE = 'incidentPlaybook.reviewPanel';

export function registerReviewPanel(extensionUri: vscode.Uri, store: LogStore, output: vscode.OutputChannel): vscode.Disposable[] {
  return registerLazyPanels<IncidentArgs>(output, {
    command: Commands.openReview,
    what: 'Opening the post-incident review',
    viewType: REVIEW_VIEW_TYPE,
    load: async () => new (await import('./reviewPanel')).ReviewPanels({ extensionUri, store, output }),
  });
}
