// Reading an incident heading: its id (where an id may stand: headingIds.ts), a bracketed or
// ` · `-separated status, a severity marker, a date or date range (or a month alone, or a date
// it came before), and what is left as the title once ordinals, emoji, component brackets,
// incident words and quotes are taken off. Also which sub-headings name a timeline, a checklist
// or action items.
import { type Policy, matchSeverity } from '../playbook/policy';
import { readStatus } from '../playbook/statusWords';
import { hasLetterOrDigit, stripInline } from './text';
import { type SlashOrder, parseSlashedDate, parseTimeValue, slashOrderIn } from '../format/time';
import type { IndexContext } from './context';
import { findHeadingId, isBracketStatus, isIncidentWord } from './headingIds';

const HEADING_DATE = /\b\d{4}-\d{2}-\d{2}(?:\b|(?=T\d))|\b\d{4}\/\d{1,2}\/\d{1,2}\b|\b\d{1,2}\.\d{1,2}\.\d{4}\b|\b\d{1,2}\/\d{1,2}\/\d{4}\b|\b\d{4}\s?[年년]\s?\d{1,2}\s?[月월]\s?\d{1,2}\s?[日일号號]|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}\b/i;
/**
 * A date with a month word of another language: `16 июля 2026`, `2 de octubre de 2025`. The
 * month word is a whole letter run whose length (3 to 12) `findWordDate` checks: written
 * `\p{L}{3,12}`, the pattern cost V8 15–30 ms to compile for two-byte text.
 */
const HEADING_WORD_DATE = /(?:^|[\s([—–|-])(\d{1,2}\.?\s{1,3}(?:de\s{1,3})?(\p{L}+)\.?,?\s{1,3}(?:de\s{1,3})?\d{4})/gu;
/** A month alone: `## 2026-07 [paper] Title`. */
const HEADING_MONTH = /(?:^|[^\d\-/])(\d{4})-(0[1-9]|1[0-2])(?![\d\-/])/;
/** `pre-2026-07`, `before 2026-07-01`, `antes de 2026-07`: a date the incident came before. */
const HEADING_BEFORE = /(?:^|[\s([])(pre-|pre |before |antes de |avant le |avant |vor dem |vor |до )(\d{4}-\d{2}(?:-\d{2})?)(?![\d-])/i;
/** After a time: `hrs` written onto it (`22:00hrs`) and a US zone named without its offset (`PT`, `ET`). */
const HOURS_AND_ZONE = /^(?:hrs(?![a-z]))?(?:\s(PT|ET|CT|MT)(?![A-Za-z]))?/;
/** What may follow a heading's time before its title: the end, or a separator. */
const TIME_ENDS = '—–-:|,;)(]';
const US_ZONES: Record<string, string> = { PT: 'America/Los_Angeles', MT: 'America/Denver', CT: 'America/Chicago', ET: 'America/New_York' };
/** What joins the two ends of a date range: `→`, `->`, `–`, `—`, `-`, `to`, `..`, `bis`, `a`, `al`. */
const RANGE_JOIN = /^\s{0,3}(?:→|->|=>|–|—|-|~|〜|～|\.\.|to|bis|au|al|a|до|—>)\s{0,3}/;

/** What a heading says; shared between the headings that read the same (see readHeading), so never changed. */
export interface HeadingFacts {
  readonly id: string | null;
  readonly title: string;
  readonly severityText: string | null;
  readonly date: string | null;
  /** The end of a date range written in the heading (`2026-04-05 → 2026-04-15 — "X"`), with its offsets. */
  readonly endDate?: { value: string; start: number; end: number } | null;
  /** A status written in brackets (`[OPEN] I-12 …`), with its offsets in the heading text. */
  readonly status?: { text: string; start: number; end: number } | null;
  /** The heading adds to an incident written before it: `INC-001-addendum`, `Addendum: …`. */
  readonly addendum?: boolean;
  /** A date the incident came before (`pre-2026-07`): it dates the heading without being when. */
  readonly before?: string;
  /** The date stands in a closing note after the title: `Changes shipped (2026-10-06 15:37 IST)`. */
  readonly dateInNote?: boolean;
  /**
   * A slashed date whose numbers do not say which is the day (`4/12/2022`): left in the title,
   * unread, until the log's other dates say the order (see headingFacts).
   */
  readonly ambiguousDate?: boolean;
  /** An incident's word labels the title, with no id after it: `Incident: Crons disabled`, `Incidente — …`. */
  readonly labelled?: boolean;
}

/**
 * Ids, severity markers and dates are looked for in a heading's first HEADING_FACTS_CAP
 * characters only: every real heading fits, and a hostile 200 KB heading is still read in
 * linear time (its text is kept as the title).
 */
export const HEADING_FACTS_CAP = 300;

/** `text` with [from, to) replaced by as many spaces, so that offsets into it stay offsets into the heading. */
function blank(text: string, from: number, to: number): string {
  return text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
}

/** The first word date in `rest` whose month word has 3 to 12 letters. */
function findWordDate(rest: string): RegExpExecArray | null {
  HEADING_WORD_DATE.lastIndex = 0;
  for (let m = HEADING_WORD_DATE.exec(rest); m; m = HEADING_WORD_DATE.exec(rest)) {
    if (m[2].length >= 3 && m[2].length <= 12) return m;
    HEADING_WORD_DATE.lastIndex = m.index + 1;
  }
  return null;
}

/** Whether `text` holds an ASCII digit. */
function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

const NO_PARTS: Array<{ start: number; end: number }> = [];

/** Whether `text` holds `·`, `|` or `•`, without which spacedParts finds one part at most. */
function hasPartSeparator(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xb7 || c === 124 || c === 0x2022) return true;
  }
  return false;
}

/** Whether `text` holds four ASCII digits in a row (a year). */
function hasFourDigits(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    run = c >= 48 && c <= 57 ? run + 1 : 0;
    if (run === 4) return true;
  }
  return false;
}

/** Reads a date (or a date range) at `at` of `rest`: its value, end date and length. */
function readDateAt(rest: string, at: number, zone: string, order?: SlashOrder): { date: string | null; endDate: HeadingFacts['endDate']; length: number } | undefined {
  const read = (z: string) => parseTimeValue(rest.slice(at, at + 60), z) ?? (order ? parseSlashedDate(rest.slice(at, at + 60), order, z) : undefined);
  let p = read(zone);
  if (!p) return undefined;
  let length = p.length;
  // `22:00hrs PT`: the hours' unit and a US zone named without its offset (Pacific Time) are
  // part of the time as written, not of the title; the time is read in that zone.
  const more = p.kind === 'datetime' && !p.zone ? HOURS_AND_ZONE.exec(rest.slice(at + length, at + length + 8)) : null;
  if (more && more[0]) {
    // A zone only where the title has not begun: at the end, or before a separator with a space
    // before it (`14:00 CT scan service down`, `09:00 CT-scan archive`: a CT scan).
    const after = rest.slice(at + length + more[0].length, at + length + more[0].length + 12);
    const next = after.trimStart();
    const zoned = more[1] !== undefined && (next === '' || (TIME_ENDS.includes(next[0]) && (next[0] !== '-' || next.length < after.length)));
    if (zoned) p = read(US_ZONES[more[1]]) ?? p;
    length += zoned ? more[0].length : (more[0].startsWith('hrs') ? 3 : 0);
  }
  let endDate: HeadingFacts['endDate'] = null;
  // `2026-04-04/05`: the day it began is one of two; the first is kept.
  const alt = /^\/\d{1,2}(?![\d/])/.exec(rest.slice(at + length, at + length + 4));
  if (alt && p.kind === 'date') length += alt[0].length;
  const after = rest.slice(at + length, at + length + 70);
  const join = RANGE_JOIN.exec(after);
  if (join) {
    const q = parseTimeValue(after.slice(join[0].length), zone);
    if (q && q.value && !q.precision) {
      const start = at + length + join[0].length;
      endDate = { value: q.value, start, end: start + q.length };
      length += join[0].length + q.length;
    }
  }
  return { date: p.value, endDate, length };
}

/** The trimmed parts of `text` between separators ` · `, ` | ` or ` • ` (a space on both sides). */
function spacedParts(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let from = 0;
  for (let i = 1; i <= text.length; i++) {
    const c = text.charCodeAt(i);
    const cut = i === text.length || ((c === 0xb7 || c === 124 || c === 0x2022) && text.charCodeAt(i - 1) === 32 && text.charCodeAt(i + 1) === 32);
    if (!cut) continue;
    let a = from;
    let b = i;
    while (a < b && isSpaceCode(text.charCodeAt(a))) a++;
    while (b > a && isSpaceCode(text.charCodeAt(b - 1))) b--;
    if (b > a) out.push({ start: a, end: b });
    from = i + 1;
  }
  return out;
}

/** Reads an id, a date and a severity marker out of a heading, leaving the title. */
export function readHeading(raw: string, policy: Policy, order?: SlashOrder): Readonly<HeadingFacts> {
  // A log repeats its part headings (`### Timeline` under every incident): each policy keeps
  // what its short headings read as, frozen, up to FACTS_KEPT of them (as readStatus does);
  // a heading read with an order for its slashed date (see headingFacts) is kept apart.
  if (raw.length > FACTS_KEPT_CHARS) return readHeadingOnce(raw, policy, order);
  let kept = factsKept.get(policy);
  if (!kept) factsKept.set(policy, (kept = new Map()));
  // Kept under a copy: a heading cut from a log's text would keep the whole text alive.
  const key = order ? `${order}\u0000${raw}` : raw;
  const known = kept.get(key);
  if (known) return known;
  const facts = Object.freeze(readHeadingOnce(raw, policy, order));
  if (kept.size >= FACTS_KEPT) kept.clear();
  kept.set(order ? key : (raw + ' ').slice(0, -1), facts);
  return facts;
}

const FACTS_KEPT = 4096;
const FACTS_KEPT_CHARS = 120;
const factsKept = new WeakMap<Policy, Map<string, Readonly<HeadingFacts>>>();

function readHeadingOnce(raw: string, policy: Policy, order?: SlashOrder): HeadingFacts {
  let rest = raw.length > HEADING_FACTS_CAP ? raw.slice(0, HEADING_FACTS_CAP) : raw;
  const tail = raw.length > HEADING_FACTS_CAP ? raw.slice(HEADING_FACTS_CAP) : '';
  let id: string | null = null;
  let severityText: string | null = null;
  let date: string | null = null;
  let endDate: HeadingFacts['endDate'] = null;
  let status: HeadingFacts['status'] = null;
  let addendum = false;

  // A status in brackets: `[OPEN] I-1765106488 …`. Its offsets let a write replace the word.
  for (let i = rest.indexOf('['); i !== -1 && !status; i = rest.indexOf('[', i + 1)) {
    const j = rest.indexOf(']', i + 1);
    if (j === -1) break;
    if (j - i <= 26 && isBracketStatus(rest.slice(i + 1, j), policy) && rest[j + 1] !== '(') {
      const inner = rest.slice(i + 1, j);
      const lead = inner.length - inner.trimStart().length;
      status = { text: inner.trim(), start: i + 1 + lead, end: i + 1 + lead + inner.trim().length };
      rest = blank(rest, i, j + 1);
    }
  }
  // A status in brackets at the end of the title: `Upload path wrong (unresolved)`, `（解決済み）`.
  // Only a whole status phrase the policy or the built-in words read, with nothing after it.
  if (!status) {
    const bracket = trailingParenthesis(rest);
    let paren = bracket;
    // `(Problema CURENTA - Nerezolvata)`: a status last in the brackets, after a dash.
    if (paren && paren.end - paren.start <= 40) {
      const inner = rest.slice(paren.start, paren.end);
      const dash = Math.max(inner.lastIndexOf(' - '), inner.lastIndexOf(' — '), inner.lastIndexOf(' – '));
      if (dash > 0 && dash < 24 && !readStatus(policy, inner)?.meaning) paren = { start: paren.start + dash + 3, end: paren.end };
    }
    const read = paren ? readStatus(policy, rest.slice(paren.start, paren.end)) : undefined;
    // A date after the status (`(GELÖST 08.04.2026)`, `(Fixed 2026-04-08)`) says when, no more.
    if (paren && read?.meaning && (!read.note || isDateOnly(read.note)) && paren.end - paren.start <= 30) {
      const inner = rest.slice(paren.start, paren.end);
      const lead = inner.length - inner.trimStart().length;
      status = { text: inner.trim(), start: paren.start + lead, end: paren.start + lead + inner.trim().length };
      rest = blank(rest, bracket!.start - 1, bracket!.end + 1);
    }
  }
  const found = findHeadingId(rest, policy);
  if (found) {
    id = found.id;
    // `Checkout down, incident #12`: the word that named the id goes with it.
    rest = blank(rest, found.wordStart ?? found.start, found.end);
    // `INC-001-addendum`, `INC-001 (addendum)`: more about INC-001, not another incident.
    const m = /^(?:[-\s]{1,3}|\s{0,2}\()addendum\)?/i.exec(rest.slice(found.end, found.end + 14));
    if (m) {
      addendum = true;
      rest = blank(rest, found.end, found.end + m[0].length);
    }
  }
  // Parts between ` · ` or ` | ` that are a severity or a status: `2026-07-26 · HIGH · Title · RESOLVED`.
  const parts = hasPartSeparator(rest) ? spacedParts(rest) : NO_PARTS;
  if (parts.length > 1) {
    for (const part of parts) {
      const t = rest.slice(part.start, part.end);
      if (!severityText && t.length <= 24 && matchSeverity(policy, t)) {
        severityText = t;
        rest = blank(rest, part.start, part.end);
      } else if (!status && t.length <= 80 && isBracketStatus(/^[\p{L}-]{1,20}/u.exec(t)?.[0] ?? '', policy)) {
        status = { text: t, start: part.start, end: part.end };
        rest = blank(rest, part.start, part.end);
      }
    }
  }
  // Severity markers: `(SEV-2)`, `[P1]`, or a bare token that names a policy severity.
  if (rest.indexOf('(') !== -1 || rest.indexOf('[') !== -1) {
    rest = rest.replace(/[[(]([^\])[(]{1,24})[\])]/g, (whole, inner: string) => {
      if (!severityText && matchSeverity(policy, inner)) {
        severityText = inner.trim();
        return ' '.repeat(whole.length);
      }
      return whole;
    });
  }
  // Every pattern below needs a digit (a severity level) or a year: most titles have neither
  // once the id is taken out.
  const digits = hasDigit(rest);
  if (!severityText && digits) {
    const bare = /(?:^|\s)(SEV[- ]?\d|Sev[- ]?\d|P\d)(?=$|[\s:,—–-])/.exec(rest);
    if (bare && matchSeverity(policy, bare[1])) {
      severityText = bare[1];
      const at = bare.index + bare[0].indexOf(bare[1]);
      rest = blank(rest, at, at + bare[1].length);
    }
  }
  const zone = policy.timeZone;
  // `pre-2026-07 [infra] …`: an incident from before that month, not of it.
  let before: string | undefined;
  const year = digits && hasFourDigits(rest);
  const pre = year ? HEADING_BEFORE.exec(rest) : null;
  if (pre) {
    before = pre[2];
    const from = pre.index + pre[0].length - pre[1].length - pre[2].length;
    rest = blank(rest, from, pre.index + pre[0].length);
  }
  // Blanking the `before` date may have taken the only year.
  const dm = year && (!pre || hasFourDigits(rest)) ? HEADING_DATE.exec(rest) : null;
  // Only a heading with a year can hold one (and the pattern's `\p{L}` is costly to compile).
  const wm = dm || !hasFourDigits(rest) ? null : findWordDate(rest);
  const at = dm ? dm.index : wm ? wm.index + wm[0].length - wm[1].length : -1;
  const read = at === -1 ? undefined : readDateAt(rest, at, zone, order);
  let ambiguousDate = false;
  let dateInNote = false;
  if (read) {
    date = read.date;
    endDate = read.endDate;
    const open = rest.lastIndexOf('(', at);
    dateInNote = open > 0 && rest.slice(open + 1, at).trim() === '' && hasLetterOrDigit(rest.slice(0, open)) && rest.indexOf(')', at + read.length) !== -1;
    rest = blank(rest, at, at + read.length);
  } else if (dm) {
    // Shaped like a date but not one (2026-02-30): kept out of the title all the same; one that
    // could be either of two days (`03/04/2026`) stays in it, as written.
    if (!/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(dm[0])) rest = blank(rest, dm.index, dm.index + dm[0].length);
    else ambiguousDate = !order && dm[0].split('/').slice(0, 2).every((n) => Number(n) >= 1 && Number(n) <= 12);
  } else if (year) {
    const mm = HEADING_MONTH.exec(rest);
    if (mm) {
      const from = mm.index + mm[0].length - 7;
      const without = blank(rest, from, from + 7);
      // A month alone makes a heading an incident only with a title beside it: `## 2026-07`
      // over a month's incidents is a container, like `## 2026`.
      if (hasLetterOrDigit(without)) {
        date = `${mm[1]}-${mm[2]}`;
        rest = without;
      }
    }
  }
  rest += tail;
  const cleaned = cleanTitle(rest, id !== null);
  if (cleaned.addendum) addendum = true;
  const labelled = cleaned.labelled && id === null;
  return {
    id,
    title: cleaned.title,
    severityText,
    date,
    ...(endDate ? { endDate } : {}),
    ...(status ? { status } : {}),
    ...(addendum ? { addendum: true } : {}),
    ...(before ? { before } : {}),
    ...(dateInNote && date ? { dateInNote: true } : {}),
    ...(labelled ? { labelled: true } : {}),
    ...(ambiguousDate ? { ambiguousDate: true } : {}),
  };
}

/**
 * What a heading of the log being indexed says: readHeading's facts, with a slashed date whose
 * numbers do not say the order (`4/12/2022`) read in the order the log's other slashed dates
 * show (`4/13/2022` in a timeline: month first). The log is looked through once, and only when
 * such a heading is met.
 */
export function headingFacts(ctx: IndexContext, raw: string): Readonly<HeadingFacts> {
  const facts = readHeading(raw, ctx.policy);
  if (!facts.ambiguousDate) return facts;
  const order = logSlashOrder(ctx);
  return order ? readHeading(raw, ctx.policy, order) : facts;
}

/**
 * Which way round the log writes slashed dates: as more of its headings' dates that say it say
 * (`## INC-2 3/15/2024 …`: month first), else as more of such dates in its own text say (a
 * timeline's `4/13/2022 15:30 …`), not in code, a quote (`> Sent: 5/14/2024`, a pasted mail) or
 * a path or a link (see slashOrderIn). Looked up once per index, on the first date that does not
 * say; undefined when nothing says.
 */
export function logSlashOrder(ctx: IndexContext): SlashOrder | undefined {
  const dates = ctx.dates;
  if (dates.slashOrder === undefined) {
    const { text, lines, headings } = ctx;
    let dmy = 0;
    let mdy = 0;
    for (const h of headings) {
      const says = slashOrderIn(h.text);
      if (says === 'dmy') dmy++;
      else if (says === 'mdy') mdy++;
    }
    const order = dmy > mdy ? 'dmy' : mdy > dmy ? 'mdy' : slashOrderIn(text, 0, text.length, (offset) => ownWords(text, lines, offset));
    dates.slashOrder = order ?? null;
  }
  return dates.slashOrder ?? undefined;
}

/** Whether the text at `offset` is the log's own words: not code, not a quote, not inside an inline code span. */
function ownWords(text: string, lines: IndexContext['lines'], offset: number): boolean {
  const li = lineAt(lines.starts, offset);
  if (lines.skip[li]) return false;
  let p = lines.starts[li];
  while (text.charCodeAt(p) === 32) p++;
  if (text.charCodeAt(p) === 62 /* > */) return false;
  // An odd number of backticks before it, on its line, within a span's reach: inside code.
  let ticks = 0;
  for (let i = Math.max(lines.starts[li], offset - 200); i < offset; i++) if (text.charCodeAt(i) === 96) ticks++;
  return ticks % 2 === 0;
}

/** The line holding `offset`: the last line start at or before it (a binary search). */
export function lineAt(starts: ArrayLike<number>, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The heading's text once its facts are taken out: what a person calls the incident. */
function cleanTitle(rest: string, hadId: boolean): { title: string; addendum: boolean; labelled: boolean } {
  // Brackets a date or a status was taken out of (`( )`, `（ ）`) go with it.
  let title = rest.indexOf('(') === -1 && rest.indexOf('[') === -1 && rest.indexOf('（') === -1 ? rest : rest.replace(/[[(（]\s*[\])）]/g, ' ');
  title = trimStartWhere(title, isLeadPunct);
  // `## 2026-08-13 / Copy failed`: a slash with a space after it separates the date taken out (a
  // path, `/api/v1 returns 500`, keeps its own).
  if (title.charCodeAt(0) === 47 /* / */ && isSpaceCode(title.charCodeAt(1))) title = trimStartWhere(title.slice(1), isLeadPunct);
  title = trimEndWhere(title, isTrailPunct);
  title = spacedSeparatorsAsDash(title);
  title = stripLeadingDash(title);
  const lead = stripLeadMatter(title, hadId);
  title = lead.text;
  title = stripInline(title);
  title = stripLeadingDash(title);
  // One trailing dash (and the space before it) goes.
  if (title.length && isDash(title.charCodeAt(title.length - 1))) title = title.slice(0, -1);
  title = unquote(title.trim());
  return { title: title.trim(), addendum: lead.addendum, labelled: lead.labelled };
}

const LEAD_ORDINAL = /^(?:\(\d{1,3}\)|\d{1,3}[.)](?!\d))(?=\s|$)/;
const LEAD_SYMBOLS = /^[\p{Extended_Pictographic}\p{So}\uFE0F\u200D]{1,8}/u;
const LEAD_WORD = /^(\p{L}{2,14})(?:[\s:：#—–-]{0,4}(?:no\.|nº|№)?)(?=[\s:：—–-]|$)/u;

/**
 * What stands before a title and is not part of it, at most a few pieces: an emoji, an ordinal
 * (`(4) —`, `1.`), bracket groups (`[paper]`), an incident word left by its id (`Incident #1: X`),
 * and `Addendum:`. Each step consumes at least one character of a bounded run.
 */
function stripLeadMatter(text: string, hadId: boolean): { text: string; addendum: boolean; labelled: boolean } {
  // The common case: a title starting with an ordinary word has nothing to take off.
  const first = /^[A-Za-z]{1,20}/.exec(text);
  if (first && !isIncidentWord(first[0]) && first[0].toLowerCase() !== 'addendum') return { text, addendum: false, labelled: false };
  let s = text;
  let addendum = false;
  let labelled = false;
  for (let step = 0; step < 8; step++) {
    const before = s;
    const sym = LEAD_SYMBOLS.exec(s);
    if (sym) s = s.slice(sym[0].length);
    const ord = LEAD_ORDINAL.exec(s);
    if (ord) s = s.slice(ord[0].length);
    if (s[0] === '[' && s[1] !== '[') {
      const j = s.indexOf(']', 1);
      // A bracket group followed by more title (`[paper] X`); a link `[x](…)` is not one.
      if (j > 1 && j <= 40 && s[j + 1] !== '(' && /\S/.test(s.slice(j + 1))) s = s.slice(j + 1);
    }
    const w = LEAD_WORD.exec(s);
    if (w && (isIncidentWord(w[1]) || /^addendum$/i.test(w[1]))) {
      const restAfter = s.slice(w[0].length);
      // Only a word standing alone before a separator: `Incident: X`, not `Incident response drill`.
      // Alone, it is the title unless the id it named was taken from after it (`Incident 001`).
      const alone = restAfter.trim() === '';
      if ((alone && (hadId || /^addendum$/i.test(w[1]))) || (!alone && (/^\s{0,3}[:：—–-]/.test(restAfter) || /[:：#—–-]/.test(w[0].slice(w[1].length))))) {
        if (/^addendum$/i.test(w[1])) addendum = true;
        else if (!alone) labelled = true;
        s = restAfter;
      }
    }
    s = trimStartWhere(s, isLeadPunct);
    s = stripLeadingDash(s);
    if (s === before) break;
  }
  return { text: s, addendum, labelled };
}

const CLOSING_QUOTE: Record<string, string> = { '"': '"', '“': '”', '«': '»', "'": "'" };

/**
 * `"X"`, `“X”`, `«X»` → X, when the quotes wrap the whole title or all of it but a closing
 * note in parentheses (`"X" (RECURRING)` → `X (RECURRING)`).
 */
function unquote(s: string): string {
  if (s.length < 3) return s;
  const close = CLOSING_QUOTE[s[0]];
  if (!close) return s;
  const end = s.indexOf(close, 1);
  if (end <= 1 || s.slice(1, end).includes(s[0])) return s;
  const after = s.slice(end + 1);
  if (after === '') return s.slice(1, end).trim();
  if (/^\s{1,3}\([^()]{1,40}\)$/.test(after)) return s.slice(1, end).trim() + after;
  return s;
}

// The title's clean-up is a few hand scans: the patterns it replaces (`[\s:|—–-]+$` and
// `\s+[:|—–·•]\s+`) backtracked quadratically on headings of many spaces or ` -` runs.

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

function isDash(c: number): boolean {
  return c === 45 || c === 0x2013 || c === 0x2014;
}

/** `:` (or a full-width `：`), `|`, an en or em dash, `·` or `•`: what sits between a heading's parts. */
function isSeparator(c: number): boolean {
  return c === 58 || c === 124 || c === 0x2013 || c === 0x2014 || c === 0xb7 || c === 0x2022 || c === 0xff1a || c === 0xff5c;
}

function isTrailPunct(c: number): boolean {
  return isSpaceCode(c) || isSeparator(c) || c === 45 || c === 44;
}

function isLeadPunct(c: number): boolean {
  return isTrailPunct(c) || c === 46;
}

function trimStartWhere(s: string, drop: (c: number) => boolean): string {
  let i = 0;
  while (i < s.length && drop(s.charCodeAt(i))) i++;
  return i ? s.slice(i) : s;
}

function trimEndWhere(s: string, drop: (c: number) => boolean): string {
  let i = s.length;
  while (i > 0 && drop(s.charCodeAt(i - 1))) i--;
  return i < s.length ? s.slice(0, i) : s;
}

/** `A : B`, `A | B`, `A · B` → `A — B`: a separator with white space on both sides. */
function spacedSeparatorsAsDash(s: string): string {
  let out = '';
  let copied = 0;
  for (let i = 1; i < s.length - 1; i++) {
    if (!isSeparator(s.charCodeAt(i)) || !isSpaceCode(s.charCodeAt(i - 1)) || !isSpaceCode(s.charCodeAt(i + 1))) continue;
    let a = i - 1;
    while (a > copied && isSpaceCode(s.charCodeAt(a - 1))) a--;
    if (a < copied) continue;
    let b = i + 1;
    while (b < s.length && isSpaceCode(s.charCodeAt(b))) b++;
    out += s.slice(copied, a) + ' — ';
    copied = b;
    i = b - 1;
  }
  return copied === 0 ? s : out + s.slice(copied);
}

/** A leading dash and the white space around it. */
function stripLeadingDash(s: string): string {
  let i = 0;
  while (i < s.length && isSpaceCode(s.charCodeAt(i))) i++;
  if (i < s.length && isDash(s.charCodeAt(i))) {
    i++;
    while (i < s.length && isSpaceCode(s.charCodeAt(i))) i++;
    return s.slice(i);
  }
  return s;
}

/** What a sub-heading inside an incident names, by the policy's section words. */
export function subsectionKind(text: string, policy: Policy): 'timeline' | 'checklist' | 'actionItems' | null {
  const t = stripInline(text).toLowerCase();
  if (policy.sections.timeline.some((k) => t.includes(k))) return 'timeline';
  if (policy.sections.actionItems.some((k) => t.includes(k))) return 'actionItems';
  if (policy.sections.checklist.some((k) => t.includes(k))) return 'checklist';
  return null;
}

/** An ATX heading line's text: the `#` run and a closing `#` sequence removed (a scan, not a pattern). */
export function headingTitle(line: string): string {
  let a = 0;
  while (a < line.length && (line[a] === ' ' || line[a] === '\t')) a++;
  while (a < line.length && line[a] === '#') a++;
  let b = line.length;
  while (b > a && (line[b - 1] === ' ' || line[b - 1] === '\t')) b--;
  let c = b;
  while (c > a && line[c - 1] === '#') c--;
  if (c < b && (c === a || line[c - 1] === ' ' || line[c - 1] === '\t')) b = c;
  return line.slice(a, b).trim();
}

/** Where the text inside a heading's last bracket pair is, when the title ends with it (`… (미해결)`, `…（解決済み）`). */
function trailingParenthesis(text: string): { start: number; end: number } | undefined {
  let e = text.length;
  while (e > 0 && (text[e - 1] === ' ' || text[e - 1] === '\t')) e--;
  const close = text[e - 1];
  if (close !== ')' && close !== '）') return undefined;
  const open = text.lastIndexOf(close === ')' ? '(' : '（', e - 2);
  if (open <= 0 || e - 1 - open > 40) return undefined;
  const inner = text.slice(open + 1, e - 1);
  if (inner.includes('(') || inner.includes(')') || !hasLetterOrDigit(text.slice(0, open))) return undefined;
  return { start: open + 1, end: e - 1 };
}

/** Whether `note` is a date and nothing else (`08.04.2026`, `2026-04-08`). */
function isDateOnly(note: string): boolean {
  const t = note.trim();
  const p = t.length <= 24 ? parseTimeValue(t) : undefined;
  return !!p && p.length === t.length;
}
