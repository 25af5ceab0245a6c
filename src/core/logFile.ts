// Reading and writing the log on disk for the CLI (the extension goes through VS Code's
// documents instead). Writes are all-or-nothing: a temp file renamed over the original, and
// only when the file on disk is still the text the splices were computed from.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { dirname, join, resolve } from 'node:path';
import { type IndexOptions, indexLog } from './indexer';
import type { LogIndex } from './model';
import { type Policy, PolicyError, defaultPolicy } from './policy';

/** A problem with the files themselves; the message names the path. */
export class LogFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LogFileError';
  }
}


/** Reads a text file, refusing binary and invalid UTF-8 with a clear message. Undefined if absent. */
export function readTextFile(path: string): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'EISDIR') throw new LogFileError(`${path} is a directory, not a markdown file.`);
    if (code === 'EACCES' || code === 'EPERM') throw new LogFileError(`${path} cannot be read (permission denied).`);
    throw new LogFileError(`${path} cannot be read (${code ?? (e as Error).message}).`);
  }
  if (bytes.subarray(0, 8192).includes(0)) throw new LogFileError(`${path} is a binary file, not a markdown log.`);
  // A native validity check, then a plain decode (which keeps a BOM in the string, so offsets
  // and the written file keep it too).
  if (!isUtf8(bytes)) throw new LogFileError(`${path} is not valid UTF-8 text.`);
  return bytes.toString('utf8');
}

/** Finds `.incident/playbook.yml` in the log's folder or any folder above it. */
export function findPlaybook(fromDir: string): string | undefined {
  let dir = resolve(fromDir);
  for (;;) {
    const candidate = join(dir, '.incident', 'playbook.yml');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The policy for a log: the playbook file above it, or the built-in default. */
export async function policyFor(logPath: string): Promise<{ policy: Policy; path?: string }> {
  const path = findPlaybook(dirname(resolve(logPath)));
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

export function indexFile(path: string, text: string, policy: Policy): LogIndex {
  const base = dirname(resolve(path));
  const readFile: IndexOptions['readFile'] = (rel) => {
    const target = resolve(base, rel);
    return readTextFile(target);
  };
  return indexLog(text, { policy, readFile });
}

/**
 * Writes `next` over `path` when the file still holds `expected` (or is absent and `expected`
 * is undefined). The new content lands by rename, so a reader never sees half a file.
 */
export function writeTextFile(path: string, expected: string | undefined, next: string): void {
  const current = readTextFile(path);
  if (current !== expected) throw new LogFileError(`${path} changed while it was being edited; nothing was written. Run the command again.`);
  const dir = dirname(resolve(path));
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${Date.now()}-${process.pid}.incident.tmp`);
  let mode: number | undefined;
  try {
    mode = statSync(path).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  try {
    const fd = openSync(tmp, 'w', mode ?? 0o644);
    try {
      writeSync(fd, Buffer.from(next, 'utf8'));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    const code = (e as NodeJS.ErrnoException).code;
    throw new LogFileError(`${path} could not be written (${code ?? (e as Error).message}).`);
  }
}
