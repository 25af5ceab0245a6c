// What the git commands need from the open workspace: the log's document (as VS Code has it,
// unsaved edits included), its policy and index, and the incident a command is about.
import * as vscode from 'vscode';
import type { Incident, LogIndex } from '../../core/model';
import type { Policy } from '../../core/policy';
import { WriteRefused } from '../../core/writer';
import { chooseIncident } from '../incidentPicker';
import { inSyncWithDisk } from '../logEdit';
import type { LogStore } from '../logStore';

export interface LogContext {
  doc: vscode.TextDocument;
  folder: vscode.WorkspaceFolder;
  policy: Policy;
  index: LogIndex;
}

export async function logContext(store: LogStore): Promise<LogContext> {
  const uri = store.logUri();
  const folder = uri ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
  if (!uri || !folder) throw new WriteRefused('Open a folder first: the incident log lives in your repository.');
  let doc: vscode.TextDocument;
  try {
    doc = await vscode.workspace.openTextDocument(uri);
  } catch {
    throw new WriteRefused(`There is no incident log at ${vscode.workspace.asRelativePath(uri)} yet: declare an incident to create it.`);
  }
  if (!(await inSyncWithDisk(doc))) throw new WriteRefused('The log changed on disk and VS Code has not reloaded it yet; nothing was written. Run the command again.');
  const policy = await store.policy(folder);
  return { doc, folder, policy, index: store.indexText(doc.uri, doc.getText(), policy) };
}

/** The incident a command means: its argument, the one under the cursor, or a pick. */
export function incidentFor(store: LogStore, ctx: LogContext, given: unknown, title: string): Promise<Incident | undefined> {
  return chooseIncident(store, ctx.index, { given: typeof given === 'string' && given.trim() ? given.trim() : undefined, title });
}
