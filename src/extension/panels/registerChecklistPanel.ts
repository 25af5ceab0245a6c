// Registers the checklist panel's command and its serializer (restore after a reload). The
// panel's code (zod schemas included) loads on first use, never at activation.
import * as vscode from 'vscode';
import { Commands, type IncidentArgs, commandArgs } from '../commandIds';
import type { LogStore } from '../logStore';
import { guarded } from '../report';
import type { ChecklistPanels } from './checklistPanel';

/** The view type the panels are created and restored under (package.json activates on it). */
export const CHECKLIST_VIEW_TYPE = 'incidentPlaybook.checklistPanel';

export function registerChecklistPanel(extensionUri: vscode.Uri, store: LogStore, output: vscode.OutputChannel): vscode.Disposable[] {
  let panels: Promise<ChecklistPanels> | undefined;
  let loaded: ChecklistPanels | undefined;
  const get = () =>
    (panels ??= import('./checklistPanel').then((m) => {
      loaded = new m.ChecklistPanels({ extensionUri, store, output });
      return loaded;
    }));
  const guard = guarded(output);
  return [
    vscode.commands.registerCommand(Commands.openChecklist, guard('Opening the checklist', async (a?: IncidentArgs) => (await get()).openPanel(commandArgs<IncidentArgs>(a)))),
    vscode.window.registerWebviewPanelSerializer(CHECKLIST_VIEW_TYPE, { deserializeWebviewPanel: async (panel, state) => (await get()).deserializeWebviewPanel(panel, state) }),
    { dispose: () => loaded?.dispose() },
  ];
}
