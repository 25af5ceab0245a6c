// Which post-incident reviews are past their due date, for the status bar's reminder. A review is
// owed for a resolved incident; it is done once its file says `status: final`. The file's own
// `review_due` (the form shows and edits it) wins over the policy's period.
import type { Incident } from '../model';
import type { Policy } from '../playbook/policy';
import { isActive } from '../indexer';
import { incidentReviewDue, reviewOverdue } from './review';
import { toDate } from '../format/time';

/**
 * Reviews more than this many days past due are not reminded of: a team that starts using the
 * tool on a log with years of history must not get a reminder for every old incident. They stay
 * visible in the tree and the form.
 */
export const REVIEW_REMINDER_WINDOW_DAYS = 30;

/** What the incident's review file says, when there is one. */
export interface ReviewFileFacts {
  status: string | null;
  due: string | null;
}

export interface OverdueReview {
  id: string;
  title: string;
  /** The due value (a day, YYYY-MM-DD, or an ISO date-time). */
  due: string;
  /** False when no review file exists yet. */
  started: boolean;
}

const DAY_MS = 86_400_000;

/** The end of a due value, as a time: a day ends at its next midnight (UTC is close enough for the window). */
function dueEnd(due: string): number | undefined {
  const text = due.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return Date.parse(`${text}T00:00:00Z`) + DAY_MS;
  return toDate(text)?.getTime();
}

/**
 * The resolved incidents whose review is past due at `now` and not final, most overdue first.
 * `review(incident)` returns the review file's facts, or undefined when it has none.
 */
export function overdueReviews(incidents: readonly Incident[], policy: Policy, now: Date, review: (incident: Incident) => ReviewFileFacts | undefined): OverdueReview[] {
  const out: Array<OverdueReview & { end: number }> = [];
  for (const incident of incidents) {
    if (!incident.resolved || isActive(incident, policy)) continue;
    const file = review(incident);
    if (file?.status?.trim().toLowerCase() === 'final') continue;
    const due = file?.due?.trim() || incidentReviewDue(incident, policy);
    if (!due || !reviewOverdue(due, now, policy.timeZone)) continue;
    const end = dueEnd(due);
    if (end === undefined || now.getTime() - end > REVIEW_REMINDER_WINDOW_DAYS * DAY_MS) continue;
    out.push({ id: incident.id, title: incident.title, due, started: file !== undefined, end });
  }
  out.sort((a, b) => a.end - b.end);
  return out.map(({ end: _end, ...r }) => r);
}
