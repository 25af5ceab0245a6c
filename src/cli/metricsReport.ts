// What `incident metrics` (commands/metrics.ts) prints: the response figures over a period. A
// day given to --since starts at its midnight and one given to --until is included whole, both
// in the playbook's zone; a date-time is taken as the instant it names.
// Several logs (`--log` repeated or a glob) are measured as one: every incident under its own
// log's playbook and with its own log's reviews, so each figure is that of all their incidents
// together (counts add up; a median is the median of them all).
import { formatElapsed } from '../core/format/duration';
import { DURATION_FIGURES, FIGURE_LABELS, type Metrics, type ServiceLog, computeMetrics, computeMetricsOfLogs } from '../core/metrics/metrics';
import { metricsJson, periodBoundary } from '../core/metrics/metricsJson';
import type { DurationStats } from '../core/metrics/stats';
import { metricsCsv } from '../core/metrics/csv';
import { matchSeverity, unknownSeverityMessage } from '../core/playbook/policy';
import type { LogSource } from './command';
import { type CommandContext, CommandError, guarded, nowOf, print, printJson, readIndex, reviewReader } from './commands/shared';

const checked = (b: Date | undefined | { problem: string }) => {
  if (b && 'problem' in b) throw new CommandError(b.problem);
  return b;
};

const num = (x: number | null) => (x === null ? '-' : String(x));
const pct = (share: number | null, c: { hits: number; measured: number }, unit: string) => (share === null ? `- (nothing to measure)` : `${Math.round(share * 1000) / 10}% (${c.hits} of ${c.measured} ${unit})`);

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd());
}

function human(m: Metrics, period: string): string {
  const out: string[] = [];
  out.push(`Incidents: ${m.incidents} (${period}); drills, not counted: ${m.drills}`);
  out.push(`By severity: ${Object.entries(m.bySeverity).map(([s, n]) => `${s} ${n}`).join(', ') || '-'}`);
  if (Object.keys(m.byMonth).length) {
    out.push('By month:');
    for (const [month, counts] of Object.entries(m.byMonth)) out.push(`  ${month}  ${Object.entries(counts).map(([s, n]) => `${s} ${n}`).join(', ')}`);
  }
  out.push('', 'Durations in minutes:');
  const rows = [['', 'mean', 'median', 'p90', 'n', 'unknown']];
  const stat = (label: string, s: DurationStats) => [label, num(s.mean), num(s.median), num(s.p90), String(s.n), String(s.unknown)];
  for (const f of DURATION_FIGURES) rows.push(stat(`  ${FIGURE_LABELS[f]}`, m[`${f}Minutes`]));
  out.push(...table(rows));
  for (const [sev, figures] of Object.entries(m.durationsBySeverity)) {
    out.push(`  ${sev}: ${DURATION_FIGURES.map((f) => `${f.replace('timeTo', 'to ').toLowerCase()} median ${num(figures[`${f}Minutes`].median)}`).join(', ')}`);
  }
  out.push('  p90 is the nearest-rank value: rank ⌈0.9 × n⌉ of the sorted values.');
  for (const f of DURATION_FIGURES) {
    // A time the log leaves out needs no words; a date that cannot be says which and why.
    const ids = m.unknownReasons[f].map((u) => (u.code === 'no-time' ? u.id : `${u.id} (${u.reason})`));
    if (ids.length) out.push(`  Unknown ${f.replace('timeTo', 'time to ').toLowerCase()}: ${ids.join(', ')}`);
  }
  out.push('');
  out.push(`Response-time compliance: ${pct(m.responseTimeCompliance, m.compliance.responseTime, 'incidents')}`);
  out.push(`Update cadence compliance: ${pct(m.updateCadenceCompliance, m.compliance.updateCadence, 'updates due')}`);
  out.push(`Review compliance: ${pct(m.reviewCompliance, m.compliance.review, 'reviews')}`);
  out.push(`Action items: ${m.openActionItems} open, ${m.overdueActionItems} overdue`);
  for (const [owner, c] of Object.entries(m.actionItemsByOwner)) out.push(`  ${owner}: ${c.open} open${c.overdue ? `, ${c.overdue} overdue` : ''}`);
  const statuses = Object.entries(m.timeInStatusMinutes);
  if (statuses.length) {
    out.push('Time in each status (from logged status changes):');
    for (const [status, s] of statuses) out.push(`  ${status}: ${formatElapsed(s.totalMinutes)} in all, ${formatElapsed(s.meanMinutes)} on average over ${s.incidents} incident${s.incidents === 1 ? '' : 's'}`);
  }
  return out.join('\n') + '\n';
}

/** Several logs, in the order given, each with its policy, service and reviews. */
function serviceLogs(ctx: CommandContext, logs: readonly LogSource[]): ServiceLog[] {
  return logs.map((log) => ({
    service: log.service,
    incidents: log.readIndex().incidents,
    policy: log.policy,
    reviewText: reviewReader({ ...ctx, logPath: log.logPath, files: log.files, policy: log.policy }),
  }));
}

/** The services read, each once, in the order their logs were. */
const servicesOf = (logs: readonly LogSource[]) => [...new Set(logs.map((l) => l.service))];

export function run(ctx: CommandContext & { logs?: readonly LogSource[] }): Promise<number> {
  return guarded(() => {
    const { values, policy, logs } = ctx;
    if (values.json && values.csv) throw new CommandError('Give --json or --csv, not both.');
    const zone = policy.timeZone;
    const since = checked(periodBoundary('since', values.since, zone, false));
    const until = checked(periodBoundary('until', values.until, zone, true));
    if (since && until && until <= since) throw new CommandError('--until must be after --since.');
    let severity: string | undefined;
    if (values.severity) {
      // Several logs: a severity one of their playbooks knows (each incident is matched in its own).
      const level = (logs ?? [{ policy }]).map((l) => matchSeverity(l.policy, values.severity!)).find(Boolean);
      if (!level) throw new CommandError(unknownSeverityMessage(policy, values.severity));
      severity = level.id;
    }
    const now = nowOf(ctx);
    const { metrics, rows } = logs
      ? computeMetricsOfLogs(serviceLogs(ctx, logs), policy, { now, since, until, severity: severity && values.severity })
      : computeMetrics(readIndex(ctx).incidents, policy, { now, since, until, severity, reviewText: reviewReader(ctx) });
    if (values.csv) {
      print(metricsCsv(rows, '\n'));
      return 0;
    }
    const period = { since: values.since ?? null, until: values.until ?? null, severity: severity ?? null };
    if (values.json) {
      printJson(logs ? { ...metricsJson(metrics, period), services: servicesOf(logs) } : metricsJson(metrics, period));
      return 0;
    }
    const words = [values.since ? `from ${values.since}` : '', values.until ? `to ${values.until}` : '', severity ? severity : ''].filter(Boolean).join(' ');
    if (logs) print(`Logs: ${logs.length} (${servicesOf(logs).join(', ')})\n`);
    print(human(metrics, words || 'all time'));
    return 0;
  });
}
