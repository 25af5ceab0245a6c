// Reads the logs of the workspace folders the Incidents view does not follow (multi-root), for
// the "Other folders" rows (otherLogs.ts). Each is read as the store reads the one it follows: an
// open editor's text wins, a log linked out of its repository is not read, linked per-incident
// files are read from inside the repository only. A log is indexed again only when its text or
// its playbook changed.
import * as vscode from 'vscode';
import { indexLog, policyOf } from '../../core/indexer';
import { linkedFileReader } from '../../core/log/logFile';
import { containedPath } from '../../core/log/paths';
import type { Policy } from '../../core/playbook/policy';
import { type LogStore, readText } from '../logStore';
import type { FolderLogRead } from './otherLogs';

export class OtherFolderLogs {
  /** The last read of each folder's log, by the log's URI: the text and policy it was read with. */
  private readonly last = new Map<string, { text: string | undefined; policy: Policy | undefined; read: FolderLogRead }>();

  constructor(private readonly store: Pick<LogStore, 'logFolder' | 'logUriIn' | 'policy' | 'repositoryRoot'>) {}

  /** The other folders' logs (none in a single-folder workspace), in the workspace's order. */
  async read(): Promise<FolderLogRead[]> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length < 2) {
      this.last.clear();
      return [];
    }
    const followed = this.store.logFolder()?.uri.toString();
    const out: FolderLogRead[] = [];
    const seen = new Set<string>();
    for (const folder of folders) {
      if (folder.uri.toString() === followed) continue;
      const read = await this.readFolder(folder);
      if (!read) continue;
      seen.add(this.store.logUriIn(folder).toString());
      out.push(read);
    }
    for (const key of [...this.last.keys()]) if (!seen.has(key)) this.last.delete(key);
    return out;
  }

  /** Whether any other folder's log reads differently from the last read (its text, or its presence). */
  async changed(): Promise<boolean> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length < 2) return this.last.size > 0;
    const followed = this.store.logFolder()?.uri.toString();
    let count = 0;
    for (const folder of folders) {
      if (folder.uri.toString() === followed) continue;
      const look = await this.look(folder);
      const before = this.last.get(look.key);
      if (look.kind === 'missing') {
        if (before) return true;
        continue;
      }
      count++;
      if (!before || before.text !== look.text) return true;
    }
    return count !== this.last.size;
  }

  /** A folder's log as it stands: its text, or why there is none to read. Never reads through a link out of the repository. */
  private async look(folder: vscode.WorkspaceFolder): Promise<{ key: string; uri: vscode.Uri; root: string; kind: 'missing' | 'problem' | 'ok'; text?: string; problem?: string }> {
    const uri = this.store.logUriIn(folder);
    const key = uri.toString();
    if (uri.scheme !== 'file') return { key, uri, root: '', kind: 'missing' };
    const root = this.store.repositoryRoot(uri, folder);
    const where = containedPath(root, uri.fsPath);
    if ('reason' in where) return { key, uri, root, kind: 'problem', problem: vscode.l10n.t('{0} {1}; it is not read.', vscode.workspace.asRelativePath(uri, true), where.reason) };
    const text = await readText(uri);
    if (text.kind === 'missing') return { key, uri, root, kind: 'missing' };
    if (text.kind === 'error') return { key, uri, root, kind: 'problem', problem: text.message };
    return { key, uri, root, kind: 'ok', text: text.text };
  }

  private async readFolder(folder: vscode.WorkspaceFolder): Promise<FolderLogRead | undefined> {
    const look = await this.look(folder);
    if (look.kind === 'missing') return undefined;
    const base = { folder: folder.name, logPath: vscode.workspace.asRelativePath(look.uri, true) };
    if (look.kind === 'problem' || look.text === undefined) return this.keep(look.key, undefined, undefined, { ...base, problem: look.problem });
    const given = await this.store.policy(folder);
    const before = this.last.get(look.key);
    if (before && before.text === look.text && before.policy === given) return before.read;
    const index = indexLog(look.text, { policy: given, readFile: linkedFileReader(look.uri.fsPath, look.root) });
    return this.keep(look.key, look.text, given, { ...base, incidents: index.incidents, policy: policyOf(index, given) });
  }

  private keep(key: string, text: string | undefined, policy: Policy | undefined, read: FolderLogRead): FolderLogRead {
    this.last.set(key, { text, policy, read });
    return read;
  }
}
