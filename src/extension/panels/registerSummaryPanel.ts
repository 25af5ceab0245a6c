// Registers the executive summary composer's command and its serializer (restore after a
// reload). The panel's code loads on first use, never at activation.
import * as vscode from 'vscode';
import { Commands, type IncidentArgs, commandArgs } from '../commandIds';
import type { LogStore } from '../logStore';
import { guarded } from '../report';
import type { SummaryPanels } from './summaryPanel';

/** The view type the composers are created and restored under (package.json activates on it). */
export const SUMMARY_VIEW_TYPE = 'incidentPlaybook.summaryPanel';

export function registerSummaryPanel(extensionUri: vscode.Uri, store: LogStore, output: vscode.OutputChannel): vscode.Disposable[] {
  let panels: Promise<SummaryPanels> | undefined;
  let loaded: SummaryPanels | undefined;
  const get = () =>
    (panels ??= import('./summaryPanel').then((m) => {
      loaded = new m.SummaryPanels({ extensionUri, store, output });
      return loaded;
    }));
  const guard = guarded(output);
  return [
    vscode.commands.registerCommand(Commands.composeSummary, guard('Opening the executive summary', async (a?: IncidentArgs) => (await get()).openPanel(commandArgs<IncidentArgs>(a)))),
    vscode.window.registerWebviewPanelSerializer(SUMMARY_VIEW_TYPE, { deserializeWebviewPanel: async (panel, state) => (await get()).deserializeWebviewPanel(panel, state) }),
    { dispose: () => loaded?.dispose() },
  ];
}
