// Reading and writing the times responders type: `2026-11-20 14:30 UTC`, ISO 8601, `14:30`,
// `Nov 20, 2026`. Zone arithmetic is zone.ts's; this file only recognises the shapes.
import { dayInZone, dayText, isValidZone, offsetText, timeText, utcMillis, wallClockAt, wallClockToInstant } from './zone';

export { utcMillis } from './zone';

export type TimeKind = 'datetime' | 'date' | 'time';

/** How much of a date was written: a month (`2026-07`, `July 2026`) or a year (`2025`) alone. */
export type DatePrecision = 'month' | 'year';

export interface ParsedTime {
  kind: TimeKind;
  /** ISO UTC (`2026-11-20T14:30:00Z`) for datetimes, `YYYY-MM-DD` for dates, `HH:MM:SS` (zone-local) for times. */
  value: string | null;
  /** True when the text has the shape of a date but names an impossible one (2026-02-30). */
  invalid: boolean;
  /** How many characters of the input the time took. */
  length: number;
  /** The zone as written, if any. */
  zone: string | null;
  /**
   * Set when only a month or a year was written: `value` is then `YYYY-MM` or `YYYY` (reduced
   * ISO 8601 precision), so that nothing downstream invents a day.
   */
  precision?: DatePrecision;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

// Common abbreviations responders type; anything else must be an offset or an IANA name.
const ZONE_ABBREVIATIONS: Record<string, string> = {
  UTC: 'UTC', GMT: 'UTC', Z: 'UTC',
  PST: 'UTC-8', PDT: 'UTC-7', MST: 'UTC-7', MDT: 'UTC-6', CST: 'UTC-6', CDT: 'UTC-5', EST: 'UTC-5', EDT: 'UTC-4',
  CET: 'UTC+1', CEST: 'UTC+2', BST: 'UTC+1', EET: 'UTC+2', EEST: 'UTC+3', IST: 'UTC+5:30', JST: 'UTC+9',
};

const ZONE = String.raw`(?:\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2}|(?:PST|PDT|MST|MDT|CST|CDT|EST|EDT|CET|CEST|BST|EET|EEST|IST|JST)\b|[A-Z][A-Za-z_]+\/[A-Za-z_/+-]+))?`;
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?`;
const ISO_LIKE = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})(?:(?:T|\s+|,\s*)${TIME}${ZONE})?(?!\d|:\d)`);
const SLASH_DATE = new RegExp(String.raw`^(\d{4})/(\d{1,2})/(\d{1,2})(?:(?:T|\s+|,\s*)${TIME}${ZONE})?(?!\d|:\d)`);
// Chinese, Japanese and Korean write the year, month and day with their characters (`2025年12月24日`,
// `2025년 12월 24일`), a weekday in brackets after it at times (`（水）`).
const CJK_DATE = new RegExp(String.raw`^(\d{4})\s?[年년]\s?(\d{1,2})\s?[月월]\s?(\d{1,2})\s?[日일号號](?:\s{0,2}[(（][^)）\s]{1,3}[)）])?(?:\s{0,3}${TIME}${ZONE})?(?!\d|:\d)`);
const MONTH_DATE = new RegExp(String.raw`^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:(?:\s+|,\s*|\s+at\s+)${TIME}${ZONE})?(?!\d|:\d)`, 'i');
const DAY_MONTH_DATE = new RegExp(String.raw`^(\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?,?\s+(\d{4})(?:(?:\s+|,\s*)${TIME}${ZONE})?(?!\d|:\d)`, 'i');
const TIME_ONLY = new RegExp(String.raw`^${TIME}${ZONE}(?!\d|:\d)`);

/** A zone as minutes east of UTC (fixed), or an IANA name; null when unknown. */
type Zone = { offset: number } | { iana: string };

function fixedOffset(text: string): number | undefined {
  const m = /^UTC([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(text);
  if (!m) return undefined;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

const UTC_ZONE: Zone = { offset: 0 };

function resolveZone(written: string | undefined, fallback: string): Zone | null {
  if (!written) {
    // The common case (UTC) never touches Intl: its first use costs tens of milliseconds.
    if (fallback === 'UTC' || fallback === 'Etc/UTC') return UTC_ZONE;
    return isValidZone(fallback) ? { iana: fallback } : UTC_ZONE;
  }
  if (written === 'UTC' || written === 'Z' || written === 'GMT') return UTC_ZONE;
  const abbr = ZONE_ABBREVIATIONS[written.toUpperCase()];
  if (abbr) return { offset: abbr === 'UTC' ? 0 : (fixedOffset(abbr) as number) };
  if (/^[+-]\d{2}:?\d{2}$/.test(written)) {
    const sign = written[0] === '-' ? -1 : 1;
    const digits = written.slice(1).replace(':', '');
    return { offset: sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) };
  }
  return isValidZone(written) ? { iana: written } : null;
}

/** Milliseconds since the epoch for a wall-clock time in a zone; NaN when it is not a real time. */
function wallClockToMillis(y: number, mo: number, d: number, h: number, mi: number, s: number, zone: Zone): number {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return NaN;
  if ('offset' in zone) {
    const ms = utcMillis(y, mo, d, h, mi, s);
    const check = new Date(ms);
    if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return NaN;
    return ms - zone.offset * 60000;
  }
  return wallClockToInstant(zone.iana, y, mo, d, h, mi, s);
}

const pad2 = (n: number) => (n < 10 ? '0' + n : String(n));
/** A year of a log's date (always 0–9999: they are read as four digits) as ISO 8601 writes it. */
const year4 = (y: number) => String(y).padStart(4, '0');

function daysInMonth(y: number, mo: number): number {
  if (mo === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
}

/**
 * The one ISO 8601 form of an instant the tool writes: `2026-11-20T14:30:00Z`. A year past 9999
 * or before 0 (a `9999-12-31 23:59 -05:00` is the year 10000 in UTC) is written as ISO 8601's
 * expanded year, six digits and a sign (`+010000-01-01T04:59:00Z`), as JavaScript reads it back;
 * `check` reports such a date and the metrics count it as unknown.
 */
function isoFromMillis(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function build(y: number, mo: number, d: number, h: string | undefined, mi: string | undefined, s: string | undefined, zoneText: string | undefined, fallbackZone: string, length: number): ParsedTime {
  if (h === undefined) {
    const ok = !Number.isNaN(wallClockToMillis(y, mo, d, 0, 0, 0, { offset: 0 }));
    const value = ok ? `${year4(y)}-${pad2(mo)}-${pad2(d)}` : null;
    return { kind: 'date', value, invalid: !ok, length, zone: null };
  }
  const zone = resolveZone(zoneText, fallbackZone);
  if (zone === null) return { kind: 'datetime', value: null, invalid: true, length, zone: zoneText ?? null };
  const hh = Number(h);
  const mm = Number(mi);
  const ss = s ? Number(s) : 0;
  if ('offset' in zone && zone.offset === 0) {
    // UTC, the common case: validate and format from the parts, no Date objects.
    const ok = mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) && hh <= 23 && mm <= 59 && ss <= 59;
    const value = ok ? `${year4(y)}-${pad2(mo)}-${pad2(d)}T${pad2(hh)}:${pad2(mm)}:${pad2(ss)}Z` : null;
    return { kind: 'datetime', value, invalid: !ok, length, zone: zoneText ?? null };
  }
  const ms = wallClockToMillis(y, mo, d, hh, mm, ss, zone);
  const ok = !Number.isNaN(ms);
  return { kind: 'datetime', value: ok ? isoFromMillis(ms) : null, invalid: !ok, length, zone: zoneText ?? null };
}

/**
 * Reads a date, date-time or time at the start of `text`. `zone` is used when none is written.
 * Returns undefined when the text does not start with a time at all.
 */
export function parseLeadingTime(text: string, zone = 'UTC'): ParsedTime | undefined {
  let m = ISO_LIKE.exec(text) ?? SLASH_DATE.exec(text) ?? CJK_DATE.exec(text);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5], m[6], m[7], zone, m[0].length);
  m = MONTH_DATE.exec(text);
  if (m) return build(Number(m[3]), MONTHS[m[1].toLowerCase().slice(0, 3)], Number(m[2]), m[4], m[5], m[6], m[7], zone, m[0].length);
  m = DAY_MONTH_DATE.exec(text);
  if (m) return build(Number(m[3]), MONTHS[m[2].toLowerCase().slice(0, 3)], Number(m[1]), m[4], m[5], m[6], m[7], zone, m[0].length);
  m = TIME_ONLY.exec(text);
  if (m) {
    const h = Number(m[1]);
    const mi = Number(m[2]);
    const s = m[3] ? Number(m[3]) : 0;
    const invalid = h > 23 || mi > 59 || s > 59;
    const value = invalid ? null : `${String(h).padStart(2, '0')}:${m[2]}:${String(s).padStart(2, '0')}`;
    return { kind: 'time', value, invalid, length: m[0].length, zone: m[4] ?? null };
  }
  return undefined;
}

/**
 * Month names of the languages logs are kept in (English, Spanish, Portuguese, French, German,
 * Italian, Russian in the nominative and the genitive a date uses), lower-case, with their
 * number. Abbreviations are matched through their first letters (see monthNumber).
 */
const MONTH_WORDS: Record<string, number> = {};
for (const [n, names] of [
  [1, 'january enero janeiro janvier januar jänner gennaio январь января'],
  [2, 'february febrero fevereiro février fevrier februar febbraio февраль февраля'],
  [3, 'march marzo março marco mars märz maerz марта март'],
  [4, 'april abril avril aprile апрель апреля'],
  [5, 'may mayo maio mai maggio май мая'],
  [6, 'june junio junho juin juni giugno июнь июня'],
  [7, 'july julio julho juillet juli luglio июль июля'],
  [8, 'august agosto août aout августа август'],
  [9, 'september septiembre setiembre setembro septembre settembre сентябрь сентября'],
  [10, 'october octubre outubro octobre oktober ottobre октябрь октября'],
  [11, 'november noviembre novembro novembre novembre ноябрь ноября'],
  [12, 'december diciembre dezembro décembre decembre dezember dicembre декабрь декабря'],
] as Array<[number, string]>) {
  for (const name of names.split(' ')) MONTH_WORDS[name] = n;
}

/** Abbreviations as written (`Jan`, `sept`, `févr`, `июл`, `dic`): a prefix of one month's names only. */
const MONTH_PREFIXES: Map<string, number> = (() => {
  const seen = new Map<string, number>();
  for (const [name, n] of Object.entries(MONTH_WORDS)) {
    for (let len = 3; len <= name.length; len++) {
      const prefix = name.slice(0, len);
      const had = seen.get(prefix);
      seen.set(prefix, had === undefined || had === n ? n : -1);
    }
  }
  return seen;
})();

/** The month a word names (`July`, `juillet`, `июля`, `Sept`), or undefined. */
export function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase();
  const n = MONTH_WORDS[w] ?? MONTH_PREFIXES.get(w);
  return n !== undefined && n > 0 ? n : undefined;
}

// Dates written with a month word in any of the languages above: `16 июля 2026`, `16. Juli
// 2026`, `2 de octubre de 2025`, `16 juillet 2026 à 14:30`. Every quantifier is bounded but the
// month word's: a letter run is followed by no letter, so it cannot backtrack, and its length
// (3 to 12) is checked after the match (`monthWordNumber`). Written `\p{L}{3,12}`, each pattern
// cost V8 15–30 ms to compile for two-byte text, in every process that read a word date.
const WORD_DAY_FIRST = new RegExp(String.raw`^(\d{1,2})\.?\s{1,3}(?:de\s{1,3})?(\p{L}+)\.?,?\s{1,3}(?:de\s{1,3})?(\d{4})(?:\s{0,2}(?:г\.|год[а]?))?(?:(?:,?\s{1,3}(?:at\s{1,3}|à\s{1,3}|um\s{1,3}|às\s{1,3}|alle\s{1,3}|a\s{1,3}las\s{1,3}|в\s{1,3})?)${TIME}${ZONE})?(?!\d|:\d)`, 'u');
const WORD_MONTH_FIRST = new RegExp(String.raw`^(\p{L}+)\.?\s{1,3}(\d{1,2})(?:st|nd|rd|th)?,?\s{1,3}(\d{4})(?:(?:,?\s{1,3}(?:at\s{1,3})?)${TIME}${ZONE})?(?!\d|:\d)`, 'u');
const MONTH_YEAR = /^(\p{L}+)\.?,?\s{1,3}(?:de\s{1,3})?(\d{4})$/u;
// A day, a month and a year between dots (`07.10.2026`, `7.10.2026 14:30`): day first, as every
// language that writes dates with dots does (German, Russian, Italian, Scandinavian…).
const DOTTED_DAY_FIRST = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s{1,3}${TIME}${ZONE})?(?!\d|:\d)`);
// Between slashes (`28/07/2026`, `07/28/2026`): day first in most of the world, month first in
// the US. Read only where the numbers say which (one of them above 12); `03/04/2026` is either.
const SLASHED = new RegExp(String.raw`^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:,?\s{1,3}${TIME}${ZONE})?(?!\d|:\d|\/)`);

/** The month a word of 3 to 12 letters names, as the patterns above take it. */
function monthWordNumber(word: string): number | undefined {
  return word.length >= 3 && word.length <= 12 ? monthNumber(word) : undefined;
}

/** A date with a month word, in the languages of MONTH_WORDS. */
function parseWordDate(text: string, zone: string): ParsedTime | undefined {
  let m = WORD_DAY_FIRST.exec(text);
  if (m) {
    const mo = monthWordNumber(m[2]);
    if (mo) return build(Number(m[3]), mo, Number(m[1]), m[4], m[5], m[6], m[7], zone, m[0].length);
  }
  m = DOTTED_DAY_FIRST.exec(text);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return build(Number(m[3]), Number(m[2]), Number(m[1]), m[4], m[5], m[6], m[7], zone, m[0].length);
  m = SLASHED.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12 && b >= 1 && b <= 12) return build(Number(m[3]), b, a, m[4], m[5], m[6], m[7], zone, m[0].length);
    if (b > 12 && a >= 1 && a <= 12) return build(Number(m[3]), a, b, m[4], m[5], m[6], m[7], zone, m[0].length);
  }
  m = WORD_MONTH_FIRST.exec(text);
  if (m) {
    const mo = monthWordNumber(m[1]);
    if (mo) return build(Number(m[3]), mo, Number(m[2]), m[4], m[5], m[6], m[7], zone, m[0].length);
  }
  return undefined;
}

/** Which way round slashed dates are written: day first (`22/04/2024`) or month first (`04/22/2024`). */
export type SlashOrder = 'dmy' | 'mdy';

/**
 * A slashed date at the start of `text` read in `order` (a date whose numbers do not say which
 * is the day, `04/12/2022`, is read in the order the rest of the log shows: see logSlashOrder).
 */
export function parseSlashedDate(text: string, order: SlashOrder, zone = 'UTC'): ParsedTime | undefined {
  const m = SLASHED.exec(text.trim());
  if (!m) return undefined;
  const [mo, d] = order === 'dmy' ? [Number(m[2]), Number(m[1])] : [Number(m[1]), Number(m[2])];
  return build(Number(m[3]), mo, d, m[4], m[5], m[6], m[7], zone, m[0].length);
}

/**
 * Which way round the slashed dates in text[from, to) are written, by the dates whose numbers say
 * it (one above 12, the other not: `13/04/2022` day first, `4/13/2022` month first): the way more
 * of them say, of the first SLASH_VOTES; undefined when none says or as many say each. `accept`
 * may pass over a date by its offset. A date in a path or a link (`/reports/25/12/2023`,
 * `v2.13/4/2022`) and an impossible one (`2/30/2024`) say nothing. Linear: each slash is looked
 * at once, a few characters around it.
 */
export function slashOrderIn(text: string, from = 0, to = text.length, accept?: (offset: number) => boolean): SlashOrder | undefined {
  let dmy = 0;
  let mdy = 0;
  let looked = 0;
  const digit = (i: number) => i >= from && i < to && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57;
  for (let at = text.indexOf('/', from); at !== -1 && at < to; at = text.indexOf('/', at + 1)) {
    // Two numbers of one or two digits around the first slash, four digits after the second.
    let a0 = at;
    while (a0 > at - 2 && digit(a0 - 1)) a0--;
    if (a0 === at || digit(a0 - 1) || (a0 > from && /[\w/.\-=#?&%]/.test(text[a0 - 1]))) continue;
    let b1 = at + 1;
    while (b1 < at + 3 && digit(b1)) b1++;
    if (b1 === at + 1 || text[b1] !== '/' || digit(b1 + 5)) continue;
    if (!(digit(b1 + 1) && digit(b1 + 2) && digit(b1 + 3) && digit(b1 + 4))) continue;
    const a = Number(text.slice(a0, at));
    const b = Number(text.slice(at + 1, b1));
    const y = Number(text.slice(b1 + 1, b1 + 5));
    const says: SlashOrder | undefined = a > 12 && b >= 1 && b <= 12 && a <= daysInMonth(y, b) ? 'dmy' : b > 12 && a >= 1 && a <= 12 && b <= daysInMonth(y, a) ? 'mdy' : undefined;
    if (!says) continue;
    // `accept` may look around the date: at most SLASH_LOOKS times, whatever the text holds.
    if (++looked > SLASH_LOOKS) break;
    if (accept && !accept(a0)) continue;
    if (says === 'dmy') dmy++;
    else mdy++;
    if (dmy + mdy >= SLASH_VOTES) break;
  }
  return dmy > mdy ? 'dmy' : mdy > dmy ? 'mdy' : undefined;
}

/** How many dates that say their order slashOrderIn weighs at most, and looks at at most. */
const SLASH_VOTES = 25;
const SLASH_LOOKS = 1000;

/**
 * A month or a year alone, the whole of `text`: `2026-07`, `July 2026`, `июль 2026`, `2025`.
 * The value keeps that precision (`2026-07`, `2025`).
 */
export function parseReducedDate(text: string): ParsedTime | undefined {
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})$/.exec(t) ?? /^(\d{4})\/(\d{1,2})$/.exec(t);
  let y: number;
  let mo: number | undefined;
  if (m) {
    y = Number(m[1]);
    mo = Number(m[2]);
  } else if ((m = MONTH_YEAR.exec(t))) {
    mo = monthWordNumber(m[1]);
    if (!mo) return undefined;
    y = Number(m[2]);
  } else if (/^\d{4}$/.test(t)) {
    y = Number(t);
    if (y < 1970 || y > 2199) return undefined;
    return { kind: 'date', value: t, invalid: false, length: t.length, zone: null, precision: 'year' };
  } else return undefined;
  const invalid = mo < 1 || mo > 12;
  return { kind: 'date', value: invalid ? null : `${year4(y)}-${pad2(mo)}`, invalid, length: t.length, zone: null, precision: 'month' };
}

/**
 * Reads a whole field value as a time: "2026-11-20 14:30 UTC", "Nov 20, 2026", "16 июля 2026",
 * "2 de octubre de 2025", and a month (`2026-07`) or a year (`2025`) alone, at that precision.
 */
export function parseTimeValue(text: string, zone = 'UTC'): ParsedTime | undefined {
  const t = text.trim();
  const p = parseLeadingTime(t, zone);
  if (p && p.kind !== 'time') return p;
  if (p) return undefined;
  return parseWordDate(t, zone) ?? parseReducedDate(t);
}

/** Combines a time-only entry with the incident's day. */
export function combineDayAndTime(day: string, time: string, zoneText: string | null, zone = 'UTC'): string | null {
  const z = resolveZone(zoneText ?? undefined, zone);
  if (!z) return null;
  const [y, mo, d] = day.split('-').map(Number);
  const [h, mi, s] = time.split(':').map(Number);
  const ms = wallClockToMillis(y, mo, d, h, mi, s || 0, z);
  return Number.isNaN(ms) ? null : isoFromMillis(ms);
}

/** The day part (in the given zone) of an ISO value or plain date. */
export function dayOf(value: string, zone = 'UTC'): string | null {
  if (value.length === 10) return value;
  if ((zone === 'UTC' || zone === 'Etc/UTC') && value.endsWith('Z')) return value.slice(0, 10);
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return null;
  if (isUtc(zone)) return new Date(ms).toISOString().slice(0, 10);
  return dayInZone(ms, zone);
}

export function toDate(value: string | null): Date | null {
  if (!value) return null;
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(ms) ? null : new Date(ms);
}

const isUtc = (zone: string) => zone === 'UTC' || zone === 'Etc/UTC' || !isValidZone(zone);

/** The UTC day and time of day of an instant, split at the `T` (an expanded year is longer than four digits). */
function utcParts(at: Date): { day: string; time: string } {
  const iso = at.toISOString();
  const t = iso.indexOf('T');
  return { day: iso.slice(0, t), time: iso.slice(t + 1, t + 9) };
}

/** The canonical written form: `2026-11-20 14:30 UTC`, or with the zone's offset when not UTC. */
export function formatLogTime(at: Date, zone = 'UTC'): string {
  if (isUtc(zone)) {
    const { day, time } = utcParts(at);
    return `${day} ${time.slice(0, 5)} UTC`;
  }
  const w = wallClockAt(at.getTime(), zone);
  return `${dayText(w)} ${timeText(w)} ${offsetText(w.offset)}`;
}

export function formatTimeOfDay(at: Date, zone = 'UTC', seconds = false): string {
  if (isUtc(zone)) return utcParts(at).time.slice(0, seconds ? 8 : 5);
  return timeText(wallClockAt(at.getTime(), zone), seconds);
}

export function formatIsoUtc(at: Date): string {
  return isoFromMillis(at.getTime());
}

/** No incident log goes back before 1970 (the Unix epoch): an earlier year is a typo. */
export const EARLIEST_PLAUSIBLE_MS = Date.UTC(1970, 0, 1);
/**
 * How far after `now` a moment the log records may be: a day covers a zone written wrong and
 * clocks set apart; anything later has not happened yet (a typo in the year, `9999-12-31`).
 */
export const FUTURE_SLACK_MS = 86_400_000;

export type DateFault = 'date-future' | 'date-too-early';

/** Why a moment the log records cannot be, as of `now`; null when it can. */
export function dateFault(at: Date, now: Date): DateFault | null {
  const ms = at.getTime();
  if (ms < EARLIEST_PLAUSIBLE_MS) return 'date-too-early';
  return ms > now.getTime() + FUTURE_SLACK_MS ? 'date-future' : null;
}

/** Accepts what a user passes as `--at`: ISO 8601 or any shape parseLeadingTime reads. */
export function parseUserTime(text: string, zone = 'UTC'): Date | undefined {
  const p = parseTimeValue(text, zone);
  // A month or a year alone is not a moment to record.
  if (!p || p.invalid || !p.value || p.precision || p.length !== text.trim().length) return undefined;
  return toDate(p.value) ?? undefined;
}

/** The UTC day parts used in new ids: year `2026` and month-day `1120` for 20 November. */
export function idDayParts(at: Date): { year: string; monthDay: string } {
  const iso = at.toISOString();
  return { year: iso.slice(0, 4), monthDay: iso.slice(5, 7) + iso.slice(8, 10) };
}

/**
 * The zone times are shown in (tree, tooltips): the `incidentPlaybook.displayTimeZone` setting's
 * value — empty or `playbook` for the playbook's zone, `local` for the machine's, or an IANA name;
 * anything unknown falls back to UTC so that a typo never hides a time.
 */
export function resolveDisplayZone(setting: string | undefined, playbookZone: string, localZone = Intl.DateTimeFormat().resolvedOptions().timeZone): string {
  const s = (setting ?? '').trim();
  if (!s || s.toLowerCase() === 'playbook') return isUtc(playbookZone) ? 'UTC' : playbookZone;
  if (s.toLowerCase() === 'local') return localZone && isValidZone(localZone) ? localZone : 'UTC';
  return isUtc(s) ? 'UTC' : s;
}

/** An indexed value (`2026-11-20T14:30:00Z` or `2026-11-20`) as a person reads it in `zone`. */
export function formatDisplayTime(value: string, zone = 'UTC'): string {
  if (value.length <= 10) return value;
  const at = toDate(value);
  return at ? formatLogTime(at, zone) : value;
}
