// Normalize Timeline: entries sorted by time in one splice; untimed entries keep their place;
// every other byte (CRLF, BOM, continuation lines, blank lines) kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy, indexLog } from '../../src/core';
import { normalizeTimeline } from '../../src/core/git/timelineOrder';
import { applySplices } from '../../src/core/log/writer';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repo, runCli } from './gitHelpers';

const policy = defaultPolicy();
const sortText = (text: string, id = 'INC-2026-1130-001') => {
  const r = normalizeTimeline(indexLog(text, { policy }), id);
  return { ...r, text: applySplices(text, r.splices) };
};

const HEAD = '# Incident Log\n\n## INC-2026-1130-001: Checkout down\n- **Severity:** SEV-1\n- **Detected:** 2026-11-30 09:00 UTC\n\n### Timeline\n';
const TAIL = '\n### Checklist\n- [ ] Post the first update\n\n## INC-2026-1129-001: Older\n- **Severity:** SEV-3\n\n### Timeline\n- 2026-11-29 10:00 UTC — b\n- 2026-11-29 09:00 UTC — a\n';

test('a union-merged timeline is sorted oldest first in one splice; the rest of the log is untouched', () => {
  const merged = HEAD + '- 2026-11-30 09:00 UTC — Alerts fired (@dana)\n- 2026-11-30 09:20 UTC — Rolled back (@dana)\n- 2026-11-30 09:10 UTC — Paged DB team (@sam)\n  with a continuation line\n- 2026-11-30 09:30 UTC — Error rate normal (@sam)\n' + TAIL;
  const r = sortText(merged);
  assert.equal(r.splices.length, 1);
  assert.equal(r.moved, 2);
  assert.equal(r.text, HEAD + '- 2026-11-30 09:00 UTC — Alerts fired (@dana)\n- 2026-11-30 09:10 UTC — Paged DB team (@sam)\n  with a continuation line\n- 2026-11-30 09:20 UTC — Rolled back (@dana)\n- 2026-11-30 09:30 UTC — Error rate normal (@sam)\n' + TAIL);
  const again = sortText(r.text);
  assert.deepEqual([again.splices, again.moved], [[], 0], 'already in order: no splice');
  assert.deepEqual(sortText(merged, 'INC-2026-1129-001').splices, [], 'a newest-first timeline in order stays as it is');
});

test('equal times keep their order; newest-first timelines stay newest first', () => {
  const same = HEAD + '- 2026-11-30 09:00 UTC — first\n- 2026-11-30 09:10 UTC — second written\n- 2026-11-30 09:05 UTC — between\n- 2026-11-30 09:10 UTC — third written\n';
  assert.equal(sortText(same).text, HEAD + '- 2026-11-30 09:00 UTC — first\n- 2026-11-30 09:05 UTC — between\n- 2026-11-30 09:10 UTC — second written\n- 2026-11-30 09:10 UTC — third written\n');
  const newest = HEAD + '- 2026-11-30 09:40 UTC — d\n- 2026-11-30 09:30 UTC — c\n- 2026-11-30 09:35 UTC — merged in\n- 2026-11-30 09:10 UTC — b\n- 2026-11-30 09:00 UTC — a\n';
  assert.equal(sortText(newest).text, HEAD + '- 2026-11-30 09:40 UTC — d\n- 2026-11-30 09:35 UTC — merged in\n- 2026-11-30 09:30 UTC — c\n- 2026-11-30 09:10 UTC — b\n- 2026-11-30 09:00 UTC — a\n');
});

test('an untimed table row keeps its position; timed rows sort around it', () => {
  const table = HEAD.replace('### Timeline\n', '### Timeline\n\n| Time | Event | Owner |\n|---|---|---|\n') + '| 09:10 | b | @b |\n|  | no time noted | @b |\n| 09:00 | a | @a |\n| 09:20 | c | @a |\n';
  const r = sortText(table);
  assert.ok(r.text.endsWith('| 09:00 | a | @a |\n|  | no time noted | @b |\n| 09:10 | b | @b |\n| 09:20 | c | @a |\n'), r.text);
});

test('CRLF, a BOM, loose lists and a last line without a line break are kept byte for byte', () => {
  const lf = '\uFEFF' + HEAD + '- 2026-11-30 09:05 UTC — x\n\n- 2026-11-30 09:20 UTC — late\n\n- 2026-11-30 09:00 UTC — early\n  - a sub-point without a time\n\n- 2026-11-30 09:10 UTC — middle';
  const crlf = lf.replace(/\n/g, '\r\n');
  const r = sortText(crlf);
  assert.equal(r.text, ('\uFEFF' + HEAD + '- 2026-11-30 09:00 UTC — early\n  - a sub-point without a time\n\n- 2026-11-30 09:05 UTC — x\n\n- 2026-11-30 09:10 UTC — middle\n\n- 2026-11-30 09:20 UTC — late').replace(/\n/g, '\r\n'));
  assert.equal(r.text.length, crlf.length, 'same bytes, another order');
});

test('the last entry moves with its fenced command, blank line inside included', () => {
  const fenced = HEAD + '- 2026-11-30 09:00 UTC — a\n- 2026-11-30 09:20 UTC — ran the fix\n  ```\n  kubectl rollout undo\n\n  done\n  ```\n- 2026-11-30 09:10 UTC — b\n  ```\n  psql -c select\n\n  1 row\n  ```\n\nNotes after the timeline.\n';
  assert.equal(sortText(fenced).text, HEAD + '- 2026-11-30 09:00 UTC — a\n- 2026-11-30 09:10 UTC — b\n  ```\n  psql -c select\n\n  1 row\n  ```\n- 2026-11-30 09:20 UTC — ran the fix\n  ```\n  kubectl rollout undo\n\n  done\n  ```\n\nNotes after the timeline.\n');
});

test('a log with conflict markers is refused', () => {
  const conflicted = HEAD + '<<<<<<< HEAD\n- 2026-11-30 09:20 UTC — ours\n=======\n- 2026-11-30 09:10 UTC — theirs\n>>>>>>> origin/main\n';
  assert.throws(() => normalizeTimeline(indexLog(conflicted, { policy }), 'INC-2026-1130-001'), /conflict markers .*resolve the merge first/);
});

test('incident normalize ID sorts the file the incident lives in, byte-exact otherwise; a conflicted log is refused and left as it is', () => {
  const dir = repo();
  mkdirSync(join(dir, 'docs/incidents'), { recursive: true });
  const table = '| Date | Incident | Severity |\n| --- | --- | --- |\n| 2026-03-04 | [DB failover](incidents/db.md) | SEV-1 |\n\n';
  const log = ('\uFEFF' + HEAD.replace('# Incident Log\n\n', '# Incident Log\n\n' + table) + '- 2026-11-30 09:00 UTC — a\n- 2026-11-30 09:20 UTC — c\n- 2026-11-30 09:10 UTC — b\n' + TAIL).replace(/\n/g, '\r\n');
  writeFileSync(join(dir, 'docs/INCIDENT_LOG.md'), log);
  writeFileSync(join(dir, 'docs/incidents/db.md'), '---\nid: DB-7\nseverity: SEV-1\n---\n# DB failover\n\n## Timeline\n- 2026-03-04 10:30 UTC — replica promoted\n- 2026-03-04 10:00 UTC — primary down\n- 2026-03-04 11:00 UTC — resolved\n');
  const r = runCli(dir, ['normalize', 'INC-2026-1130-001']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /Sorted the timeline of INC-2026-1130-001 by time: 2 of 3 entries moved/);
  assert.equal(readFileSync(join(dir, 'docs/INCIDENT_LOG.md'), 'utf8'), log.replace('— c\r\n- 2026-11-30 09:10 UTC — b', '— b\r\n- 2026-11-30 09:20 UTC — c').replace('2026-11-30 09:20 UTC — b', '2026-11-30 09:10 UTC — b'));
  assert.match(runCli(dir, ['normalize', 'INC-2026-1130-001']).err, /already in time order \(3 entries\)/);
  const linked = runCli(dir, ['normalize', 'DB-7']);
  assert.equal(linked.code, 0, linked.err);
  assert.match(readFileSync(join(dir, 'docs/incidents/db.md'), 'utf8'), /## Timeline\n- 2026-03-04 10:00 UTC — primary down\n- 2026-03-04 10:30 UTC — replica promoted\n- 2026-03-04 11:00 UTC — resolved\n$/);

  const conflicted = HEAD + '- 2026-11-30 09:00 UTC — a\n<<<<<<< HEAD\n- 2026-11-30 09:20 UTC — ours\n=======\n- 2026-11-30 09:10 UTC — theirs\n>>>>>>> origin/main\n';
  writeFileSync(join(dir, 'docs/INCIDENT_LOG.md'), conflicted);
  const refused = runCli(dir, ['normalize', 'INC-2026-1130-001']);
  assert.equal(refused.code, 2);
  assert.match(refused.err, /git conflict markers \(line \d+\); resolve the merge first\. Nothing was written\./);
  assert.equal(readFileSync(join(dir, 'docs/INCIDENT_LOG.md'), 'utf8'), conflicted);
  assert.match(runCli(dir, ['normalize']).err, /Usage: incident normalize ID/);
});
