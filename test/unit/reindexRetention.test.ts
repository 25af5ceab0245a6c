// An editor re-indexes after every keystroke, each time from the index before. A re-index must
// not keep the indexes before it alive (each holds the whole text of the log as it was): a long
// editing session would grow by a log's size per keystroke, and every read of the problems the
// scan found would walk back through all of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { type LogIndex, defaultPolicy, indexLog, reindexLog } from '../../src/core';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const LOG = Array.from({ length: 6 }, (_, n) => [`## INC-2026-0${n + 1}01-001: Incident ${n}`, '- **Severity:** SEV-2', '- **Status:** Investigating', '', '### Timeline', `- 2026-0${n + 1}-01 10:00 UTC — Alert fired (@ana)`, ''].join('\n')).join('\n');

test('a re-index keeps no earlier index alive, and reads the problems the scan found without going back through them', async () => {
  const policy = defaultPolicy();
  let index: LogIndex = indexLog(LOG, { policy });
  let text = LOG;
  const caret = text.indexOf('Alert fired', index.incidents[3].start);
  const earlier: Array<WeakRef<LogIndex>> = [];
  const reads = new Map<LogIndex, number>();
  for (let k = 0; k < 8; k++) {
    text = text.slice(0, caret) + 'x' + text.slice(caret);
    const next = reindexLog(index, text, { policy });
    assert.ok(next.incidents[3].timeline[0].text.startsWith('x'.repeat(k + 1)), 'the edit is read');
    assert.notEqual(next.text, index.text);
    // Count how often each index's problems are asked for by the ones after it.
    const counted = index;
    const own = Object.getOwnPropertyDescriptor(counted, 'scanProblems');
    if (own?.get) {
      const get = own.get;
      Object.defineProperty(counted, 'scanProblems', { get: () => (reads.set(counted, (reads.get(counted) ?? 0) + 1), get.call(counted)) });
    }
    earlier.push(new WeakRef(index));
    index = next;
  }
  assert.deepEqual(index.scanProblems, indexLog(text, { policy }).scanProblems);
  for (let k = 0; k < 5; k++) void index.scanProblems;
  assert.deepEqual([...reads.values()].filter((n) => n > 1), [], 'no earlier index is read again when a later one is');
  // Weak references are cleared after the job that made them ends.
  await new Promise((resolve) => setTimeout(resolve, 0));
  gc();
  const alive = earlier.slice(0, -1).filter((ref) => ref.deref() !== undefined).length;
  assert.equal(alive, 0, `${alive} earlier indexes are still alive`);
});
