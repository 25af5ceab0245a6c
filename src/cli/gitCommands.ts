// The `incident` commands about git: setup-merge, normalize, changes, commit. Loaded by main.ts
// only when one of them runs; main hands over what it owns (reading the log, writing an
// incident where it lives, its usage error).
import { dirname, relative, resolve } from 'node:path';
import type { Incident, LogIndex } from '../core/model';
import type { Policy } from '../core/playbook/policy';
import { WriteRefused, applySplices } from '../core/log/writer';
import { type TimelineOrder, normalizeTimeline } from '../core/git/timelineOrder';
import { escapeJsonForTerminal, sanitizeForDisplay } from '../core/format/displayText';
import { LogFileError, indexFile, readTextFile } from '../core/log/logFile';
import { RepositoryFiles } from '../core/log/repositoryFiles';
import { resolveLinkedFile } from '../core/log/paths';
import { NotInGitError, mergeAttributeOf, planUnionMerge } from '../core/git/attributes';
import { findGitRoot } from '../core/log/paths';
import { findIncident } from '../core/indexer';
import { formatLogTime } from '../core/format/time';
import { changeWindow, parseHours } from '../core/git/changeWindow';
import { GitUnavailable, type Repo, listChanges, openRepo } from '../core/git/repo';
import { isRecordFile } from '../core/git/record';

export interface GitCommandHost {
  command: string;
  args: string[];
  values: { json?: boolean; hours?: string; push?: boolean };
  logPath: string;
  policy: Policy;
  cwd: string;
  readLog(): { text: string; index: LogIndex };
  files: RepositoryFiles;
  writeIncidentText(id: string, next: (text: string, index: LogIndex, incidentId: string) => string): Promise<Incident>;
  usage(message: string): Error;
}

const shown = (s: string | null | undefined, fallback = '-'): string => (s === null || s === undefined ? fallback : sanitizeForDisplay(s));
const print = (text: string): void => console.log(sanitizeForDisplay(text, { multiline: true }));
const note = (text: string): void => console.error(sanitizeForDisplay(text, { multiline: true }));
const printJson = (value: unknown, indent?: number): void => console.log(escapeJsonForTerminal(JSON.stringify(value, null, indent)));

/** The absolute paths of the incident files the log's index table links to (inside the repository). */
export function linkedFilePaths(logPath: string, index: LogIndex | undefined, root: string): string[] {
  const out: string[] = [];
  for (const incident of index?.incidents ?? []) {
    if (incident.source !== 'linked-file' || !incident.file) continue;
    const link = resolveLinkedFile(logPath, incident.file, root, { decoded: true });
    if (!('reason' in link)) out.push(link.path);
  }
  return out;
}

/** Sets up union merging for the log's record; returns the note to print. */
export async function setupMerge(logPath: string, index: LogIndex | undefined, cwd: string): Promise<{ added: string[]; where: string }> {
  let plan;
  try {
    // .gitattributes sits at the repository root it is read from: a link out of it is refused.
    const read = (path: string) => new RepositoryFiles(dirname(path)).read(path);
    plan = planUnionMerge(logPath, [], read);
    const linked = linkedFilePaths(logPath, index, plan.root);
    if (linked.length) plan = planUnionMerge(logPath, linked, read);
  } catch (e) {
    if (e instanceof NotInGitError) throw new WriteRefused(e.message);
    throw e;
  }
  if (plan.added.length) {
    const { before, after } = plan;
    await new RepositoryFiles(plan.root).update(plan.path, (current) => {
      if (current !== before) throw new LogFileError(`${plan.path} changed while it was being edited; nothing was written. Run the command again.`);
      return after;
    });
  }
  return { added: plan.added, where: relative(cwd, plan.path) || plan.path };
}

/**
 * `incident init`'s offer: with --merge, sets up union merging; without, says how when the log
 * is in a git repository that does not merge it by union yet.
 */
export async function initMerge(logPath: string, policy: Policy, merge: boolean | undefined, cwd: string): Promise<void> {
  if (merge) {
    const text = readTextFile(logPath);
    const index = text === undefined ? undefined : indexFile(logPath, text, policy, { workspaceFolder: cwd });
    const { added, where } = await setupMerge(logPath, index, cwd);
    note(added.length ? `Added merge=union for the incident record to ${where}.` : `${where} already merges the incident record by union.`);
    return;
  }
  const root = findGitRoot(dirname(resolve(logPath)));
  if (root && mergeAttributeOf(root, logPath) !== 'union') note('Responders on several machines? Run "incident setup-merge" (or init --merge) so that appends to one incident merge without conflict.');
}

/** The repository of the log, GitUnavailable turned into a refusal with its message. */
async function gitRepo(dir: string): Promise<Repo> {
  try {
    return await openRepo(dir);
  } catch (e) {
    throw e instanceof GitUnavailable ? new WriteRefused(e.message) : e;
  }
}

/** Runs a git command of the CLI; undefined when `command` is not one of them. */
export async function runGitCommand(host: GitCommandHost): Promise<number | undefined> {
  const { command, args } = host;
  switch (command) {
    case 'setup-merge': {
      if (args.length) throw host.usage('Usage: incident setup-merge');
      const index = readTextFile(host.logPath) === undefined ? undefined : host.readLog().index;
      const { added, where } = await setupMerge(host.logPath, index, host.cwd);
      if (added.length === 0) note(`${where} already merges the incident record by union; nothing to do.`);
      else note(`Added to ${where}:\n${added.map((l) => `  ${l}`).join('\n')}\nCommit it so that every clone merges the record by union.`);
      return 0;
    }
    case 'normalize': {
      if (args.length !== 1) throw host.usage('Usage: incident normalize ID');
      let result: TimelineOrder | undefined;
      const incident = await host.writeIncidentText(args[0], (text, index, incId) => {
        result = normalizeTimeline(index, incId);
        return applySplices(text, result.splices);
      });
      const r = result as TimelineOrder | undefined;
      if (!r || r.moved === 0) note(`The timeline of ${shown(incident.id)} is already in time order (${r?.entries ?? 0} entries).`);
      else note(`Sorted the timeline of ${shown(incident.id)} by time: ${r.moved} of ${r.entries} entries moved.`);
      return 0;
    }
    case 'changes': {
      if (args.length !== 1) throw host.usage('Usage: incident changes ID [--hours N] [--json]');
      const hours = parseHours(host.values.hours);
      if (typeof hours !== 'number') throw host.usage(hours.problem);
      const { index } = host.readLog();
      const incident = findIncident(index, args[0]);
      if (!incident) throw host.usage(`No incident "${args[0]}" in ${host.logPath}.`);
      const window = changeWindow(incident, hours, new Date());
      if ('problem' in window) throw new WriteRefused(window.problem);
      const repo = await gitRepo(dirname(host.logPath));
      const changes = await listChanges(repo, window.since, window.until, isRecordFile(repo.root, host.logPath, linkedFilePaths(host.logPath, index, repo.root)));
      if (repo.shallow) note('This is a shallow clone: commits older than its depth are not here (git fetch --unshallow to get them).');
      if (host.values.json) {
        printJson(changes.map((c) => ({ hash: c.hash, author: c.author, date: c.date, subject: c.subject, files: c.files })), process.stdout.isTTY ? 2 : undefined);
        return 0;
      }
      const zone = host.policy.timeZone;
      note(`Commits from ${formatLogTime(window.since, zone)} (${hours} h before ${window.from === 'detection' ? 'detection' : 'the first entry'}) to ${window.untilNow ? 'now' : `resolution, ${formatLogTime(window.until, zone)}`}:`);
      if (changes.length === 0) print('No commits in the window.');
      for (const c of changes) {
        print(`${shown(c.short)}  ${formatLogTime(new Date(c.date), zone)}  ${shown(c.author)}  ${shown(c.subject)}`);
        if (c.files.length) print(`${' '.repeat(c.short.length + 2)}${c.files.slice(0, 8).map((f) => shown(f)).join(', ')}${c.files.length > 8 ? `, and ${c.files.length - 8} more` : ''}`);
      }
      return 0;
    }
    case 'commit': {
      if (args.length !== 1) throw host.usage('Usage: incident commit ID [--push]');
      const repo = await gitRepo(dirname(host.logPath));
      const { commitIncidentRecord } = await import('../core/git/commitRecord');
      let outcome;
      try {
        outcome = await commitIncidentRecord({ repo, logPath: host.logPath, incidentId: args[0], policy: host.policy, push: host.values.push, onProgress: (step) => note(step), workspaceFolder: host.cwd });
      } catch (e) {
        throw e instanceof GitUnavailable ? new WriteRefused(e.message) : e;
      }
      if (outcome.committed) note(`Committed ${outcome.files.paths.join(', ')}: ${outcome.message}`);
      else note(`Nothing to commit: the record of ${shown(args[0])} (${outcome.files.paths.join(', ')}) is as last committed.`);
      if (outcome.pushed) note(`${outcome.pulled ? 'Merged the remote’s new commits and pushed' : 'Pushed'} to ${outcome.pushedTo}.`);
      if (outcome.hash) print(outcome.hash);
      return 0;
    }
    default:
      return undefined;
  }
}

