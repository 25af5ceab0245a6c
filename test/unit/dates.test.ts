// Dates that cannot be, on test/fixtures/logs/dates: a resolution in the year 9999, a resolution,
// an acknowledgement, a commander assignment and a mitigation before detection, a detection in
// the year 1, an entry 36 years ahead. `check` reports each on its line; the metrics count the
// durations they bound as unknown (with the reason), never in a mean, median, p90 or clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLog, defaultPolicy, indexLog, lastUpdateAt, nextUpdateDue } from '../../src/core';
import { IncrementalCheck } from '../../src/core/response/check';
import { computeMetrics } from '../../src/core/metrics/metrics';
import { metricsCsv } from '../../src/core/metrics/csv';
import { metricsFor, metricsView } from '../../src/extension/panels/metricsView';
import { fixture } from './helpers';

const NOW = new Date('2026-12-01T12:00:00Z');
const policy = defaultPolicy();
const log = fixture('dates/INCIDENT_LOG.md');

const ACTIVE = 'INC-2026-1130-001';
const Y9999 = 'INC-2026-1128-001';
const RESOLVED_EARLY = 'INC-2026-1125-001';
const ACKED_EARLY = 'INC-2026-1120-001';
const ASSIGNED_EARLY = 'INC-2026-1115-001';
const YEAR_1 = 'INC-2026-1110-001';
const SOUND = 'INC-2026-1105-001';

const DATE_CODES = new Set(['date-future', 'date-order', 'date-too-early']);

function dateFindings(now = NOW) {
  return checkLog(indexLog(log, { policy }), policy, now).filter((p) => DATE_CODES.has(p.code));
}

test('check reports each impossible date on the line of its field or timeline entry', () => {
  const found = dateFindings();
  assert.deepEqual(
    found.map((p) => [p.line, p.code, p.incidentId, p.severity]),
    [
      [14, 'date-future', ACTIVE, 'warning'],
      [21, 'date-future', Y9999, 'warning'],
      [33, 'date-order', RESOLVED_EARLY, 'warning'],
      [44, 'date-order', ACKED_EARLY, 'warning'],
      [61, 'date-order', ASSIGNED_EARLY, 'warning'],
      [62, 'date-order', ASSIGNED_EARLY, 'warning'],
      [68, 'date-too-early', YEAR_1, 'warning'],
    ],
  );
  const message = (line: number) => found.find((p) => p.line === line)!.message;
  assert.equal(message(14), `${ACTIVE}: the timeline entry at 2062-11-30 10:40 UTC is more than a day in the future (now is 2026-12-01 12:00 UTC).`);
  assert.equal(message(21), `${Y9999}: Resolved 9999-12-31 23:59 UTC is more than a day in the future (now is 2026-12-01 12:00 UTC).`);
  assert.equal(message(33), `${RESOLVED_EARLY}: Resolved 2026-11-24 09:30 UTC is before Detected 2026-11-25 08:00 UTC: an incident cannot be resolved before it is detected.`);
  assert.equal(message(44), `${ACKED_EARLY}: Acknowledged 2026-11-19 10:05 UTC is before Detected 2026-11-20 10:00 UTC: an incident cannot be acknowledged before it is detected.`);
  assert.equal(message(61), `${ASSIGNED_EARLY}: the commander assignment at 2026-11-15 13:00 UTC is before Detected 2026-11-15 14:00 UTC: an incident cannot be acknowledged before it is detected.`);
  assert.equal(message(62), `${ASSIGNED_EARLY}: the first Mitigating status at 2026-11-15 13:30 UTC is before Detected 2026-11-15 14:00 UTC: an incident cannot be mitigated before it is detected.`);
  assert.equal(message(68), `${YEAR_1}: Detected 0001-11-10 09:00 UTC is before 1970: no incident log goes back that far.`);
});

test('a day of slack for the future: zones written wrong and clocks apart are not impossible', () => {
  // The 9999 resolution stays impossible at any `now`; the 2062 entry is a day ahead from 2062-11-29 10:40 on.
  assert.deepEqual(dateFindings(new Date('2062-11-29T10:40:00Z')).filter((p) => p.code === 'date-future').map((p) => p.line), [21]);
  assert.deepEqual(dateFindings(new Date('2062-11-29T10:39:00Z')).filter((p) => p.code === 'date-future').map((p) => p.line), [14, 21]);
});

test('an entry in the future is no status update: the reminder and the check still fall due', () => {
  const index = indexLog(log, { policy });
  const active = index.incidents.find((i) => i.id === ACTIVE)!;
  // The last update that has happened is the assignment at 10:10; due 10:40 on 30 November.
  assert.equal(lastUpdateAt(active, NOW)?.toISOString(), '2026-11-30T10:10:00.000Z');
  assert.equal(nextUpdateDue(active, policy, NOW)?.dueAt.toISOString(), '2026-11-30T10:40:00.000Z');
  const overdue = checkLog(index, policy, NOW).filter((p) => p.code === 'update-overdue');
  assert.deepEqual(overdue.map((p) => [p.line, p.incidentId]), [[5, ACTIVE]]);
  assert.match(overdue[0].message, /overdue by 25 h 20 min/);
});

test('an editor’s incremental check gives the same findings as the full check', () => {
  const index = indexLog(log, { policy });
  assert.deepEqual(new IncrementalCheck().run(index, policy, NOW), checkLog(index, policy, NOW));
  assert.deepEqual(checkLog(index, policy, NOW, { incidents: index.incidents }).filter((p) => DATE_CODES.has(p.code)), dateFindings());
});

test('a log of real dates has no date findings', () => {
  assert.deepEqual(dateFindings().filter((p) => p.incidentId === SOUND), []);
  assert.deepEqual(checkLog(indexLog(fixture('metrics/INCIDENT_LOG.md'), { policy }), policy, new Date('2026-11-30T12:00:00Z')).filter((p) => DATE_CODES.has(p.code)), []);
});

function metricsOf() {
  return computeMetrics(indexLog(log, { policy }).incidents, policy, { now: NOW });
}

test('metrics: durations bounded by an impossible date are unknown, never in a mean, median or p90', () => {
  const { metrics: m } = metricsOf();
  assert.equal(m.incidents, 7);
  // Resolve: 1120 120, 1115 120, 1105 60. Unknown: the active one, 9999, before detection, year 1.
  assert.deepEqual(m.timeToResolveMinutes, { mean: 100, median: 120, p90: 120, n: 3, unknown: 4 });
  assert.deepEqual(m.unknownIncidents.timeToResolve, [ACTIVE, Y9999, RESOLVED_EARLY, YEAR_1]);
  // Acknowledge: 1130 10 (assignment entry), 1128 10, 1125 20, 1105 10.
  assert.deepEqual(m.timeToAcknowledgeMinutes, { mean: 12.5, median: 10, p90: 20, n: 4, unknown: 3 });
  assert.deepEqual(m.unknownIncidents.timeToAcknowledge, [ACKED_EARLY, ASSIGNED_EARLY, YEAR_1]);
  // Mitigate: 1125 45 (Monitoring), 1120 30, 1105 30; 1115's Mitigating came before detection.
  assert.deepEqual(m.timeToMitigateMinutes, { mean: 35, median: 30, p90: 45, n: 3, unknown: 4 });
  assert.deepEqual(m.durationsBySeverity['SEV-2'].timeToResolveMinutes, { mean: 90, median: 90, p90: 120, n: 2, unknown: 3 });
  // Year 1 is placed in no month; the others in November 2026.
  assert.deepEqual(m.byMonth, { '2026-11': { 'SEV-1': 2, 'SEV-2': 4 } });
});

test('metrics: each unknown with its reason; impossible dates named as such', () => {
  const { metrics: m } = metricsOf();
  assert.deepEqual(m.unknownReasons.timeToResolve, [
    { id: ACTIVE, code: 'no-time', reason: 'no resolution time' },
    { id: Y9999, code: 'date-future', reason: 'Resolved 9999-12-31T23:59:00Z is more than a day in the future' },
    { id: RESOLVED_EARLY, code: 'date-order', reason: 'Resolved 2026-11-24T09:30:00Z is before Detected 2026-11-25T08:00:00Z' },
    { id: YEAR_1, code: 'date-too-early', reason: 'Detected 0001-11-10T09:00:00Z is before 1970' },
  ]);
  assert.deepEqual(m.unknownReasons.timeToAcknowledge, [
    { id: ACKED_EARLY, code: 'date-order', reason: 'Acknowledged 2026-11-19T10:05:00Z is before Detected 2026-11-20T10:00:00Z' },
    { id: ASSIGNED_EARLY, code: 'date-order', reason: 'the commander assignment 2026-11-15T13:00:00Z is before Detected 2026-11-15T14:00:00Z' },
    { id: YEAR_1, code: 'date-too-early', reason: 'Detected 0001-11-10T09:00:00Z is before 1970' },
  ]);
  assert.deepEqual(
    m.unknownReasons.timeToMitigate.find((u) => u.id === ASSIGNED_EARLY),
    { id: ASSIGNED_EARLY, code: 'date-order', reason: 'the first Mitigating status 2026-11-15T13:30:00Z is before Detected 2026-11-15T14:00:00Z' },
  );
  assert.deepEqual(m.unknownReasons.timeToDetect.map((u) => u.id), m.unknownIncidents.timeToDetect);
});

test('metrics: impossible dates count toward no clock (response time, update cadence, review, time in status)', () => {
  const { metrics: m } = metricsOf();
  // Response (SEV-1 15 min, SEV-2 30): 1130 10 ✓, 1128 10 ✓, 1125 20 ✗, 1105 10 ✓. Not measured:
  // 1120 and 1115 (acknowledged before detection), 1110 (detected in the year 1).
  assert.deepEqual(m.compliance.responseTime, { hits: 3, measured: 4 });
  // Cadence 30 min. 1130 (active): 10 on time, then 25 h 50 min with no update, 51 due times
  // missed (the 2062 entry is not an update yet). 1120: 30 ✓, 90 missed two → 1/3. 1115: 120
  // missed three → 0/3. 1105: 10, 20, 30 → 3/3. Not measured: 1128 (resolved in 9999), 1125
  // (resolved before detection), 1110 (year 1).
  assert.deepEqual(m.compliance.updateCadence, { hits: 5, measured: 61 });
  // Review: no due date follows from the 9999 or the before-detection resolution; the four
  // other resolved incidents are past due with no review.
  assert.deepEqual(m.compliance.review, { hits: 0, measured: 4 });
  // Time in status: 1120 Investigating 30 + Mitigating 90, 1105 Investigating 30 + Mitigating 30.
  // 1115 is clipped to its detection: Mitigating 14:00–16:00. 1125 (resolved before detection) none.
  assert.deepEqual(m.timeInStatusMinutes, {
    Investigating: { totalMinutes: 60, meanMinutes: 30, incidents: 2 },
    Mitigating: { totalMinutes: 240, meanMinutes: 80, incidents: 3 },
  });
});

test('metrics CSV: no impossible duration, every date ISO 8601 with a 4-digit year', () => {
  const csv = metricsCsv(metricsOf().rows, '\n').split('\n');
  assert.equal(csv[2], `${Y9999},SEV-2,Resolved,2026-11-28T09:00:00Z,9999-12-31T23:59:00Z,,10,,`);
  assert.equal(csv[3], `${RESOLVED_EARLY},SEV-1,Resolved,2026-11-25T08:00:00Z,2026-11-24T09:30:00Z,,20,,45`);
  assert.equal(csv[6], `${YEAR_1},SEV-2,Resolved,0001-11-10T09:00:00Z,2026-11-10T10:00:00Z,,,,`);
});

test('the dashboard’s data holds the same unknowns and clocks', () => {
  const filter = { period: 'all', severity: null } as const;
  const v = metricsView(metricsFor(indexLog(log, { policy }).incidents, policy, filter, NOW), policy, filter);
  const resolve = v.figures.find((f) => f.key === 'timeToResolve')!;
  assert.deepEqual([resolve.mean, resolve.median, resolve.p90, resolve.n, resolve.unknown], [100, 120, 120, 3, 4]);
  assert.deepEqual(resolve.unknownIds, [ACTIVE, Y9999, RESOLVED_EARLY, YEAR_1]);
  // Each impossible time says why, as `incident metrics` does; the active incident needs no reason.
  assert.deepEqual(resolve.unknownReasons, [
    { id: Y9999, reason: 'Resolved 9999-12-31T23:59:00Z is more than a day in the future' },
    { id: RESOLVED_EARLY, reason: 'Resolved 2026-11-24T09:30:00Z is before Detected 2026-11-25T08:00:00Z' },
    { id: YEAR_1, reason: 'Detected 0001-11-10T09:00:00Z is before 1970' },
  ]);
  const cadence = v.compliance.find((c) => c.unit === 'updates due')!;
  assert.deepEqual([cadence.hits, cadence.measured], [5, 61]);
  assert.deepEqual(v.list.find((r) => r.id === Y9999)?.timeToResolve, null);
});
