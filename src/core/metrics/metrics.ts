// The response figures over a period: how long incidents took to detect, acknowledge, mitigate
// and resolve (each as mean, median, p90, n and the unknowns), how often they happen, and how
// well the team kept the playbook's clocks (response time, update cadence, reviews, action
// items). Each figure says exactly what it measures, because "MTTR" means different things:
//   time to detect       Started (impact began) → Detected
//   time to acknowledge  Detected → Acknowledged, or the commander's assignment
//   time to resolve      Detected → Resolved
//   time to mitigate     Detected → the first status Mitigating or Monitoring in the timeline
// Drills (`Drill: yes`) are counted apart and kept out of every figure. Pure: the caller gives
// the incidents, the policy, `now` and (optionally) each incident's review text.
// A date that cannot be (before 1970, more than a day after `now`, an acknowledgement,
// mitigation or resolution before detection) bounds no figure and runs no clock: the figure is
// unknown, with that reason (metrics/incidentMeasure.ts), and `check` reports the date.
import { dayInZone, isValidZone } from '../format/zone';
import { snoozeMinutes } from '../response/check';
import type { Incident } from '../model';
import { readOnce } from '../reader/lazy';
import { type Policy, matchSeverity } from '../playbook/policy';
import { reviewDeadline, reviewDueOf } from './reviewDue';
import { readReviewActionItems } from '../review/reviewActions';
import { readReview } from '../review/reviewFile';
import { formatIsoUtc, toDate, utcMillis } from '../format/time';
import { type DurationStats, durationStats, fraction } from './stats';
import { isDrill, severityId, statusMinutes } from './times';
import { DURATION_FIGURES, type DurationFigure, type Measure, type UnknownReason, clockSpan, figureOf, measureOf } from './incidentMeasure';

export type { DurationStats } from './stats';
export { DURATION_FIGURES, type DurationFigure, type UnknownCode, type UnknownReason } from './incidentMeasure';

/** What each duration measures, for labels (the panel, the CLI, the CSV's readers). */
export const FIGURE_LABELS: Record<DurationFigure, string> = {
  timeToDetect: 'Time to detect: Started (impact began) → Detected',
  timeToAcknowledge: 'Time to acknowledge: Detected → Acknowledged or commander assigned',
  timeToResolve: 'Time to resolve: Detected → Resolved',
  timeToMitigate: 'Time to mitigate: Detected → first Mitigating or Monitoring status',
};

/** One incident's durations in minutes (null: unknown). */
export interface IncidentDurations {
  /** The service it is from, when several logs are measured (MetricsOptions.serviceOf). */
  service?: string;
  id: string;
  severity: string | null;
  status: string | null;
  /** ISO 8601 UTC, or the day when only the day is known. */
  detected: string | null;
  resolved: string | null;
  /** `YYYY-MM` of detection in the policy's zone. */
  month: string | null;
  timeToDetect: number | null;
  timeToAcknowledge: number | null;
  timeToResolve: number | null;
  timeToMitigate: number | null;
}

export interface MetricsOptions {
  now: Date;
  /** Incidents detected at or after this instant. */
  since?: Date;
  /** Incidents detected before this instant. */
  until?: Date;
  /** A severity id of the policy: only its incidents. */
  severity?: string;
  /** The incident's review file text (pir/<id>.md), when there is one. */
  reviewText?: (incident: Incident) => string | undefined;
  /**
   * Several logs measured as one: the policy each incident is measured under (its own log's
   * playbook; default: `policy`), so the figures of several logs are those of each log taken
   * together. `severity` is then matched in each incident's policy.
   */
  policyOf?: (incident: Incident) => Policy;
  /** Several logs: the service each incident is from, put on its row (the CSV's service column). */
  serviceOf?: (incident: Incident) => string;
}

export interface ActionItemCounts {
  open: number;
  overdue: number;
}

export interface Metrics {
  /** Incidents measured (drills excluded). */
  incidents: number;
  drills: number;
  bySeverity: Record<string, number>;
  byMonth: Record<string, Record<string, number>>;
  timeToDetectMinutes: DurationStats;
  timeToAcknowledgeMinutes: DurationStats;
  timeToResolveMinutes: DurationStats;
  timeToMitigateMinutes: DurationStats;
  responseTimeCompliance: number | null;
  updateCadenceCompliance: number | null;
  reviewCompliance: number | null;
  openActionItems: number;
  overdueActionItems: number;
  /** The ids behind each figure's `unknown`, never guessed. */
  unknownIncidents: Record<DurationFigure, string[]>;
  /** Why each of `unknownIncidents` is unknown, in the same order. */
  unknownReasons: Record<DurationFigure, UnknownReason[]>;
  /** The four figures per severity. */
  durationsBySeverity: Record<string, Record<`${DurationFigure}Minutes`, DurationStats>>;
  actionItemsByOwner: Record<string, ActionItemCounts>;
  /** Minutes spent in each status, summed over incidents, with how many incidents were in it. */
  timeInStatusMinutes: Record<string, { totalMinutes: number; meanMinutes: number; incidents: number }>;
  /** What each compliance share counts: hits over measured. */
  compliance: Record<'responseTime' | 'updateCadence' | 'review', { hits: number; measured: number }>;
}

/** The label an incident is counted under: its policy severity, else what is written, else "none". */
function severityKey(incident: Incident, policy: Policy): string {
  return severityId(incident, policy) ?? 'none';
}

/** One incident's row, and why each of its unknown durations is unknown. */
interface Measured {
  row: IncidentDurations;
  unknown: Partial<Record<DurationFigure, Omit<UnknownReason, 'id'>>>;
}

function measured(incident: Incident, policy: Policy, m: Measure): Measured {
  const row: IncidentDurations = {
    id: incident.id,
    severity: severityId(incident, policy),
    status: incident.status,
    // What the log says, impossible or not: the figures are where an impossible date is left out.
    detected: m.moments.detected ? formatIsoUtc(m.moments.detected.at) : incident.detected,
    resolved: incident.resolved,
    month: m.placed ? m.placed.day.slice(0, 7) : null,
    timeToDetect: null,
    timeToAcknowledge: null,
    timeToResolve: null,
    timeToMitigate: null,
  };
  const unknown: Measured['unknown'] = {};
  for (const figure of DURATION_FIGURES) {
    const f = figureOf(m, figure);
    if ('minutes' in f) row[figure] = f.minutes;
    else unknown[figure] = f;
  }
  return { row, unknown };
}

/** The durations of one incident, as the CSV and the figures read them (`now`: which dates can be). */
export function incidentDurations(incident: Incident, policy: Policy, now: Date = new Date()): IncidentDurations {
  return measured(incident, policy, measureOf(incident, policy, now)).row;
}

/** Whether an incident counts for the period and severity asked for. */
function inScope(incident: Incident, policy: Policy, options: MetricsOptions, m: Measure): boolean {
  if (options.severity) {
    const wanted = options.policyOf ? matchSeverity(policy, options.severity)?.id : options.severity;
    if (!wanted || severityId(incident, policy) !== wanted) return false;
  }
  if (!options.since && !options.until) return true;
  const moment = m.placed;
  if (!moment) return false;
  if (options.since && moment.at < options.since) return false;
  if (options.until && moment.at >= options.until) return false;
  return true;
}

/**
 * Response time: the commander assigned (acknowledged) within the severity's response time.
 * Without a known assignment, an incident that never had a commander past its response time
 * counts as missed; anything else is not measured, an acknowledgement or resolution that cannot
 * be included (one before detection is not a response in no time). Null: not measured.
 */
function responseMet(incident: Incident, policy: Policy, now: Date, m: Measure): boolean | null {
  const level = incident.severity ? matchSeverity(policy, incident.severity) : undefined;
  const { detected, acknowledged: ack, resolved } = m.at;
  if (!level || level.responseMinutes === null || !detected || m.faults.acknowledged) return null;
  if (ack) return ack.getTime() - detected.getTime() <= level.responseMinutes * 60000;
  if (incident.roles.commander || m.resolutionImpossible) return null;
  const end = resolved ?? now;
  return end.getTime() - detected.getTime() > level.responseMinutes * 60000 ? false : null;
}

/**
 * Update cadence: each time an update fell due (the cadence after detection or after the last
 * update, as the reminder counts it) is one interval; it is on time when the next update came
 * by then. An update that is 2½ cadences late missed 2 due times. Updates are the timeline
 * entries the reminder counts (every entry but a snooze), over the incident's clock span
 * (detection to resolution, or `now`): none when a resolution cannot be, never to the year 9999.
 */
function cadenceIntervals(incident: Incident, policy: Policy, span: { start: Date; end: Date } | null): { onTime: number; total: number } {
  const level = incident.severity ? matchSeverity(policy, incident.severity) : undefined;
  if (!level || !level.updateMinutes || !span) return { onTime: 0, total: 0 };
  const { start, end } = span;
  const cadence = level.updateMinutes * 60000;
  const times: number[] = [];
  for (const e of incident.timeline) {
    // Only an entry starting with "Status update reminder snoozed" can be a snooze.
    if (firstLetter(e.text) === 's' && snoozeMinutes(e.text) !== null) continue;
    const at = isoMillis(e.at);
    if (at !== null && at > start.getTime() && at <= end.getTime()) times.push(at);
  }
  times.sort((a, b) => a - b);
  let onTime = 0;
  let late = 0;
  let last = start.getTime();
  for (const t of times) {
    const gap = t - last;
    if (gap <= cadence) onTime++;
    else late += Math.ceil(gap / cadence) - 1;
    last = t;
  }
  // After the last update: the due times that passed before the end with no update.
  const tail = end.getTime() - last;
  if (tail > cadence) late += Math.ceil(tail / cadence) - 1;
  return { onTime, total: onTime + late };
}

/**
 * Review: a resolved incident's review marked final by its due date (the time of the
 * "Post-incident review completed" entry). Not final and past due: missed. Not yet due, or
 * final with no completion time, or a resolution that cannot be (no due date follows from it):
 * not measured.
 */
function reviewMet(incident: Incident, policy: Policy, review: string | undefined, now: Date, m: Measure): boolean | null {
  if (!incident.resolved || m.resolutionImpossible) return null;
  let final = false;
  if (review !== undefined) {
    try {
      final = (readReview(review).frontMatter?.values.status ?? '').trim().toLowerCase() === 'final';
    } catch {
      final = false;
    }
  }
  const due = reviewDueOf(incident, policy);
  const deadline = due ? reviewDeadline(due, policy.timeZone) : null;
  if (deadline === null) return null;
  // A day is met before it ends; a date-time at or before it (as review.ts's reviewOverdue reads them).
  const inTime = (t: number) => (due!.length === 10 ? t < deadline : t <= deadline);
  if (final) {
    const done = incident.timeline.find((e) => headOf(e.text).startsWith('post-incident review completed'));
    const at = done ? toDate(done.at) : null;
    return at ? inTime(at.getTime()) : null;
  }
  return inTime(now.getTime()) ? null : false;
}

/** The first non-blank character, lower-cased. */
function firstLetter(text: string): string {
  let i = 0;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return (text[i] ?? '').toLowerCase();
}

/**
 * Milliseconds of an indexed entry time (`2026-11-20T14:30:00Z`) without a Date object: the
 * figures read tens of thousands of them. Other shapes go through toDate.
 */
function isoMillis(at: string | null): number | null {
  if (!at) return null;
  if (at.length === 20 && at[10] === 'T' && at[19] === 'Z') {
    const ms = utcMillis(+at.slice(0, 4), +at.slice(5, 7), +at.slice(8, 10), +at.slice(11, 13), +at.slice(14, 16), +at.slice(17, 19));
    if (!Number.isNaN(ms)) return ms;
  }
  return toDate(at)?.getTime() ?? null;
}

const headOf = (text: string) => text.slice(0, 48).trimStart().toLowerCase();

function today(now: Date, zone: string): string {
  return dayInZone(now.getTime(), isValidZone(zone) ? zone : 'UTC');
}

/** Open action items, with owner and due day: the review's when it lists any, else the log's. */
function actionItemsOf(incident: Incident, review: string | undefined): Array<{ owner: string; due: string | null }> {
  if (review !== undefined) {
    const items = readReviewActionItems(review).items;
    if (items.length) return items.filter((i) => !i.done).map((i) => ({ owner: i.owner.replace(/^@/, '').trim(), due: i.dueDate }));
  }
  return incident.actionItems.filter((a) => !a.done).map((a) => ({ owner: (a.owner ?? '').replace(/^@/, '').trim(), due: null }));
}

function statsOf(measures: readonly Measured[]): { stats: Record<`${DurationFigure}Minutes`, DurationStats>; unknown: Record<DurationFigure, UnknownReason[]> } {
  const unknown: Record<DurationFigure, UnknownReason[]> = { timeToDetect: [], timeToAcknowledge: [], timeToResolve: [], timeToMitigate: [] };
  const stats = {} as Record<`${DurationFigure}Minutes`, DurationStats>;
  for (const figure of DURATION_FIGURES) {
    const values: number[] = [];
    for (const { row, unknown: why } of measures) {
      const v = row[figure];
      if (v === null) unknown[figure].push({ id: row.id, ...why[figure]! });
      else values.push(v);
    }
    stats[`${figure}Minutes`] = durationStats(values, unknown[figure].length);
  }
  return { stats, unknown };
}

export interface MetricsResult {
  metrics: Metrics;
  /** One row per measured incident (drills excluded), in log order: the CSV export. */
  rows: IncidentDurations[];
}

export function computeMetrics(all: readonly Incident[], policy: Policy, options: MetricsOptions): MetricsResult {
  const now = options.now;
  const rows: IncidentDurations[] = [];
  let drills = 0;
  const bySeverity: Record<string, number> = {};
  const byMonth: Record<string, Record<string, number>> = {};
  const compliance = { responseTime: { hits: 0, measured: 0 }, updateCadence: { hits: 0, measured: 0 }, review: { hits: 0, measured: 0 } };
  const owners: Record<string, ActionItemCounts> = {};
  let open = 0;
  let overdue = 0;
  const inStatus = new Map<string, { total: number; incidents: number }>();
  // Today in each policy's zone (one zone, unless several logs' playbooks differ).
  const days = new Map<string, string>();
  const todayIn = (zone: string) => days.get(zone) ?? days.set(zone, today(now, zone)).get(zone)!;
  const measures: Measured[] = [];
  const bySeverityRows = new Map<string, Measured[]>();

  for (const listed of all) {
    // One body at a time, not kept: ten thousand bodies held would make every scavenge copy them
    // (a quarter of the time over 50 logs). The callbacks know the incident as it was listed.
    const incident = readOnce(listed);
    const p = options.policyOf?.(listed) ?? policy;
    const m = measureOf(incident, p, now);
    if (!inScope(incident, p, options, m)) continue;
    if (isDrill(incident)) {
      drills++;
      continue;
    }
    const one = measured(incident, p, m);
    const row = options.serviceOf ? { service: options.serviceOf(listed), ...one.row } : one.row;
    one.row = row;
    rows.push(row);
    measures.push(one);
    const sev = severityKey(incident, p);
    bySeverity[sev] = (bySeverity[sev] ?? 0) + 1;
    if (!bySeverityRows.has(sev)) bySeverityRows.set(sev, []);
    bySeverityRows.get(sev)!.push(one);
    if (row.month) {
      const month = (byMonth[row.month] ??= {});
      month[sev] = (month[sev] ?? 0) + 1;
    }
    const response = responseMet(incident, p, now, m);
    if (response !== null) {
      compliance.responseTime.measured++;
      if (response) compliance.responseTime.hits++;
    }
    const span = clockSpan(incident, p, m, now);
    const cadence = cadenceIntervals(incident, p, span);
    compliance.updateCadence.hits += cadence.onTime;
    compliance.updateCadence.measured += cadence.total;
    const review = options.reviewText?.(listed);
    const reviewed = reviewMet(incident, p, review, now, m);
    if (reviewed !== null) {
      compliance.review.measured++;
      if (reviewed) compliance.review.hits++;
    }
    for (const item of actionItemsOf(incident, review)) {
      const late = item.due !== null && item.due < todayIn(p.timeZone);
      const owner = item.owner || '(no owner)';
      const counts = (owners[owner] ??= { open: 0, overdue: 0 });
      counts.open++;
      open++;
      if (late) {
        counts.overdue++;
        overdue++;
      }
    }
    const spent = statusMinutes(incident, p, span);
    if (spent) {
      for (const [status, minutes] of spent) {
        const s = inStatus.get(status) ?? { total: 0, incidents: 0 };
        s.total += minutes;
        s.incidents++;
        inStatus.set(status, s);
      }
    }
  }

  const { stats, unknown } = statsOf(measures);
  const durationsBySeverity: Metrics['durationsBySeverity'] = {};
  for (const sev of sortedSeverities([...bySeverityRows.keys()], policy)) durationsBySeverity[sev] = statsOf(bySeverityRows.get(sev)!).stats;
  const timeInStatusMinutes: Metrics['timeInStatusMinutes'] = {};
  const statusOrder = (s: string) => {
    const i = policy.statuses.findIndex((x) => x.toLowerCase() === s.toLowerCase());
    return i < 0 ? policy.statuses.length : i;
  };
  for (const [status, s] of [...inStatus].sort((a, b) => statusOrder(a[0]) - statusOrder(b[0]) || a[0].localeCompare(b[0]))) {
    timeInStatusMinutes[status] = { totalMinutes: Math.round(s.total * 10) / 10, meanMinutes: Math.round((s.total / s.incidents) * 10) / 10, incidents: s.incidents };
  }
  const sortedMonths: Metrics['byMonth'] = {};
  for (const m of Object.keys(byMonth).sort()) sortedMonths[m] = Object.fromEntries(sortedSeverities(Object.keys(byMonth[m]), policy).map((k) => [k, byMonth[m][k]]));
  const sortedBySeverity: Record<string, number> = {};
  for (const s of sortedSeverities(Object.keys(bySeverity), policy)) sortedBySeverity[s] = bySeverity[s];

  return {
    rows,
    metrics: {
      incidents: rows.length,
      drills,
      bySeverity: sortedBySeverity,
      byMonth: sortedMonths,
      timeToDetectMinutes: stats.timeToDetectMinutes,
      timeToAcknowledgeMinutes: stats.timeToAcknowledgeMinutes,
      timeToResolveMinutes: stats.timeToResolveMinutes,
      timeToMitigateMinutes: stats.timeToMitigateMinutes,
      responseTimeCompliance: fraction(compliance.responseTime.hits, compliance.responseTime.measured),
      updateCadenceCompliance: fraction(compliance.updateCadence.hits, compliance.updateCadence.measured),
      reviewCompliance: fraction(compliance.review.hits, compliance.review.measured),
      openActionItems: open,
      overdueActionItems: overdue,
      unknownIncidents: Object.fromEntries(DURATION_FIGURES.map((f) => [f, unknown[f].map((u) => u.id)])) as Record<DurationFigure, string[]>,
      unknownReasons: unknown,
      durationsBySeverity,
      actionItemsByOwner: Object.fromEntries(Object.entries(owners).sort((a, b) => b[1].open - a[1].open || a[0].localeCompare(b[0]))),
      timeInStatusMinutes,
      compliance,
    },
  };
}

/** The policy's severities in its order, then any others alphabetically, "none" last. */
function sortedSeverities(keys: string[], policy: Policy): string[] {
  const rank = (k: string) => {
    if (k === 'none') return policy.severities.length + 1;
    const i = policy.severities.findIndex((s) => s.id === k);
    return i < 0 ? policy.severities.length : i;
  };
  return keys.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** One log among several measured as one: its incidents, its playbook's policy, its service, its reviews. */
export interface ServiceLog {
  service: string;
  incidents: readonly Incident[];
  policy: Policy;
  reviewText?: (incident: Incident) => string | undefined;
}

/**
 * The figures of several logs taken together (a monorepo's services, a multi-root workspace):
 * each incident measured under its own log's policy and reviews, so counts add up and a median
 * is over all of them. `policy` is the one the figures are labelled with.
 */
export function computeMetricsOfLogs(logs: readonly ServiceLog[], policy: Policy, options: Omit<MetricsOptions, 'reviewText' | 'policyOf' | 'serviceOf'>): MetricsResult {
  const from = new Map<Incident, ServiceLog>();
  const incidents: Incident[] = [];
  for (const log of logs) {
    for (const incident of log.incidents) {
      from.set(incident, log);
      incidents.push(incident);
    }
  }
  return computeMetrics(incidents, policy, {
    ...options,
    reviewText: (i) => from.get(i)?.reviewText?.(i),
    policyOf: (i) => from.get(i)!.policy,
    serviceOf: (i) => from.get(i)!.service,
  });
}
