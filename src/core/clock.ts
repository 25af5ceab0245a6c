// The response clocks a responder watches: how long an incident has run, when its next status
// update is due, and which active incident matters most. Pure functions of (index, policy, now).
import { lastUpdateAt, nextUpdateDue } from './check';
import { isActive } from './indexer';
import type { Incident, LogIndex } from './model';
import { type Policy, matchSeverity } from './policy';
import { toDate } from './time';

// The duration format lives in duration.ts (check.ts uses it too); re-exported for the callers here.
export { formatElapsed } from './duration';

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

export type UpdateUrgency = 'ok' | 'soon' | 'overdue' | 'none';

/** Warning within 5 minutes of the next update, error once it is overdue. */
export function updateUrgency(clock: ActiveClock, soonMinutes = 5): UpdateUrgency {
  if (clock.updateDueInMinutes === null) return 'none';
  if (clock.updateDueInMinutes < 0) return 'overdue';
  return clock.updateDueInMinutes <= soonMinutes ? 'soon' : 'ok';
}
