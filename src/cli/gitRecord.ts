// What the `incident` commands about git share (init, setup-merge, changes, commit): the files of
// the record, union merging, and the repository of the log. Loaded only when one of them runs.
import { dirname, relative, resolve } from 'node:path';
import type { LogIndex } from '../core/model';
import type { Policy } from '../core/playbook/policy';
import { WriteRefused } from '../core/log/writer';
import { LogFileError, indexFile, readTextFile } from '../core/log/logFile';
import { RepositoryFiles } from '../core/log/repositoryFiles';
import { findGitRoot, resolveLinkedFile } from '../core/log/paths';
import { NotInGitError, mergeAttributeOf, planUnionMerge } from '../core/git/attributes';
import { GitUnavailable, type Repo, openRepo } from '../core/git/repo';
import { note } from './output';

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
export async function gitRepo(dir: string): Promise<Repo> {
  try {
    return await openRepo(dir);
  } catch (e) {
    throw e instanceof GitUnavailable ? new WriteRefused(e.message) : e;
  }
}
