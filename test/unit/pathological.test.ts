// Every hostile line of the corpus, in every place the reader looks, is indexed and checked in
// time proportional to its length: each is compared with a normal log of the same size in the
// same run (a ratio, not an absolute time, so a busy machine does not fail it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLog, defaultPolicy, indexLog } from '../../src/core';
import { HOSTILE_SHAPES, PLACEMENTS, hostileLine, hostileLog, normalLog } from './pathological-corpus';

const policy = defaultPolicy();
const SIZE = 200_000;
/** A linear reader stays within a small multiple of a normal log; a quadratic one is 100× off. */
const MAX_RATIO = 30;

function readAll(text: string): number {
  const t = performance.now();
  const index = indexLog(text, { policy, readFile: () => undefined });
  for (const incident of index.incidents) void incident.timeline;
  void index.problems;
  checkLog(index, policy, new Date('2026-01-02T00:00:00Z'));
  return performance.now() - t;
}

test(`hostile lines of ${SIZE / 1000} KB are read in time proportional to their length`, () => {
  const normal = normalLog(SIZE);
  readAll(normal);
  const base = Math.max(2, Math.min(readAll(normal), readAll(normal), readAll(normal)));
  const slow: string[] = [];
  let worst = { ratio: 0, what: '' };
  for (const shape of HOSTILE_SHAPES) {
    for (const placement of PLACEMENTS) {
      const text = hostileLog(hostileLine(shape, SIZE), placement);
      let ms = readAll(text);
      let against = base;
      // Only a slow reading is timed again, with the normal log timed again beside it: the suite
      // runs its files in parallel, and a machine busy with another file slows both alike.
      if (ms > MAX_RATIO * base)
        for (let i = 0; i < 2 && ms > MAX_RATIO * against; i++) {
          against = Math.max(2, readAll(normal));
          ms = Math.min(ms, readAll(text));
        }
      const ratio = ms / against;
      if (ratio > worst.ratio) worst = { ratio, what: `${shape.name} @ ${placement}` };
      if (ratio > MAX_RATIO) slow.push(`${shape.name} @ ${placement}: ${ms.toFixed(0)} ms (${ratio.toFixed(1)}× a normal log)`);
    }
  }
  console.log(`pathological: normal log ${base.toFixed(1)} ms; worst ${worst.what} at ${worst.ratio.toFixed(1)}×`);
  assert.deepEqual(slow, []);
});
