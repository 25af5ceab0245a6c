// Where the incident log is, what it says now, and the policy that reads it. The log is read
// through VS Code: an open document's text (unsaved edits included) wins over the file on disk.
// Per-incident files an index table links to are read as the CLI reads them (the core's
// linkedFileReader: regular files inside the repository only), from disk. The index is built
// lazily, on the first read after a change, never at activation.
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { affectsSetting, readSetting } from './settings';
import { indexLog, policyOf, reindexLog } from '../core/indexer';
import { type LinkedFile, findPlaybook, linkedFileReader, repositoryRoot, resolveLinkedFile } from '../core/log/logFile';
import type { Incident, LogIndex } from '../core/model';
import { RepositoryFiles } from '../core/log/repositoryFiles';
import { containedPath } from '../core/log/paths';
import { WriteRefused } from '../core/log/writer';
import { type Policy, PolicyError, defaultPolicy } from '../core/playbook/policy';

const PLAYBOOK_PATH = '.incident/playbook.yml';

export interface LogSnapshot {
  uri: vscode.Uri;
  /** The text that was indexed: the open document's, or the file's on disk. */
  text: string;
  index: LogIndex;
  policy: Policy;
  /** The real path of each incident read from a linked file (where its writes go). */
  linkedPaths: Map<Incident, string>;
}

export type LogState =
  | { kind: 'no-folder' }
  | { kind: 'missing'; uri: vscode.Uri; setting: string }
  | { kind: 'unreadable'; uri: vscode.Uri; message: string }
  | ({ kind: 'ok' } & LogSnapshot);

const decoder = new TextDecoder('utf-8', { fatal: true });

export class LogStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the log (on disk or in an open editor), its playbook or the setting changes. */
  readonly onDidChange = this.changed.event;
  private cached: Promise<LogState> | undefined;
  /**
   * Each playbook's policy by its URI, while its text stays the same. One per playbook: the
   * dashboard and the view's other folders read other folders' playbooks, and a single entry
   * would make the followed log's policy a new object each time (a full re-index, not an edit's).
   */
  private readonly policyCache = new Map<string, { key: string; policy: Policy }>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private watchers: vscode.FileSystemWatcher[] | undefined;
  /** In a multi-root workspace, the folder found holding the log (see chooseLogFolder). */
  private logFolderChoice: vscode.WorkspaceFolder | undefined;
  /** Set when a person chose the folder (Choose Log Folder…, or opening its log): no search replaces it. */
  private chosenByUser = false;
  /** The search for that folder, shared by everyone who needs it while it runs. */
  private logFolderSearch: Promise<void> | undefined;
  /** The built-in policy, one object, so that re-indexing can tell the policy did not change. */
  private readonly builtInPolicy = defaultPolicy();
  private playbookRecheck: ReturnType<typeof setTimeout> | undefined;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private warnedPolicy = '';
  /** The last index, so that an edit re-reads one section instead of the whole log. */
  private previous: { uri: string; index: LogIndex; policy: Policy } | undefined;
  /** One link reader per log and repository root, so that re-indexing sees the same options. */
  private reader: { key: string; read: NonNullable<Parameters<typeof indexLog>[1]>['readFile'] } | undefined;

  constructor(private readonly output: vscode.OutputChannel) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.isLog(e.document.uri)) this.invalidate(150);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (this.isLog(d.uri)) this.invalidate(0);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsSetting(e, 'logPath')) {
          this.forgetFolder();
          if (this.watchers) this.watch();
          this.invalidate(0);
        }
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.forgetFolder();
        if (this.watchers) this.watch();
        this.invalidate(0);
      }),
      // Opening another folder's log in a multi-root workspace shows that log in the view.
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        const uri = editor?.document.uri;
        if (!uri || this.isLog(uri)) return;
        const folder = (vscode.workspace.workspaceFolders ?? []).find((f) => this.logUriIn(f).toString() === uri.toString());
        if (folder) this.followFolder(folder);
      }),
    );
    // The file watchers start with the first read (the view shown, a command run), not at activation.
    // Finding the log's folder among several is a stat per folder, off the activation path.
    void this.searchLogFolder();
  }

  /**
   * The folder whose log is used: in a multi-root workspace, the first folder (in the workspace's
   * order) that has the configured log; otherwise, or when none has it yet, the first folder.
   */
  logFolder(): vscode.WorkspaceFolder | undefined {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const chosen = this.logFolderChoice;
    if (chosen && folders.some((f) => f.uri.toString() === chosen.uri.toString())) return chosen;
    return folders[0];
  }

  private searchLogFolder(): Promise<void> {
    this.logFolderSearch ??= this.chooseLogFolder().finally(() => (this.logFolderSearch = undefined));
    return this.logFolderSearch;
  }

  private async chooseLogFolder(): Promise<void> {
    if (this.chosenByUser) return;
    const folders = vscode.workspace.workspaceFolders ?? [];
    let found: vscode.WorkspaceFolder | undefined;
    if (folders.length > 1) {
      for (const folder of folders) {
        if (await exists(this.logUriIn(folder))) {
          found = folder;
          break;
        }
      }
    }
    if (!this.chosenByUser) this.logFolderChoice = found ?? folders[0];
  }

  /** The folders (of a multi-root workspace) whose configured log exists, in the workspace's order. */
  async foldersWithLog(): Promise<vscode.WorkspaceFolder[]> {
    const out: vscode.WorkspaceFolder[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) if (await exists(this.logUriIn(folder))) out.push(folder);
    return out;
  }

  /** Follows `folder`'s log from now on, as a person chose (until that folder leaves the workspace). */
  followFolder(folder: vscode.WorkspaceFolder): void {
    const same = this.logFolderChoice?.uri.toString() === folder.uri.toString();
    this.chosenByUser = true;
    this.logFolderChoice = folder;
    if (same) return;
    this.previous = undefined;
    if (this.watchers) this.watch();
    this.invalidate(0);
  }

  /** The folder is looked for again: the setting or the folders changed. A person's choice stays while its folder does. */
  private forgetFolder(): void {
    const chosen = this.logFolderChoice;
    if (this.chosenByUser && chosen && (vscode.workspace.workspaceFolders ?? []).some((f) => f.uri.toString() === chosen.uri.toString())) return;
    this.chosenByUser = false;
    this.logFolderChoice = undefined;
  }

  /** The configured log path in the folder that holds the log. */
  logUri(): vscode.Uri | undefined {
    const folder = this.logFolder();
    return folder ? this.logUriIn(folder) : undefined;
  }

  /** Where `folder`'s log is, by the logPath setting as that folder sees it. */
  logUriIn(folder: vscode.WorkspaceFolder): vscode.Uri {
    return vscode.Uri.joinPath(folder.uri, ...this.setting(folder).split(/[\\/]+/).filter(Boolean));
  }

  private setting(folder: vscode.WorkspaceFolder): string {
    return readSetting('logPath', folder.uri);
  }

  isLog(uri: vscode.Uri): boolean {
    const log = this.logUri();
    return !!log && uri.toString() === log.toString();
  }

  /** Re-reads on the next request, and tells listeners (after `delayMs` of quiet). */
  invalidate(delayMs = 0): void {
    this.cached = undefined;
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = undefined;
      this.cached = undefined;
      this.changed.fire();
    }, delayMs);
  }

  private watch(): void {
    for (const w of this.watchers ?? []) w.dispose();
    const playbookDir = PLAYBOOK_PATH.slice(0, PLAYBOOK_PATH.lastIndexOf('/'));
    const onFs = (uri: vscode.Uri) => {
      if (uri.path.endsWith(`/${playbookDir}`) || uri.path.endsWith('/playbook.yml')) {
        this.policyCache.clear();
        // A file written right after its new folder is created can go unreported by the watcher
        // (seen in CI: no event at all for a fresh .incident/playbook.yml), so look once more.
        if (this.playbookRecheck) clearTimeout(this.playbookRecheck);
        this.playbookRecheck = setTimeout(() => {
          this.playbookRecheck = undefined;
          this.invalidate(0);
        }, 1000);
      }
      this.invalidate(100);
    };
    // The log appeared in, or left, a folder of a multi-root workspace: look for it again.
    const onCreateOrDelete = (uri: vscode.Uri) => {
      if (!uri.path.includes(`/${playbookDir}`)) this.forgetFolder();
      onFs(uri);
    };
    // Every folder: a log created in another folder of a multi-root workspace is found too.
    // A playbook may sit in any folder between the log and the repository root.
    this.watchers = (vscode.workspace.workspaceFolders ?? []).map((folder) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, `{${this.setting(folder)},${PLAYBOOK_PATH},${playbookDir},**/${PLAYBOOK_PATH},**/${playbookDir}}`));
      watcher.onDidChange(onFs);
      watcher.onDidCreate(onCreateOrDelete);
      watcher.onDidDelete(onCreateOrDelete);
      return watcher;
    });
    // The per-incident files an index table links to: a change to one (a save of ours, the CLI,
    // git) changes what the log shows. Only logs that link files are read again for it.
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const linked = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**/*.md'));
      const onLinked = (uri: vscode.Uri) => {
        if (this.isLog(uri) || !this.previous?.index.incidents.some((i) => i.source !== 'section')) return;
        this.invalidate(100);
      };
      linked.onDidChange(onLinked);
      linked.onDidCreate(onLinked);
      linked.onDidDelete(onLinked);
      this.watchers.push(linked);
    }
  }

  /** The log as it stands now (cached until something changes). */
  read(): Promise<LogState> {
    if (!this.watchers) this.watch();
    this.cached ??= this.load().catch((e: unknown) => {
      this.cached = undefined;
      throw e;
    });
    return this.cached;
  }

  private async load(): Promise<LogState> {
    if (!this.logFolderChoice) await this.searchLogFolder();
    const uri = this.logUri();
    const folder = this.logFolder();
    if (!uri || !folder) return { kind: 'no-folder' };
    // A log linked out of the repository is not the repository's record: it is not read (as the CLI).
    const where = uri.scheme === 'file' ? containedPath(this.repositoryRoot(uri, folder), uri.fsPath) : undefined;
    if (where && 'reason' in where) return { kind: 'unreadable', uri, message: vscode.l10n.t('{0} {1}; it is not read.', vscode.workspace.asRelativePath(uri), where.reason) };
    const text = await readText(uri);
    if (text.kind === 'missing') return { kind: 'missing', uri, setting: this.setting(folder) };
    if (text.kind === 'error') return { kind: 'unreadable', uri, message: text.message };
    const policy = await this.policy(folder);
    const started = performance.now();
    const prev = this.previous;
    // A log whose index table links files is read in full each time: a linked file may have
    // changed with the log's text unchanged (reindexLog reads such logs in full anyway).
    const incremental = prev !== undefined && prev.uri === uri.toString() && prev.policy === policy && !prev.index.incidents.some((i) => i.source !== 'section');
    const options = { policy, readFile: this.linkReader(uri, folder) };
    // reindexLog falls back to a full index by itself whenever the edit is structural.
    const index = incremental ? reindexLog(prev.index, text.text, options) : indexLog(text.text, options);
    this.previous = { uri: uri.toString(), index, policy };
    this.output.appendLine(`${incremental ? 'Re-indexed' : 'Indexed'} ${vscode.workspace.asRelativePath(uri)}: ${index.incidents.length} incident(s) in ${(performance.now() - started).toFixed(1)} ms`);
    // Without a playbook, a log written in P-levels is read (and checked, grouped, written) with
    // the P1..P4 preset its index chose.
    return { kind: 'ok', uri, text: text.text, index, policy: policyOf(index, policy), linkedPaths: this.linkedPaths(uri, index) };
  }

  /**
   * The files of the repository holding `uri`: new files (a log, a review draft, the playbook,
   * .gitattributes) are created through it, locked and never through a link out of the repository.
   * Edits of existing files go through VS Code's documents instead.
   */
  filesFor(uri: vscode.Uri): RepositoryFiles {
    if (uri.scheme !== 'file') throw new WriteRefused(vscode.l10n.t("{0} is not on this machine's disk; the incident record is kept in a local folder.", uri.toString()));
    const folder = vscode.workspace.getWorkspaceFolder(uri) ?? this.logFolder();
    return new RepositoryFiles(repositoryRoot(uri.fsPath, { workspaceFolder: folder?.uri.fsPath }));
  }

  /** The repository the log belongs to: its git root, else the workspace folder (links and the playbook stay inside it). */
  repositoryRoot(logUri: vscode.Uri, folder: vscode.WorkspaceFolder): string {
    return repositoryRoot(logUri.fsPath, { workspaceFolder: folder.uri.fsPath });
  }

  private linkReader(logUri: vscode.Uri, folder: vscode.WorkspaceFolder) {
    const root = this.repositoryRoot(logUri, folder);
    const key = `${logUri.fsPath}\n${root}`;
    if (this.reader?.key !== key) this.reader = { key, read: linkedFileReader(logUri.fsPath, root) };
    return this.reader.read;
  }

  /**
   * Indexes `text` as the log at `logUri`, following its links as the store does (for commands
   * that index the document they are about to change).
   */
  indexText(logUri: vscode.Uri, text: string, policy: Policy): LogIndex {
    const folder = vscode.workspace.getWorkspaceFolder(logUri);
    return indexLog(text, { policy, readFile: folder ? this.linkReader(logUri, folder) : undefined });
  }

  /** Where an incident read from a linked file lives, checked as the reader checked it; undefined when refused or gone. */
  linkedFile(logUri: vscode.Uri, incident: Incident): LinkedFile | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(logUri);
    if (incident.source !== 'linked-file' || !incident.file || !folder) return undefined;
    const link = resolveLinkedFile(logUri.fsPath, incident.file, this.repositoryRoot(logUri, folder), { decoded: true });
    return 'reason' in link || !link.exists ? undefined : link;
  }

  private linkedPaths(logUri: vscode.Uri, index: LogIndex): Map<Incident, string> {
    const paths = new Map<Incident, string>();
    for (const incident of index.incidents) {
      if (incident.source !== 'linked-file') continue;
      const link = this.linkedFile(logUri, incident);
      if (link) paths.set(incident, link.realPath);
    }
    return paths;
  }

  /**
   * The team's playbook: the first `.incident/playbook.yml` from the log's folder up to the
   * repository root, never above (the CLI's rule); the built-in policy when there is none. YAML
   * and zod load only when there is one.
   */
  async policy(folder: vscode.WorkspaceFolder): Promise<Policy> {
    const log = this.logUriIn(folder);
    const found = log.scheme === 'file' ? findPlaybook(dirname(log.fsPath), this.repositoryRoot(log, folder)) : undefined;
    const uri = found ? vscode.Uri.file(found) : vscode.Uri.joinPath(folder.uri, ...PLAYBOOK_PATH.split('/'));
    // An unsaved edit of the playbook counts at once; otherwise the file does: a playbook opened
    // in an editor and then deleted (or replaced by git) stays in VS Code's documents a while.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !d.isClosed);
    const text = await readText(uri, !open?.isDirty);
    if (text.kind !== 'ok') return this.builtInPolicy;
    const key = `${uri.toString()}\n${text.text}`;
    const cached = this.policyCache.get(uri.toString());
    if (cached?.key === key) return cached.policy;
    let policy: Policy;
    try {
      const { loadPolicy } = await import('../core/playbook/playbook');
      policy = loadPolicy(text.text);
    } catch (e) {
      const message = e instanceof PolicyError ? e.message : e instanceof Error ? e.message : String(e);
      const note = vscode.l10n.t('{0}: {1} — using the built-in policy until it is fixed.', PLAYBOOK_PATH, message);
      this.output.appendLine(note);
      if (this.warnedPolicy !== key) {
        this.warnedPolicy = key;
        void vscode.window.showWarningMessage(vscode.l10n.t('Incident Playbook: {0}', note));
      }
      policy = defaultPolicy();
    }
    this.policyCache.set(uri.toString(), { key, policy });
    return policy;
  }

  dispose(): void {
    if (this.debounce) clearTimeout(this.debounce);
    if (this.playbookRecheck) clearTimeout(this.playbookRecheck);
    for (const w of this.watchers ?? []) w.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

type ReadResult = { kind: 'ok'; text: string } | { kind: 'missing' } | { kind: 'error'; message: string };

/** Whether something exists at `uri`. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** An open document's current text (unless `fromDisk`), else the file's; never throws. */
export async function readText(uri: vscode.Uri, fromDisk = false): Promise<ReadResult> {
  const open = fromDisk ? undefined : vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open && !open.isClosed) return { kind: 'ok', text: open.getText() };
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    if (e instanceof vscode.FileSystemError && (e.code === 'FileNotFound' || e.code === 'EntryNotFound')) return { kind: 'missing' };
    if (e instanceof vscode.FileSystemError && e.code === 'FileIsADirectory') return { kind: 'error', message: vscode.l10n.t('{0} is a folder, not a markdown file.', vscode.workspace.asRelativePath(uri)) };
    return { kind: 'error', message: vscode.l10n.t('{0} cannot be read ({1}).', vscode.workspace.asRelativePath(uri), e instanceof Error ? e.message : String(e)) };
  }
  if (bytes.subarray(0, 8192).includes(0)) return { kind: 'error', message: vscode.l10n.t('{0} is a binary file, not a markdown log.', vscode.workspace.asRelativePath(uri)) };
  try {
    // VS Code's documents hold the text without a BOM; read files the same way so that offsets
    // computed from either agree.
    const text = decoder.decode(bytes);
    return { kind: 'ok', text };
  } catch {
    return { kind: 'error', message: vscode.l10n.t('{0} is not valid UTF-8 text.', vscode.workspace.asRelativePath(uri)) };
  }
}
