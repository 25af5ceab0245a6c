// Which incident a command means: the one its argument names, the one under the cursor in the
// log, or one the user picks. Shared by the response commands and the panels, so every entry
// point chooses the same way and says the same thing when there is nothing to choose.
import * as vscode from 'vscode';
import { findIncident } from '../core/indexer';
import type { Incident, LogIndex } from '../core/model';
import { WriteRefused } from '../core/log/writer';
import type { LogStore } from './logStore';

export interface IncidentChoice {
  /** The id the command was given, if any. */
  given: string | undefined;
  /** The pick's title: the command's name. */
  title: string;
  /** Narrows the pick (not an id given or the incident under the cursor). */
  candidates?: (incident: Incident) => boolean;
  /** Said when the pick would be empty. */
  none?: string;
}

export async function chooseIncident(store: LogStore, index: LogIndex, choice: IncidentChoice): Promise<Incident | undefined> {
  if (choice.given) {
    const found = findIncident(index, choice.given);
    if (!found) throw new WriteRefused(vscode.l10n.t('No incident "{0}" in the log.', choice.given));
    return found;
  }
  const editor = vscode.window.activeTextEditor;
  if (editor && store.isLog(editor.document.uri)) {
    const offset = editor.document.offsetAt(editor.selection.active);
    const under = index.incidents.find((i) => i.start <= offset && offset < i.end);
    if (under) return under;
  }
  const candidates = choice.candidates ? index.incidents.filter(choice.candidates) : index.incidents;
  if (candidates.length === 0) throw new WriteRefused(choice.none ?? vscode.l10n.t('The log has no incidents.'));
  const pick = await vscode.window.showQuickPick(
    candidates.map((i) => ({ label: i.id, description: i.title, detail: [i.severity, i.status].filter(Boolean).join(' · '), incident: i })),
    // Stays open when the focus moves (a panel loading, the walkthrough ticking its step): only
    // Escape or a choice closes it, so a responder never has to start a command over.
    { title: choice.title, placeHolder: vscode.l10n.t('Which incident?'), matchOnDescription: true, ignoreFocusOut: true },
  );
  return pick?.incident;
}
