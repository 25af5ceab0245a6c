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

test('incidents with no heading and labelled sections scale linearly: four times the entries take about four times as long', () => {
  const shapes: Record<string, (n: number) => string> = {
    'list entries': (n) => '# Outages\n\n' + Array.from({ length: n }, (_, k) => `- Service ${k}: requests failed after deploy ${k} → rolled back deploy ${k}\n`).join(''),
    'key blocks': (n) => '# Register\n\n' + Array.from({ length: n }, (_, k) => `ID: Q${k}\nwhat: The job ${k} ran twice after a retry.\nimpact: ${k} customers got two invoices.\n\n`).join(''),
    'problem table': (n) => '# Notes\n\n| Problem | Cause | Fix |\n|---|---|---|\n' + Array.from({ length: n }, (_, k) => `| Build ${k} failed | Bad pin ${k} | Removed the pin |\n`).join(''),
    'sections with parts as sub-sections': (n) => '# トラブルシューティングログ\n\n' + Array.from({ length: n }, (_, k) => `## ${k}. 画像が上下逆\n\n### 問題\n画像${k}が逆\n\n### 原因\n計算の誤り\n\n`).join(''),
    'a register grouped by status': (n) => '# Register\n\n' + Array.from({ length: n }, (_, k) => `## ${k % 2 ? 'Resolved' : 'Open'}\n\n### INC-${k}: Export ${k} failed\n- **Severity:** SEV-2\n\n### Cache ${k} stale\nText ${k}.\n\n`).join(''),
    'labelled list items': (n) => '# Incidents\n\n' + Array.from({ length: n }, (_, k) => `- Date: 2026-01-02\n  Cause: expired certificate ${k}\n  Fix: renewed it\n\n`).join(''),
    // One section says its status; the others are read by the labels they share with it.
    'sections labelled like the incident beside them': (n) => '# Registry\n\n## DISK_LOST\n- Stato: OPEN\n- Sintomo: gone\n- Root cause: unknown\n\n' + Array.from({ length: n }, (_, k) => `## JOB_${k}_TIMED_OUT\n- Sintomo: job ${k} timed out.\n- Root cause: a queue ${k} stalled.\n- Fix: restarted it.\n\n`).join(''),
    'items tagged with their status': (n) => '# Known bugs\n\n' + Array.from({ length: n }, (_, k) => `- **[${k % 2 ? 'OPEN' : 'RESOLVED 2026-01-02'}] Crash ${k} on restart.**\n  Seen ${k} times.\n`).join(''),
    'items opening with a bold title': (n) => '# Bug log (found by running it)\n\n' + Array.from({ length: n }, (_, k) => `${k + 1}. **Parser ${k} dropped a paragraph.** A file without a final newline lost it. Fixed.\n`).join(''),
    'a page in parts': (n) => '# Incident & Resolution Log\n\n' + Array.from({ length: n / 2 }, (_, k) => `## ${k + 1}. Area ${k}\n\n### ${k + 1}.1 Build ${k} failed\n**Symptom:** the release build ${k} failed on a lint rule.\n**Fix:** pinned the linter in the lockfile.\n\n### ${k + 1}.2 Deploy ${k} hung\n**Symptom:** the rollout ${k} never finished its second stage.\n**Cause:** a stale lock held by the last job.\n\n`).join(''),
    'dated titles': (n) => '# History\n\n' + Array.from({ length: n }, (_, k) => `# 2026-01-${String(1 + (k % 28)).padStart(2, '0')} — Outage ${k}\n\n## Impact\nThe job ${k} failed for an hour.\n\n## Resolution\nRestarted job ${k}.\n\n`).join(''),
    'a numbered list of known problems': (n) => '# Known issues\n\n' + Array.from({ length: n }, (_, k) => `${k + 1}. ${k % 2 ? '✅ ' : ''}**Export ${k} drops a row** – seen on big files.\n`).join(''),
    'parts in two-column tables': (n) => '# Error log\n\n' + Array.from({ length: n }, (_, k) => `## E${k}: Build ${k} failed\n\n| Item | Detail |\n|---|---|\n| Symptom | red build ${k} |\n| Cause | a pin ${k} |\n\n`).join(''),
    'bug reports with no fix written': (n) => '# Bugs\n\n' + Array.from({ length: n }, (_, k) => `## BUG-${k}\n\n**Steps to reproduce:** open page ${k}.\n**Expected result:** it loads.\n**Actual result:** a blank page.\n\n`).join(''),
    'parts named as questions': (n) => '# Things that went wrong\n\n' + Array.from({ length: n }, (_, k) => `## Export ${k} stalled\n\n### What happened\nNothing was written for job ${k}.\n\n### How we fixed it\nMoved the folder of job ${k}.\n\n`).join(''),
    'a table of bugs that recurred': (n) => '# Bug & Fix Log\n\n| Bug ID | Bug | Outcome | First Reported | Fix Deployed |\n|---|---|---|---|---|\n' + Array.from({ length: n }, (_, k) => `| BUG-${k} | Timer ${k} desync | ${k % 2 ? 'Recurred' : 'Held'} | 2026-01-02 | 2026-01-03 |\n`).join(''),
    'an index of incidents by id under status groups': (n) => '# Known issues\n\n## Open (3)\n\n' + Array.from({ length: n }, (_, k) => `- [BUG-${k}](bugs/${k}.md) Scroll ${k} stops on the second wheel\n`).join(''),
    'titled days over labelled entries': (n) => '# Troubleshooting\n\n' + Array.from({ length: n / 2 }, (_, k) => `## 2026-01-${String(1 + (k % 28)).padStart(2, '0')} · Runs ${k}\n\n### ${k}.1 Rate ${k} off\n- **Symptom**: 30%.\n- **Cause**: dirty rows.\n\n### ${k}.2 Flips ${k}\n- **Symptom**: 5%.\n- **Cause**: wrong baseline.\n\n`).join(''),
    'labelled sections under a day': (n) => '# Postmortem report\n\n## 2026-01-02\n\n' + Array.from({ length: n }, (_, k) => `### Issue ${k}\n\n**Problem:** the generator ${k} hung.\n**Cause:** a new question.\n\n`).join(''),
  };
  const time = (text: string) => {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const index = indexLog(text, { policy, readFile: () => undefined });
      for (const incident of index.incidents) void incident.status;
      best = Math.min(best, performance.now() - t);
    }
    return best;
  };
  const slow: string[] = [];
  for (const [name, make] of Object.entries(shapes)) {
    const small = make(1000);
    const big = make(4000);
    assert.ok(indexLog(small, { policy }).incidents.length >= 1000, `${name}: read as incidents`);
    time(small);
    const ratio = time(big) / Math.max(1, time(small));
    if (ratio > 10) slow.push(`${name}: ${ratio.toFixed(1)}×`);
  }
  assert.deepEqual(slow, []);
});
