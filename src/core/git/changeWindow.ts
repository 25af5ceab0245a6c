// The window of "recent changes" for an incident: from `hours` before its detection until its
// resolution, or now while it is still open. Pure.
import type { Incident } from '../model';
import { toDate } from '../format/time';

export const DEFAULT_CHANGE_HOURS = 24;
/** A year: a wider window is almost certainly a typo, and would walk the whole history. */
export const MAX_CHANGE_HOURS = 24 * 365;

export interface ChangeWindow {
  since: Date;
  until: Date;
  /** True when the window runs until now (the incident is not resolved). */
  untilNow: boolean;
  /** What the start is counted from: the detection time, or the first timeline entry. */
  from: 'detection' | 'first entry';
}

/** `--hours` as given: a positive number of hours up to a year, or a message. */
export function parseHours(value: string | number | undefined): number | { problem: string } {
  if (value === undefined || value === '') return DEFAULT_CHANGE_HOURS;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > MAX_CHANGE_HOURS) return { problem: `--hours takes a number of hours from 0 to ${MAX_CHANGE_HOURS} (a year), not "${value}".` };
  return n;
}

/**
 * The window, or why there is none. A detection written as a bare day counts from that day's
 * start (UTC); a resolution written as a bare day runs to that day's end.
 */
export function changeWindow(incident: Incident, hours: number, now: Date): ChangeWindow | { problem: string } {
  let start = toDate(incident.detected);
  let from: ChangeWindow['from'] = 'detection';
  if (!start) {
    const times = incident.timeline.map((e) => toDate(e.at)).filter((d): d is Date => d !== null);
    if (times.length === 0) return { problem: `${incident.id} has no detection time and no timed timeline entry: there is nothing to count the window from.` };
    start = new Date(Math.min(...times.map((d) => d.getTime())));
    from = 'first entry';
  }
  const resolved = toDate(incident.resolved);
  const end = resolved ? new Date(resolved.getTime() + (incident.resolved?.length === 10 ? 24 * 3600_000 - 1 : 0)) : now;
  const since = new Date(start.getTime() - hours * 3600_000);
  return { since, until: end < since ? since : end, untilNow: !resolved, from };
}
