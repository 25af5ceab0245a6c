// Registers the checklist panel's command and its serializer (restore after a reload). The panel's
// code loads on first use (lazyPanels.ts).
import type * as vscode from 'vscode';
import { Commands, type IncidentArgs } from '../commandIds';
import type { LogStore } from '../logStore';
import { registerLazyPanels } from './lazyPanels';

/** The view type the panels are created and restored under (package.json activates on it). */
export const CHECKLIST_VIEW_TYPE = 'incidentPlaybook.checklistPanel';

export function registerChecklistPanel(extensionUri: vscode.Uri, store: LogStore, output: vscode.OutputChannel): vscode.Disposable[] {
  return registerLazyPanels<IncidentArgs>(output, {
    command: Commands.openChecklist,
    what: 'Opening the checklist',
    viewType: CHECKLIST_VIEW_TYPE,
    load: async () => new (await import('./checklistPanel')).ChecklistPanels({ extensionUri, store, output }),
  });
}
