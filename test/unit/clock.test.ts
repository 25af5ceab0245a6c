import { test } from 'node:test';
import assert from 'node:assert/strict';
import { activeClocks, defaultPolicy, formatElapsed, indexLog, priorityPolicy, updateUrgency } from '../../src/core';

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
