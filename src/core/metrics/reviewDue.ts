// The review due date and its deadline as plain calendar arithmetic: the same answers as
// review.ts's reviewDueFor / reviewOverdue (a unit test holds them together), without building
// a zoned date object per incident, which the metrics over thousands of incidents cannot afford.
// The zone is consulted only to find the resolved day and the end of the due day.
import { addDays, isValidZone, startOfDay } from '../format/zone';
import type { Incident } from '../model';
import { type Policy, reviewPeriodFor } from '../playbook/policy';
import { dayOf, formatIsoUtc, toDate, utcMillis } from '../format/time';

const DAY_MS = 86_400_000;
const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

const isUtcZone = (zone: string) => zone === 'UTC' || zone === 'Etc/UTC' || !isValidZone(zone);

/** Days since the epoch of a `YYYY-MM-DD`. */
function epochDay(day: string): number {
  return utcMillis(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))) / DAY_MS;
}

const dayText = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
/** ISO weekday of an epoch day: 1 Monday … 7 Sunday (1970-01-01 was a Thursday). */
const weekday = (n: number) => ((((n + 3) % 7) + 7) % 7) + 1;

/** `businessDays` business days after `day` (see review.ts reviewDueDate for the rule). */
export function addBusinessDays(day: string, businessDays: number): string {
  let n = epochDay(day);
  if (businessDays === 0) {
    while (weekday(n) >= 6) n++;
    return dayText(n);
  }
  if (weekday(n) >= 6) n -= weekday(n) - 5;
  n += Math.floor((businessDays - 1) / 5) * 7;
  for (let left = ((businessDays - 1) % 5) + 1; left > 0; ) {
    n++;
    if (weekday(n) < 6) left--;
  }
  return dayText(n);
}

/** The review due value (a day, or an ISO date-time for a period in hours), or null. */
export function reviewDueOf(incident: Pick<Incident, 'resolved' | 'severity'>, policy: Policy): string | null {
  const resolved = incident.resolved?.trim();
  if (!resolved) return null;
  const period = reviewPeriodFor(policy, incident.severity);
  if ('businessDays' in period) {
    if (!Number.isInteger(period.businessDays) || period.businessDays < 0) return null;
    const day = PLAIN_DATE.test(resolved) ? resolved : /^\d{4}-\d{2}-\d{2}T/.test(resolved) ? dayOf(resolved, policy.timeZone) : null;
    return day ? addBusinessDays(day, period.businessDays) : null;
  }
  if (!Number.isFinite(period.hours) || period.hours <= 0) return null;
  if (PLAIN_DATE.test(resolved)) return dayText(epochDay(resolved) + Math.ceil(period.hours / 24));
  const at = /^\d{4}-\d{2}-\d{2}T/.test(resolved) ? toDate(resolved) : null;
  return at ? formatIsoUtc(new Date(at.getTime() + period.hours * 3_600_000)) : null;
}

/** The instant a due value has passed: the end of the due day in `zone`, or the date-time itself. */
export function reviewDeadline(due: string, zone: string): number | null {
  if (PLAIN_DATE.test(due)) {
    if (isUtcZone(zone)) return (epochDay(due) + 1) * DAY_MS;
    const end = startOfDay(addDays(due, 1), zone);
    return Number.isNaN(end) ? null : end;
  }
  return toDate(due)?.getTime() ?? null;
}
