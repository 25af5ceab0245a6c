// Every figure against values computed by hand from test/fixtures/logs/metrics (the sums are
// written out beside each assertion).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Incident, type Policy, defaultPolicy, indexLog } from '../../src/core';
import { computeMetrics, incidentDurations } from '../../src/core/metrics/metrics';
import { durationStats, nearestRank } from '../../src/core/metrics/stats';
import { metricsCsv } from '../../src/core/metrics/csv';
import { reviewFileName } from '../../src/core/review/review';
import { FIXTURES, fixture } from './helpers';

const NOW = new Date('2026-11-30T12:00:00Z');
const A = 'INC-2026-1120-001';
const B = 'INC-2026-1125-001';
const C = 'INC-2026-1031-001';
const D = 'INC-2026-1128-001';
const F = '2026-09-15-dns-resolution-failures';

function reviewText(incident: Incident): string | undefined {
  try {
    return readFileSync(join(FIXTURES, 'metrics/pir', reviewFileName(incident)), 'utf8');
  } catch {
    return undefined;
  }
}

function metricsOf(policy: Policy = defaultPolicy(), extra: Partial<Parameters<typeof computeMetrics>[2]> = {}) {
  const index = indexLog(fixture('metrics/INCIDENT_LOG.md'), { policy });
  return computeMetrics(index.incidents, policy, { now: NOW, reviewText, ...extra });
}

test('median and nearest-rank p90 with odd, even, single and empty counts', () => {
  assert.deepEqual(durationStats([40, 10], 0), { mean: 25, median: 25, p90: 40, n: 2, unknown: 0 });
  // 1..10: median (5 + 6) / 2; p90 rank ⌈9⌉ = 9th value.
  assert.deepEqual(durationStats([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 3), { mean: 5.5, median: 5.5, p90: 9, n: 10, unknown: 3 });
  // 1..5: median the 3rd; p90 rank ⌈4.5⌉ = 5th.
  assert.deepEqual(durationStats([5, 1, 4, 2, 3], 0), { mean: 3, median: 3, p90: 5, n: 5, unknown: 0 });
  // 1..20: p90 rank 18; 1..11: rank ⌈9.9⌉ = 10.
  assert.equal(nearestRank(Array.from({ length: 20 }, (_, i) => i + 1), 90), 18);
  assert.equal(nearestRank(Array.from({ length: 11 }, (_, i) => i + 1), 90), 10);
  assert.deepEqual(durationStats([7], 1), { mean: 7, median: 7, p90: 7, n: 1, unknown: 1 });
  assert.deepEqual(durationStats([], 2), { mean: null, median: null, p90: null, n: 0, unknown: 2 });
  // The mean is rounded to 0.1 minute: (0 + 5 + 20) / 3 = 8.33…
  assert.equal(durationStats([0, 5, 20], 0).mean, 8.3);
});

test('each incident’s four durations, unknowns left null', () => {
  const policy = defaultPolicy();
  const index = indexLog(fixture('metrics/INCIDENT_LOG.md'), { policy });
  const by = new Map(index.incidents.map((i) => [i.id, incidentDurations(i, policy)]));
  // A: Started 09:50, Detected 10:00, commander assigned 10:05, Mitigating 10:30, Resolved 12:00.
  assert.deepEqual(
    (({ timeToDetect, timeToAcknowledge, timeToResolve, timeToMitigate }) => [timeToDetect, timeToAcknowledge, timeToResolve, timeToMitigate])(by.get(A)!),
    [10, 5, 120, 30],
  );
  // The Detected field wins over a Started field written above it.
  assert.equal(by.get(A)!.detected, '2026-11-20T10:00:00Z');
  // B: no Started; Acknowledged 08:20; first Monitoring 08:45; Resolved 09:30.
  const b = by.get(B)!;
  assert.deepEqual([b.timeToDetect, b.timeToAcknowledge, b.timeToResolve, b.timeToMitigate], [null, 20, 90, 45]);
  // C: Started 23:00 → Detected 23:40; commander named at declaration (the declared entry, 0 min); spans midnight into November.
  const c = by.get(C)!;
  assert.deepEqual([c.timeToDetect, c.timeToAcknowledge, c.timeToResolve, c.timeToMitigate], [40, 0, 120, null]);
  assert.equal(c.month, '2026-10');
  // D active, no commander; F known only by its day.
  assert.deepEqual([by.get(D)!.timeToAcknowledge, by.get(D)!.timeToResolve], [null, null]);
  assert.equal(by.get(F)!.month, '2026-09');
  assert.equal(by.get(F)!.timeToResolve, null);
});

test('the figures over the whole log, drills excluded and counted apart', () => {
  const { metrics: m, rows } = metricsOf();
  assert.equal(m.incidents, 5);
  assert.equal(m.drills, 1);
  assert.deepEqual(rows.map((r) => r.id), [D, B, A, C, F]);
  assert.deepEqual(m.bySeverity, { 'SEV-1': 2, 'SEV-2': 2, 'SEV-3': 1 });
  assert.equal(JSON.stringify(m.byMonth), JSON.stringify({ '2026-09': { 'SEV-2': 1 }, '2026-10': { 'SEV-2': 1 }, '2026-11': { 'SEV-1': 2, 'SEV-3': 1 } }), 'months in order, severities in the policy order');
  // Detect: A 10, C 40.
  assert.deepEqual(m.timeToDetectMinutes, { mean: 25, median: 25, p90: 40, n: 2, unknown: 3 });
  assert.deepEqual(m.unknownIncidents.timeToDetect, [D, B, F]);
  // Acknowledge: 0, 5, 20 → mean 8.3, median 5, p90 rank 3 = 20.
  assert.deepEqual(m.timeToAcknowledgeMinutes, { mean: 8.3, median: 5, p90: 20, n: 3, unknown: 2 });
  assert.deepEqual(m.unknownIncidents.timeToAcknowledge, [D, F]);
  // Resolve: 90, 120, 120.
  assert.deepEqual(m.timeToResolveMinutes, { mean: 110, median: 120, p90: 120, n: 3, unknown: 2 });
  // Mitigate: 30, 45 (even count: median is their mean).
  assert.deepEqual(m.timeToMitigateMinutes, { mean: 37.5, median: 37.5, p90: 45, n: 2, unknown: 3 });
  assert.deepEqual(m.unknownIncidents.timeToMitigate, [D, C, F]);
  assert.deepEqual(m.durationsBySeverity['SEV-1'].timeToResolveMinutes, { mean: 105, median: 105, p90: 120, n: 2, unknown: 0 });
  assert.deepEqual(Object.keys(m.durationsBySeverity), ['SEV-1', 'SEV-2', 'SEV-3']);
});

test('response time, update cadence and review compliance', () => {
  const { metrics: m } = metricsOf();
  // Response (SEV-1 15 min, SEV-2 30, SEV-3 240): A 5 ✓, B 20 ✗, C 0 ✓, D no commander for 3 days ✗; F has no time.
  assert.deepEqual(m.compliance.responseTime, { hits: 2, measured: 4 });
  assert.equal(m.responseTimeCompliance, 0.5);
  // Cadence 30 min. A: gaps 5, 25, 30 on time, 60 missed one due time → 3/4.
  // B: 45 and 45 → 0/2. C: 30 on time, 90 missed two → 1/3. SEV-3 has no cadence.
  assert.deepEqual(m.compliance.updateCadence, { hits: 4, measured: 9 });
  assert.equal(m.updateCadenceCompliance, 0.4444);
  // Review (3 business days): A resolved Fri 20th, due Wed 25th, completed 24th ✓. C resolved
  // Sun 1st (counts as Fri 30 Oct), due Wed 4th, still a draft ✗. B due Mon 30th, not over yet.
  assert.deepEqual(m.compliance.review, { hits: 1, measured: 2 });
  assert.equal(m.reviewCompliance, 0.5);
});

test('action items: the review’s table when it has one, else the log’s; overdue by due day; by owner', () => {
  const { metrics: m } = metricsOf();
  // A's review: the canary item (due 27th) open and overdue; C's: open, due in December; D's log: one open.
  assert.equal(m.openActionItems, 3);
  assert.equal(m.overdueActionItems, 1);
  assert.deepEqual(m.actionItemsByOwner, { 'Lee Park': { open: 1, overdue: 0 }, dana: { open: 1, overdue: 1 }, wei: { open: 1, overdue: 0 } });
});

test('time in each status from the logged status changes', () => {
  const { metrics: m } = metricsOf();
  // A: Investigating 30, Mitigating 30, Monitoring 60. B: Investigating 45, Monitoring 45. C and D logged no change.
  assert.deepEqual(m.timeInStatusMinutes, {
    Investigating: { totalMinutes: 75, meanMinutes: 37.5, incidents: 2 },
    Mitigating: { totalMinutes: 30, meanMinutes: 30, incidents: 1 },
    Monitoring: { totalMinutes: 105, meanMinutes: 52.5, incidents: 2 },
  });
});

test('a period and a severity filter; drills in the period still counted apart', () => {
  const nov = metricsOf(defaultPolicy(), { since: new Date('2026-11-01T00:00:00Z'), until: new Date('2026-12-01T00:00:00Z') });
  // C was detected 31 Oct 23:40 UTC: October, though it was resolved in November. F has no time but its day.
  assert.deepEqual(nov.rows.map((r) => r.id), [D, B, A]);
  assert.equal(nov.metrics.drills, 1);
  const sept = metricsOf(defaultPolicy(), { since: new Date('2026-09-01T00:00:00Z'), until: new Date('2026-10-01T00:00:00Z') });
  assert.deepEqual(sept.rows.map((r) => r.id), [F]);
  const sev1 = metricsOf(defaultPolicy(), { severity: 'SEV-1' });
  assert.deepEqual(sev1.rows.map((r) => r.id), [B, A]);
  assert.equal(sev1.metrics.drills, 1);
  assert.deepEqual(sev1.metrics.timeToResolveMinutes, { mean: 105, median: 105, p90: 120, n: 2, unknown: 0 });
  const sev3 = metricsOf(defaultPolicy(), { severity: 'SEV-3', since: new Date('2026-12-01T00:00:00Z') });
  assert.equal(sev3.metrics.incidents, 0);
  assert.equal(sev3.metrics.responseTimeCompliance, null);
  assert.deepEqual(sev3.metrics.timeToDetectMinutes, { mean: null, median: null, p90: null, n: 0, unknown: 0 });
});

test('months are the playbook zone’s: the same instant is October in New York and November in Tokyo', () => {
  const ny = metricsOf({ ...defaultPolicy(), timeZone: 'America/New_York' });
  assert.equal(ny.rows.find((r) => r.id === C)!.month, '2026-10');
  const tokyo = metricsOf({ ...defaultPolicy(), timeZone: 'Asia/Tokyo' });
  assert.equal(tokyo.rows.find((r) => r.id === C)!.month, '2026-11');
  assert.deepEqual(tokyo.metrics.byMonth['2026-11'], { 'SEV-3': 1, 'SEV-1': 2, 'SEV-2': 1 });
  // Durations are between instants: the zone changes none of them.
  assert.deepEqual(tokyo.metrics.timeToResolveMinutes, ny.metrics.timeToResolveMinutes);
});

test('durations across a DST change are real elapsed minutes', () => {
  const policy = { ...defaultPolicy(), timeZone: 'America/New_York' };
  const log = `## INC-2026-0308-001: Spring forward
- **Severity:** SEV-2
- **Status:** Resolved
- **Started:** 2026-03-08 01:15
- **Detected:** 2026-03-08 01:30
- **Resolved:** 2026-03-08 03:30

## INC-2026-1101-001: Fall back
- **Severity:** SEV-2
- **Status:** Resolved
- **Detected:** 2026-11-01 00:30
- **Resolved:** 2026-11-01 02:30
`;
  const index = indexLog(log, { policy });
  const [spring, fall] = index.incidents.map((i) => incidentDurations(i, policy));
  // 01:30 EST (−5) to 03:30 EDT (−4) is one hour on the clock; 00:30 EDT to 02:30 EST is three.
  assert.equal(spring.timeToResolve, 60);
  assert.equal(spring.timeToDetect, 15);
  assert.equal(fall.timeToResolve, 180);
  assert.equal(fall.detected, '2026-11-01T04:30:00Z');
});

test('contradictory times and bare days are unknown, never negative or guessed', () => {
  const policy = defaultPolicy();
  const log = `## INC-2026-1120-009: Backwards
- **Severity:** SEV-2
- **Status:** Resolved
- **Started:** 2026-11-20 11:00 UTC
- **Detected:** 2026-11-20 10:00 UTC
- **Resolved:** 2026-11-20 09:00 UTC

## INC-2026-1121-001: Day only
- **Severity:** SEV-2
- **Status:** Resolved
- **Detected:** 2026-11-21
- **Resolved:** 2026-11-22

## INC-2026-1122-001: Started only
- **Severity:** SEV-2
- **Status:** Mitigating
- **Started:** 2026-11-22 08:00 UTC

### Timeline
- 2026-11-22 08:10 UTC — Impact began 07:40 UTC: first failed orders in the logs (@ana)
`;
  const rows = computeMetrics(indexLog(log, { policy }).incidents, policy, { now: NOW }).rows;
  assert.deepEqual([rows[0].timeToDetect, rows[0].timeToResolve], [null, null]);
  assert.deepEqual([rows[1].timeToResolve, rows[1].month], [null, '2026-11']);
  // Without a Detected field, Started stays the detection time (the policy's alias): the
  // "Impact began" entry then gives the start of impact.
  assert.equal(rows[2].detected, '2026-11-22T08:00:00Z');
  assert.equal(rows[2].timeToDetect, 20);
});

test('CSV export: one row per incident, minutes, empty cells for unknowns, quoting and formula guard', () => {
  const { rows } = metricsOf();
  const csv = metricsCsv(rows).split('\r\n');
  assert.equal(csv[0], 'id,severity,status,detected,resolved,time_to_detect_minutes,time_to_acknowledge_minutes,time_to_resolve_minutes,time_to_mitigate_minutes');
  assert.equal(csv[3], 'INC-2026-1120-001,SEV-1,Resolved,2026-11-20T10:00:00Z,2026-11-20T12:00:00Z,10,5,120,30');
  assert.equal(csv[5], '2026-09-15-dns-resolution-failures,SEV-2,Resolved,2026-09-15,,,,,');
  assert.equal(csv.length, 7, 'header, 5 rows, and the final line break');
  const odd = metricsCsv([{ ...rows[0], id: '=HYPERLINK("x")', status: 'Mitigating, slowly' }]).split('\r\n')[1];
  assert.ok(odd.startsWith(`"'=HYPERLINK(""x"")",SEV-3,"Mitigating, slowly",`), odd);
});
