// `incident update`, `summary` and `metrics` as a real process, built the way `bin` ships it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './helpers';
import { useBuiltCli } from './cliProcess';

const cli = useBuiltCli('cli-comms');
const run = cli.run;
const repo = () => cli.repo();

/** A repository whose docs/ is the metrics fixture (the log and its pir/ reviews). */
function metricsRepo(): string {
  const dir = repo();
  mkdirSync(join(dir, 'docs'));
  cpSync(join(FIXTURES, 'metrics'), join(dir, 'docs'), { recursive: true });
  return dir;
}

const NOW = ['--now', '2026-11-30T12:00:00Z'];

test('metrics --json has exactly the documented keys, with the hand-computed values', () => {
  const dir = metricsRepo();
  const r = run(dir, 'metrics', '--json', ...NOW);
  assert.equal(r.code, 0, r.err);
  const m = JSON.parse(r.out);
  assert.deepEqual(Object.keys(m), [
    'incidents', 'drills', 'bySeverity', 'byMonth',
    'timeToDetectMinutes', 'timeToAcknowledgeMinutes', 'timeToResolveMinutes', 'timeToMitigateMinutes',
    'responseTimeCompliance', 'updateCadenceCompliance', 'reviewCompliance', 'openActionItems', 'overdueActionItems',
    'details',
  ]);
  assert.equal(m.incidents, 5);
  assert.equal(m.drills, 1);
  assert.deepEqual(m.bySeverity, { 'SEV-1': 2, 'SEV-2': 2, 'SEV-3': 1 });
  assert.deepEqual(m.byMonth, { '2026-09': { 'SEV-2': 1 }, '2026-10': { 'SEV-2': 1 }, '2026-11': { 'SEV-3': 1, 'SEV-1': 2 } });
  assert.deepEqual(m.timeToDetectMinutes, { mean: 25, median: 25, p90: 40, n: 2, unknown: 3 });
  assert.deepEqual(m.timeToAcknowledgeMinutes, { mean: 8.3, median: 5, p90: 20, n: 3, unknown: 2 });
  assert.deepEqual(m.timeToResolveMinutes, { mean: 110, median: 120, p90: 120, n: 3, unknown: 2 });
  assert.deepEqual(m.timeToMitigateMinutes, { mean: 37.5, median: 37.5, p90: 45, n: 2, unknown: 3 });
  assert.equal(m.responseTimeCompliance, 0.5);
  assert.equal(m.updateCadenceCompliance, 0.4444);
  assert.equal(m.reviewCompliance, 0.5, 'the reviews in docs/pir were read');
  assert.equal(m.openActionItems, 3);
  assert.equal(m.overdueActionItems, 1);
  assert.deepEqual(m.details.unknownIncidents.timeToResolve, ['INC-2026-1128-001', '2026-09-15-dns-resolution-failures']);
});

test('metrics over a period and a severity; the human report names what each figure measures', () => {
  const dir = metricsRepo();
  // --until takes its whole day; the October incident (31 Oct 23:40 UTC) is left out.
  const nov = JSON.parse(run(dir, 'metrics', '--json', '--since', '2026-11-01', '--until', '2026-11-30', ...NOW).out);
  assert.equal(nov.incidents, 3);
  assert.deepEqual(nov.details.period, { since: '2026-11-01', until: '2026-11-30', severity: null });
  const oct = JSON.parse(run(dir, 'metrics', '--json', '--until', '2026-10-31', ...NOW).out);
  assert.equal(oct.incidents, 2);
  const sev1 = JSON.parse(run(dir, 'metrics', '--json', '--severity', 'sev1', ...NOW).out);
  assert.deepEqual([sev1.incidents, sev1.drills, sev1.timeToResolveMinutes.median], [2, 1, 105]);
  const human = run(dir, 'metrics', ...NOW);
  assert.equal(human.code, 0, human.err);
  assert.match(human.out, /^Incidents: 5 \(all time\); drills, not counted: 1\n/);
  assert.match(human.out, /Time to detect: Started \(impact began\) → Detected +25 +25 +40 +2 +3\n/);
  assert.match(human.out, /Unknown time to resolve: INC-2026-1128-001, 2026-09-15-dns-resolution-failures/);
  assert.match(human.out, /Response-time compliance: 50% \(2 of 4 incidents\)/);
  assert.match(human.out, /Update cadence compliance: 44\.4% \(4 of 9 updates due\)/);
  assert.match(human.out, /Action items: 3 open, 1 overdue\n {2}dana: 1 open, 1 overdue\n {2}Lee Park: 1 open\n {2}wei: 1 open\n/);
});

test('metrics --csv: one row per incident', () => {
  const dir = metricsRepo();
  const r = run(dir, 'metrics', '--csv', ...NOW);
  assert.equal(r.code, 0, r.err);
  const lines = r.out.trimEnd().split('\n');
  assert.equal(lines[0], 'id,severity,status,detected,resolved,time_to_detect_minutes,time_to_acknowledge_minutes,time_to_resolve_minutes,time_to_mitigate_minutes');
  assert.equal(lines.length, 6);
  assert.equal(lines[2], 'INC-2026-1125-001,SEV-1,Resolved,2026-11-25T08:00:00Z,2026-11-25T09:30:00Z,,20,90,45');
});

test('metrics: bad options exit 2 with a message', () => {
  const dir = metricsRepo();
  const cases: Array<[string[], RegExp]> = [
    [['metrics', '--since', 'last week'], /--since "last week" is not a date/],
    [['metrics', '--until', '2026-02-30'], /--until "2026-02-30" is not a date/],
    [['metrics', '--since', '2026-11-10', '--until', '2026-11-01'], /--until must be after --since/],
    [['metrics', '--severity', 'SEV-9'], /Unknown severity "SEV-9"/],
    [['metrics', '--json', '--csv'], /Give --json or --csv, not both/],
    [['metrics', 'extra'], /Usage: incident metrics/],
  ];
  for (const [args, message] of cases) {
    const r = run(dir, ...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, message, args.join(' '));
  }
});

test('update prints the prefilled update; --sent logs it and the countdown restarts from it', () => {
  const dir = repo();
  const id = 'INC-2026-1120-001';
  run(dir, 'declare', 'Checkout errors', '--severity', 'SEV-1', '--commander', 'Ana', '--at', '2026-11-20T14:30:00Z');
  run(dir, 'log', id, 'Rolled back checkout-api', '--owner', 'sam', '--at', '2026-11-20T14:50:00Z');
  // `Impact` alone is a severity alias in the policy; `Customer impact` is read as the impact too.
  assert.equal(run(dir, 'set', id, 'Customer impact', '12% of checkouts fail', '--at', '2026-11-20T14:51:00Z').code, 0);
  const text = run(dir, 'update', id, '--format', 'text', '--now', '2026-11-20T15:00:00Z');
  assert.equal(text.code, 0, text.err);
  assert.equal(
    text.out,
    `[SEV-1] ${id} Checkout errors: Investigating

Incident ID: ${id}
Status: Investigating (SEV-1)
Impact: 12% of checkouts fail (from the Customer impact field)
Actions:
  - 14:50 UTC Rolled back checkout-api (@sam)
ETA: Not known yet.
Next Update: 2026-11-20 15:30 UTC
War room: #incident-2026-11-20-14-30
`,
  );
  // Due at 15:20 (30 min after the 14:50 entry): overdue at 15:25 until the update is sent.
  assert.match(run(dir, 'check', '--now', '2026-11-20T15:25:00Z').out, /status update is overdue/);
  const sent = run(dir, 'update', id, '--audience', 'status page', '--format', 'slack', '--sent', '--at', '2026-11-20T15:24:00Z', '--owner', 'ana');
  assert.equal(sent.code, 0, sent.err);
  assert.match(sent.out, /^\*Investigating: Checkout errors\*\n\*Status:\* Investigating: we are looking into the issue\.\n/);
  assert.match(sent.err, /Logged the status page update as sent on INC-2026-1120-001/);
  const inc = JSON.parse(run(dir, 'show', id, '--json').out);
  assert.deepEqual(inc.timeline.at(-1), { at: '2026-11-20T15:24:00Z', text: 'Status update (status page): Investigating: Checkout errors', owner: 'ana' });
  assert.equal(run(dir, 'check', '--now', '2026-11-20T15:25:00Z').code, 0);
  const md = run(dir, 'update', id, '--now', '2026-11-20T15:30:00Z');
  assert.match(md.out, /^\*\*\[SEV-1\] INC-2026-1120-001 Checkout errors: Investigating\*\*\n\n- \*\*Incident ID:\*\* /);
  assert.ok(!md.out.includes('Status update ('), 'a sent update is not news for the next one');
  const log = readFileSync(join(dir, 'docs/INCIDENT_LOG.md'), 'utf8');
  for (const [args, message] of [
    [['update', id, '--format', 'html'], /--format "html" is not one of markdown, slack, text/],
    [['update', id, '--audience', 'press'], /--audience "press" is not one of internal, statuspage/],
    [['update', 'NOPE'], /No incident "NOPE"/],
    [['update'], /Usage: incident update ID/],
    [['update', id, '--sent', '--at', 'soon'], /--at "soon" is not a date-time/],
  ] as Array<[string[], RegExp]>) {
    const r = run(dir, ...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, message, args.join(' '));
  }
  assert.equal(readFileSync(join(dir, 'docs/INCIDENT_LOG.md'), 'utf8'), log, 'nothing written by the refused runs');
});

test('summary prints the executive summary with the review’s root cause, and the final update', () => {
  const dir = metricsRepo();
  const r = run(dir, 'summary', 'INC-2026-1120-001', ...NOW);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^Subject: \[SEV-1\] Incident Summary - Checkout errors after deploy\n\nIncident: INC-2026-1120-001 — Checkout errors after deploy \(SEV-1\)\n\nStart time: 2026-11-20 09:50 UTC \(impact began\)\n\nResolution time: 2026-11-20 12:00 UTC\n\nDuration: 2 h 10 min\n\nImpact: 12% of checkouts failed for 2 hours; about 1,900 orders retried\.\n\nRoot cause: A config change removed the payment provider's retry budget\.\n/);
  assert.match(r.out, /Next steps:\n- Post-incident review: due 2026-11-25 \(completed\)\n- Action items tracked: 2 \(1 open\)\n/);
  assert.match(r.out, /\nFinal update:\n\nResolved: Checkout errors after deploy\nThe incident is resolved as of 2026-11-20 12:00 UTC\. Impact lasted 2 h 10 min\.\n/);
  assert.match(run(dir, 'summary', 'INC-2026-1120-001', '--format', 'markdown', ...NOW).out, /\n\*\*Duration:\*\* 2 h 10 min\n/);
  const bad = run(dir, 'summary', 'INC-2026-1120-001', '--format', 'pdf');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--format "pdf" is not one of/);
});
