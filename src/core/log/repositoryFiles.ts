// Every file the tool reads or writes on the user's behalf — the log, linked incident files,
// reviews and their template, the playbook, .gitattributes — goes through here. The repository
// root is required: nothing outside it is read, and nothing is written through a link that leads
// out of it (the link is named in the refusal).
//
// A write is one locked read–splice–write: the lock (proper-lockfile, a directory created
// atomically, kept fresh while held and taken over once stale) is held from the read the change
// is computed from until the new text has been synced and renamed over the file. A second writer
// — another terminal, a runbook script, an agent — waits for it instead of failing or silently
// dropping the first writer's entry. A read-only file is refused, never replaced; a file's mode
// and owner survive the rename.
import { randomBytes, createHash } from 'node:crypto';
import { type Stats, closeSync, fchmodSync, fchownSync, fsyncSync, lstatSync, mkdirSync, openSync, readlinkSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { LogFileError, type ReadOptions, readTextFile } from './logFile';
import { type ContainedPath, containedPath } from './paths';

/** How long a writer waits for another one before giving up with a message (the issue's ~10 s). */
const LOCK_WAIT_MS = 10_000;
/** A lock not refreshed for this long belongs to a process that died: it is taken over. */
const LOCK_STALE_MS = 5_000;

/** Who holds the lock now, for the message past the wait. */
export class LockTimeout extends LogFileError {}

export interface WriteResult {
  /** The file's text before the change (undefined: it did not exist). */
  before: string | undefined;
  /** The text written; equal to `before` when the change left it as it was (nothing written). */
  after: string | undefined;
  written: boolean;
}

export interface RepositoryFilesOptions {
  /** How long a write waits for another writer's lock (default 10 s). */
  lockWaitMs?: number;
}

export class RepositoryFiles {
  /** The repository folder as given, made absolute. */
  readonly root: string;
  private readonly lockWaitMs: number;

  /** `root` is the repository (or, without git, the workspace folder) every path must stay in. */
  constructor(root: string, options: RepositoryFilesOptions = {}) {
    if (!root) throw new Error('RepositoryFiles needs the repository root.');
    this.root = resolve(root);
    this.lockWaitMs = options.lockWaitMs ?? LOCK_WAIT_MS;
  }

  /** Where `path` really is, or a LogFileError naming the path and the link that leads out. */
  locate(path: string, doing: 'read' | 'written' | 'removed'): ContainedPath {
    const where = containedPath(this.root, resolve(this.root, path));
    if ('reason' in where) throw new LogFileError(`${path} ${where.reason}; it was not ${doing}.`, where.reason);
    return where;
  }

  /** True when `path` is inside the repository, once links are resolved (for a quiet "skip it"). */
  contains(path: string): boolean {
    return !('reason' in containedPath(this.root, resolve(this.root, path)));
  }

  /**
   * The text of a regular file inside the repository (undefined when absent). A file reached
   * through a link that leads out of the repository is refused, whatever it holds.
   */
  read(path: string, options: Omit<ReadOptions, 'noFollow'> = {}): string | undefined {
    const where = this.locate(path, 'read');
    if (!where.exists) return undefined;
    // The resolved path has no link left in it: refusing one at the last step closes the gap
    // between the check above and the open.
    return readTextFile(where.realPath, { ...options, noFollow: true });
  }

  /** True when `path` exists inside the repository (a link leading out counts as absent). */
  exists(path: string): boolean {
    const where = containedPath(this.root, resolve(this.root, path));
    return !('reason' in where) && where.exists;
  }

  /**
   * Changes a file under its lock: `change` gets the text as it is now (undefined when absent)
   * and returns the new text, or undefined to leave the file as it is. What `change` throws is
   * thrown here, with nothing written.
   */
  async update(path: string, change: (current: string | undefined) => string | undefined): Promise<WriteResult> {
    const target = this.writeTarget(path);
    // The folder first: a lock kept beside the file (no .git here) needs it, and so does the write.
    mkdirSync(dirname(target), { recursive: true });
    const release = await this.lock(path, target);
    let compromised: Error | undefined;
    release.onCompromised((e) => (compromised = e));
    try {
      const before = readTextFile(target, { noFollow: true });
      const after = change(before);
      if (after === undefined || after === before) return { before, after: before, written: false };
      writeReplacing(path, target, after, () => compromised);
      return { before, after, written: true };
    } finally {
      await release.unlock();
    }
  }

  /**
   * Deletes a regular file inside the repository: never a link (nor what it leads to), a folder,
   * or anything outside the repository. False when there was no file.
   */
  remove(path: string): boolean {
    const absolute = resolve(this.root, path);
    const stats = lstatSync(absolute, { throwIfNoEntry: false });
    if (!stats) return false;
    if (!stats.isFile()) throw new LogFileError(`${path} is ${stats.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'}; it was not removed.`);
    this.locate(path, 'removed');
    try {
      unlinkSync(absolute);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return false;
      throw new LogFileError(`${path} could not be removed (${code ?? (e as Error).message}).`);
    }
    syncFolder(dirname(absolute));
    return true;
  }

  /** Writes a new file; false (nothing written) when one is already there. */
  async create(path: string, text: string): Promise<boolean> {
    const result = await this.update(path, (current) => (current === undefined ? text : undefined));
    return result.written;
  }

  /**
   * The real file a write to `path` lands in: a link inside the repository is followed (it stays
   * a link, and it shares its target's lock); one leading out, or dangling, is refused.
   */
  private writeTarget(path: string): string {
    const absolute = resolve(this.root, path);
    let link: Stats | undefined;
    try {
      link = lstatSync(absolute, { throwIfNoEntry: false });
    } catch {
      link = undefined;
    }
    if (link?.isSymbolicLink()) {
      try {
        statSync(absolute);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ELOOP') throw new LogFileError(`${path} is a symbolic link loop; nothing was written.`);
        let to = '';
        try {
          to = readlinkSync(absolute);
        } catch {
          /* named without it */
        }
        throw new LogFileError(`${path} is a symbolic link to ${to || 'a file'} that does not exist; nothing was written.`);
      }
    }
    const where = this.locate(path, 'written');
    if (where.exists) {
      const stats = statSync(where.realPath);
      if (!stats.isFile()) throw new LogFileError(`${path} is not a regular file; nothing was written.`);
      // A file nobody may write (chmod a-w) is kept as its owner meant it: never replaced.
      if ((stats.mode & 0o222) === 0) throw new LogFileError(`${path} is read-only; nothing was written. Make it writable (chmod u+w) if it should change.`);
    }
    return where.realPath;
  }

  /**
   * Takes the write lock of `target`, waiting for another writer up to LOCK_WAIT_MS. The lock
   * lives in `.git/` when there is one (a crash never leaves it for `git add -A`), else beside
   * the file; it is keyed by the real path, so a linked log and its target share it.
   */
  private async lock(path: string, target: string): Promise<Lock> {
    // Loaded by the first write: a process that only reads (list, show, check) never loads it.
    // Its module.exports is the lock function itself, which bundlers hand over as `default`.
    const { lock } = (await import('proper-lockfile')).default;
    const lockfilePath = this.lockPath(target);
    let onCompromised: (e: Error) => void = () => undefined;
    const deadline = Date.now() + this.lockWaitMs;
    for (let attempt = 0; ; attempt++) {
      try {
        const unlock = await lock(target, { realpath: false, lockfilePath, stale: LOCK_STALE_MS, retries: 0, onCompromised: (e) => onCompromised(e) });
        return { unlock, onCompromised: (f) => (onCompromised = f) };
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'ELOCKED') throw new LogFileError(`${path} could not be locked for writing (${code ?? (e as Error).message}); nothing was written.`);
        if (Date.now() >= deadline) {
          throw new LockTimeout(`${path} is being written by another process (its lock ${relative(this.root, lockfilePath) || lockfilePath} has been held for over ${Math.round(this.lockWaitMs / 100) / 10} s); nothing was written. Run the command again; remove the lock folder if no incident command is running.`);
        }
        // Short, growing, jittered waits: appends take milliseconds, so most writers wait one or two.
        await new Promise((r) => setTimeout(r, Math.min(200, 5 + attempt * 5) * (0.5 + Math.random())));
      }
    }
  }

  /** Where the write lock of the real file `target` lives (exposed for tests that hold it). */
  lockPath(target: string): string {
    let gitDir: Stats | undefined;
    try {
      gitDir = statSync(join(this.root, '.git'), { throwIfNoEntry: false });
    } catch {
      gitDir = undefined;
    }
    if (gitDir?.isDirectory()) {
      const folder = join(this.root, '.git', 'incident-locks');
      mkdirSync(folder, { recursive: true });
      return join(folder, `${createHash('sha256').update(target).digest('hex').slice(0, 32)}.lock`);
    }
    return `${target}.lock`;
  }
}

interface Lock {
  unlock(): Promise<void>;
  onCompromised(f: (e: Error) => void): void;
}

/**
 * Lands `next` in `target` by rename, so a reader never sees half a file: a temp file beside it,
 * created exclusively under a name nobody can predict, with the original's mode and owner,
 * synced, then renamed over it; the folder is synced too.
 */
function writeReplacing(path: string, target: string, next: string, compromised: () => Error | undefined): void {
  const dir = dirname(target);
  let original: Stats | undefined;
  try {
    original = statSync(target);
  } catch {
    original = undefined;
  }
  const tmp = join(dir, `.${basename(target)}.${randomBytes(8).toString('hex')}.incident.tmp`);
  let created = false;
  try {
    const fd = openSync(tmp, 'wx', original ? original.mode & 0o7777 : 0o666);
    created = true;
    try {
      if (original) keepModeAndOwner(fd, original);
      const bytes = Buffer.from(next, 'utf8');
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // A lock taken over while this write ran (the process stalled past the stale time) means
    // another writer may have read the file meanwhile: its text would be lost by this rename.
    const lost = compromised();
    if (lost) throw new LogFileError(`${path} was not written: its lock was lost while writing (${lost.message}). Run the command again.`);
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
    if (e instanceof LogFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new LogFileError(`${path} could not be written (${code ?? (e as Error).message}); nothing was written.`);
  }
  syncFolder(dir);
}

/** The new file gets the old one's mode (the umask may have dropped bits) and, where allowed, its owner. */
function keepModeAndOwner(fd: number, original: Stats): void {
  try {
    fchmodSync(fd, original.mode & 0o7777);
  } catch {
    /* a file system without modes (FAT, some network shares): the default stands */
  }
  const uid = process.getuid?.();
  if (uid === undefined || (original.uid === uid && original.gid === process.getgid?.())) return;
  try {
    fchownSync(fd, original.uid, original.gid);
  } catch {
    // Only root may give a file away; a group member writing a shared log keeps the group at least.
    try {
      fchownSync(fd, uid, original.gid);
    } catch {
      /* the owner stays ours: nothing else can be done without privileges */
    }
  }
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
