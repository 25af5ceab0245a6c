// Timeline entries, as list items (`- **14:30** text — @ana`) or as rows of a table with a time
// column, and where a new entry goes so that it looks like the ones already there.
import { MAX_NAME_CHARS, isFullName } from '../response/author';
import type { TimelineEntry, TimelineSlot } from '../model';
import { splitTableRow, stripInline } from './text';
import { combineDayAndTime, parseLeadingTime } from '../format/time';
import { type IndexContext, lineStart, lineText } from './context';
import { LIST_ITEM, indentWidth } from './lineScan';
import { tableAt } from './tables';

const TIME_HEADERS = /^(time|timestamp|when|date|date\/time|datetime|zeit|uhrzeit|datum|hora|fecha|heure|horodatage|ora|data|時刻|时间)$/i;
const TEXT_HEADERS = /^(event|events|description|what|what happened|action|text|entry|details|update|note|notes|activity|summary|ereignis|beschreibung|evento|descripción|descripcion|événement|evenement|description de l'événement)$/i;
export const OWNER_HEADERS = /^(owner|who|by|author|actor|person|responder|wer|quién|quien|qui|responsable)$/i;

/**
 * Splits a trailing owner (`(@ana)`, `— @ana`, or a full name in parentheses: `(Ana Souza)`)
 * off an entry's text.
 */
export function extractOwner(text: string): { text: string; owner: string | null } {
  const at = text.lastIndexOf('@');
  if (at !== -1) {
    const open = text.lastIndexOf('(@');
    if (open !== -1 && /^\(@[^()]+\)\s*$/.test(text.slice(open))) {
      return { text: text.slice(0, open).trim(), owner: text.slice(open + 2, text.lastIndexOf(')')).trim() };
    }
    // `text — @ana`: one or two dashes after white space, then the last `@` and a name. Read
    // backwards from that `@` by hand; a pattern for it was quadratic on runs of ` - @a`.
    let k = at - 1;
    while (k >= 0 && isSpaceCode(text.charCodeAt(k))) k--;
    let dashes = 0;
    while (k >= 0 && dashes < 3 && isDash(text.charCodeAt(k))) {
      k--;
      dashes++;
    }
    const name = text.slice(at + 1).trimEnd();
    if (dashes >= 1 && dashes <= 2 && k >= 0 && isSpaceCode(text.charCodeAt(k)) && OWNER_START.test(name) && !OWNER_REST.test(name)) {
      return { text: text.slice(0, k).trim(), owner: name.trim() };
    }
  }
  return trailingFullName(text) ?? { text: text.trim(), owner: null };
}

/** `text (Ana Souza)`: a person's full name in parentheses after white space (see isFullName). */
function trailingFullName(text: string): { text: string; owner: string } | undefined {
  let end = text.length;
  while (end > 0 && isSpaceCode(text.charCodeAt(end - 1))) end--;
  if (text.charCodeAt(end - 1) !== 41) return undefined; // `)`
  const open = text.lastIndexOf('(', end - 2);
  if (open < 1 || end - 2 - open > MAX_NAME_CHARS || !isSpaceCode(text.charCodeAt(open - 1))) return undefined;
  const name = text.slice(open + 1, end - 1);
  const rest = text.slice(0, open).trim();
  return rest && isFullName(name) ? { text: rest, owner: name } : undefined;
}

const OWNER_START = /^[\p{L}\p{N}._-]/u;
/** A character that cannot be in an owner's name (names may hold spaces, dots and dashes). */
const OWNER_REST = /[^\p{L}\p{N} ._-]/u;

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0x202f || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
}

function isDash(c: number): boolean {
  return c === 45 || c === 0x2013 || c === 0x2014;
}

/** A table header without its parenthesised notes: `Time (UTC)` → `Time`. */
function headerWord(h: string): string {
  if (h.length > 80) return '';
  return h.replace(/\s*\([^)]*\)\s*/g, '').trim();
}

interface TimelineItemFacts {
  at: string | null;
  kind: 'datetime' | 'date' | 'time';
  text: string;
  owner: string | null;
  boldTime: boolean;
  invalid: boolean;
}

/** Reads a timeline list item's content (after the bullet). */
function readTimelineItem(content: string, day: string | null, zone: string): TimelineItemFacts | undefined {
  let c = content;
  let boldTime = false;
  let wrapped: RegExpExecArray | null = /^(\*\*|__|`)([^*_`]{3,40}?)\1[:\s]*/.exec(c);
  let p;
  if (wrapped) {
    p = parseLeadingTime(wrapped[2], zone);
    if (p && p.length >= wrapped[2].trim().length) {
      boldTime = wrapped[1] !== '`';
      c = c.slice(wrapped[0].length);
    } else {
      p = undefined;
      wrapped = null;
    }
  }
  if (!p) {
    p = parseLeadingTime(c, zone);
    if (!p) return undefined;
    c = c.slice(p.length);
  }
  c = c.replace(/^\s*(?:[—–]|-{1,2}|:|\||,)?\s*/, '');
  let at: string | null = null;
  if (p.kind === 'time') {
    if (p.value && day) at = combineDayAndTime(day, p.value, p.zone, zone);
  } else at = p.value;
  const { text, owner } = extractOwner(c);
  return { at, kind: p.kind, text: stripInline(text), owner, boldTime, invalid: p.invalid };
}

/**
 * Reads the timeline in lines [from, to) into `out`. The slot says where a new entry goes;
 * `found` is false when no entry was read (the slot then points after the heading).
 */
export function readTimeline(ctx: IndexContext, from: number, to: number, headingLine: number, day: string | null, out: TimelineEntry[]): { slot: TimelineSlot; found: boolean } {
  const { text, lines } = ctx;
  const zone = ctx.policy.timeZone;
  let lastItemEnd = -1;
  let firstItemLine = -1;
  let bullet = '-';
  let indent = '';
  let boldTime = false;
  let timeOnly = false;
  let found = false;
  const before = out.length;
  for (let li = from; li < to; li++) {
    if (lines.skip[li]) continue;
    const line = lineText(ctx, li);
    const table = tableAt(text, lines, li, to);
    if (table) {
      const roles = table.headers.map(headerWord).map((h) => (TIME_HEADERS.test(h) ? (/^date|datum|fecha|data$/i.test(h) ? 'date' : 'time') : TEXT_HEADERS.test(h) ? 'text' : OWNER_HEADERS.test(h) ? 'owner' : 'other')) as NonNullable<TimelineSlot['columns']>;
      if (roles.includes('time') || roles.includes('date')) {
        if (!roles.includes('text')) {
          const other = roles.indexOf('other');
          if (other !== -1) roles[other] = 'text';
        }
        readTimelineTable(ctx, table.firstRow, table.lastRow, roles, day, out);
        return { slot: { style: 'table', insertAt: lineStart(ctx, table.lastRow + 1), columns: roles }, found: true };
      }
      li = table.lastRow;
      continue;
    }
    const m = LIST_ITEM.exec(line);
    if (m) {
      const entry = readTimelineItem(m[4], day, zone);
      if (entry) {
        if (entry.invalid) ctx.problems.push({ code: 'bad-date', message: `The timeline entry on line ${li + 1} has an impossible time.`, line: li + 1, severity: 'warning' });
        out.push({ at: entry.at, text: entry.text, owner: entry.owner, line: li });
        if (firstItemLine === -1) firstItemLine = li;
        bullet = m[2];
        indent = m[1];
        boldTime = entry.boldTime;
        timeOnly = entry.kind === 'time';
        found = true;
      }
      if (entry || found) lastItemEnd = li;
      continue;
    }
    // Continuation lines of the last item belong to it.
    if (lastItemEnd === li - 1 && line.trim() !== '' && indentWidth(line) > 0) lastItemEnd = li;
  }
  let insertLine: number;
  if (lastItemEnd >= 0) insertLine = lastItemEnd + 1;
  else {
    // An empty timeline: after the heading and one blank line, or before trailing blank lines.
    insertLine = headingLine + 1;
    if (insertLine < to && lineText(ctx, insertLine).trim() === '') insertLine++;
  }
  // Newest-first timelines get new entries at the top.
  const entries = out.slice(before);
  if (entries.length >= 2) {
    const a = entries[0].at;
    const b = entries[entries.length - 1].at;
    if (a && b && a > b) insertLine = firstItemLine;
  }
  return { slot: { style: 'list', insertAt: lineStart(ctx, insertLine), bullet, indent, boldTime, timeOnly }, found };
}

/** The rows [firstRow, lastRow] of a timeline table whose columns have the given roles. */
function readTimelineTable(ctx: IndexContext, firstRow: number, lastRow: number, roles: NonNullable<TimelineSlot['columns']>, day: string | null, out: TimelineEntry[]): void {
  for (let r = firstRow; r <= lastRow; r++) {
    const cells = splitTableRow(lineText(ctx, r)).cells;
    const get = (role: string) => {
      const i = roles.indexOf(role as never);
      return i >= 0 && i < cells.length ? stripInline(cells[i]) : '';
    };
    const stamp = [get('date'), get('time')].filter(Boolean).join(' ');
    const entry = readTimelineItem(stamp, day, ctx.policy.timeZone);
    const owner = get('owner').replace(/^@/, '') || null;
    out.push({ at: entry ? entry.at : null, text: get('text'), owner, line: r });
  }
}
