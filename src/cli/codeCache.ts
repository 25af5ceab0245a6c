// The `incident` bundle's compiled code, kept between runs in the user's cache folder.
//
// Starting a command compiles the bundle's functions as they are first called: about 20 ms of a
// small command's 110 ms on Node 20, and more of a big log's listing, whose reader runs hundreds
// of functions. V8
// can hand that work over as "code cache" data: the bytecode of every function compiled so far,
// which a later run reads instead of compiling. Node 22 keeps such a cache itself
// (module.enableCompileCache); this does the same on every Node the command runs on, through
// vm.Script's cachedData, the API Node's own cache is built on.
//
// What is cached is the bundle's code, never anything read from a log. V8 runs cached code
// without comparing it with the source (it checks the source's length, its own version and its
// flags) and stops the process with a fatal error on damaged data, so each file starts with the
// SHA-256 of the bundle's own hash, the file's name and the data, and is used only when that
// holds: data that is damaged, made for another bundle (even one of the same length) or moved
// from another file is not run. That is a checksum, not a signature: whoever can write the
// folder can write a file that passes it. So a file or folder that another user owns or can
// write is never read; its code would run as this user.
import { createHash } from 'node:crypto';
import { lutimesSync, mkdirSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { Script } from 'node:vm';
import { readRegularFile } from '../core/log/regularFile';

/** The seal (a SHA-256) before the data in a file. */
const SEAL_BYTES = 32;
/** Cache files bigger than this are not read (the bundle's whole code is about a megabyte). */
const MAX_CACHE_BYTES = 32 * 1024 * 1024;
/** A cache file unused this long is removed when another is written (an older version's, a command not run since). */
const STALE_MS = 14 * 24 * 60 * 60 * 1000;
/** How old a file's time may grow before a use renews it (so that a file in use is never stale). */
const RENEW_MS = 24 * 60 * 60 * 1000;

/** Where one run's compiled code is kept: the file, and the seal's key (what the data must be for). */
export interface CodeCache {
  folder: string;
  file: string;
  key: string;
}

/**
 * The folder of the cache: `$XDG_CACHE_HOME/incident-playbook/code-cache` (an absolute one), else
 * under `~/.cache`; none when NODE_DISABLE_COMPILE_CACHE is set (Node's own switch for its
 * cache), or when there is no home folder to put it in (a user without one, as some jobs run).
 */
export function codeCacheFolder(env: NodeJS.ProcessEnv = process.env, home: () => string = homedir): string | null {
  if (env.NODE_DISABLE_COMPILE_CACHE) return null;
  try {
    const xdg = env.XDG_CACHE_HOME;
    const base = xdg && isAbsolute(xdg) ? xdg : join(home(), '.cache');
    return join(base, 'incident-playbook', 'code-cache');
  } catch {
    return null;
  }
}

/**
 * The cache of a run of `bundle` (its bytes) for `command` (the command word given): each command
 * has its own, so that one whose first run was `--help` or a mistake does not leave `list`
 * compiling most of what it runs. Named after the bundle's content, the command, the Node
 * version, the architecture and the options Node was started with (V8 refuses data made under
 * other flags, and one file for both would be written again at every run).
 */
export function codeCacheFor(folder: string, bundle: Buffer, command: string | undefined): CodeCache {
  const bundleHash = createHash('sha256').update(bundle).digest('hex');
  const word = command && /^[a-z][a-z-]{0,23}$/.test(command) ? command : 'other';
  const options = createHash('sha256')
    .update(process.execArgv.join('\0') + '\0' + (process.env.NODE_OPTIONS ?? ''))
    .digest('hex')
    .slice(0, 8);
  const name = `${bundleHash.slice(0, 16)}-${word}-${process.version}-${process.arch}-${options}.bin`;
  return { folder, file: join(folder, name), key: `${bundleHash}\0${name}` };
}

/**
 * The cached data of `cache`, or undefined when there is none to use: none there; not a regular
 * file (a FIFO or a device in its place is opened without waiting and never read; a link is not
 * followed); owned by another user or writable by others, or in such a folder; or not sealed for
 * this bundle and name. Any error means no cache.
 */
export function readCodeCache(cache: CodeCache): Buffer | undefined {
  let bytes: Buffer;
  let mtimeMs = 0;
  try {
    if (!ownedAlone(statSync(cache.folder))) return undefined;
    bytes = readRegularFile(cache.file, {
      noFollow: true,
      maxBytes: MAX_CACHE_BYTES,
      check: (opened) => {
        if (!opened.isFile() || !ownedAlone(opened) || opened.size <= SEAL_BYTES || opened.size > MAX_CACHE_BYTES) throw new NotUsed();
        mtimeMs = opened.mtimeMs;
      },
      tooBig: () => {
        throw new NotUsed();
      },
    });
  } catch {
    return undefined;
  }
  const data = bytes.subarray(SEAL_BYTES);
  if (bytes.length <= SEAL_BYTES || !seal(cache.key, data).equals(bytes.subarray(0, SEAL_BYTES))) return undefined;
  // A file in use is renewed now and then, so that cleaning up never takes it for a stale one
  // (where it cannot be, on a read-only cache, it is used all the same).
  const now = Date.now();
  if (now - mtimeMs > RENEW_MS) {
    try {
      lutimesSync(cache.file, now / 1000, now / 1000);
    } catch {
      // Kept as it is.
    }
  }
  return data;
}

/** A file that is there but is no cache to use. */
class NotUsed extends Error {}

/**
 * Writes the code `script` holds now (every function compiled so far), sealed, to the cache's
 * file: into a file of this process's own beside it, then renamed over, so a reader sees a whole
 * file or none. Other files two weeks unused (an older version's, a crashed write's leftovers)
 * are removed. Any error leaves things as they were: the cache only saves time.
 */
export function writeCodeCache(cache: CodeCache, script: Script): void {
  const temp = `${cache.file}.${process.pid}.tmp`;
  try {
    mkdirSync(cache.folder, { recursive: true, mode: 0o700 });
    if (!ownedAlone(statSync(cache.folder))) return;
    const data = script.createCachedData();
    writeFileSync(temp, Buffer.concat([seal(cache.key, data), data]), { flag: 'wx', mode: 0o600 });
    renameSync(temp, cache.file);
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
    for (const name of readdirSync(cache.folder)) {
      const other = join(cache.folder, name);
      if (other === cache.file || !(name.endsWith('.bin') || name.endsWith('.tmp'))) continue;
      if (now - statSync(other).mtimeMs > STALE_MS) unlinkSync(other);
    }
  } catch {
    // Left for the next write.
  }
}

function seal(key: string, data: Buffer): Buffer {
  return createHash('sha256').update(key).update(data).digest();
}

/** Owned by this user and writable by no one else (where Node says who the user is: not on Windows). */
function ownedAlone(stat: { uid: number; mode: number }): boolean {
  const uid = process.getuid?.();
  return uid === undefined || (stat.uid === uid && (stat.mode & 0o022) === 0);
}
