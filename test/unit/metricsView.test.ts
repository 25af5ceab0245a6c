// The metrics dashboard's data: the core's figures for a period and severity, shaped for the
// page, and the messages the page may send.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultPolicy, indexLog } from '../../src/core';
import { parseMessage, metricsMessageSchema } from '../../src/shared/protocol';
import { metricsFor, metricsView, periodStart } from '../../src/extension/panels/metricsView';

const LOG = [
  '# Incident Log',
  '',
  '## INC-2026-1120-001: Checkout API returning 500s',
  '- **Severity:** SEV-1',
  '- **Status:** Resolved',
  '- **Started:** 2026-11-20 14:10 UTC',
  '- **Detected:** 2026-11-20 14:30 UTC',
  '- **Resolved:** 2026-11-20 16:30 UTC',
  '',
  '## INC-2026-1005-001: Search index lagging',
  '- **Severity:** SEV-3',
  '- **Status:** Resolved',
  '- **Detected:** 2026-10-05 08:00 UTC',
  '- **Resolved:** 2026-10-05 09:00 UTC',
  '',
  '## INC-2026-0801-001: Game day: database failover',
  '- **Severity:** SEV-2',
  '- **Status:** Resolved',
  '- **Drill:** yes',
  '- **Detected:** 2026-08-01 10:00 UTC',
  '- **Resolved:** 2026-08-01 10:30 UTC',
  '',
].join('\n');

const now = new Date('2026-11-30T12:00:00Z');
const policy = defaultPolicy();
const incidents = indexLog(LOG).incidents;

test('all time: the figures by hand, drills apart, months and the list newest first', () => {
  const filter = { period: 'all', severity: null } as const;
  const v = metricsView(metricsFor(incidents, policy, filter, now), policy, filter);
  assert.equal(v.incidents, 2);
  assert.equal(v.drills, 1);
  const resolve = v.figures.find((f) => f.key === 'timeToResolve')!;
  // 120 and 60 minutes.
  assert.deepEqual([resolve.mean, resolve.median, resolve.p90, resolve.n, resolve.unknown], [90, 90, 120, 2, 0]);
  const detect = v.figures.find((f) => f.key === 'timeToDetect')!;
  assert.deepEqual([detect.median, detect.n, detect.unknown, detect.unknownIds], [20, 1, 1, ['INC-2026-1005-001']]);
  assert.equal(detect.label, 'Time to detect: Started (impact began) → Detected');
  assert.deepEqual(v.frequency, { months: ['2026-10', '2026-11'], series: [{ severity: 'SEV-1', counts: [0, 1] }, { severity: 'SEV-3', counts: [1, 0] }] });
  assert.deepEqual(v.list.map((r) => r.id), ['INC-2026-1120-001', 'INC-2026-1005-001']);
});

test('a period counts back from now; a severity filters; an unknown severity filters nothing', () => {
  assert.equal(periodStart('all', now), undefined);
  assert.equal(periodStart('30d', now)?.toISOString(), '2026-10-31T12:00:00.000Z');
  const last30 = { period: '30d', severity: null } as const;
  assert.deepEqual(metricsView(metricsFor(incidents, policy, last30, now), policy, last30).list.map((r) => r.id), ['INC-2026-1120-001']);
  const sev3 = { period: '365d', severity: 'SEV-3' } as const;
  const v = metricsView(metricsFor(incidents, policy, sev3, now), policy, sev3);
  assert.deepEqual([v.severity, v.incidents], ['SEV-3', 1]);
  const gone = { period: 'all', severity: 'SEV-9' } as const;
  const all = metricsView(metricsFor(incidents, policy, gone, now), policy, gone);
  assert.deepEqual([all.severity, all.incidents], [null, 2]);
});

test('the page may send only a period and severity, an incident id, or an export', () => {
  const ok = (m: unknown) => parseMessage(metricsMessageSchema, m).ok;
  assert.ok(ok({ type: 'ready' }));
  assert.ok(ok({ type: 'filter', period: '90d', severity: 'SEV-2' }));
  assert.ok(ok({ type: 'filter', period: 'all', severity: null }));
  assert.ok(ok({ type: 'open', incident: 'INC-2026-1120-001' }));
  assert.ok(ok({ type: 'exportCsv' }));
  for (const bad of [
    { type: 'filter', period: '7d', severity: null },
    { type: 'filter', period: 'all', severity: 'x\u0007' },
    { type: 'filter', period: 'all', severity: 'x'.repeat(41) },
    { type: 'open', incident: '../pir/x.md' },
    { type: 'open', incident: 'INC 1' },
    { type: 'open', incident: 'A'.repeat(81) },
    { type: 'exportCsv', to: '/tmp/x.csv' },
    { type: 'run' },
  ])
    assert.equal(ok(bad), false, JSON.stringify(bad));
});
