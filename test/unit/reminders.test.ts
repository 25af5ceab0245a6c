import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy, dueReminders, indexLog, lastUpdateAt, nextUpdateDue, priorityPolicy, snoozeEntryText, snoozeMinutes, snoozedUntil } from '../../src/core';

const log = `## INC-2026-1120-002: Checkout down
- **Severity:** SEV-1
- **Status:** Mitigating
- **Detected:** 2026-11-20 10:00 UTC
- **Incident Commander:** Dana

### Timeline
- 2026-11-20 10:20 UTC — Rolled back (@sam)

## INC-2026-1120-001: Search slow
- **Severity:** SEV-3
- **Status:** Investigating
- **Detected:** 2026-11-20 09:00 UTC

## INC-2026-1119-001: Done
- **Severity:** SEV-1
- **Status:** Resolved
- **Detected:** 2026-11-19 09:00 UTC
`;

const at = (iso: string) => new Date(iso);

test('an update is due once the cadence has passed since the last entry (SEV-1 every 30 min)', () => {
  const index = indexLog(log);
  const policy = defaultPolicy();
  assert.deepEqual(dueReminders(index, policy, at('2026-11-20T10:49:00Z')).map((r) => r.kind), []);
  const due = dueReminders(index, policy, at('2026-11-20T10:50:00Z'));
  assert.deepEqual(due.map((r) => [r.kind, r.incident.id]), [['update-due', 'INC-2026-1120-002']]);
  assert.equal(due[0].message, 'SEV-1 INC-2026-1120-002: a status update is due (every 30 min; last 2026-11-20 10:20 UTC).');
  const later = dueReminders(index, policy, at('2026-11-20T11:05:00Z'));
  assert.match(later[0].message, /overdue by 15 min/);
  // The same occasion keeps its key, so the editor shows it once.
  assert.equal(later[0].key, due[0].key);
  // SEV-3 has no update cadence in the default policy, but a 4-hour response time for its commander.
  assert.deepEqual(dueReminders(index, policy, at('2026-11-20T13:01:00Z')).map((r) => [r.kind, r.incident.id]), [
    ['update-due', 'INC-2026-1120-002'],
    ['response-time', 'INC-2026-1120-001'],
  ]);
});

test('the P1..P4 preset reminds a P1 every 15 minutes', () => {
  const p1 = log.replace('SEV-1\n- **Status:** Mitigating', 'P1\n- **Status:** Mitigating');
  const index = indexLog(p1, { policy: priorityPolicy() });
  assert.deepEqual(dueReminders(index, priorityPolicy(), at('2026-11-20T10:34:00Z')), []);
  assert.equal(dueReminders(index, priorityPolicy(), at('2026-11-20T10:35:00Z'))[0].incident.id, 'INC-2026-1120-002');
});

test('a snooze entry quiets the reminder for its minutes without counting as an update', () => {
  assert.equal(snoozeEntryText(10), 'Status update reminder snoozed for 10 min');
  assert.equal(snoozeMinutes('Status update reminder snoozed for 10 min'), 10);
  assert.equal(snoozeMinutes('status update reminder snoozed for 5 min (pager)'), 5);
  assert.equal(snoozeMinutes('Rolled back'), null);
  const snoozed = log.replace('- 2026-11-20 10:20 UTC — Rolled back (@sam)', '- 2026-11-20 10:20 UTC — Rolled back (@sam)\n- 2026-11-20 10:52 UTC — Status update reminder snoozed for 10 min (@dana)');
  const index = indexLog(snoozed);
  const inc = index.incidents[0];
  assert.equal(lastUpdateAt(inc)?.toISOString(), '2026-11-20T10:20:00.000Z');
  assert.equal(snoozedUntil(inc)?.toISOString(), '2026-11-20T11:02:00.000Z');
  // Still overdue by the cadence (the status bar says so), but no reminder until the snooze ends.
  assert.ok(nextUpdateDue(inc, defaultPolicy(), at('2026-11-20T10:55:00Z'))!.minutesLeft < 0);
  assert.deepEqual(dueReminders(index, defaultPolicy(), at('2026-11-20T10:55:00Z')), []);
  const after = dueReminders(index, defaultPolicy(), at('2026-11-20T11:02:00Z'));
  assert.equal(after.length, 1);
  const before = dueReminders(indexLog(log), defaultPolicy(), at('2026-11-20T11:02:00Z'));
  assert.notEqual(after[0].key, before[0].key, 'a snooze that ended is a new occasion');
});

test('response time: an active incident without a commander past the policy’s response time', () => {
  const index = indexLog(log);
  // SEV-3: commander within 240 min of 09:00.
  assert.deepEqual(dueReminders(index, defaultPolicy(), at('2026-11-20T12:59:00Z')).filter((r) => r.kind === 'response-time'), []);
  const r = dueReminders(index, defaultPolicy(), at('2026-11-20T13:10:00Z')).find((x) => x.kind === 'response-time')!;
  assert.equal(r.message, 'SEV-3 INC-2026-1120-001 has had no incident commander for 4 h 10 min; the SEV-3 response time is 4 h 00 min.');
  assert.equal(r.key, 'INC-2026-1120-001:response');
});
