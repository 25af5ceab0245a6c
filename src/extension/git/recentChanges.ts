// "Incident: Show Recent Changes": the commits that landed from N hours (the setting
// incidentPlaybook.recentChanges.hours, 24) before an incident's detection until its resolution
// or now, in a QuickPick. Picking one opens its diff in the built-in git extension's diff view; a
// button logs "Suspect change <hash>: <subject>" on the incident's timeline.
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { Settings, readSetting } from '../settings';
import { changeWindow, parseHours } from '../../core/git/changeWindow';
import { isRecordFile } from '../../core/git/record';
import { type Change, GitUnavailable, type Repo, listChanges, openRepo, suspectChangeEntry } from '../../core/git/repo';
import type { Incident } from '../../core/model';
import { formatLogTime } from '../../core/format/time';
import { WriteRefused } from '../../core/log/writer';
import { type AddTimelineEntryArgs, Commands, type IncidentArgs } from '../commandIds';
import type { LogStore } from '../logStore';
import { logContext } from '../logContext';
import { incidentFor } from './context';

export interface ShowRecentChangesArgs extends IncidentArgs {
  /** Hours before detection; the setting's value when absent. */
  hours?: number;
  /** Without UI: `list` returns the commits; `open` and `addToTimeline` act on `hash`. */
  action?: 'list' | 'open' | 'addToTimeline';
  /** A commit of the list (full or short hash). */
  hash?: string;
}

/** What opening a commit showed: the git extension's diff of its files, or `git show` as text. */
export interface OpenedChange {
  view: 'git' | 'text';
  files: number;
}

/** The parts of the built-in git extension's API used here. */
interface GitApi {
  toGitUri(uri: vscode.Uri, ref: string): vscode.Uri;
  repositories: Array<{ rootUri: vscode.Uri }>;
  openRepository?(root: vscode.Uri): Thenable<unknown>;
}
interface GitExtension {
  enabled: boolean;
  getAPI(version: 1): GitApi;
}

/** An empty tree: the "before" of a commit without a parent. */
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

async function repoOf(path: string): Promise<Repo> {
  try {
    return await openRepo(dirname(path));
  } catch (e) {
    throw e instanceof GitUnavailable ? new WriteRefused(e.message) : e;
  }
}

async function gitApi(): Promise<GitApi | undefined> {
  const ext = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!ext) return undefined;
  try {
    const exports = ext.isActive ? ext.exports : await ext.activate();
    return exports?.enabled ? exports.getAPI(1) : undefined;
  } catch {
    return undefined;
  }
}

/** Opens a commit's diff: every changed file side by side with its parent, in the git extension's view. */
export async function openChange(repo: Repo, change: Change): Promise<OpenedChange> {
  const api = await gitApi();
  const title = `${change.short} ${change.subject}`;
  if (api && change.files.length) {
    // git: URIs are served for repositories the extension has open (it may not have scanned yet).
    const rootUri = vscode.Uri.file(repo.root);
    if (!api.repositories.some((r) => r.rootUri.fsPath === rootUri.fsPath)) await api.openRepository?.(rootUri);
    const parent = await repo.git
      .raw(['rev-parse', '--verify', '-q', `${change.hash}^`])
      .then((out) => out.trim() || EMPTY_TREE)
      .catch(() => EMPTY_TREE);
    const resources = change.files.map((f) => {
      const uri = vscode.Uri.file(join(repo.root, f));
      return [uri, api.toGitUri(uri, parent), api.toGitUri(uri, change.hash)] as const;
    });
    if (resources.length === 1) await vscode.commands.executeCommand('vscode.diff', resources[0][1], resources[0][2], `${title} (${change.files[0]})`);
    else await vscode.commands.executeCommand('vscode.changes', title, resources);
    return { view: 'git', files: resources.length };
  }
  // No git extension (disabled by git.enabled: false, or absent), or a merge without file
  // changes: the commit as `git show` prints it, in a read-only diff document.
  const text = await repo.git.raw(['show', '--stat', '--patch', '--no-color', change.hash]);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: text, language: 'diff' }), { preview: true });
  return { view: 'text', files: change.files.length };
}

function addToTimeline(incident: Incident, change: Change): Thenable<unknown> {
  return vscode.commands.executeCommand(Commands.addTimelineEntry, { incident: incident.id, text: suspectChangeEntry(change) } satisfies AddTimelineEntryArgs);
}

export async function showRecentChanges(store: LogStore, args: Partial<ShowRecentChangesArgs>): Promise<Change[] | OpenedChange | unknown> {
  const ctx = await logContext(store);
  if (ctx.doc.uri.scheme !== 'file') throw new WriteRefused(vscode.l10n.t('The incident log is not on this machine’s disk; recent changes need a local clone.'));
  const incident = await incidentFor(store, ctx, args.incident, vscode.l10n.t('Show Recent Changes'));
  if (!incident) return undefined;
  const setting = readSetting('recentChangesHours', ctx.folder.uri);
  const hours = parseHours(args.hours ?? setting);
  if (typeof hours !== 'number') throw new WriteRefused(hours.problem.replace('--hours', Settings.recentChangesHours.id));
  const window = changeWindow(incident, hours, new Date());
  if ('problem' in window) throw new WriteRefused(window.problem);
  const logPath = ctx.doc.uri.fsPath;
  const repo = await repoOf(logPath);
  const state = await store.read();
  const linked = state.kind === 'ok' ? [...state.linkedPaths.values()] : [];
  const changes = await listChanges(repo, window.since, window.until, isRecordFile(repo.root, logPath, linked));
  if (args.action === 'list') return changes;
  if (args.action) {
    const want = (args.hash ?? '').trim();
    const change = changes.find((c) => want.length >= 4 && c.hash.startsWith(want));
    if (!change) throw new WriteRefused(vscode.l10n.t('No commit "{0}" among the recent changes of {1}.', want, incident.id));
    return args.action === 'open' ? openChange(repo, change) : addToTimeline(incident, change);
  }
  const zone = ctx.policy.timeZone;
  const since = formatLogTime(window.since, zone);
  const until = formatLogTime(window.until, zone);
  const span =
    window.from === 'detection'
      ? window.untilNow
        ? vscode.l10n.t('{0} ({1} h before detection) to now', since, hours)
        : vscode.l10n.t('{0} ({1} h before detection) to {2}', since, hours, until)
      : window.untilNow
        ? vscode.l10n.t('{0} ({1} h before first entry) to now', since, hours)
        : vscode.l10n.t('{0} ({1} h before first entry) to {2}', since, hours, until);
  if (changes.length === 0) {
    void vscode.window.showInformationMessage(repo.shallow ? vscode.l10n.t('No commits landed from {0}. This is a shallow clone: older commits are not here.', span) : vscode.l10n.t('No commits landed from {0}.', span));
    return changes;
  }
  const add: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('add'), tooltip: vscode.l10n.t('Add to timeline') };
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { change: Change }>();
  pick.title = vscode.l10n.t('Recent changes — {0}', incident.id);
  pick.placeholder = vscode.l10n.t('{0} commit(s) from {1}: pick one to see its diff, or + to log it as a suspect change', changes.length, span);
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.items = changes.map((c) => ({
    label: `$(git-commit) ${c.short}  ${c.subject}`,
    description: `${c.author} · ${formatLogTime(new Date(c.date), zone)}`,
    detail: c.files.length ? (c.files.length > 6 ? vscode.l10n.t('{0}, and {1} more', c.files.slice(0, 6).join(', '), c.files.length - 6) : c.files.join(', ')) : vscode.l10n.t('(no file changes)'),
    buttons: [add],
    change: c,
  }));
  pick.onDidTriggerItemButton(async (e) => {
    await addToTimeline(incident, e.item.change);
    void vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) {0}: logged {1}', incident.id, suspectChangeEntry(e.item.change)), 5000);
  });
  pick.onDidAccept(() => {
    const chosen = pick.selectedItems[0];
    pick.hide();
    if (chosen) void openChange(repo, chosen.change);
  });
  pick.onDidHide(() => pick.dispose());
  pick.show();
  return changes;
}
