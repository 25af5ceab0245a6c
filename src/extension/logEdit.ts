// One change to the log as VS Code users expect it: computed against the document as it is now
// (unsaved edits included), applied as a single WorkspaceEdit (one Undo reverts it), and saved
// only when the user had no unsaved edits of their own.
import * as vscode from 'vscode';
import { indexLog } from '../core/indexer';
import type { LogIndex, Splice } from '../core/model';
import type { Policy } from '../core/policy';
import { WriteRefused } from '../core/writer';
import { readText } from './logStore';

export interface LogEditResult {
  saved: boolean;
  /** The log had unsaved edits of the user's before the change, so it was left unsaved. */
  wasDirty: boolean;
}

/** Applies `compute(index)` to the document; throws WriteRefused with a message for the user. */
export async function applyLogEdit(doc: vscode.TextDocument, policy: Policy, compute: (index: LogIndex) => Splice[]): Promise<LogEditResult> {
  const before = doc.getText();
  const wasDirty = doc.isDirty;
  const splices = compute(indexLog(before, { policy }));
  if (doc.getText() !== before) throw new WriteRefused('The log changed while the change was being prepared; nothing was written. Run the command again.');
  const edit = new vscode.WorkspaceEdit();
  for (const s of splices) edit.replace(doc.uri, new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end)), s.text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new WriteRefused('VS Code did not apply the edit to the log (is it read-only?). Nothing was written.');
  const saved = wasDirty ? false : await doc.save();
  if (!wasDirty && !saved) void vscode.window.showWarningMessage('Incident Playbook: the change is in the editor, but VS Code could not save the log. Save it yourself (the editor shows why).');
  return { saved, wasDirty };
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
