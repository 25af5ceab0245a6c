// Time zone arithmetic on IANA names (`Europe/Berlin`, `Asia/Riyadh`), from the runtime's own
// zone data: an offset at an instant comes from Intl, through @date-fns/tz's `tzOffset`; the rest
// is calendar arithmetic. Days are `YYYY-MM-DD` texts and move on the calendar, never by 24 hours,
// so a day across a DST change keeps its wall-clock times.
import { tzOffset } from '@date-fns/tz';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Zones already asked about; a log can name many, so the memory is bounded. */
const validity = new Map<string, boolean>();
const VALIDITY_KEPT = 512;

/** Whether `zone` names a time zone the runtime knows (`Europe/Berlin`, `UTC`); an offset (`+03:00`) is not a name. */
export function isValidZone(zone: string | undefined | null): zone is string {
  if (!zone) return false;
  let ok = validity.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      ok = !/^[+-]/.test(zone);
    } catch {
      ok = false;
    }
    if (validity.size >= VALIDITY_KEPT) validity.clear();
    validity.set(zone, ok);
  }
  return ok;
}

/**
 * `Date.UTC` for any year: Date.UTC itself reads a year from 0 to 99 as 1900–1999, so a log's
 * `0001-01-01` would become 1901.
 */
export function utcMillis(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  if (y < 0 || y > 99) return Date.UTC(y, mo - 1, d, h, mi, s);
  const at = new Date(0);
  at.setUTCFullYear(y, mo - 1, d);
  return at.setUTCHours(h, mi, s, 0);
}

/** Minutes east of UTC in `zone` at the instant `ms` (Riyadh: 180); NaN for a zone the runtime does not know. */
export function offsetAt(zone: string, ms: number): number {
  return isValidZone(zone) ? tzOffset(zone, new Date(ms)) : NaN;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: number;
  /** Minutes east of UTC. */
  offset: number;
}

/** What a clock in `zone` shows at the instant `ms`. NaN fields for an unknown zone. */
export function wallClockAt(ms: number, zone: string): WallClock {
  const offset = offsetAt(zone, ms);
  const d = new Date(ms + offset * MINUTE_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: ((d.getUTCDay() + 6) % 7) + 1,
    offset,
  };
}

function daysInMonth(y: number, mo: number): number {
  if (mo === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
}

/**
 * The instant a clock in `zone` shows the given wall-clock time; NaN for an unknown zone or a
 * date or time that does not exist on the calendar. A time skipped by a DST change (02:30 on a
 * spring-forward night) is moved forward by the change (03:30), as clocks do; a time that occurs
 * twice (an autumn night's 01:30) is one of the two, always the same one for the same zone.
 */
export function wallClockToInstant(zone: string, y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  if (!isValidZone(zone)) return NaN;
  if (![y, mo, d, h, mi, s].every(Number.isInteger) || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) return NaN;
  const wall = utcMillis(y, mo, d, h, mi, s);
  // The offset at the wall time read as UTC is a first guess; the offset at the instant it gives
  // is right unless a change lies between them, which a second step settles.
  const guess = tzOffset(zone, new Date(wall));
  const first = wall - guess * MINUTE_MS;
  const o1 = tzOffset(zone, new Date(first));
  if (o1 === guess) return first;
  const second = wall - o1 * MINUTE_MS;
  const o2 = tzOffset(zone, new Date(second));
  if (o2 === o1) return second;
  // Neither offset holds: the time falls in a gap. The offset before the change moves it forward.
  return wall - Math.min(o1, o2) * MINUTE_MS;
}

const pad2 = (n: number) => (n < 10 ? '0' + n : String(n));
const year4 = (y: number) => String(y).padStart(4, '0');

/** `YYYY-MM-DD` of a wall clock. */
export const dayText = (w: Pick<WallClock, 'year' | 'month' | 'day'>): string => `${year4(w.year)}-${pad2(w.month)}-${pad2(w.day)}`;
/** `HH:mm`, or `HH:mm:ss` with `seconds`. */
export const timeText = (w: Pick<WallClock, 'hour' | 'minute' | 'second'>, seconds = false): string => `${pad2(w.hour)}:${pad2(w.minute)}${seconds ? ':' + pad2(w.second) : ''}`;

/** An offset in minutes as ISO 8601 writes it: `+03:00`, `-05:30`, `+00:00`. */
export function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.round(Math.abs(minutes));
  return `${sign}${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`;
}

/** The day (`YYYY-MM-DD`) the instant `ms` falls on in `zone`. */
export function dayInZone(ms: number, zone: string): string {
  return dayText(wallClockAt(ms, zone));
}

/** `day` (`YYYY-MM-DD`) moved `n` calendar days. */
export function addDays(day: string, n: number): string {
  const ms = utcMillis(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))) + n * DAY_MS;
  const d = new Date(ms);
  return dayText({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/** ISO weekday of a `YYYY-MM-DD`: 1 Monday … 7 Sunday. */
export function weekdayOf(day: string): number {
  const d = new Date(utcMillis(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))));
  return ((d.getUTCDay() + 6) % 7) + 1;
}

/** The instant `day` (`YYYY-MM-DD`) begins in `zone` (its first existing minute); NaN when it is no day or no zone. */
export function startOfDay(day: string, zone: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return NaN;
  return wallClockToInstant(zone, Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10)));
}
