// Registers the executive summary composer's command and its serializer (restore after a reload).
// The panel's code loads on first use (lazyPanels.ts).
import type * as vscode from 'vscode';
import { Commands, type IncidentArgs } from '../commandIds';
import type { LogStore } from '../logStore';
import { registerLazyPanels } from './lazyPanels';

/** The view type the composers are created and restored under (package.json activates on it). */
export const SUMMARY_VIEW_TYPE = 'incidentPlaybook.summaryPanel';

export function registerSummaryPanel(extensionUri: vscode.Uri, store: LogStore, output: vscode.OutputChannel): vscode.Disposable[] {
  return registerLazyPanels<IncidentArgs>(output, {
    command: Commands.composeSummary,
    what: 'Opening the executive summary',
    viewType: SUMMARY_VIEW_TYPE,
    load: async () => new (await import('./summaryPanel')).SummaryPanels({ extensionUri, store, output }),
  });
}
