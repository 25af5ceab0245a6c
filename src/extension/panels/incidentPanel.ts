// What the panels of one incident share: the incident as the log reads now (or the page's
// `missing` message), the time zone its times are shown in, and the log as a write needs it.
import * as vscode from 'vscode';
import { findIncident } from '../../core/indexer';
import type { Incident, LogIndex } from '../../core/model';
import type { Policy } from '../../core/policy';
import { resolveDisplayZone } from '../../core/time';
import { WriteRefused } from '../../core/writer';
import { gitUser } from '../gitUser';
import { inSyncWithDisk } from '../logEdit';
import type { LogSnapshot, LogStore } from '../logStore';

/** What the page is sent when it cannot show its incident. */
export interface MissingIncident {
  readonly type: 'missing';
  readonly incident: string;
  readonly message: string;
}

/** The log and the incident `id` in it, or the page's `missing` message saying why not. */
export async function readIncident(store: LogStore, id: string): Promise<MissingIncident | { type: 'found'; log: LogSnapshot; incident: Incident }> {
  const state = await store.read();
  if (state.kind !== 'ok') return { type: 'missing', incident: id, message: 'The incident log cannot be read.' };
  const incident = findIncident(state.index, id);
  if (!incident) return { type: 'missing', incident: id, message: `${id} is not in the log any more.` };
  return { type: 'found', log: state, incident };
}

/** The zone a panel shows times in: the user's setting, else the playbook's. */
export function displayZone(policy: Policy): string {
  return resolveDisplayZone(vscode.workspace.getConfiguration('incidentPlaybook').get<string>('displayTimeZone'), policy.timeZone);
}

export interface LogContext {
  doc: vscode.TextDocument;
  policy: Policy;
  index: LogIndex;
  /** The git user, who the timeline entries are by. */
  owner: string | null;
}

/** The log's document, read for a write: refused when there is no folder or the document lags the file. */
export async function logContext(store: LogStore): Promise<LogContext> {
  const uri = store.logUri();
  const folder = uri ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
  if (!uri || !folder) throw new WriteRefused('Open a folder first: the incident log lives in your repository.');
  const doc = await vscode.workspace.openTextDocument(uri);
  if (!(await inSyncWithDisk(doc))) throw new WriteRefused('The log changed on disk and VS Code has not reloaded it yet; nothing was written. Try again.');
  const policy = await store.policy(folder);
  return { doc, policy, index: store.indexText(doc.uri, doc.getText(), policy), owner: await gitUser(folder.uri.fsPath) };
}
