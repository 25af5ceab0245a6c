// "Incident: Set Up Team Merging": merge=union for the incident record in .gitattributes, so
// that responders appending to one incident on several machines merge without conflict.
import * as vscode from 'vscode';
import { NotInGitError, mergeAttributeOf, planUnionMerge } from '../../core/git/attributes';
import { findGitRoot } from '../../core/log/paths';
import { WriteRefused } from '../../core/log/writer';
import { Commands } from '../commandIds';
import type { LogStore } from '../logStore';

/** The log's path on disk, or a WriteRefused saying why the git commands cannot work here. */
export function logPathOnDisk(store: LogStore): { uri: vscode.Uri; path: string } {
  const uri = store.logUri();
  if (!uri) throw new WriteRefused(vscode.l10n.t('Open a folder first: the incident log lives in your repository.'));
  if (uri.scheme !== 'file') throw new WriteRefused(vscode.l10n.t('The incident log is not on this machine’s disk; the git commands need a local clone.'));
  return { uri, path: uri.fsPath };
}

/** Adds the missing union lines; returns them (empty when everything was covered already). */
export async function setupMerge(store: LogStore): Promise<string[]> {
  const { path } = logPathOnDisk(store);
  const state = await store.read();
  const linked = state.kind === 'ok' ? [...state.linkedPaths.values()] : [];
  // An open .gitattributes is read as the editor has it (unsaved edits included).
  const read = (p: string) => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === p)?.getText() ?? store.filesFor(vscode.Uri.file(p)).read(p);
  let plan;
  try {
    plan = planUnionMerge(path, linked, read);
  } catch (e) {
    throw e instanceof NotInGitError ? new WriteRefused(e.message) : e;
  }
  const where = vscode.workspace.asRelativePath(plan.path);
  if (plan.added.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} already merges the incident record by union.', where));
    return [];
  }
  const target = vscode.Uri.file(plan.path);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === plan.path);
  if (open) {
    // Append-only: the new lines go after the document's last character, nothing else moves.
    const wasDirty = open.isDirty;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(target, open.positionAt(open.getText().length), plan.after.slice((plan.before ?? '').length));
    if (!(await vscode.workspace.applyEdit(edit))) throw new WriteRefused(vscode.l10n.t('VS Code did not apply the edit to {0}; nothing was written.', where));
    if (!wasDirty) await open.save();
  } else {
    const { before, after } = plan;
    await store.filesFor(target).update(plan.path, (current) => {
      if (current !== before) throw new WriteRefused(vscode.l10n.t('{0} changed while it was being edited; nothing was written. Run the command again.', where));
      return after;
    });
  }
  void vscode.window.showInformationMessage(vscode.l10n.t('Added {0} merge=union line(s) to {1}. Commit it so that every clone merges the incident record by union.', plan.added.length, where));
  return plan.added;
}

/** After creating a log in a git repository: offers Set Up Team Merging when it is not set up. */
export async function offerTeamMerging(uri: vscode.Uri): Promise<void> {
  if (uri.scheme !== 'file') return;
  const root = findGitRoot(vscode.Uri.joinPath(uri, '..').fsPath);
  if (!root || mergeAttributeOf(root, uri.fsPath) === 'union') return;
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('Responders on several machines? Let git merge their appends to one incident without conflict (merge=union in .gitattributes).'),
    vscode.l10n.t('Set Up Team Merging'),
  );
  if (choice) await vscode.commands.executeCommand(Commands.setupMerge);
}
