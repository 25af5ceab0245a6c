// The files that make up an incident's record in git: the log, the incident's linked file and
// its review (`pir/<id>.md` beside the log), as paths relative to the repository root.
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { containedPath } from '../log/paths';

const posix = (p: string) => p.split(sep).join('/');

/** The path git tracks the content at: a symbolic link inside the repository is its target. */
function contentPath(root: string, p: string): string {
  const absolute = resolve(p);
  const where = containedPath(root, absolute);
  return !('reason' in where) && where.exists ? posix(relative(where.realRoot, where.realPath)) : posix(relative(root, absolute));
}

export interface RecordFiles {
  log: string;
  /** The incident's linked file, when it lives in one. */
  linked?: string;
  /** The review file, when it exists. */
  review?: string;
  /** All of the above that exist, for `git add`/`git commit` (literal paths, never patterns). */
  paths: string[];
}

/** `paths` as git pathspecs that match those files only: `ops[12]/x.md` or `*.md` is a name, not a pattern. */
export const literalPathspecs = (paths: readonly string[]): string[] => paths.map((p) => `:(literal)${p}`);

/**
 * `root`-relative paths of one incident's record. `linkedPath` and review names are absolute/relative
 * to the log. A symbolically linked log (or file) is committed at its target, where its text changed.
 */
export function recordFiles(root: string, logPath: string, reviewFileName: string, linkedPath?: string): RecordFiles {
  const rel = (p: string) => contentPath(root, p);
  const log = rel(logPath);
  const reviewAbs = join(dirname(resolve(logPath)), 'pir', reviewFileName);
  const review = existsSync(reviewAbs) ? rel(reviewAbs) : undefined;
  const linked = linkedPath ? rel(linkedPath) : undefined;
  return { log, linked, review, paths: [log, ...(linked ? [linked] : []), ...(review ? [review] : [])] };
}

/** A predicate for files of the record of any incident of the log: the log, its reviews, linked files. */
export function isRecordFile(root: string, logPath: string, linkedPaths: readonly string[]): (file: string) => boolean {
  const rel = (p: string) => posix(relative(root, resolve(p)));
  const log = rel(logPath);
  const pir = posix(relative(root, join(dirname(resolve(logPath)), 'pir'))) + '/';
  const linked = new Set(linkedPaths.map(rel));
  return (file) => file === log || file.startsWith(pir) || linked.has(file);
}
