// Reading and writing the log on disk for the CLI (the extension goes through VS Code's
// documents instead). Writes are all-or-nothing: a temp file renamed over the original, and
// only when the file on disk is still the text the splices were computed from.
//
// Only regular files are ever opened, and only up to MAX_FILE_BYTES: a log is untrusted, and a
// FIFO or a device behind one of its links would hang or exhaust the process.
import { randomBytes } from 'node:crypto';
import {
  type Stats,
  closeSync,
  constants,
  fchmodSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  readlinkSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { basename, dirname, join, resolve } from 'node:path';
import { type IndexOptions, indexLog } from './indexer';
import type { LogIndex } from './model';
import { type Policy, PolicyError, defaultPolicy } from './policy';
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

// O_NONBLOCK makes an open of a FIFO return at once instead of waiting for a writer (and a
// regular file ignores it); O_NOCTTY keeps a terminal swapped in from becoming ours. Neither
// exists on Windows, where there is nothing of the kind to guard against.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

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
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS | (noFollow ? (constants.O_NOFOLLOW ?? 0) : 0));
  } catch (e) {
    return missingOrError(path, e, noFollow);
  }
  let bytes: Buffer;
  try {
    // The path may have been swapped for a FIFO or a device since the look above: what was
    // opened is what counts, and its size is what the read is sized from.
    const opened = fstatSync(fd);
    checkReadable(path, opened, max);
    bytes = readAll(fd, opened.size, max, path);
  } catch (e) {
    if (e instanceof LogFileError) throw e;
    return missingOrError(path, e, noFollow);
  } finally {
    closeSync(fd);
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

/** Reads to the end, but never past `max` bytes even if the file grows while it is read. */
function readAll(fd: number, size: number, max: number, path: string): Buffer {
  // One byte more than expected, to notice a file that grew since fstat.
  let buf = Buffer.allocUnsafe(Math.min(size, max) + 1);
  let length = 0;
  for (;;) {
    if (length === buf.length) {
      if (length > max) throw new LogFileError(`${path} is over ${formatMegabytes(max)}; logs over ${formatMegabytes(max)} are not read.`, `is over ${formatMegabytes(max)}`);
      const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, max + 1));
      buf.copy(bigger, 0, 0, length);
      buf = bigger;
    }
    const n = readSync(fd, buf, length, buf.length - length, null);
    if (n === 0) return buf.subarray(0, length);
    length += n;
  }
}

/**
 * Finds `.incident/playbook.yml` in `fromDir` or a folder above it, up to `root` and never
 * above: a playbook outside the repository must not change the repository's policy. `root`
 * defaults to the repository holding `fromDir` (without git, `fromDir` alone is searched).
 */
export function findPlaybook(fromDir: string, root?: string): string | undefined {
  let dir = resolve(fromDir);
  const top = resolve(root ?? findGitRoot(dir) ?? dir);
  // A folder outside the root (a log passed with --log from elsewhere) searches only itself.
  const bounded = isInsideFolder(top, dir);
  for (;;) {
    const candidate = join(dir, '.incident', 'playbook.yml');
    if (statSync(candidate, { throwIfNoEntry: false })) return candidate;
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
  const text = readTextFile(path);
  if (text === undefined) return { policy: defaultPolicy() };
  // The YAML and validation libraries load only when there is a playbook to read.
  const { loadPolicy } = await import('./playbook');
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

export interface WriteOptions {
  /** Refuse to write unless the real target (symbolic links resolved) is inside this folder. */
  root?: string;
}

/**
 * The file a write to `path` lands in: a symbolic link is followed to its target (the link
 * stays a link); a path that does not exist yet is written as is.
 */
function writeTarget(path: string): string {
  let link: Stats | undefined;
  try {
    link = lstatSync(path, { throwIfNoEntry: false });
  } catch {
    link = undefined;
  }
  if (!link) {
    // A new file: its folder may still be reached through links, which realpath resolves.
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return path;
    }
  }
  try {
    return realpathSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && link.isSymbolicLink()) {
      let to = '';
      try {
        to = readlinkSync(path);
      } catch {
        /* named below without it */
      }
      throw new LogFileError(`${path} is a symbolic link to ${to || 'a file'} that does not exist; nothing was written.`);
    }
    if (code === 'ELOOP') throw new LogFileError(`${path} is a symbolic link loop; nothing was written.`);
    throw new LogFileError(`${path} could not be written (${code ?? (e as Error).message}).`);
  }
}

/**
 * Writes `next` over `path` when the file still holds `expected` (or is absent and `expected`
 * is undefined). The new content lands by rename, so a reader never sees half a file. A
 * symbolically linked log is written at its target and stays a link.
 */
export function writeTextFile(path: string, expected: string | undefined, next: string, options: WriteOptions = {}): void {
  const target = writeTarget(resolve(path));
  if (options.root !== undefined) {
    let realRoot: string;
    try {
      realRoot = realpathSync(options.root);
    } catch {
      realRoot = resolve(options.root);
    }
    if (!isInsideFolder(realRoot, target)) throw new LogFileError(`${path} is outside the repository (${target}); nothing was written.`);
  }
  const current = readTextFile(target);
  if (current !== expected) throw new LogFileError(`${path} changed while it was being edited; nothing was written. Run the command again.`);
  const dir = dirname(target);
  mkdirSync(dir, { recursive: true });
  let mode: number | undefined;
  try {
    mode = statSync(target).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  // Beside the target (a rename cannot cross file systems), with a name nobody can predict and
  // created exclusively, so a planted file or link under that name is never written through.
  const tmp = join(dir, `.${basename(target)}.${randomBytes(8).toString('hex')}.incident.tmp`);
  let created = false;
  try {
    const fd = openSync(tmp, 'wx', mode ?? 0o666);
    created = true;
    try {
      // The umask applied at creation could drop bits of the original mode (0664 → 0644).
      if (mode !== undefined) {
        try {
          fchmodSync(fd, mode);
        } catch {
          /* a file system without modes (FAT, some network shares): the default stands */
        }
      }
      const bytes = Buffer.from(next, 'utf8');
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
    created = false;
  } catch (e) {
    if (created) {
      try {
        unlinkSync(tmp);
      } catch {
        /* already gone */
      }
    }
    const code = (e as NodeJS.ErrnoException).code;
    throw new LogFileError(`${path} could not be written (${code ?? (e as Error).message}).`);
  }
  syncFolder(dir);
}

/** Makes the rename itself durable. Some platforms cannot open a folder; the rename stands anyway. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    /* not supported here (Windows); the data itself was synced before the rename */
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

// Re-exported so that callers of the file layer find the path rules in one place.
export { MAX_FILE_BYTES, fileKind, findGitRoot, isInsideFolder, repositoryRoot, resolveLinkedFile, decodeHref, type LinkResolution, type LinkedFile, type RootOptions } from './paths';
