// readRegularFile (core/log/regularFile.ts): the one safe read of a whole file that the log's
// reader and the CLI's code cache share.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRegularFile } from '../../src/core/log/regularFile';

const accept = { noFollow: false, maxBytes: 1024, check: () => undefined, tooBig: (): never => { throw new Error('too big'); } };

test('reads a file whole; what was opened is shown to check first, and a file longer than the cap is refused while read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'incident-regular-'));
  try {
    const file = join(dir, 'a.txt');
    writeFileSync(file, 'x'.repeat(100));
    const seen: number[] = [];
    assert.equal(readRegularFile(file, { ...accept, check: (s) => void seen.push(s.size) }).toString(), 'x'.repeat(100));
    assert.deepEqual(seen, [100]);
    // A check that lets it through does not stop the cap: the read stops past 10 bytes.
    assert.throws(() => readRegularFile(file, { ...accept, maxBytes: 10 }), /too big/);
    assert.throws(() => readRegularFile(file, { ...accept, check: () => { throw new Error('refused'); } }), /refused/);
    // A link as the last component, when asked: refused by the open itself.
    symlinkSync(file, join(dir, 'link'));
    assert.equal(readRegularFile(join(dir, 'link'), accept).length, 100);
    assert.throws(() => readRegularFile(join(dir, 'link'), { ...accept, noFollow: true }), (e: NodeJS.ErrnoException) => e.code === 'ELOOP');
    // A FIFO is opened without waiting, and check sees it is one before anything is read.
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    let wasFifo = false;
    assert.throws(() => readRegularFile(fifo, { ...accept, check: (s) => { wasFifo = s.isFIFO(); throw new Error('not a file'); } }), /not a file/);
    assert.ok(wasFifo);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
