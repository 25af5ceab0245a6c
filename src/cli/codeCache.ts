// The `incident` bundle's compiled code, kept between runs in the user's cache folder.
//
// Starting a command compiles the bundle's functions as they are first called: a tenth of a small
// command's time, and more of a big log's listing, whose reader runs hundreds of functions. V8
// can hand that work over as "code cache" data: the bytecode of every function compiled so far,
// which a later run reads instead of compiling. Node 22 keeps such a cache itself
// (module.enableCompileCache); this does the same on every Node the command runs on, through
// vm.Script's cachedData, the API Node's own cache is built on.
//
// What is cached is the bundle's code, never anything read from a log: the cache is named after
// the bundle's content, the Node version and the architecture, and V8 checks the rest (its own
// version and flags) and rejects data that does not fit, which is then written afresh. V8 does
// not check that the data is whole, and damaged data stops the process with a fatal error: each
// file starts with the SHA-256 of the rest, and a file whose hash differs is not used.
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, mkdirSync, openSync, readSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Script } from 'node:vm';

/** The SHA-256 of the data, before it in the file. */
const HASH_BYTES = 32;
/** Cache files bigger than this are not read (the bundle's whole code is about a megabyte). */
const MAX_CACHE_BYTES = 32 * 1024 * 1024;
/** A cache file of another bundle (an older version) unused this long is removed when a new one is written. */
const STALE_MS = 14 * 24 * 60 * 60 * 1000;

/**
 * The folder of the cache: `$XDG_CACHE_HOME/incident-playbook/code-cache`, else under
 * `~/.cache`; none when NODE_DISABLE_COMPILE_CACHE is set (Node's own switch for its cache).
 */
export function codeCacheFolder(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.NODE_DISABLE_COMPILE_CACHE) return null;
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'incident-playbook', 'code-cache');
}

/** The cache file of a bundle (named by its content's hash) on this Node. */
export function codeCacheFile(folder: string, bundleHash: string): string {
  return join(folder, `${bundleHash}-${process.version}-${process.arch}.bin`);
}

/**
 * The cached data in `file`, or undefined when there is none to use: none there, not a regular
 * file (a FIFO or a device in its place is not read, so nothing waits; a link is not followed),
 * or not the data its hash names. Any error means no cache.
 */
export function readCodeCache(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size <= HASH_BYTES || stat.size > MAX_CACHE_BYTES) return undefined;
    const bytes = Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) return undefined;
      read += n;
    }
    const data = bytes.subarray(HASH_BYTES);
    return sha256(data).equals(bytes.subarray(0, HASH_BYTES)) ? data : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Writes the code `script` holds now (every function compiled so far) to `file`: into a file of
 * this process's own beside it, then renamed over, so a reader sees a whole file or none. Other
 * bundles' files (and a crashed write's leftovers) two weeks old are removed. Any error leaves things as they were: the
 * cache only saves time.
 */
export function writeCodeCache(file: string, script: Script): void {
  const folder = join(file, '..');
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const data = script.createCachedData();
    writeFileSync(temp, Buffer.concat([sha256(data), data]), { flag: 'wx', mode: 0o600 });
    renameSync(temp, file);
  } catch {
    try {
      unlinkSync(temp);
    } catch {
      // Never written.
    }
    return;
  }
  try {
    const now = Date.now();
    for (const name of readdirSync(folder)) {
      const other = join(folder, name);
      if (other === file || !(name.endsWith('.bin') || name.endsWith('.tmp'))) continue;
      if (now - statSync(other).mtimeMs > STALE_MS) unlinkSync(other);
    }
  } catch {
    // Left for the next write.
  }
}

function sha256(data: Buffer): Buffer {
  return createHash('sha256').update(data).digest();
}
