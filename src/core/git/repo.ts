// The git repository holding the incident record, through git itself (gitCommand.ts).
// Every way git can be missing or unusable gives one clear sentence (GitUnavailable) for the
// command that needs it; nothing else in the tool depends on git.
import { type GitCommand, gitCommand } from './gitCommand';
import { basename } from 'node:path';
import { formatIsoUtc } from '../format/time';

/** git cannot do what a command needs here; the message says why and what to do. */
export class GitUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GitUnavailable';
  }
}

export interface Repo {
  git: GitCommand;
  /** The working tree's top folder. */
  root: string;
  /** True in a shallow clone: history beyond its depth is not here. */
  shallow: boolean;
}

const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).trim().split('\n')[0];

/** The repository holding `dir`; throws GitUnavailable when there is no git or no working tree. */
export async function openRepo(dir: string): Promise<Repo> {
  const git = gitCommand(dir);
  try {
    await git.raw(['--version']);
  } catch {
    throw new GitUnavailable('git is not installed (or not on PATH): recent changes and committing the record need it; everything else works without it.');
  }
  let bare = '';
  try {
    bare = (await git.raw(['rev-parse', '--is-bare-repository'])).trim();
  } catch {
    throw new GitUnavailable(`${dir} is not in a git repository: recent changes and committing the record need one (git init, or a clone); everything else works without it.`);
  }
  if (bare === 'true') {
    const gitDir = (await git.raw(['rev-parse', '--absolute-git-dir']).catch(() => dir)).trim();
    throw new GitUnavailable(`${basename(gitDir)} is a bare git repository: it has no working tree to hold the incident log. Work in a clone of it.`);
  }
  let root: string;
  try {
    root = (await git.raw(['rev-parse', '--show-toplevel'])).trim();
  } catch {
    throw new GitUnavailable(`${dir} is inside a git folder but not in a working tree: recent changes and committing the record need a working tree.`);
  }
  const shallow = (await git.raw(['rev-parse', '--is-shallow-repository']).catch(() => 'false')).trim() === 'true';
  return { git: gitCommand(root), root, shallow };
}

/** True when HEAD has at least one commit. */
export async function hasCommits(repo: Repo): Promise<boolean> {
  return repo.git
    .raw(['rev-parse', '--verify', '-q', 'HEAD^{commit}'])
    .then((out) => out.trim() !== '')
    .catch(() => false);
}

export interface Change {
  hash: string;
  short: string;
  author: string;
  /** When the commit landed (committer date), ISO 8601 UTC. */
  date: string;
  subject: string;
  files: string[];
}

/**
 * The commits reachable from HEAD whose committer date lies in [since, until], newest first.
 * Commits that change only files `isRecord` accepts (the incident record itself) are left out.
 */
export async function listChanges(repo: Repo, since: Date, until: Date, isRecord: (file: string) => boolean = () => false): Promise<Change[]> {
  if (!(await hasCommits(repo))) return [];
  let out: string;
  try {
    out = await repo.git.raw(['-c', 'core.quotepath=off', 'log', '-z', '--no-color', '--no-renames', '--format=%x1e%H%x1f%h%x1f%an%x1f%cI%x1f%s', '--name-only', `--since=${since.toISOString()}`, `--until=${until.toISOString()}`, 'HEAD', '--']);
  } catch (e) {
    throw new GitUnavailable(`git log failed: ${firstLine(e)}`);
  }
  const changes: Change[] = [];
  for (const record of out.split('\x1e')) {
    if (!record) continue;
    const cut = record.indexOf('\0');
    const header = cut === -1 ? record : record.slice(0, cut);
    const [hash, short, author, date, subject] = header.replace(/\n$/, '').split('\x1f');
    if (!hash || !date) continue;
    const files = (cut === -1 ? '' : record.slice(cut + 1)).replace(/^\n/, '').split('\0').filter(Boolean);
    const at = Date.parse(date);
    // git's --since/--until prune the walk; the exact window is applied here.
    if (Number.isNaN(at) || at < since.getTime() || at > until.getTime()) continue;
    if (files.length > 0 && files.every(isRecord)) continue;
    changes.push({ hash, short, author, date: formatIsoUtc(new Date(at)), subject: subject ?? '', files });
  }
  return changes.sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
}

/** The timeline entry "Add to timeline" writes for a change. */
export function suspectChangeEntry(change: Pick<Change, 'short' | 'subject'>): string {
  return `Suspect change ${change.short}: ${change.subject}`;
}
