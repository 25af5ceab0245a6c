// The response clocks a responder watches: how long an incident has run, when its next status
// update is due, and which active incident matters most. Pure functions of (index, policy, now).
import { lastUpdateAt, nextUpdateDue } from './check';
import { isActive } from '../indexer';
import type { Incident, LogIndex } from '../model';
import { type Policy, matchSeverity } from '../playbook/policy';
import { toDate } from '../format/time';
import { formatElapsed } from '../format/duration';

// The duration format lives in duration.ts (check.ts uses it too); re-exported for the callers here.
export { formatElapsed, overdueText } from '../format/duration';

/** Minutes since the incident was detected; null when its detection time is unknown or only a day. */
export function elapsedMinutes(incident: Incident, now: Date): number | null {
  const detected = incident.detected && incident.detected.length > 10 ? toDate(incident.detected) : null;
  if (!detected) return null;
  const end = incident.resolved && incident.resolved.length > 10 ? (toDate(incident.resolved) ?? now) : now;
  return (end.getTime() - detected.getTime()) / 60000;
}

/** Position of the incident's severity in the policy (0 = most severe); unknown severities last. */
export function severityRank(policy: Policy, incident: Incident): number {
  const level = incident.severity ? matchSeverity(policy, incident.severity) : undefined;
  return level ? policy.severities.indexOf(level) : policy.severities.length;
}

export interface ActiveClock {
  incident: Incident;
  elapsedMinutes: number | null;
  /** Minutes until the next status update; negative when overdue; null when none is required. */
  updateDueInMinutes: number | null;
  lastUpdate: Date | null;
}

/** Active incidents, most severe first, then the longest running. */
export function activeClocks(index: LogIndex, policy: Policy, now: Date): ActiveClock[] {
  return index.incidents
    .filter((i) => isActive(i, policy))
    .map((incident) => ({
      incident,
      elapsedMinutes: elapsedMinutes(incident, now),
      updateDueInMinutes: nextUpdateDue(incident, policy, now)?.minutesLeft ?? null,
      lastUpdate: lastUpdateAt(incident, now),
    }))
    .sort((a, b) => severityRank(policy, a.incident) - severityRank(policy, b.incident) || (b.elapsedMinutes ?? -1) - (a.elapsedMinutes ?? -1));
}

/**
 * Most urgent first: overdue updates (the most severe first, then the longest overdue), then the
 * updates still to come (the soonest due first, then the most severe), then incidents with no
 * update cadence (most severe, then longest running). For the status bar and its tooltip.
 */
export function byUrgency(policy: Policy): (a: ActiveClock, b: ActiveClock) => number {
  const group = (c: ActiveClock) => (c.updateDueInMinutes === null ? 2 : c.updateDueInMinutes < 0 ? 0 : 1);
  const severity = (a: ActiveClock, b: ActiveClock) => severityRank(policy, a.incident) - severityRank(policy, b.incident);
  const due = (a: ActiveClock, b: ActiveClock) => (a.updateDueInMinutes ?? 0) - (b.updateDueInMinutes ?? 0);
  const running = (a: ActiveClock, b: ActiveClock) => (b.elapsedMinutes ?? -1) - (a.elapsedMinutes ?? -1);
  return (a, b) => {
    const g = group(a) - group(b);
    if (g !== 0) return g;
    if (group(a) === 0) return severity(a, b) || due(a, b) || running(a, b);
    if (group(a) === 1) return due(a, b) || severity(a, b) || running(a, b);
    return severity(a, b) || running(a, b);
  };
}

/** Active incidents, the most urgent status update first (see byUrgency). */
export function clocksByUrgency(index: LogIndex, policy: Policy, now: Date): ActiveClock[] {
  return activeClocks(index, policy, now).sort(byUrgency(policy));
}

/**
 * The next update in words: "update overdue 12 min", "update in 8 min", "update due now" within a
 * minute either side of its time; null when the severity asks for no updates.
 */
export function updateDueText(minutesLeft: number | null): string | null {
  if (minutesLeft === null) return null;
  if (Math.abs(minutesLeft) < 1) return 'update due now';
  return minutesLeft < 0 ? `update overdue ${formatElapsed(-minutesLeft)}` : `update in ${formatElapsed(minutesLeft)}`;
}

export type UpdateUrgency = 'ok' | 'soon' | 'overdue' | 'none';

/** Warning within 5 minutes of the next update, error once it is overdue. */
export function updateUrgency(clock: ActiveClock, soonMinutes = 5): UpdateUrgency {
  if (clock.updateDueInMinutes === null) return 'none';
  if (clock.updateDueInMinutes < 0) return 'overdue';
  return clock.updateDueInMinutes <= soonMinutes ? 'soon' : 'ok';
}
