// What one incident gives the figures, as of `now`: its moments that can be (an impossible one
// is left out, its fault kept as the reason), the instant and day it is placed in time by, each
// duration or why it is unknown, and the span its clocks (update cadence, time in status) run
// over. A date that cannot be bounds no duration and runs no clock.
import { isValidZone, startOfDay } from '../format/zone';
import type { Incident } from '../model';
import type { Policy } from '../playbook/policy';
import { dateFault, dayOf, formatIsoUtc } from '../format/time';
import { type DateFaultCode, type MomentFault, type MomentName, type Moments, MOMENT_NAMES, faultReason, momentFaults, readMoments } from './impossibleDates';

export const DURATION_FIGURES = ['timeToDetect', 'timeToAcknowledge', 'timeToResolve', 'timeToMitigate'] as const;
export type DurationFigure = (typeof DURATION_FIGURES)[number];

/** The two moments each duration is measured between. */
const FIGURE_MOMENTS: Record<DurationFigure, readonly [MomentName, MomentName]> = {
  timeToDetect: ['started', 'detected'],
  timeToAcknowledge: ['detected', 'acknowledged'],
  timeToResolve: ['detected', 'resolved'],
  timeToMitigate: ['detected', 'mitigated'],
};

/** What the log leaves out when a moment is not there (or is written as a day only). */
const NOT_WRITTEN: Record<MomentName, string> = {
  started: 'no start of impact (Started, or an "Impact began" entry)',
  detected: 'no detection time',
  acknowledged: 'no acknowledgement or commander assignment',
  mitigated: 'no status change to Mitigating or Monitoring',
  resolved: 'no resolution time',
};

/**
 * Why a duration is unknown: `no-time` (the log does not give one of its times),
 * `impact-after-detection` (Started after Detected: time to detect is not negative, it is not
 * known), or the fault of a date that cannot be (`date-future`, `date-too-early`, `date-order`).
 */
export type UnknownCode = 'no-time' | 'impact-after-detection' | DateFaultCode;

export interface UnknownReason {
  id: string;
  code: UnknownCode;
  reason: string;
}

/** One incident's moments as of `now`. */
export interface Measure {
  moments: Moments;
  /** Each moment's instant; null when the log does not give it or it cannot be. */
  at: Record<MomentName, Date | null>;
  faults: Partial<Record<MomentName, MomentFault>>;
  /** A resolution is written but cannot be (also one written as a day only): no clock runs to it. */
  resolutionImpossible: boolean;
  /** The instant it is placed in time by (its detection, or the start of its detected day in the zone), and that day. */
  placed: { at: Date; day: string } | null;
}

// The moments are read once per incident and policy (several figures need each, and a panel
// asks again for each period); whether they can be depends on `now`, judged per call.
const momentCache = new WeakMap<Policy, WeakMap<Incident, Moments>>();

function momentsOf(incident: Incident, policy: Policy): Moments {
  let byIncident = momentCache.get(policy);
  if (!byIncident) momentCache.set(policy, (byIncident = new WeakMap()));
  let m = byIncident.get(incident);
  if (!m) byIncident.set(incident, (m = readMoments(incident, policy)));
  return m;
}

/** The start of a day-only value in `zone`, or null. */
function dayStart(day: string | null, policy: Policy): Date | null {
  if (!day || day.length !== 10) return null;
  const start = startOfDay(day, isValidZone(policy.timeZone) ? policy.timeZone : 'UTC');
  return Number.isNaN(start) ? null : new Date(start);
}

export function measureOf(incident: Incident, policy: Policy, now: Date): Measure {
  const moments = momentsOf(incident, policy);
  const faults = momentFaults(moments, now);
  const at = {} as Record<MomentName, Date | null>;
  for (const name of MOMENT_NAMES) at[name] = faults[name] ? null : (moments[name]?.at ?? null);
  const resolvedDay = dayStart(incident.resolved, policy);
  return {
    moments,
    at,
    faults,
    resolutionImpossible: !!faults.resolved || (resolvedDay !== null && dateFault(resolvedDay, now) !== null),
    placed: placement(incident, policy, moments, at.detected, now),
  };
}

function placement(incident: Incident, policy: Policy, moments: Moments, detected: Date | null, now: Date): Measure['placed'] {
  if (detected) return { at: detected, day: dayOf(formatIsoUtc(detected), policy.timeZone) ?? formatIsoUtc(detected).slice(0, 10) };
  // An impossible detection places the incident nowhere, whatever day it names.
  if (moments.detected) return null;
  const start = dayStart(incident.detected, policy);
  return start && !dateFault(start, now) ? { at: start, day: incident.detected! } : null;
}

/** A duration in minutes, or why it is unknown. */
export function figureOf(m: Measure, figure: DurationFigure): { minutes: number } | Omit<UnknownReason, 'id'> {
  const ends = FIGURE_MOMENTS[figure];
  for (const name of ends) {
    const fault = m.faults[name];
    if (fault) return { code: fault.code, reason: faultReason(fault) };
  }
  for (const name of ends) if (!m.at[name]) return { code: 'no-time', reason: NOT_WRITTEN[name] };
  const [from, to] = ends.map((name) => m.moments[name]!);
  const minutes = (to.at.getTime() - from.at.getTime()) / 60000;
  if (minutes >= 0) return { minutes };
  // Only impact can come after detection without a date being wrong (a canary alert before any
  // user felt it): the figure's two times contradict it, unknown rather than zero.
  return { code: 'impact-after-detection', reason: `${from.label} ${formatIsoUtc(from.at)} is after ${to.label} ${formatIsoUtc(to.at)}` };
}

/**
 * The span an incident's clocks run over: detection to resolution, or to `now` while it is
 * active; null when either end is unknown (a resolved incident with no resolution time) or
 * cannot be (a resolution in the year 9999 runs no clock to it).
 */
export function clockSpan(incident: Incident, policy: Policy, m: Measure, now: Date): { start: Date; end: Date } | null {
  const start = m.at.detected;
  if (!start || m.resolutionImpossible) return null;
  const end = m.at.resolved ?? (incident.status?.toLowerCase() === policy.resolvedStatus.toLowerCase() ? null : now);
  return end && end >= start ? { start, end } : null;
}
