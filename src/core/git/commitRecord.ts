// Committing an incident's record: only the log, the incident's linked file and its review are
// staged and committed, with a message that says what changed since the last commit
// (`incident(INC-2026-1130-001): status Mitigating, 3 entries`). With push, the remote's new
// commits are merged first (never a rebase, never a force); a conflict undoes the merge and says so.
import { findIncident, indexIncidentFile, indexLog } from '../indexer';
import { LogFileError, indexFile } from '../log/logFile';
import { RepositoryFiles } from '../log/repositoryFiles';
import type { Incident } from '../model';
import { resolveLinkedFile } from '../log/paths';
import type { Policy } from '../playbook/policy';
import { reviewFileName } from '../review/review';
import { WriteRefused } from '../log/writer';
import { type RecordFiles, literalPathspecs, recordFiles } from './record';
import { GitUnavailable, type Repo, hasCommits } from './repo';

const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).trim().split('\n')[0];
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What changed in an incident between two readings of it, as the commit message says it. */
export function summarizeChange(before: Incident | undefined, after: Incident, reviewChanged: boolean): string {
  const parts: string[] = [];
  if (!before) parts.push('declared');
  if (before && after.status && after.status !== before.status) parts.push(`status ${after.status}`);
  if (before && after.severity && after.severity !== before.severity) parts.push(`severity ${after.severity}`);
  const roles: Array<[keyof Incident['roles'], string]> = [
    ['commander', 'commander'],
    ['techLead', 'tech lead'],
    ['commsLead', 'comms lead'],
  ];
  for (const [role, label] of roles) if (before && after.roles[role] && after.roles[role] !== before.roles[role]) parts.push(`${label} ${after.roles[role]}`);
  // Entries counted as a multiset, so that entries merged in from another clone count once each.
  const seen = new Map<string, number>();
  for (const e of before?.timeline ?? []) seen.set(`${e.at}|${e.text}`, (seen.get(`${e.at}|${e.text}`) ?? 0) + 1);
  let added = 0;
  for (const e of after.timeline) {
    const key = `${e.at}|${e.text}`;
    const left = seen.get(key) ?? 0;
    if (left > 0) seen.set(key, left - 1);
    else added++;
  }
  if (added) parts.push(plural(added, 'entry', 'entries'));
  const done = (i: Incident | undefined) => i?.checklist.filter((c) => c.done).length ?? 0;
  const ticked = done(after) - done(before);
  if (before && ticked > 0) parts.push(`checklist +${ticked}`);
  if (reviewChanged) parts.push('review');
  return parts.length ? parts.join(', ') : 'update';
}

export interface CommitOutcome {
  /** False when the record had nothing new to commit. */
  committed: boolean;
  message?: string;
  hash?: string;
  files: RecordFiles;
  /** The remote's commits were merged before pushing. */
  pulled: boolean;
  pushed: boolean;
  /** Where it was pushed (`origin/main`). */
  pushedTo?: string;
}

export interface CommitOptions {
  repo: Repo;
  logPath: string;
  incidentId: string;
  policy: Policy;
  push?: boolean;
  /** A step is starting ("Pulling origin/main…"), for a progress notification. */
  onProgress?: (step: string) => void;
  /** The workspace folder (the CLI's working directory) for a log outside any repository. */
  workspaceFolder?: string;
}

async function ok(repo: Repo, args: string[]): Promise<boolean> {
  return repo.git.raw(args).then(
    () => true,
    () => false,
  );
}

/** Refuses, with one clear message, what git cannot commit from: no identity, a detached HEAD, a merge in conflict. */
async function checkCommittable(repo: Repo, files: RecordFiles): Promise<void> {
  const name = (await repo.git.raw(['config', 'user.name']).catch(() => '')).trim();
  const email = (await repo.git.raw(['config', 'user.email']).catch(() => '')).trim();
  if ((!name && !email) || !(await ok(repo, ['var', 'GIT_COMMITTER_IDENT']))) {
    throw new GitUnavailable('git does not know who you are, so it cannot commit: run git config user.name "Your Name" and git config user.email you@example.com (add --global for every repository).');
  }
  if (!(await ok(repo, ['symbolic-ref', '-q', 'HEAD']))) {
    throw new GitUnavailable('HEAD is detached (no branch is checked out): a commit here would belong to no branch. Check out your branch (git switch main) and run the command again.');
  }
  const unmerged = (await repo.git.raw(['diff', '--name-only', '--diff-filter=U', '-z']).catch(() => '')).split('\0').filter(Boolean);
  if (unmerged.length) {
    const ours = unmerged.filter((f) => files.paths.includes(f));
    throw new WriteRefused(`A merge is in progress with conflicts in ${(ours.length ? ours : unmerged).join(', ')}: resolve them (or git merge --abort) first. Nothing was committed.`);
  }
}

/** The incident as the last commit has it; undefined when it is new (or there is no commit yet). */
async function incidentAtHead(repo: Repo, files: RecordFiles, incident: Incident, policy: Policy): Promise<Incident | undefined> {
  if (!(await hasCommits(repo))) return undefined;
  const show = (path: string) => repo.git.raw(['show', `HEAD:${path}`]).catch(() => undefined);
  if (files.linked) {
    const text = await show(files.linked);
    return text === undefined ? undefined : indexIncidentFile(text, policy).incidents[0];
  }
  const text = await show(files.log);
  return text === undefined ? undefined : findIncident(indexLog(text, { policy }), incident.id);
}

/** Commits the record of one incident (and pushes it when asked). */
export async function commitIncidentRecord(opts: CommitOptions): Promise<CommitOutcome> {
  const { repo, logPath, policy } = opts;
  const repoFiles = new RepositoryFiles(repo.root);
  const text = repoFiles.read(logPath);
  if (text === undefined) throw new LogFileError(`No incident log at ${logPath}.`);
  const index = indexFile(logPath, text, policy, { root: repo.root, workspaceFolder: opts.workspaceFolder });
  if (index.hasConflicts) throw new WriteRefused(`${logPath} has git conflict markers: resolve the merge first. Nothing was committed.`);
  const incident = findIncident(index, opts.incidentId);
  if (!incident) throw new WriteRefused(`No incident "${opts.incidentId}" in ${logPath}.`);
  let linkedPath: string | undefined;
  if (incident.source === 'linked-file' && incident.file) {
    const link = resolveLinkedFile(logPath, incident.file, repo.root, { decoded: true });
    if ('reason' in link) throw new WriteRefused(`${incident.id} links to ${incident.file}, which ${link.reason}; nothing was committed.`);
    linkedPath = link.path;
    const linkedText = repoFiles.read(link.path);
    if (linkedText !== undefined && indexIncidentFile(linkedText, policy).hasConflicts) throw new WriteRefused(`${incident.file} has git conflict markers: resolve the merge first. Nothing was committed.`);
  }
  const files = recordFiles(repo.root, logPath, reviewFileName(incident), linkedPath);
  await checkCommittable(repo, files);
  const outcome: CommitOutcome = { committed: false, files, pulled: false, pushed: false };

  const pathspecs = literalPathspecs(files.paths);
  const status = (await repo.git.raw(['status', '--porcelain', '-z', '--untracked-files=all', '--', ...pathspecs])).split('\0').filter(Boolean);
  if (status.length) {
    const before = await incidentAtHead(repo, files, incident, policy);
    const reviewChanged = !!files.review && status.some((s) => s.slice(3) === files.review);
    const message = `incident(${incident.id}): ${summarizeChange(before, incident, reviewChanged)}`;
    try {
      await repo.git.raw(['add', '--', ...pathspecs]);
      // With paths, only those paths are committed: anything else staged stays staged, uncommitted.
      await repo.git.raw(['commit', '-q', '-m', message, '--only', '--', ...pathspecs]);
    } catch (e) {
      throw new GitUnavailable(`git commit failed: ${firstLine(e)}`);
    }
    outcome.committed = true;
    outcome.message = message;
    outcome.hash = (await repo.git.raw(['rev-parse', 'HEAD'])).trim();
  }
  if (opts.push) await pushRecord(repo, outcome, opts.onProgress);
  return outcome;
}

/** Pulls (merge) when the remote moved, then pushes; never forces. */
async function pushRecord(repo: Repo, outcome: CommitOutcome, onProgress?: (step: string) => void): Promise<void> {
  const branch = (await repo.git.raw(['symbolic-ref', '--short', 'HEAD'])).trim();
  const upstream = (await repo.git.raw(['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{u}']).catch(() => '')).trim();
  const remotes = (await repo.git.raw(['remote'])).split('\n').filter(Boolean);
  const remote = upstream ? upstream.slice(0, upstream.indexOf('/')) : remotes.includes('origin') ? 'origin' : remotes[0];
  if (!remote) throw new GitUnavailable('This repository has no remote to push to (git remote add origin URL). The record is committed locally.');
  const target = upstream || `${remote}/${branch}`;
  const remoteBranch = upstream ? upstream.slice(remote.length + 1) : branch;
  onProgress?.(`Fetching ${remote}…`);
  try {
    await repo.git.raw(['fetch', '--quiet', remote]);
  } catch (e) {
    throw new GitUnavailable(`Fetching ${remote} failed: ${firstLine(e)}. The record is committed locally; nothing was pushed.`);
  }
  const remoteExists = await ok(repo, ['rev-parse', '--verify', '-q', `refs/remotes/${target}`]);
  if (remoteExists) {
    const behind = Number((await repo.git.raw(['rev-list', '--count', `HEAD..${target}`])).trim());
    if (behind > 0) {
      onProgress?.(`Merging ${plural(behind, 'new commit', 'new commits')} from ${target}…`);
      try {
        await repo.git.raw(['merge', '--no-edit', target]);
      } catch (e) {
        const conflicted = (await repo.git.raw(['diff', '--name-only', '--diff-filter=U', '-z']).catch(() => '')).split('\0').filter(Boolean);
        if (conflicted.length) {
          await repo.git.raw(['merge', '--abort']).catch(() => undefined);
          throw new WriteRefused(
            `${target} has changes that conflict with yours in ${conflicted.join(', ')}. The merge was undone: your commit is kept, nothing was pushed. Set up union merging (incident setup-merge) so that appends merge cleanly, or run git pull and resolve the conflict by hand.`,
          );
        }
        const message = firstLine(e);
        const full = e instanceof Error ? e.message : String(e);
        if (/would be overwritten by merge/.test(full)) {
          const files = full.split('\n').filter((l) => /^\t/.test(l)).map((l) => l.trim());
          throw new GitUnavailable(`Merging ${target} would overwrite your uncommitted changes to ${files.join(', ') || 'some files'}: commit or stash them, then run the command again. Your commit is kept; nothing was pushed.`);
        }
        if (repo.shallow || /unrelated histories|shallow/i.test(message)) throw new GitUnavailable(`This is a shallow clone: git cannot find where your history and ${target}'s meet. Run git fetch --unshallow, then run the command again. Nothing was pushed.`);
        throw new GitUnavailable(`Merging ${target} failed: ${message}. Nothing was pushed.`);
      }
      outcome.pulled = true;
    }
  }
  onProgress?.(`Pushing to ${target}…`);
  try {
    await repo.git.raw(['push', '--quiet', ...(upstream ? [] : ['--set-upstream']), remote, `HEAD:refs/heads/${remoteBranch}`]);
  } catch (e) {
    throw new GitUnavailable(`Pushing to ${target} failed: ${firstLine(e)}. If the remote moved meanwhile, run the command again (it merges first). The record is committed locally.`);
  }
  outcome.pushed = true;
  outcome.pushedTo = target;
}
