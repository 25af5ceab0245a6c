// Reading the log on disk for the CLI and the core (the extension reads open documents
// instead). Writes go through RepositoryFiles (repositoryFiles.ts): locked, inside the
// repository, all-or-nothing.
//
// Only regular files are ever opened, and only up to MAX_FILE_BYTES: a log is untrusted, and a
// FIFO or a device behind one of its links would hang or exhaust the process.
import { type Stats, lstatSync, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { dirname, join, resolve } from 'node:path';
import { type IndexOptions, indexLog } from '../indexer';
import type { LogIndex } from '../model';
import { type Policy, PolicyError, defaultPolicy } from '../playbook/policy';
import { readRegularFile } from './regularFile';
import { MAX_FILE_BYTES, type RootOptions, findGitRoot, formatMegabytes, isInsideFolder, repositoryRoot, resolveLinkedFile, unreadableReason } from './paths';

/** A problem with the files themselves; the message names the path. */
export class LogFileError extends Error {
  /** The message without the path ("is a FIFO, not a file"), for callers that name it their way. */
  readonly reason: string;
  constructor(message: string, reason?: string) {
    super(message);
    this.name = 'LogFileError';
    this.reason = reason ?? message;
  }
}

export interface ReadOptions {
  /** Refuse files larger than this many bytes (default MAX_FILE_BYTES, 50 MB). */
  maxBytes?: number;
  /** Refuse a symbolic link as the last component (for paths already resolved by realpath). */
  noFollow?: boolean;
}

function refuse(path: string, reason: string): never {
  throw new LogFileError(`${path} ${reason}; it was not read.`, reason);
}

/** undefined for a missing file; a LogFileError naming the path for anything else. */
function missingOrError(path: string, e: unknown, noFollow: boolean): undefined {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return undefined;
  if (code === 'EISDIR') refuse(path, 'is a directory, not a file');
  if (code === 'ELOOP') refuse(path, noFollow ? 'is a symbolic link, not a file' : 'is a symbolic link loop');
  if (code === 'EACCES' || code === 'EPERM') throw new LogFileError(`${path} cannot be read (permission denied).`, 'cannot be read (permission denied)');
  const reason = `cannot be read (${code ?? (e as Error).message})`;
  throw new LogFileError(`${path} ${reason}.`, reason);
}

/**
 * Reads a text file, refusing anything but a regular file under the size cap, binary files and
 * invalid UTF-8, each with a clear message. Undefined if absent. A BOM stays in the string.
 */
export function readTextFile(path: string, options: ReadOptions = {}): string | undefined {
  const max = options.maxBytes ?? MAX_FILE_BYTES;
  const noFollow = options.noFollow ?? false;
  // Look before opening: opening a FIFO for reading blocks until a writer comes along.
  let stats: Stats;
  try {
    stats = noFollow ? lstatSync(path) : statSync(path);
  } catch (e) {
    return missingOrError(path, e, noFollow);
  }
  checkReadable(path, stats, max);
  let bytes: Buffer;
  try {
    // Opened without waiting on a FIFO, and looked at again: the path may have been swapped
    // since the look above.
    bytes = readRegularFile(path, {
      noFollow,
      maxBytes: max,
      check: (opened) => checkReadable(path, opened, max),
      tooBig: () => {
        throw new LogFileError(`${path} is over ${formatMegabytes(max)}; logs over ${formatMegabytes(max)} are not read.`, `is over ${formatMegabytes(max)}`);
      },
    });
  } catch (e) {
    if (e instanceof LogFileError) throw e;
    return missingOrError(path, e, noFollow);
  }
  if (bytes.subarray(0, 8192).includes(0)) throw new LogFileError(`${path} is a binary file, not a markdown log.`, 'is a binary file, not a markdown file');
  // A native validity check, then a plain decode (which keeps a BOM in the string, so offsets
  // and the written file keep it too).
  if (!isUtf8(bytes)) throw new LogFileError(`${path} is not valid UTF-8 text.`, 'is not valid UTF-8 text');
  return bytes.toString('utf8');
}

function checkReadable(path: string, stats: Stats, max: number): void {
  const reason = unreadableReason(stats, max);
  if (!reason) return;
  if (!stats.isFile()) refuse(path, reason);
  throw new LogFileError(`${path} is ${formatMegabytes(stats.size)}; logs over ${formatMegabytes(max)} are not read.`, reason);
}

/**
 * Finds `.incident/playbook.yml` in `fromDir` or a folder above it, up to `root` and never
 * above: a playbook outside the repository must not change the repository's policy. `root`
 * defaults to the repository holding `fromDir` (without git, `fromDir` alone is searched).
 */
export function findPlaybook(fromDir: string, root?: string): string | undefined {
  return findTeamFile(fromDir, join('.incident', 'playbook.yml'), root);
}

/**
 * `relPath` (a team file such as `.incident/templates/pir.md`) in `fromDir` or the nearest folder
 * above it that has one, up to `root` (by default the git root) and never above. Found is not
 * yet read: the caller reads it through RepositoryFiles, which refuses a link out of the repository.
 */
export function findTeamFile(fromDir: string, relPath: string, root?: string): string | undefined {
  let dir = resolve(fromDir);
  const top = resolve(root ?? findGitRoot(dir) ?? dir);
  // A folder outside the root (a log passed with --log from elsewhere) searches only itself.
  const bounded = isInsideFolder(top, dir);
  for (;;) {
    const candidate = join(dir, relPath);
    let found;
    try {
      found = statSync(candidate, { throwIfNoEntry: false });
    } catch {
      found = undefined; // a file where a folder should be: nothing here
    }
    if (found) return candidate;
    const parent = dirname(dir);
    if (!bounded || dir === top || parent === dir) return undefined;
    dir = parent;
  }
}

export interface PolicyOptions extends RootOptions {
  /** The repository root; by default found from the log (see repositoryRoot). */
  root?: string;
}

/**
 * The policy for a log: the playbook between the log's folder and its repository root, or the
 * built-in default. Without git, the working directory counts as the workspace folder (the CLI's
 * convention), unless another is given.
 */
export async function policyFor(logPath: string, options: PolicyOptions = {}): Promise<{ policy: Policy; path?: string }> {
  const root = options.root ?? repositoryRoot(logPath, { workspaceFolder: options.workspaceFolder ?? process.cwd() });
  const path = findPlaybook(dirname(resolve(logPath)), root);
  if (!path) return { policy: defaultPolicy() };
  // A playbook reached through a link out of the repository is refused, naming the link: a
  // cloned repository must not be able to plant another policy (or read a file through it).
  const { RepositoryFiles } = await import('./repositoryFiles');
  const text = isInsideFolder(resolve(root), path) ? new RepositoryFiles(root).read(path) : readTextFile(path);
  if (text === undefined) return { policy: defaultPolicy() };
  // The YAML and validation libraries load only when there is a playbook to read.
  const { loadPolicy } = await import('../playbook/playbook');
  try {
    return { policy: loadPolicy(text), path };
  } catch (e) {
    if (e instanceof PolicyError) throw new LogFileError(`${path}: ${e.message}`);
    throw e;
  }
}

/** A link of the index table that was not followed, and why. */
export interface LinkRefusal {
  /** The link as the reader decoded it. */
  href: string;
  /** Why, as a phrase after the link: "points outside the repository", "is a FIFO, not a file". */
  reason: string;
  /** A whole sentence for `check`: "The linked file … points outside the repository; it is not read." */
  message: string;
}

export interface IndexFileOptions extends RootOptions {
  /** The repository root links must stay inside; by default found from the log. */
  root?: string;
  /** Collects the links refused while indexing (also available through linkRefusals(index)). */
  refusals?: LinkRefusal[];
}

const refusalsByIndex = new WeakMap<LogIndex, LinkRefusal[]>();

/**
 * The links an index from indexFile refused so far. The list is live: linked files read later
 * (incidents are read lazily) add to it.
 */
export function linkRefusals(index: LogIndex): readonly LinkRefusal[] {
  return refusalsByIndex.get(index) ?? [];
}

function refusal(href: string, reason: string): LinkRefusal {
  return { href, reason, message: `The linked file ${href} ${reason}; it is not read.` };
}

/**
 * The reader of an index table's links for the log at `path`: only regular files inside `root`
 * are read. A refused link reads as refused (the reader reports it; the row is still listed
 * from the table) and is added to `refusals`. An editor keeps one reader per log, so that a
 * re-index after an edit sees the same options and reuses what it can.
 */
export function linkedFileReader(path: string, root: string, refusals: LinkRefusal[] = []): NonNullable<IndexOptions['readFile']> {
  return (rel) => {
    const link = resolveLinkedFile(path, rel, root, { decoded: true });
    if ('reason' in link) {
      refusals.push(refusal(rel, link.reason));
      return { refused: link.reason };
    }
    if (!link.exists) return undefined;
    try {
      // The resolved path has no symbolic link left in it: refusing one at the last step
      // closes the gap between the check above and the open.
      return readTextFile(link.realPath, { noFollow: true });
    } catch (e) {
      if (!(e instanceof LogFileError)) throw e;
      refusals.push(refusal(rel, e.reason));
      return { refused: e.reason };
    }
  };
}

/**
 * Indexes a log read from `path`, following its index table's links only to regular files
 * inside the repository. A refused link reads as absent (the row is still listed from the
 * table) and is recorded with its reason.
 */
export function indexFile(path: string, text: string, policy: Policy, options: IndexFileOptions = {}): LogIndex {
  const root = options.root ?? repositoryRoot(path, { workspaceFolder: options.workspaceFolder ?? process.cwd() });
  const refusals = options.refusals ?? [];
  // A link the reader cannot decode is reported by the reader itself, as a refused link.
  const index = indexLog(text, { policy, readFile: linkedFileReader(path, root, refusals) });
  refusalsByIndex.set(index, refusals);
  return index;
}

// Re-exported so that callers of the file layer find the path rules in one place.
export { MAX_FILE_BYTES, fileKind, findGitRoot, isInsideFolder, repositoryRoot, resolveLinkedFile, decodeHref, type LinkResolution, type LinkedFile, type RootOptions } from './paths';
