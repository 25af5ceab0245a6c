import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLog, defaultPolicy, indexLog, nextUpdateDue, priorityPolicy } from '../../src/core';

const log = `# Log

## INC-2026-1120-003: No commander yet
- **Severity:** SEV-1
- **Status:** Investigating
- **Detected:** 2026-11-20 10:00 UTC

## INC-2026-1120-002: Quiet for too long
- **Severity:** SEV-2
- **Status:** Mitigating
- **Detected:** 2026-11-20 09:00 UTC
- **Incident Commander:** Dana

### Timeline
- 2026-11-20 09:00 UTC — Declared
- 2026-11-20 09:20 UTC — Update posted

## INC-2026-1120-002: Same id again
- **Severity:** SEV-3
- **Status:** Resolved

## INC-2026-1120-001: Severity missing
- **Status:** Resolved
`;

test('check finds missing roles, breaches, overdue updates and duplicate ids on the right lines', () => {
  const problems = checkLog(indexLog(log), defaultPolicy(), new Date('2026-11-20T10:40:00Z'));
  const got = problems.map((p) => [p.code, p.line]);
  assert.deepEqual(got, [
    ['response-time-breach', 3],
    ['update-overdue', 3],
    ['update-overdue', 8],
    ['duplicate-id', 18],
    ['missing-severity', 22],
  ]);
  const breach = problems.find((p) => p.code === 'response-time-breach')!;
  assert.match(breach.message, /no incident commander for 40 min; the response time is 15 min/);
  const overdue = problems.find((p) => p.code === 'update-overdue' && p.line === 8)!;
  assert.match(overdue.message, /overdue by 50 min \(every 30 min\)/);
});

test('nothing is due before the cadence runs out; resolved incidents have no clock', () => {
  const idx = indexLog(log);
  const active = idx.incidents[1];
  assert.equal(nextUpdateDue(active, defaultPolicy(), new Date('2026-11-20T09:30:00Z'))?.minutesLeft, 20);
  assert.equal(nextUpdateDue(idx.incidents[2], defaultPolicy(), new Date('2026-11-20T09:30:00Z')), null);
  assert.deepEqual(checkLog(indexLog(log), defaultPolicy(), new Date('2026-11-20T09:45:00Z')).map((p) => p.code), ['missing-commander', 'duplicate-id', 'missing-severity']);
});

test('P1 under the P1..P4 preset is due every 15 minutes', () => {
  const text = '## INC-2026-0101-001: Feed down\n- **Priority:** P1\n- **Status:** Investigating\n- **Detected:** 2026-01-01 10:00 UTC\n- **IC:** Wei\n';
  const p = priorityPolicy();
  assert.deepEqual(checkLog(indexLog(text, { policy: p }), p, new Date('2026-01-01T10:14:00Z')), []);
  assert.deepEqual(checkLog(indexLog(text, { policy: p }), p, new Date('2026-01-01T10:16:00Z')).map((x) => x.code), ['update-overdue']);
});

test('severities the policy does not know are reported', () => {
  const problems = checkLog(indexLog('## INC-2026-0101-001: x\n- **Severity:** SEV-9\n- **Status:** Resolved\n'), defaultPolicy());
  assert.match(problems[0].message, /"SEV-9", which the policy does not know/);
});

test('an active incident whose status no word matches gets an info finding that says it is counted active and how to say otherwise', () => {
  const text = [
    '# Log',
    '',
    '## INC-2026-0301-001: Upsell rule double-counted',
    '- **Severity:** SEV-3',
    '- **Status:** `STAGE_3`',
    '- **Detected:** 2026-03-01 09:00 UTC',
    '',
    '## INC-2026-0302-001: Checkout slow',
    '- **Severity:** SEV-3',
    '- **Status:** Mitigating',
    '- **Detected:** 2026-03-02 09:00 UTC',
    '',
    '## INC-2026-0303-001: Old search blip',
    '- **Severity:** SEV-3',
    '- **Status:** Won\'t fix',
    '- **Detected:** 2026-03-03 09:00 UTC',
    '',
  ].join('\n');
  const policy = defaultPolicy();
  const found = checkLog(indexLog(text, { policy }), policy, new Date('2026-03-05T00:00:00Z')).filter((p) => p.code === 'unknown-status-word');
  assert.deepEqual(found.map((p) => [p.incidentId, p.line, p.severity]), [['INC-2026-0301-001', 3, 'info']]);
  assert.match(found[0].message, /^INC-2026-0301-001 has status "STAGE_3", which no status word matches, so it is counted active\. .*statusWords: closed:/);
  // The playbook's word settles it: no finding, and not active.
  const said = { ...policy, statusWords: { closed: ['stage 3'] } };
  assert.deepEqual(checkLog(indexLog(text, { policy: said }), said, new Date('2026-03-05T00:00:00Z')).filter((p) => p.code === 'unknown-status-word'), []);
});
