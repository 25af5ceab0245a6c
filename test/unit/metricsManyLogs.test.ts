// The metrics dashboard over several logs (every folder of a multi-root workspace): figures equal
// to the sum of the parts, medians over all the incidents, the service filter, and its message.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { indexLog } from '../../src/core';
import { computeMetrics } from '../../src/core/metrics/metrics';
import { metricsCsv } from '../../src/core/metrics/csv';
import { loadPolicy } from '../../src/core/playbook/playbook';
import { parseMessage, metricsMessageSchema } from '../../src/shared/protocol';
import { type ServiceLog, metricsFor, metricsForLogs, metricsView } from '../../src/extension/panels/metricsView';

const NOW = new Date('2026-11-21T12:00:00Z');
const fixture = (path: string) => readFileSync(resolve(__dirname, '../fixtures', path), 'utf8');

/** Two services with their own playbooks (a different zone and a P-level scheme), sharing an incident id. */
function logs(): ServiceLog[] {
  const shop = loadPolicy(fixture('statuspage/repo/.incident/playbook.yml'));
  const ops = loadPolicy('preset: sev\ntimeZone: Pacific/Auckland\nservice: ops\n');
  const opsText = fixture('workspaces/multiroot/ops/docs/INCIDENT_LOG.md').replace(
    '# Incident Log\n',
    '# Incident Log\n\n## INC-2026-1121-001: Queue stalled\n- **Severity:** SEV-1\n- **Status:** Resolved\n- **Detected:** 2026-10-31 23:30 UTC\n- **Resolved:** 2026-11-01 00:10 UTC\n',
  );
  return [
    { service: 'shop', incidents: indexLog(fixture('statuspage/repo/docs/INCIDENT_LOG.md'), { policy: shop }).incidents, policy: shop },
    { service: 'ops', incidents: indexLog(opsText, { policy: ops }).incidents, policy: ops },
  ];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? null : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function sum(...rs: Array<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rs) for (const [k, n] of Object.entries(r)) out[k] = (out[k] ?? 0) + n;
  return out;
}

test('the dashboard over several logs: every count the sum of the parts, medians over all their incidents', () => {
  const [shop, ops] = logs();
  const filter = { period: 'all', severity: null } as const;
  const a = computeMetrics(shop.incidents, shop.policy, { now: NOW }).metrics;
  const b = computeMetrics(ops.incidents, ops.policy, { now: NOW }).metrics;
  const both = metricsForLogs([shop, ops], filter, NOW);
  const m = both.metrics;
  assert.equal(m.incidents, a.incidents + b.incidents);
  assert.equal(m.drills, a.drills + b.drills);
  assert.deepEqual(m.bySeverity, sum(a.bySeverity, b.bySeverity));
  // ops's late-October incident counts in November in its own zone (Auckland), as it alone counts it.
  assert.equal(b.byMonth['2026-11']?.['SEV-1'], 1);
  for (const month of new Set([...Object.keys(a.byMonth), ...Object.keys(b.byMonth)])) assert.deepEqual(m.byMonth[month], sum(a.byMonth[month] ?? {}, b.byMonth[month] ?? {}), month);
  for (const k of ['responseTime', 'updateCadence', 'review'] as const) {
    assert.deepEqual(m.compliance[k], { hits: a.compliance[k].hits + b.compliance[k].hits, measured: a.compliance[k].measured + b.compliance[k].measured }, k);
  }
  assert.equal(m.openActionItems, a.openActionItems + b.openActionItems);
  // A median over the union: the rows of each log, taken together.
  const rows = [...computeMetrics(shop.incidents, shop.policy, { now: NOW }).rows, ...computeMetrics(ops.incidents, ops.policy, { now: NOW }).rows];
  const resolve = rows.map((r) => r.timeToResolve).filter((x): x is number => x !== null);
  assert.equal(m.timeToResolveMinutes.n, resolve.length);
  assert.equal(m.timeToResolveMinutes.median, median(resolve));
  // The view: both services to filter by, each listed incident with its service; the duplicate id twice.
  const view = metricsView(both, shop.policy, filter, [shop, ops]);
  assert.deepEqual(view.services, ['shop', 'ops']);
  assert.equal(view.service, null);
  assert.deepEqual(view.list.filter((r) => r.id === 'INC-2026-1121-001').map((r) => r.service).sort(), ['ops', 'shop']);
  // The export: a service column first.
  assert.match(metricsCsv(both.rows), /^service,id,severity,/);
  // One log's view is as it was: no services, no service on a row.
  const one = metricsView(metricsFor(shop.incidents, shop.policy, filter, NOW), shop.policy, filter);
  assert.equal(one.services, undefined);
  assert.ok(one.list.every((r) => !('service' in r)));
});

test('the service filter narrows the figures to that service’s own; an unknown service filters nothing', () => {
  const [shop, ops] = logs();
  const only = metricsForLogs([shop, ops], { period: 'all', severity: null, service: 'ops' }, NOW);
  const alone = computeMetrics(ops.incidents, ops.policy, { now: NOW });
  assert.deepEqual(only.metrics, alone.metrics);
  assert.equal(metricsView(only, shop.policy, { period: 'all', severity: null, service: 'ops' }, [shop, ops]).service, 'ops');
  const all = metricsForLogs([shop, ops], { period: 'all', severity: null }, NOW);
  assert.deepEqual(metricsForLogs([shop, ops], { period: 'all', severity: null, service: 'gone' }, NOW).metrics, all.metrics);
  // With a severity: that severity of every service, each matched in its own playbook.
  const sev1 = metricsForLogs([shop, ops], { period: 'all', severity: 'SEV-1', service: null }, NOW).metrics;
  assert.equal(sev1.incidents, computeMetrics(shop.incidents, shop.policy, { now: NOW, severity: 'SEV-1' }).metrics.incidents + computeMetrics(ops.incidents, ops.policy, { now: NOW, severity: 'SEV-1' }).metrics.incidents);
});

test('the page may send a service to filter by (one line), or none', () => {
  const ok = (m: unknown) => parseMessage(metricsMessageSchema, m).ok;
  assert.ok(ok({ type: 'filter', period: 'all', severity: null }));
  assert.ok(ok({ type: 'filter', period: '90d', severity: 'SEV-1', service: 'services/payments' }));
  assert.ok(ok({ type: 'filter', period: 'all', severity: null, service: null }));
  assert.ok(!ok({ type: 'filter', period: 'all', severity: null, service: '' }));
  assert.ok(!ok({ type: 'filter', period: 'all', severity: null, service: 'a\nb' }));
  assert.ok(!ok({ type: 'filter', period: 'all', severity: null, service: 'x'.repeat(201) }));
  assert.ok(!ok({ type: 'filter', period: 'all', severity: null, service: 7 }));
  // An incident to open names its service when the page lists several (an id may be in both).
  assert.ok(ok({ type: 'open', incident: 'INC-2026-1121-001', service: 'ops' }));
  assert.ok(ok({ type: 'open', incident: 'INC-2026-1121-001' }));
  assert.ok(!ok({ type: 'open', incident: 'INC-2026-1121-001', service: null }));
  assert.ok(!ok({ type: 'open', incident: 'INC-2026-1121-001', service: 'ops\u001b]52;c;x\u0007' }));
});
