// What a responder should be nudged about right now: an active incident whose status update is
// due (per the policy's cadence, unless a snooze in its timeline says otherwise), and an active
// incident that has gone past the policy's response time without a commander. Pure: the editor
// decides how to show them and remembers which it has shown. The status page has a cadence of
// its own, tracked from the newest `Status update (status page)` entry once there is one.
import { lastUpdateAt, nextUpdateDue, responseTimeBreach, snoozedUntil } from './check';
import { formatElapsed, severityRank } from './clock';
import { isActive } from '../indexer';
import type { Incident, LogIndex } from '../model';
import { type Policy, matchSeverity } from '../playbook/policy';
import { formatLogTime } from '../format/time';
import { lastStatusPageUpdateAt, nextStatusPageUpdateDue } from '../comms/statusUpdate';

export type ReminderKind = 'update-due' | 'statuspage-due' | 'response-time';

export interface Reminder {
  kind: ReminderKind;
  incident: Incident;
  /** Stable for one occasion (an incident's update due at one time): shown once per key. */
  key: string;
  message: string;
}

export function dueReminders(index: LogIndex, policy: Policy, now: Date, zone = 'UTC'): Reminder[] {
  const out: Array<Reminder & { rank: number }> = [];
  for (const incident of index.incidents) {
    if (!isActive(incident, policy)) continue;
    const level = incident.severity ? matchSeverity(policy, incident.severity) : undefined;
    const label = `${incident.severity ?? 'no severity'} ${incident.id}`;
    const rank = severityRank(policy, incident);
    const due = nextUpdateDue(incident, policy, now);
    if (due && due.minutesLeft <= 0 && level?.updateMinutes) {
      const quietUntil = snoozedUntil(incident);
      if (!quietUntil || quietUntil <= now) {
        const last = lastUpdateAt(incident, now);
        out.push({
          kind: 'update-due',
          incident,
          rank,
          // A new key whenever the snooze ends or an update moves the due time.
          key: `${incident.id}:update:${due.dueAt.toISOString()}:${quietUntil?.toISOString() ?? ''}`,
          message: `${label}: a status update is ${-due.minutesLeft < 1 ? 'due' : `overdue by ${formatElapsed(-due.minutesLeft)}`} (every ${formatElapsed(level.updateMinutes)}; last ${last ? formatLogTime(last, zone) : 'never'}).`,
        });
      }
    }
    const pageDue = nextStatusPageUpdateDue(incident, policy, now);
    if (pageDue && pageDue.minutesLeft <= 0 && level?.statusPageMinutes) {
      const quietUntil = snoozedUntil(incident);
      if (!quietUntil || quietUntil <= now) {
        out.push({
          kind: 'statuspage-due',
          incident,
          rank,
          key: `${incident.id}:statuspage:${pageDue.dueAt.toISOString()}:${quietUntil?.toISOString() ?? ''}`,
          message: `${label}: a status page update is ${-pageDue.minutesLeft < 1 ? 'due' : `overdue by ${formatElapsed(-pageDue.minutesLeft)}`} (every ${formatElapsed(level.statusPageMinutes)}; last ${formatLogTime(lastStatusPageUpdateAt(incident) as Date, zone)}).`,
        });
      }
    }
    const breach = responseTimeBreach(incident, policy, now);
    if (breach) {
      out.push({
        kind: 'response-time',
        incident,
        rank,
        key: `${incident.id}:response`,
        message: `${label} has had no incident commander for ${formatElapsed(breach.waited)}; the ${breach.level.id} response time is ${formatElapsed(breach.level.responseMinutes!)}.`,
      });
    }
  }
  // The most severe first: when several come at once, the one that matters is on top.
  return out.sort((a, b) => a.rank - b.rank).map(({ rank: _rank, ...r }) => r);
}
