// Where a log's files may live, and which files may be read at all. Plain node:fs, no git
// process: finding the repository must work (and be cheap) without git installed.
//
// A log is untrusted input: its index table can link `../../outside/victim.md`, an absolute
// path, a symbolic link out of the repository, a FIFO (an open blocks forever) or /dev/zero
// (a read never ends). Every linked path is checked here before anything opens it.
import { type Stats, lstatSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Files larger than this are refused: a log that big is a mistake, and reading it would stall. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** "a FIFO", "a directory", …: what a path is, for messages. */
export function fileKind(stats: Stats): string {
  if (stats.isFile()) return 'a file';
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'a special file';
}

/** "63 MB", "50.1 MB": rounded up, so a file just over the cap never reads as "50 MB". */
export function formatMegabytes(bytes: number): string {
  const tenths = Math.ceil((bytes / (1024 * 1024)) * 10);
  return `${tenths % 10 === 0 ? tenths / 10 : (tenths / 10).toFixed(1)} MB`;
}

/**
 * Why a file must not be read, as a phrase that follows its name ("is a FIFO, not a file"), or
 * undefined when it is a regular file within the cap.
 */
export function unreadableReason(stats: Stats, maxBytes: number = MAX_FILE_BYTES): string | undefined {
  if (!stats.isFile()) return `is ${fileKind(stats)}, not a file`;
  if (stats.size > maxBytes) return `is ${formatMegabytes(stats.size)}; files over ${formatMegabytes(maxBytes)} are not read`;
  return undefined;
}

/** True when `path` is `folder` or inside it (both absolute; compared as written, no fs access). */
export function isInsideFolder(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * The nearest folder at or above `dir` holding `.git`: a folder in a normal clone, a file in a
 * worktree or a submodule. Undefined outside any repository.
 */
/**
 * The log a command works on when none is given: the nearest `docs/INCIDENT_LOG.md` from `cwd`
 * up to the repository root (a service's own log in a monorepo, or a sample folder's), else the
 * one at the repository root (or under `cwd` outside a repository), where `declare` creates it.
 */
export function findIncidentLog(cwd: string, logPath = join('docs', 'INCIDENT_LOG.md')): string {
  const start = resolve(cwd);
  const top = findGitRoot(start);
  for (let dir = start; top !== undefined; ) {
    const candidate = join(dir, logPath);
    let found: Stats | undefined;
    try {
      found = statSync(candidate, { throwIfNoEntry: false });
    } catch {
      found = undefined;
    }
    if (found?.isFile()) return candidate;
    const parent = dirname(dir);
    if (dir === top || parent === dir) break;
    dir = parent;
  }
  return join(top ?? start, logPath);
}

export function findGitRoot(dir: string): string | undefined {
  let current = resolve(dir);
  for (;;) {
    let dotGit: Stats | undefined;
    try {
      dotGit = statSync(join(current, '.git'), { throwIfNoEntry: false });
    } catch {
      // An unreadable or oddly typed parent is not a repository; keep walking up.
      dotGit = undefined;
    }
    if (dotGit && (dotGit.isDirectory() || dotGit.isFile())) return current;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

export interface RootOptions {
  /**
   * The folder the user works in (the workspace folder, or the CLI's working directory): the
   * root when there is no git repository and it holds the file. A filesystem root never counts,
   * so a command run from `/` does not open up the whole disk.
   */
  workspaceFolder?: string;
}

/**
 * The repository a file belongs to: the git root above it; without git, the workspace folder
 * when that holds the file; otherwise the file's own folder.
 */
export function repositoryRoot(filePath: string, options: RootOptions = {}): string {
  const own = dirname(resolve(filePath));
  const git = findGitRoot(own);
  if (git) return git;
  const workspace = options.workspaceFolder === undefined ? undefined : resolve(options.workspaceFolder);
  if (workspace && dirname(workspace) !== workspace && isInsideFolder(workspace, own)) return workspace;
  return own;
}

/** A link's target decoded from its %-encoding, or why it cannot be. Never throws. */
export function decodeHref(href: string): { value: string } | { reason: string } {
  // `#section` and `?query` belong to the link, not to the file name (`%23` is a literal #).
  let end = href.length;
  const hash = href.indexOf('#');
  if (hash !== -1) end = hash;
  const query = href.indexOf('?');
  if (query !== -1 && query < end) end = query;
  let value: string;
  try {
    value = decodeURIComponent(href.slice(0, end));
  } catch {
    return { reason: 'has a malformed %-encoding' };
  }
  if (value.includes('\0')) return { reason: 'contains a NUL character' };
  return { value };
}

/** A link that may be opened: inside the repository, a regular file within the cap, or absent. */
export interface LinkedFile {
  /** The target as the log names it, made absolute (for messages). */
  path: string;
  /** The target with every symbolic link resolved: the path to open. */
  realPath: string;
  /** False when nothing is there yet (a link to a file not written yet is not a refusal). */
  exists: boolean;
}

export type LinkResolution = LinkedFile | { reason: string };

export interface LinkOptions extends RootOptions {
  /** The href is already %-decoded (as the indexer hands it over today). */
  decoded?: boolean;
}

/**
 * Resolves a link written in the log at `logPath` to a file inside `root` (by default the
 * log's repository, see repositoryRoot). Refuses, with a reason that reads after the link
 * ("points outside the repository"): malformed encodings, URLs, absolute paths, anything outside
 * the root as written or once symbolic links are resolved, and anything not a regular file.
 */
export function resolveLinkedFile(logPath: string, href: string, root?: string, options: LinkOptions = {}): LinkResolution {
  let target = href;
  if (!options.decoded) {
    const decoded = decodeHref(href);
    if ('reason' in decoded) return decoded;
    target = decoded.value;
  } else if (target.includes('\0')) {
    return { reason: 'contains a NUL character' };
  }
  if (target.trim() === '') return { reason: 'is empty' };
  // `C:\x` and `\\server\share` are absolute on Windows; `/x` is absolute everywhere.
  if (isAbsolute(target) || /^[a-z]:[\\/]/i.test(target) || target.startsWith('/') || target.startsWith('\\')) {
    return { reason: 'is an absolute path; links must be relative to the log' };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return { reason: 'is a URL, not a file in the repository' };

  const rootPath = resolve(root ?? repositoryRoot(logPath, options));
  const real = containedPath(rootPath, resolve(dirname(resolve(logPath)), target));
  if ('reason' in real) return real;
  const path = real.path;
  if (real.exists) {
    let stats: Stats;
    try {
      stats = statSync(real.realPath);
    } catch (e) {
      return { reason: errorReason(e) };
    }
    const refused = unreadableReason(stats);
    if (refused) return { reason: refused };
  }
  return { path, realPath: real.realPath, exists: real.exists };
}

/** A path inside the repository: as written, and where it really is once links are resolved. */
export interface ContainedPath {
  /** The path as given, made absolute. */
  path: string;
  /** The path with every symbolic link resolved (through its deepest existing folder when absent). */
  realPath: string;
  /** The repository folder with its links resolved (realPath is inside it). */
  realRoot: string;
  exists: boolean;
}

/**
 * The one test of "inside the repository": `path` (absolute, or relative to `root`) must be inside
 * `root` as written and again once every symbolic link on the way is resolved, and must not be in
 * the repository's `.git` folder. A refusal reads after the path ("points outside the repository
 * through the symbolic link docs/pir → /tmp/x") and names the link that leads out.
 */
export function containedPath(root: string, path: string): ContainedPath | { reason: string } {
  const rootPath = resolve(root);
  const absolute = resolve(rootPath, path);
  if (!isInsideFolder(rootPath, absolute)) return { reason: 'points outside the repository' };
  if (relative(rootPath, absolute).split(sep).includes('.git')) return { reason: "points into the repository's .git folder" };
  let realRoot: string;
  try {
    realRoot = realpathSync(rootPath);
  } catch {
    return { reason: `cannot be checked: the repository folder ${rootPath} cannot be read` };
  }
  const real = realPathOf(absolute);
  if ('reason' in real) return real;
  if (!isInsideFolder(realRoot, real.realPath)) return { reason: `points outside the repository ${linkLeadingOut(rootPath, realRoot, absolute)}` };
  if (relative(realRoot, real.realPath).split(sep).includes('.git')) return { reason: "points into the repository's .git folder" };
  return { path: absolute, realPath: real.realPath, realRoot, exists: real.exists };
}

/** "through the symbolic link docs/pir → /elsewhere": the first link on the way that leads out (only asked once refused). */
function linkLeadingOut(rootPath: string, realRoot: string, absolute: string): string {
  const parts = relative(rootPath, absolute).split(sep);
  for (let i = 1; i <= parts.length; i++) {
    const step = join(rootPath, ...parts.slice(0, i));
    try {
      if (!lstatSync(step).isSymbolicLink()) continue;
      const to = realpathSync(step);
      if (!isInsideFolder(realRoot, to)) return `through the symbolic link ${parts.slice(0, i).join('/')} → ${to}`;
    } catch {
      break;
    }
  }
  return '(through a symbolic link)';
}

/**
 * The path with its symbolic links resolved. A missing file resolves through its deepest
 * existing folder, so a link to a file not yet written is still checked for where it would land.
 */
function realPathOf(path: string): { realPath: string; exists: boolean } | { reason: string } {
  try {
    return { realPath: realpathSync(path), exists: true };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') return { reason: errorReason(e) };
  }
  let link: Stats | undefined;
  try {
    link = lstatSync(path, { throwIfNoEntry: false });
  } catch {
    link = undefined;
  }
  // A dangling link would be created wherever it points if anything ever wrote through it.
  if (link?.isSymbolicLink()) return { reason: 'is a symbolic link to a file that does not exist' };
  const rest: string[] = [];
  let current = path;
  for (;;) {
    const parent = dirname(current);
    rest.unshift(basename(current));
    if (parent === current) return { realPath: path, exists: false };
    current = parent;
    try {
      return { realPath: join(realpathSync(current), ...rest), exists: false };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') return { reason: errorReason(e) };
    }
  }
}

function errorReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return 'is a symbolic link loop';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  return `cannot be read (${code ?? (e instanceof Error ? e.message : String(e))})`;
}

/**
 * The folder a playbook's health checks and runbook steps run from: the one holding
 * `.incident/playbook.yml` (normally the repository root). A check's `cwd` is relative to it.
 */
export function playbookRoot(playbookPath: string): string {
  return dirname(dirname(resolve(playbookPath)));
}
