// The log as a write needs it: its document (as VS Code has it, unsaved edits included), the
// folder it is in, its playbook and its index. Refused, with the reason, when there is no folder
// or no log yet, or when the document lags a change on disk (a pull, the CLI) that VS Code has not
// reloaded yet. Who the entries are by is asked for apart (`writerOf`): finding the git user
// starts a process, which a change that writes no entry does not need.
import * as vscode from 'vscode';
import type { LogIndex } from '../core/model';
import type { Policy } from '../core/playbook/policy';
import { WriteRefused } from '../core/log/writer';
import { gitUser } from './gitUser';
import { inSyncWithDisk } from './logEdit';
import type { LogStore } from './logStore';

export interface LogContext {
  doc: vscode.TextDocument;
  folder: vscode.WorkspaceFolder;
  policy: Policy;
  index: LogIndex;
}

export async function logContext(store: LogStore): Promise<LogContext> {
  const uri = store.logUri();
  const folder = uri ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
  if (!uri || !folder) throw new WriteRefused(vscode.l10n.t('Open a folder first: the incident log lives in your repository.'));
  let doc: vscode.TextDocument;
  try {
    doc = await vscode.workspace.openTextDocument(uri);
  } catch {
    throw new WriteRefused(vscode.l10n.t('There is no incident log at {0} yet: declare an incident to create it.', vscode.workspace.asRelativePath(uri)));
  }
  if (!(await inSyncWithDisk(doc))) throw new WriteRefused(vscode.l10n.t('The log changed on disk and VS Code has not reloaded it yet; nothing was written. Try again.'));
  const policy = await store.policy(folder);
  // Links followed as the store follows them: an incident may live in a linked file.
  return { doc, folder, policy, index: store.indexText(doc.uri, doc.getText(), policy) };
}

/** The log context and who the entries are by (the git user of the log's folder). */
export async function writerOf(store: LogStore): Promise<LogContext & { owner: string | null }> {
  const ctx = await logContext(store);
  return { ...ctx, owner: await gitUser(ctx.folder.uri.fsPath) };
}
