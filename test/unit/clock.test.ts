import { test } from 'node:test';
import assert from 'node:assert/strict';
import { activeClocks, checkLog, clocksByUrgency, defaultPolicy, formatElapsed, indexLog, overdueText, priorityPolicy, updateDueText, updateUrgency } from '../../src/core';

const log = `## INC-2026-1120-003: Minor
- **Severity:** SEV-3
- **Status:** Investigating
- **Detected:** 2026-11-20 08:00 UTC

## INC-2026-1120-002: Major
- **Severity:** SEV-1
- **Status:** Mitigating
- **Detected:** 2026-11-20 10:00 UTC
- **Incident Commander:** Dana

### Timeline
- 2026-11-20 10:20 UTC — Update posted

## INC-2026-1120-001: Done
- **Severity:** SEV-1
- **Status:** Resolved
- **Detected:** 2026-11-20 07:00 UTC
`;

test('active incidents, most severe first, with elapsed time and the update countdown', () => {
  const clocks = activeClocks(indexLog(log), defaultPolicy(), new Date('2026-11-20T10:42:00Z'));
  assert.deepEqual(clocks.map((c) => c.incident.id), ['INC-2026-1120-002', 'INC-2026-1120-003']);
  assert.equal(clocks[0].elapsedMinutes, 42);
  assert.equal(clocks[0].updateDueInMinutes, 8);
  assert.equal(updateUrgency(clocks[0]), 'ok');
  assert.equal(clocks[1].updateDueInMinutes, null, 'SEV-3 has no update cadence');
  assert.equal(updateUrgency(clocks[1]), 'none');
  const later = activeClocks(indexLog(log), defaultPolicy(), new Date('2026-11-20T10:46:00Z'))[0];
  assert.equal(updateUrgency(later), 'soon');
  const overdue = activeClocks(indexLog(log), defaultPolicy(), new Date('2026-11-20T10:51:00Z'))[0];
  assert.equal(updateUrgency(overdue), 'overdue');
});

test('P1 updates every 15 minutes under the P1..P4 preset', () => {
  const p1 = '## INC-2026-0101-001: Feed\n- **Priority:** P1\n- **Status:** Investigating\n- **Detected:** 2026-01-01 10:00 UTC\n';
  const [clock] = activeClocks(indexLog(p1, { policy: priorityPolicy() }), priorityPolicy(), new Date('2026-01-01T10:12:00Z'));
  assert.equal(clock.updateDueInMinutes, 3);
});

test('elapsed time reads at a glance', () => {
  assert.equal(formatElapsed(42.9), '42 min');
  assert.equal(formatElapsed(185), '3 h 05 min');
  assert.equal(formatElapsed(3000), '2 d 2 h');
  assert.equal(formatElapsed(-5), '0 min');
});

// Times relative to a fixed now: SEV-1 and SEV-2 update every 30 min, SEV-3 has no cadence.
const NOW = new Date('2026-12-05T14:00:00Z');
const at = (minutesAgo: number) => new Date(NOW.getTime() - minutesAgo * 60_000).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
const incident = (id: string, severity: string, lastUpdateMinutesAgo: number) =>
  `## ${id}: ${severity} incident\n- **Severity:** ${severity}\n- **Status:** Identified\n- **Detected:** ${at(lastUpdateMinutesAgo)}\n- **Incident Commander:** Sam\n\n`;

test('most urgent first: an overdue SEV-2 before a SEV-1 due later, then the soonest due, then no cadence', () => {
  const text = [
    incident('INC-2026-1205-001', 'SEV-1', 18), // due in 12 min
    incident('INC-2026-1205-002', 'SEV-2', 42), // overdue 12 min
    incident('INC-2026-1205-003', 'SEV-3', 300), // no cadence
    incident('INC-2026-1205-004', 'SEV-2', 25), // due in 5 min
  ].join('');
  const index = indexLog(text);
  const policy = defaultPolicy();
  assert.deepEqual(activeClocks(index, policy, NOW).map((c) => c.incident.id).slice(0, 2), ['INC-2026-1205-001', 'INC-2026-1205-002'], 'activeClocks keeps the severity order');
  assert.deepEqual(clocksByUrgency(index, policy, NOW).map((c) => [c.incident.id, updateUrgency(c), updateDueText(c.updateDueInMinutes)]), [
    ['INC-2026-1205-002', 'overdue', 'update overdue 12 min'],
    ['INC-2026-1205-004', 'soon', 'update in 5 min'],
    ['INC-2026-1205-001', 'ok', 'update in 12 min'],
    ['INC-2026-1205-003', 'none', null],
  ]);
});

test('among overdue updates the most severe first, then the longest overdue; equal due times by severity', () => {
  const policy = defaultPolicy();
  const overdue = indexLog([incident('INC-2026-1205-002', 'SEV-2', 90), incident('INC-2026-1205-001', 'SEV-1', 35), incident('INC-2026-1205-003', 'SEV-2', 40)].join(''));
  assert.deepEqual(clocksByUrgency(overdue, policy, NOW).map((c) => c.incident.id), ['INC-2026-1205-001', 'INC-2026-1205-002', 'INC-2026-1205-003']);
  const tie = indexLog([incident('INC-2026-1205-002', 'SEV-2', 10), incident('INC-2026-1205-001', 'SEV-1', 10)].join(''));
  assert.deepEqual(clocksByUrgency(tie, policy, NOW).map((c) => c.incident.id), ['INC-2026-1205-001', 'INC-2026-1205-002']);
});

test('an update in its first overdue minute reads "due now" or "less than 1 min", never "0 min"', () => {
  assert.equal(updateDueText(-0.5), 'update due now');
  assert.equal(updateDueText(0.5), 'update due now');
  assert.equal(updateDueText(-1), 'update overdue 1 min');
  assert.equal(updateDueText(-65), 'update overdue 1 h 05 min');
  assert.equal(updateDueText(8.9), 'update in 8 min');
  assert.equal(updateDueText(null), null);
  assert.equal(overdueText(0.2), 'less than 1 min');
  assert.equal(overdueText(12.7), '12 min');
  // `incident check`'s warning, 30 s after the update fell due.
  const index = indexLog(incident('INC-2026-1205-001', 'SEV-1', 30));
  const [problem] = checkLog(index, defaultPolicy(), new Date(NOW.getTime() + 30_000)).filter((p) => p.code === 'update-overdue');
  assert.match(problem.message, /status update is overdue by less than 1 min \(every 30 min\)/);
});
