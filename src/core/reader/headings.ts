// Reading an incident heading: its id (`INC-…`, `ABC-12`, `#12`), a date, a severity
// marker, and what is left as the title. Also which sub-headings name a timeline, a checklist or
// action items.
import { type Policy, matchSeverity } from '../policy';
import { stripInline } from '../text';
import { parseLeadingTime } from '../time';

const INC_ID = /\bINC-\d{4}-\d{4}-\d{3,}\b/;
const GENERIC_ID = /(?:^|[\s[(])((?:[A-Z][A-Z0-9]{1,9}-\d{1,7})|(?:#\d{1,7}))(?=$|[\s\]):,.—–-])/;
const HEADING_DATE = /\b\d{4}-\d{2}-\d{2}\b|\b\d{4}\/\d{1,2}\/\d{1,2}\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}\b/i;

export interface HeadingFacts {
  id: string | null;
  title: string;
  severityText: string | null;
  date: string | null;
}

/**
 * Ids, severity markers and dates are looked for in a heading's first HEADING_FACTS_CAP
 * characters only: every real heading fits, and a hostile 200 KB heading is still read in
 * linear time (its text is kept as the title).
 */
export const HEADING_FACTS_CAP = 300;

/** Reads an id, a date and a severity marker out of a heading, leaving the title. */
export function readHeading(raw: string, policy: Policy): HeadingFacts {
  let rest = raw.length > HEADING_FACTS_CAP ? raw.slice(0, HEADING_FACTS_CAP) : raw;
  const tail = raw.length > HEADING_FACTS_CAP ? raw.slice(HEADING_FACTS_CAP) : '';
  let id: string | null = null;
  let severityText: string | null = null;
  let date: string | null = null;

  const inc = INC_ID.exec(rest);
  if (inc) {
    id = inc[0];
    rest = rest.slice(0, inc.index) + ' ' + rest.slice(inc.index + inc[0].length);
  } else {
    const generic = GENERIC_ID.exec(rest);
    if (generic && !matchSeverity(policy, generic[1]) && !/^(SEV|P|PRIO|PRIORITY)-?\d$/i.test(generic[1])) {
      id = generic[1];
      const at = generic.index + generic[0].indexOf(generic[1]);
      rest = rest.slice(0, at) + ' ' + rest.slice(at + generic[1].length);
    }
  }
  // Severity markers: `(SEV-2)`, `[P1]`, or a bare token that names a policy severity.
  rest = rest.replace(/[[(]([^\])[(]{1,24})[\])]/g, (whole, inner: string) => {
    if (!severityText && matchSeverity(policy, inner)) {
      severityText = inner.trim();
      return ' ';
    }
    return whole;
  });
  if (!severityText) {
    const bare = /(?:^|\s)(SEV[- ]?\d|Sev[- ]?\d|P\d)(?=$|[\s:,—–-])/.exec(rest);
    if (bare && matchSeverity(policy, bare[1])) {
      severityText = bare[1];
      const at = bare.index + bare[0].indexOf(bare[1]);
      rest = rest.slice(0, at) + ' ' + rest.slice(at + bare[1].length);
    }
  }
  const dm = HEADING_DATE.exec(rest);
  if (dm) {
    const p = parseLeadingTime(rest.slice(dm.index));
    if (p && p.value) date = p.value;
    const len = p ? p.length : dm[0].length;
    rest = rest.slice(0, dm.index) + ' ' + rest.slice(dm.index + len);
  }
  rest += tail;
  let title = rest.replace(/[[(]\s*[\])]/g, ' ');
  title = trimStartWhere(title, isLeadPunct);
  title = trimEndWhere(title, isTrailPunct);
  title = spacedSeparatorsAsDash(title);
  title = stripLeadingDash(title);
  title = stripInline(title);
  title = stripLeadingDash(title);
  // One trailing dash (and the space before it) goes.
  if (title.length && isDash(title.charCodeAt(title.length - 1))) title = title.slice(0, -1);
  return { id, title: title.trim(), severityText, date };
}

// The title's clean-up is a few hand scans: the patterns it replaces (`[\s:|—–-]+$` and
// `\s+[:|—–·•]\s+`) backtracked quadratically on headings of many spaces or ` -` runs.

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

function isDash(c: number): boolean {
  return c === 45 || c === 0x2013 || c === 0x2014;
}

/** `:`, `|`, an en or em dash, `·` or `•`: what sits between a heading's parts. */
function isSeparator(c: number): boolean {
  return c === 58 || c === 124 || c === 0x2013 || c === 0x2014 || c === 0xb7 || c === 0x2022;
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
