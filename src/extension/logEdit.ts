// One change to the log as VS Code users expect it: computed against the document as it is now
// (unsaved edits included), applied as a single WorkspaceEdit (one Undo reverts it), and saved
// only when the user had no unsaved edits of their own.
import * as vscode from 'vscode';
import { indexIncidentFile, indexLog } from '../core/indexer';
import type { Incident, LogIndex, Splice } from '../core/model';
import type { Policy } from '../core/playbook/policy';
import { WriteRefused } from '../core/log/writer';
import { type LogStore, readText } from './logStore';

export interface LogEditResult {
  saved: boolean;
  /** The log had unsaved edits of the user's before the change, so it was left unsaved. */
  wasDirty: boolean;
}

/**
 * Applies `compute(index)` to the document; throws WriteRefused with a message for the user.
 * `read` indexes the document's text (by default as a log whose links are not followed).
 */
export async function applyLogEdit(doc: vscode.TextDocument, policy: Policy, compute: (index: LogIndex) => Splice[], read: (text: string) => LogIndex = (t) => indexLog(t, { policy })): Promise<LogEditResult> {
  const before = doc.getText();
  const wasDirty = doc.isDirty;
  const splices = compute(read(before));
  if (doc.getText() !== before) throw new WriteRefused(vscode.l10n.t('The log changed while the change was being prepared; nothing was written. Run the command again.'));
  const edit = new vscode.WorkspaceEdit();
  for (const s of splices) edit.replace(doc.uri, new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end)), s.text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new WriteRefused(vscode.l10n.t('VS Code did not apply the edit to the log (is it read-only?). Nothing was written.'));
  const saved = wasDirty ? false : await doc.save();
  if (!wasDirty && !saved) void vscode.window.showWarningMessage(vscode.l10n.t('Incident Playbook: the change is in the editor, but VS Code could not save the log. Save it yourself (the editor shows why).'));
  return { saved, wasDirty };
}

export interface IncidentEditResult extends LogEditResult {
  /** The document written: the log, or the incident's linked file. */
  doc: vscode.TextDocument;
}

/**
 * A change to one incident, made where it lives, as the CLI makes it: in the log's document,
 * or, for an incident an index table links to, in that file's document (found as the reader
 * found it, inside the repository), so that Undo in that file reverts it. `make` computes the
 * splices from the index of the document it is given and the incident's id there.
 */
export async function applyIncidentEdit(store: LogStore, logDoc: vscode.TextDocument, policy: Policy, incident: Incident, make: (index: LogIndex, incidentId: string) => Splice[]): Promise<IncidentEditResult> {
  if (incident.source !== 'linked-file') {
    const result = await applyLogEdit(logDoc, policy, (index) => make(index, incident.id), (t) => store.indexText(logDoc.uri, t, policy));
    return { ...result, doc: logDoc };
  }
  const link = store.linkedFile(logDoc.uri, incident);
  if (!link) throw new WriteRefused(incident.file !== undefined ? vscode.l10n.t('{0} lives in {1}, which cannot be written (it is missing, or outside the repository). Nothing was written.', incident.id, incident.file) : vscode.l10n.t('{0} lives in a linked file, which cannot be written (it is missing, or outside the repository). Nothing was written.', incident.id));
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(link.realPath));
  if (!(await inSyncWithDisk(doc))) throw new WriteRefused(vscode.l10n.t('{0} changed on disk and VS Code has not reloaded it yet; nothing was written. Run the command again.', String(incident.file)));
  const result = await applyLogEdit(
    doc,
    policy,
    (index) => {
      const inner = index.incidents[0];
      if (!inner) throw new WriteRefused(vscode.l10n.t('{0} holds no incident to write to.', String(incident.file)));
      return make(index, inner.id);
    },
    (t) => indexIncidentFile(t, policy),
  );
  return { ...result, doc };
}

const sameText = (a: string, b: string) => a === b || a.replace(/\r\n/g, '\n') === b.replace(/\r\n/g, '\n');

/**
 * A clean document whose file just changed on disk (the CLI in a terminal, git) is reloaded by
 * VS Code a moment later; writing before that would compute the entry from the old text and
 * then fail to save. Waits up to 2 s for the reload; false if it does not come.
 */
export async function inSyncWithDisk(doc: vscode.TextDocument): Promise<boolean> {
  if (doc.isDirty) return true;
  const disk = await readText(doc.uri, true);
  if (disk.kind !== 'ok' || sameText(disk.text, doc.getText())) return true;
  const deadline = Date.now() + 2000;
  while (Date.now() < deadline) {
    await sleep(50);
    if (doc.isDirty) return true;
    if (sameText(disk.text, doc.getText())) return true;
  }
  return false;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
