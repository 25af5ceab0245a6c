// One regular file read whole, safely: the open never waits (a FIFO returns at once), a link as
// the last part of the path is refused when asked, what was opened is looked at before a byte is
// read, and no more than a cap is ever read, even from a file that grows meanwhile. The log's
// reader (logFile.ts) and the CLI's code cache (cli/codeCache.ts) read through it. It imports
// node:fs alone, so the CLI's entry holds it without the reader.
import { type Stats, closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

// O_NONBLOCK makes an open of a FIFO return at once instead of waiting for a writer (and a
// regular file ignores it); O_NOCTTY keeps a terminal swapped in from becoming ours. Neither
// exists on Windows, where there is nothing of the kind to guard against.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

export interface RegularFileRead {
  /** Refuse a symbolic link as the last component of the path. */
  noFollow: boolean;
  /** The most bytes read: a file found longer while it is read is refused through tooBig. */
  maxBytes: number;
  /** Looks at what was opened (a FIFO or a device, its size, its owner) and throws to refuse it. */
  check(opened: Stats): void;
  /** Throws for a file that grew past maxBytes while it was read. */
  tooBig(): never;
}

/** The bytes of `path`; what opening or reading it throws, or what `check` and `tooBig` throw. */
export function readRegularFile(path: string, how: RegularFileRead): Buffer {
  const fd = openSync(path, OPEN_FLAGS | (how.noFollow ? (constants.O_NOFOLLOW ?? 0) : 0));
  try {
    // The path may have been swapped for a FIFO or a device since the caller looked: what was
    // opened is what counts, and its size is what the read is sized from.
    const opened = fstatSync(fd);
    how.check(opened);
    return readAll(fd, opened.size, how);
  } finally {
    closeSync(fd);
  }
}

/** Reads to the end, but never past maxBytes even if the file grows while it is read. */
function readAll(fd: number, size: number, how: RegularFileRead): Buffer {
  const max = how.maxBytes;
  // One byte more than expected, to notice a file that grew since fstat.
  let buf = Buffer.allocUnsafe(Math.min(size, max) + 1);
  let length = 0;
  for (;;) {
    if (length === buf.length) {
      if (length > max) how.tooBig();
      const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, max + 1));
      buf.copy(bigger, 0, 0, length);
      buf = bigger;
    }
    const n = readSync(fd, buf, length, buf.length - length, null);
    if (n === 0) return buf.subarray(0, length);
    length += n;
  }
}
