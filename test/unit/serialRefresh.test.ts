import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { SerialRefresh } from '../../src/extension/serialRefresh';

/** A task that reads a value when it starts and can be held at that point. */
function readingTask() {
  const state = { value: 0, seen: [] as number[], runs: 0, concurrent: 0, maxConcurrent: 0 };
  let release: (() => void) | undefined;
  const task = async () => {
    state.runs++;
    state.concurrent++;
    state.maxConcurrent = Math.max(state.maxConcurrent, state.concurrent);
    const read = state.value;
    await new Promise<void>((r) => (release = r));
    state.seen.push(read);
    state.concurrent--;
  };
  const releaseNext = async () => {
    const deadline = Date.now() + 2000;
    while (!release) {
      if (Date.now() > deadline) throw new Error('no run started');
      await new Promise((r) => setTimeout(r, 1));
    }
    const r = release;
    release = undefined;
    r();
  };
  return { state, task, releaseNext };
}

describe('SerialRefresh', () => {
  it('runs again after a change that came while a run was in progress', async () => {
    const { state, task, releaseNext } = readingTask();
    const refresh = new SerialRefresh(task);
    const first = refresh.request();
    state.value = 1; // a change after the run read the old value
    const second = refresh.request();
    await releaseNext();
    await first;
    await releaseNext();
    await second;
    assert.deepEqual(state.seen, [0, 1], 'the last run read the latest value');
    assert.equal(state.maxConcurrent, 1);
  });

  it('folds the requests made during one run into one more run', async () => {
    const { state, task, releaseNext } = readingTask();
    const refresh = new SerialRefresh(task);
    const first = refresh.request();
    const waits = [refresh.request(), refresh.request(), refresh.request()];
    assert.equal(waits[0], waits[2]);
    await releaseNext();
    await first;
    await releaseNext();
    await Promise.all(waits);
    assert.equal(state.runs, 2);
  });

  it('runs again after a run that failed', async () => {
    let runs = 0;
    let fail = true;
    const refresh = new SerialRefresh(async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 5));
      if (fail) {
        fail = false;
        throw new Error('read failed');
      }
    });
    const first = refresh.request().catch((e: Error) => e.message);
    const second = refresh.request();
    assert.equal(await first, 'read failed');
    await second;
    assert.equal(runs, 2);
    await refresh.request();
    assert.equal(runs, 3);
  });
});
