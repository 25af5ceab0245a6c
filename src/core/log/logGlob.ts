// Several logs read as one: `--log` given more than once or as a glob
// (`services/*/docs/INCIDENT_LOG.md`, `**/docs/INCIDENT_LOG.md`), and the service each log is
// shown with.
//
// A glob is expanded inside the repository only, by a small matcher of our own (Node 20 has no
// stable fs.glob): `*` any characters of one path segment, `?` one character, `**` any number of
// folders. A name starting with `.` is matched only by a pattern segment starting with `.`, so
// `**` never walks into `.git`; `**` does not walk into `node_modules` either. A symbolic link
// is followed only when it resolves inside the repository, and each real folder is visited once
// per pattern position, so a link loop ends and the walk is linear in the folders it visits.
// Only regular files match (a FIFO or a device never does); matches come back sorted.
import { type Dirent, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { containedPath, findGitRoot, isInsideFolder } from './paths';
import type { Policy } from '../playbook/policy';
import { serviceOf } from '../playbook/service';

/** A problem with a `--log` pattern (no match, outside the repository); the message says which. */
export class LogPatternError extends Error {}

/** True when `pattern` is a glob (has `*`, `?`) rather than one path. */
export function isLogPattern(pattern: string): boolean {
  return /[*?]/.test(pattern);
}

/**
 * Whether `name` matches the glob segment `pattern` (`*`, `?`, anything else literally). The
 * classic two-pointer walk: it backs up only to the last `*`, so it never takes exponential time.
 */
export function segmentMatches(pattern: string, name: string): boolean {
  if (name.startsWith('.') && !pattern.startsWith('.')) return false;
  let p = 0;
  let n = 0;
  let star = -1;
  let mark = 0;
  while (n < name.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === name[n])) {
      p++;
      n++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = n;
    } else if (star !== -1) {
      p = star + 1;
      n = ++mark;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/**
 * The files `pattern` (relative to `cwd`, or absolute) matches inside `root`, sorted. Throws a
 * LogPatternError when the pattern leads out of the repository or matches nothing.
 */
export function expandLogPattern(pattern: string, cwd: string, root: string): string[] {
  const parts = pattern.split(/[\\/]+/);
  const absolute = isAbsolute(pattern);
  // The folders before the first wildcard are where the walk starts.
  let first = parts.findIndex((s) => isLogPattern(s));
  if (first < 0) first = parts.length;
  const base = resolve(absolute ? parts.slice(0, first).join(sep) || sep : join(cwd, ...parts.slice(0, first)));
  const segments = parts.slice(first).filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) throw new LogPatternError(`--log "${pattern}": ".." after a wildcard is not supported.`);
  if (!isInsideFolder(resolve(root), base)) throw new LogPatternError(`--log "${pattern}" points outside the repository (${root}).`);
  const start = containedPath(root, base);
  if ('reason' in start) throw new LogPatternError(`--log "${pattern}" ${start.reason}.`);
  const found = new Map<string, string>();
  if (start.exists) walk(start.realRoot, base, segments, found);
  if (found.size === 0) throw new LogPatternError(`--log "${pattern}" matches no file in ${relative(cwd, base) || '.'} (patterns: * within a folder name, ? one character, ** any folders).`);
  return [...found.values()].sort(byPath);
}

const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Walks from `dir` matching `segments`, adding each matching regular file (keyed by its real path) to `found`. */
function walk(realRoot: string, dir: string, segments: string[], found: Map<string, string>): void {
  const seen = new Set<string>();
  const stack: { dir: string; at: number }[] = [{ dir, at: 0 }];
  while (stack.length) {
    const { dir: here, at } = stack.pop()!;
    let real: string;
    try {
      real = realpathSync(here);
    } catch {
      continue;
    }
    if (!isInsideFolder(realRoot, real)) continue;
    const key = `${at}\0${real}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const segment = segments[at];
    if (segment === '**') {
      // One or more folders: every folder below, at the same position; zero: the rest of the
      // pattern here, taken first. (Pushed last-first, so folders are walked in name order.)
      for (const entry of entries(here).reverse()) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        const path = join(here, entry.name);
        if (kindOf(realRoot, path, entry) === 'folder') stack.push({ dir: path, at });
      }
      stack.push({ dir: here, at: at + 1 });
      continue;
    }
    const last = at === segments.length - 1;
    if (at >= segments.length) continue;
    const literal = !isLogPattern(segment);
    for (const entry of (literal ? entryNamed(here, segment) : entries(here)).reverse()) {
      if (!literal && !segmentMatches(segment, entry.name)) continue;
      const path = join(here, entry.name);
      const kind = kindOf(realRoot, path, entry);
      if (last && kind === 'file') {
        const realFile = realpathSync(path);
        // A file reached by several paths (through a link inside) is listed once, by the first path walked.
        if (!found.has(realFile)) found.set(realFile, path);
      } else if (!last && kind === 'folder') stack.push({ dir: path, at: at + 1 });
    }
  }
}

/**
 * The entries of `dir` in name order: the walk is depth first in that order, so that of two paths
 * to one real folder (a link inside the repository), the first in order is the one walked.
 */
function entries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => byPath(a.name, b.name));
  } catch {
    return []; // unreadable: nothing in it matches
  }
}

/** The entry `name` of `dir` alone (a literal segment needs no listing), or none. */
function entryNamed(dir: string, name: string): Dirent[] {
  if (name === '..') return [];
  return entries(dir).filter((e) => e.name === name);
}

/** A folder or regular file inside the repository (a link followed only when it stays inside); anything else is skipped. */
function kindOf(realRoot: string, path: string, entry: Dirent): 'folder' | 'file' | undefined {
  if (entry.isDirectory()) return 'folder';
  if (entry.isFile()) return 'file';
  if (!entry.isSymbolicLink()) return undefined; // a FIFO, a socket, a device
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return undefined; // dangling, or a loop
  }
  if (!isInsideFolder(realRoot, real) || relative(realRoot, real).split(sep).includes('.git')) return undefined;
  try {
    const stats = statSync(real);
    return stats.isDirectory() ? 'folder' : stats.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The logs several `--log` values name, in order given with each glob's matches sorted, each log
 * once. A value without a wildcard is taken as the path it is (checked when it is read).
 */
export function resolveLogs(values: readonly string[], cwd: string): string[] {
  const root = findGitRoot(cwd) ?? resolve(cwd);
  const out: string[] = [];
  const seen = new Set<string>();
  for (const value of values) {
    const paths = isLogPattern(value) ? expandLogPattern(value, cwd, root) : [resolve(cwd, value)];
    for (const path of paths) {
      let key = path;
      try {
        key = realpathSync(path);
      } catch {
        /* not there yet: its read reports it */
      }
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(path);
    }
  }
  return out;
}

/**
 * The service a log is shown with: its playbook's `service:`, else the log's folder relative to
 * its repository without a last `docs` (`services/payments/docs/INCIDENT_LOG.md` →
 * `services/payments`), else (a log at the repository's own docs/) the repository folder's name.
 */
export function serviceOfLog(logPath: string, root: string, policy: Policy): string {
  const named = serviceOf(policy);
  if (named) return named;
  let folder = dirname(resolve(logPath));
  if (basename(folder) === 'docs') folder = dirname(folder);
  const rel = isInsideFolder(resolve(root), folder) ? relative(resolve(root), folder) : '';
  return rel ? rel.split(sep).join('/') : basename(resolve(root)) || '.';
}
