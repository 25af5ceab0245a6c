// Dates that cannot be, through the CLI as it ships: `incident check` reports them on their
// lines, `incident metrics` (text, JSON, CSV) counts what they bound as unknown with the reason,
// and every date printed as JSON is ISO 8601 with a four-digit year.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './helpers';
import { useBuiltCli } from './cliProcess';

const cli = useBuiltCli('dates');
const NOW = ['--now', '2026-12-01T12:00:00Z'];

/** A repository whose docs/ holds the dates fixture. */
function datesRepo(): string {
  const dir = cli.repo();
  mkdirSync(join(dir, 'docs'));
  cpSync(join(FIXTURES, 'dates'), join(dir, 'docs'), { recursive: true });
  return dir;
}

test('incident check: each impossible date on its line, with its code; exit 1', () => {
  const dir = datesRepo();
  const r = cli.run(dir, 'check', ...NOW);
  assert.equal(r.code, 1, r.err);
  assert.match(r.out, /^docs\/INCIDENT_LOG\.md:21: warning: INC-2026-1128-001: Resolved 9999-12-31 23:59 UTC is more than a day in the future \(now is 2026-12-01 12:00 UTC\)\. \[date-future\]$/m);
  assert.match(r.out, /^docs\/INCIDENT_LOG\.md:68: warning: INC-2026-1110-001: Detected 0001-11-10 09:00 UTC is before 1970: no incident log goes back that far\. \[date-too-early\]$/m);
  const found = JSON.parse(cli.run(dir, 'check', '--json', ...NOW).out) as Array<{ code: string; line: number }>;
  assert.deepEqual(
    found.filter((p) => p.code.startsWith('date-')).map((p) => `${p.line} ${p.code}`),
    ['14 date-future', '21 date-future', '33 date-order', '44 date-order', '61 date-order', '62 date-order', '68 date-too-early'],
  );
});

test('incident metrics --json: no impossible duration or clock; unknowns with their reasons', () => {
  const r = cli.run(datesRepo(), 'metrics', '--json', ...NOW);
  assert.equal(r.code, 0, r.err);
  const m = JSON.parse(r.out);
  assert.deepEqual(m.timeToResolveMinutes, { mean: 100, median: 120, p90: 120, n: 3, unknown: 4 });
  assert.deepEqual(m.timeToAcknowledgeMinutes, { mean: 12.5, median: 10, p90: 20, n: 4, unknown: 3 });
  assert.equal(m.responseTimeCompliance, 0.75);
  assert.deepEqual(m.details.compliance.updateCadence, { hits: 5, measured: 61 });
  assert.deepEqual(m.details.unknownIncidents.timeToResolve, ['INC-2026-1130-001', 'INC-2026-1128-001', 'INC-2026-1125-001', 'INC-2026-1110-001']);
  assert.deepEqual(m.details.unknownReasons.timeToResolve[1], { id: 'INC-2026-1128-001', code: 'date-future', reason: 'Resolved 9999-12-31T23:59:00Z is more than a day in the future' });
});

test('incident metrics: the report names the impossible dates, and no figure runs to the year 9999', () => {
  const r = cli.run(datesRepo(), 'metrics', ...NOW);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Time to resolve: Detected → Resolved +100 +120 +120 +3 +4\n/);
  assert.match(
    r.out,
    /Unknown time to resolve: INC-2026-1130-001, INC-2026-1128-001 \(Resolved 9999-12-31T23:59:00Z is more than a day in the future\), INC-2026-1125-001 \(Resolved 2026-11-24T09:30:00Z is before Detected 2026-11-25T08:00:00Z\), INC-2026-1110-001 \(Detected 0001-11-10T09:00:00Z is before 1970\)\n/,
  );
  assert.match(r.out, /Response-time compliance: 75% \(3 of 4 incidents\)/);
  assert.match(r.out, /Update cadence compliance: 8\.2% \(5 of 61 updates due\)/);
  assert.doesNotMatch(r.out, /\d{7,}/, 'no duration or count of millions');
});

test('incident metrics --csv and list --json: dates as ISO 8601, four-digit years', () => {
  const dir = datesRepo();
  const csv = cli.run(dir, 'metrics', '--csv', ...NOW).out.split('\n');
  assert.equal(csv[2], 'INC-2026-1128-001,SEV-2,Resolved,2026-11-28T09:00:00Z,9999-12-31T23:59:00Z,,10,,');
  assert.equal(csv[6], 'INC-2026-1110-001,SEV-2,Resolved,0001-11-10T09:00:00Z,2026-11-10T10:00:00Z,,,,');
  const listed = JSON.parse(cli.run(dir, 'list', '--json').out) as Array<{ id: string; detected: string | null; resolved: string | null }>;
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
  for (const i of listed) for (const v of [i.detected, i.resolved]) if (v !== null) assert.match(v, iso, `${i.id}: ${v}`);
  assert.equal(listed.find((i) => i.id === 'INC-2026-1110-001')?.detected, '0001-11-10T09:00:00Z');
});
