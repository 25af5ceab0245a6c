// What the metrics dashboard shows, as protocol data: the core's computeMetrics (the figures
// `incident metrics` prints) over the chosen period and severity. No vscode import, so unit
// tests read it directly.
import { DURATION_FIGURES, FIGURE_LABELS, type MetricsResult, type ServiceLog, computeMetrics, computeMetricsOfLogs } from '../../core/metrics/metrics';
import type { Incident } from '../../core/model';
import type { Policy } from '../../core/playbook/policy';
import type { MetricsPeriod, MetricsView } from '../../shared/protocol';

const DAY_MS = 86_400_000;
const PERIOD_DAYS: Record<Exclude<MetricsPeriod, 'all'>, number> = { '30d': 30, '90d': 90, '365d': 365 };

export interface MetricsFilter {
  period: MetricsPeriod;
  severity: string | null;
  /** Over several logs: the one service shown (null or absent: all). */
  service?: string | null;
}

/** One log of several (a folder of a multi-root workspace), with its service and policy. */
export type { ServiceLog };

/** The service filter as it applies to `logs`: a service they have, else null (all). */
export function serviceShown(logs: readonly ServiceLog[], filter: MetricsFilter): string | null {
  const wanted = filter.service ?? null;
  return wanted !== null && logs.some((l) => l.service === wanted) ? wanted : null;
}

/** The severities of several policies, each once, in the order the logs list them. */
export function severitiesOf(policies: readonly Policy[]): string[] {
  return [...new Set(policies.flatMap((p) => p.severities.map((s) => s.id)))];
}

/**
 * The core's figures over several logs (every folder of a multi-root workspace), or over the one
 * service the filter picks: each incident measured under its own log's policy and reviews, so the
 * figures are those of all the incidents together (counts add up; a median is over all of them).
 */
export function metricsForLogs(logs: readonly ServiceLog[], filter: MetricsFilter, now: Date): MetricsResult {
  const service = serviceShown(logs, filter);
  const chosen = service === null ? logs : logs.filter((l) => l.service === service);
  const severity = filter.severity !== null && chosen.some((l) => l.policy.severities.some((s) => s.id === filter.severity)) ? filter.severity : undefined;
  return computeMetricsOfLogs(chosen, chosen[0]?.policy ?? logs[0].policy, { now, since: periodStart(filter.period, now), severity });
}

/** The start of a period counted back from `now` (undefined: all time). */
export function periodStart(period: MetricsPeriod, now: Date): Date | undefined {
  return period === 'all' ? undefined : new Date(now.getTime() - PERIOD_DAYS[period] * DAY_MS);
}

/** The core's figures for the filter: what the view is built from, and what the CSV export writes. */
export function metricsFor(incidents: readonly Incident[], policy: Policy, filter: MetricsFilter, now: Date, reviewText?: (incident: Incident) => string | undefined): MetricsResult {
  // A severity the policy no longer has (the playbook changed under the panel) filters nothing.
  const severity = filter.severity !== null && policy.severities.some((s) => s.id === filter.severity) ? filter.severity : undefined;
  return computeMetrics(incidents, policy, { now, since: periodStart(filter.period, now), severity, reviewText });
}

/**
 * The view of the figures. Over several logs (`logs`), the severities of every log's policy, the
 * services for the filter, and each listed incident's service.
 */
export function metricsView(result: MetricsResult, policy: Policy, filter: MetricsFilter, logs?: readonly ServiceLog[]): MetricsView {
  if (!logs) return viewOf(result, policy.severities.map((s) => s.id), filter);
  const view = viewOf(result, severitiesOf(logs.map((l) => l.policy)), filter);
  return { ...view, services: [...new Set(logs.map((l) => l.service))], service: serviceShown(logs, filter) };
}

function viewOf(result: MetricsResult, severityIds: readonly string[], filter: MetricsFilter): MetricsView {
  const { metrics: m, rows } = result;
  const months = Object.keys(m.byMonth);
  const severities = Object.keys(m.bySeverity);
  const list = [...rows].sort((a, b) => (b.detected ?? '').localeCompare(a.detected ?? '') || a.id.localeCompare(b.id));
  return {
    period: filter.period,
    severity: filter.severity !== null && severityIds.includes(filter.severity) ? filter.severity : null,
    severities: [...severityIds],
    incidents: m.incidents,
    drills: m.drills,
    bySeverity: m.bySeverity,
    figures: DURATION_FIGURES.map((key) => {
      const s = m[`${key}Minutes`];
      // A time that cannot be (in 9999, before detection, before 1970) says why; a missing one needs no reason.
      const unknownReasons = m.unknownReasons[key].filter((r) => r.code !== 'no-time').map((r) => ({ id: r.id, reason: r.reason }));
      return { key, label: FIGURE_LABELS[key], mean: s.mean, median: s.median, p90: s.p90, n: s.n, unknown: s.unknown, unknownIds: m.unknownIncidents[key], unknownReasons };
    }),
    mediansBySeverity: Object.entries(m.durationsBySeverity).map(([severity, figures]) => ({ severity, medians: DURATION_FIGURES.map((f) => figures[`${f}Minutes`].median) })),
    frequency: { months, series: severities.map((severity) => ({ severity, counts: months.map((month) => m.byMonth[month][severity] ?? 0) })) },
    compliance: [
      { label: 'Response-time compliance: commander assigned within the severity’s response time', share: m.responseTimeCompliance, ...m.compliance.responseTime, unit: 'incidents' },
      { label: 'Update cadence compliance: updates posted by the time they were due', share: m.updateCadenceCompliance, ...m.compliance.updateCadence, unit: 'updates due' },
      { label: 'Review compliance: reviews final by their due date', share: m.reviewCompliance, ...m.compliance.review, unit: 'reviews' },
    ],
    actionItems: { open: m.openActionItems, overdue: m.overdueActionItems, byOwner: Object.entries(m.actionItemsByOwner).map(([owner, c]) => ({ owner, ...c })) },
    timeInStatus: Object.entries(m.timeInStatusMinutes).map(([status, s]) => ({ status, ...s })),
    list: list.map((r) => ({ ...(r.service !== undefined ? { service: r.service } : {}), id: r.id, severity: r.severity, status: r.status, month: r.month, timeToResolve: r.timeToResolve })),
  };
}
