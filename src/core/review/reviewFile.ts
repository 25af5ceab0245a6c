// The post-incident review file (`docs/pir/<id>.md`) as sections, for a form that edits it one
// section at a time. A line scan, no markdown parser and nothing re-serialised: every write is a
// splice of one section's body or one front-matter line, so the BOM, the line endings, the front
// matter and every section the user did not touch stay byte for byte as they were.
import { parseFrontMatter } from '../reader/frontMatter';
import type { LogIndex, Splice } from '../model';
import type { Actor } from '../response/operations';
import type { Policy } from '../playbook/policy';
import { headingTitle } from '../reader/headings';
import { stripInline } from '../reader/text';
import { foldLineBreakControls, stripTextControls } from '../format/controlCharacters';
import { WriteRefused, appendTimelineEntry, requireIncident } from '../log/writer';

/** One line of text for YAML: line breaks and control characters folded away, spaces collapsed. */
export function oneLine(text: string): string {
  return foldLineBreakControls(text).replace(/\s+/g, ' ').trim();
}

/**
 * A double-quoted YAML scalar. JSON strings are YAML 1.2 double-quoted scalars; on top of that,
 * characters YAML treats as non-printable or as line breaks, and `<>&` (so no raw tag ever
 * appears in the document), are written as \u escapes.
 */
export function yamlString(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff<>&]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

const YAML_WORDS = /^(?:true|false|yes|no|on|off|null|y|n|~)$/i;

/** A front-matter value: `null`, a bare word (`draft`, `final`), or a quoted one-line string. */
export function yamlValue(value: string | null): string {
  if (value === null) return 'null';
  const v = oneLine(value);
  return /^[A-Za-z][A-Za-z_-]{0,40}$/.test(v) && !YAML_WORDS.test(v) ? v : yamlString(v);
}

export interface ReviewSection {
  /** The heading's text, inline markup removed. */
  heading: string;
  level: number;
  /** 0-based line of the heading. */
  line: number;
  headingStart: number;
  /** Offset after the heading's line break: where the body starts. */
  bodyStart: number;
  /** Start of the next heading of any level (or the end): the section's own text ends here. */
  bodyEnd: number;
  /** Start of the next heading of the same or a higher level: the end with its sub-sections. */
  end: number;
  /** The body without its leading and trailing blank lines, with `\n` line breaks. */
  text: string;
}

export interface FrontMatterLine {
  key: string;
  /** 0-based line. */
  line: number;
  valueStart: number;
  /** End of the value, continuation lines (a block scalar, a list) included. */
  valueEnd: number;
}

export interface ReviewDoc {
  eol: '\n' | '\r\n';
  bom: boolean;
  /** The front matter block: its offsets (`end` after the closing line), values and key lines. */
  frontMatter: { start: number; closeStart: number; end: number; values: Record<string, string | null>; lines: FrontMatterLine[]; error?: string } | null;
  sections: ReviewSection[];
}

/** The built-in review sections, with the headings each is known by (case-insensitive). */
export const REVIEW_SECTIONS = [
  { key: 'summary', heading: 'Incident summary', aliases: ['summary'] },
  { key: 'timeline', heading: 'Timeline', aliases: [] },
  { key: 'rootCause', heading: 'Root cause', aliases: ['root cause analysis'] },
  { key: 'contributingFactors', heading: 'Contributing factors', aliases: [] },
  { key: 'wentWell', heading: 'What went well', aliases: [] },
  { key: 'couldImprove', heading: 'What could be improved', aliases: ['what went wrong', 'what could have gone better'] },
  { key: 'actionItems', heading: 'Action items', aliases: ['follow-up actions', 'follow-up items'] },
  { key: 'lessons', heading: 'Lessons learned', aliases: [] },
  { key: 'communication', heading: 'Communication recap', aliases: ['communication', 'communications'] },
] as const;

export type ReviewSectionKey = (typeof REVIEW_SECTIONS)[number]['key'];

const norm = (s: string) => stripInline(s).toLowerCase().replace(/\s+/g, ' ').trim();

/** The names a heading is matched by: itself, and a built-in section's other names. */
function headingNames(heading: string): string[] {
  const n = norm(heading);
  const known = REVIEW_SECTIONS.find((s) => s.key === heading || norm(s.heading) === n || s.aliases.some((a) => a === n));
  return known ? [norm(known.heading), ...known.aliases] : [n];
}

const MAX_HEADING = 300;
const MAX_FRONT_MATTER = 16 * 1024;

/** `#` run of an ATX heading line, 0 when the line is none. A scan. */
function atxLevel(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && i - start < 3 && text.charCodeAt(i) === 32) i++;
  let n = 0;
  while (i + n < end && text.charCodeAt(i + n) === 35) n++;
  if (n < 1 || n > 6) return 0;
  const after = text.charCodeAt(i + n);
  return i + n === end || after === 32 || after === 9 ? n : 0;
}

/** An opening code fence (3+ backticks or tildes, indented up to 3 spaces): its character and length. */
function fenceOf(line: string): { char: string; length: number; rest: string } | null {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  const c = line[i];
  if (c !== '`' && c !== '~') return null;
  let n = 0;
  while (line[i + n] === c) n++;
  return n >= 3 ? { char: c, length: n, rest: line.slice(i + n) } : null;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

interface LineSpan {
  start: number;
  end: number;
  next: number;
}

function linesOf(text: string, from: number): LineSpan[] {
  const out: LineSpan[] = [];
  let i = from;
  while (i < text.length) {
    const nl = text.indexOf('\n', i);
    const next = nl === -1 ? text.length : nl + 1;
    const end = nl === -1 ? text.length : nl > i && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    out.push({ start: i, end, next });
    i = next;
  }
  return out;
}

/** The body's content: from the first to the last non-blank line (offsets), or null when blank. */
function contentRange(text: string, start: number, end: number): { start: number; end: number } | null {
  // Forward to the first line with something on it, backward to the last: each character once.
  let first = -1;
  for (let i = start; i < end; ) {
    const nl = text.indexOf('\n', i);
    const next = nl === -1 || nl >= end ? end : nl + 1;
    const lineEnd = nl === -1 || nl >= end ? end : nl > i && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    if (!isBlank(text, i, lineEnd)) {
      first = i;
      break;
    }
    i = next;
  }
  if (first < 0) return null;
  let last = end;
  for (;;) {
    let lineEnd = last;
    if (lineEnd > first && text.charCodeAt(lineEnd - 1) === 10) lineEnd--;
    if (lineEnd > first && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    const lineStart = text.lastIndexOf('\n', lineEnd - 1) + 1;
    const from = Math.max(lineStart, first);
    if (!isBlank(text, from, lineEnd)) return { start: first, end: lineEnd };
    last = from;
  }
}

function readFrontMatter(text: string, lines: LineSpan[], bom: boolean): ReviewDoc['frontMatter'] {
  const first = lines[0];
  if (!first || text.slice(first.start + (bom ? 1 : 0), first.end) !== '---') return null;
  let close = -1;
  for (let li = 1; li < lines.length; li++) {
    const t = text.slice(lines[li].start, lines[li].end);
    if (t === '---' || t === '...') {
      close = li;
      break;
    }
  }
  if (close < 0) return null;
  const keyLines: FrontMatterLine[] = [];
  for (let li = 1; li < close; li++) {
    const { start, end } = lines[li];
    const c = text[start];
    if (c === ' ' || c === '\t' || c === '#' || c === '-') continue;
    const colon = text.indexOf(':', start);
    if (colon === -1 || colon >= end) continue;
    const key = text.slice(start, colon);
    if (!/^[A-Za-z_][A-Za-z0-9_-]{0,40}$/.test(key)) continue;
    let valueStart = colon + 1;
    while (valueStart < end && (text[valueStart] === ' ' || text[valueStart] === '\t')) valueStart++;
    let valueEnd = end;
    while (valueEnd > valueStart && (text[valueEnd - 1] === ' ' || text[valueEnd - 1] === '\t')) valueEnd--;
    // Continuation lines (indented, or a list at the key's column) belong to the value.
    let last = li;
    while (last + 1 < close) {
      const n = lines[last + 1];
      const ch = text[n.start];
      if (ch === ' ' || ch === '\t' || (ch === '-' && (n.end === n.start + 1 || text[n.start + 1] === ' '))) last++;
      else break;
    }
    if (last > li) valueEnd = lines[last].end;
    keyLines.push({ key, line: li, valueStart, valueEnd });
  }
  const values: Record<string, string | null> = {};
  let error: string | undefined;
  try {
    // The YAML parser is slower than linear on some hostile lines (a run of quotes): a block
    // longer than any review's is read by the line scan alone.
    if (lines[close].end - first.start > MAX_FRONT_MATTER) throw new Error(`The front matter is longer than ${MAX_FRONT_MATTER / 1024} KB; it is read line by line.`);
    const data = parseFrontMatter(text.slice(first.start + (bom ? 1 : 0), lines[close].end).replace(/\r\n/g, '\n') + '\n').data;
    for (const [k, v] of Object.entries(data)) {
      values[k] = v === null || v === undefined ? null : v instanceof Date ? (Number.isNaN(v.getTime()) ? null : v.toISOString().replace(/\.000Z$/, 'Z')) : typeof v === 'object' ? JSON.stringify(v) : String(v);
    }
  } catch (e) {
    error = e instanceof Error ? e.message.split('\n')[0] : String(e);
    for (const l of keyLines) {
      const v = text.slice(l.valueStart, l.valueEnd);
      values[l.key] = v.length > 1 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0] ? v.slice(1, -1) : v;
    }
  }
  return { start: first.start, closeStart: lines[close].start, end: lines[close].next, values, lines: keyLines, ...(error ? { error } : {}) };
}

/** Reads a review file: its front matter and its sections (ATX headings outside code fences). */
export function readReview(text: string): ReviewDoc {
  const bom = text.charCodeAt(0) === 0xfeff;
  const nl = text.indexOf('\n');
  const eol: ReviewDoc['eol'] = nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
  const lines = linesOf(text, 0);
  const frontMatter = readFrontMatter(text, lines, bom);
  const heads: Array<{ li: number; level: number }> = [];
  let fence: { char: string; length: number } | null = null;
  let li = 0;
  if (frontMatter) while (li < lines.length && lines[li].start < frontMatter.end) li++;
  for (; li < lines.length; li++) {
    const { start, end } = lines[li];
    const line = text.slice(start, Math.min(end, start + 1000));
    if (fence) {
      const f = fenceOf(line);
      if (f && f.char === fence.char && f.length >= fence.length && f.rest.trim() === '') fence = null;
      continue;
    }
    const f = fenceOf(line);
    if (f && !(f.char === '`' && f.rest.includes('`'))) {
      fence = f;
      continue;
    }
    const level = atxLevel(text, start, end);
    if (level) heads.push({ li, level });
  }
  const sections: ReviewSection[] = heads.map((h, k) => {
    const span = lines[h.li];
    const bodyEnd = k + 1 < heads.length ? lines[heads[k + 1].li].start : text.length;
    let endHead = k + 1;
    while (endHead < heads.length && heads[endHead].level > h.level) endHead++;
    const end = endHead < heads.length ? lines[heads[endHead].li].start : text.length;
    const range = contentRange(text, span.next, bodyEnd);
    return {
      heading: stripInline(headingTitle(text.slice(span.start, Math.min(span.end, span.start + MAX_HEADING)))),
      level: h.level,
      line: h.li,
      headingStart: span.start,
      bodyStart: span.next,
      bodyEnd,
      end,
      text: range ? text.slice(range.start, range.end).replace(/\r\n/g, '\n') : '',
    };
  });
  return { eol, bom, frontMatter, sections };
}

/** The first section with this heading (or a built-in section's key or other name), case-insensitive. */
export function findReviewSection(doc: ReviewDoc, heading: string): ReviewSection | undefined {
  const names = headingNames(heading);
  return doc.sections.find((s) => names.includes(norm(s.heading)));
}

/**
 * Text from the form made safe for a section's body: the file's line endings, control
 * characters dropped, lines that would start a heading escaped (`\#`), an unclosed code fence
 * closed, blank lines at either end trimmed. Anything else is the user's markdown, kept.
 */
export function sectionBodyText(body: string, eol: string): string {
  const lines = stripTextControls(body).split(/\r\n|\r|\n/);
  let fence: { char: string; length: number } | null = null;
  const out = lines.map((line) => {
    const f = fenceOf(line.slice(0, 1000));
    if (fence) {
      if (f && f.char === fence.char && f.length >= fence.length && f.rest.trim() === '') fence = null;
      return line;
    }
    if (f && !(f.char === '`' && f.rest.includes('`'))) {
      fence = f;
      return line;
    }
    if (atxLevel(line, 0, line.length)) {
      const i = line.indexOf('#');
      return `${line.slice(0, i)}\\${line.slice(i)}`;
    }
    return line;
  });
  while (out.length && out[0].trim() === '') out.shift();
  while (out.length && out[out.length - 1].trim() === '') out.pop();
  if (fence) out.push((fence as { char: string; length: number }).char.repeat((fence as { length: number }).length));
  return out.join(eol);
}

/**
 * Replaces one section's body (up to its first sub-heading) with `newBody`, keeping the blank
 * lines around it; every other byte stays. A section the file lacks is added at its end as a
 * `## Heading`. No splice when the body already reads so.
 */
export function spliceSection(text: string, heading: string, newBody: string): Splice[] {
  const doc = readReview(text);
  const section = findReviewSection(doc, heading);
  const body = sectionBodyText(newBody, doc.eol);
  const eol = doc.eol;
  if (!section) {
    const known = REVIEW_SECTIONS.find((s) => s.key === heading);
    const title = oneLine(known ? known.heading : heading).replace(/^#+\s*/, '');
    if (!title) throw new WriteRefused('A review section needs a heading.');
    const lead = text.length === 0 || text.endsWith('\n') ? '' : eol;
    const gap = text.length === 0 || /\n[ \t]{0,4}\r?\n$/.test(text.slice(-8)) ? '' : eol;
    return [{ start: text.length, end: text.length, text: `${lead}${gap}## ${title}${eol}${body ? `${eol}${body}${eol}` : ''}` }];
  }
  if (body.replace(/\r\n/g, '\n') === section.text) return [];
  const range = contentRange(text, section.bodyStart, section.bodyEnd);
  if (range) {
    if (body) return [{ start: range.start, end: range.end, text: body }];
    // Emptied: the content lines go, the blank lines around them stay.
    const after = text.indexOf('\n', range.end);
    return [{ start: range.start, end: after === -1 ? range.end : after + 1, text: '' }];
  }
  const lead = section.bodyStart === text.length && !text.endsWith('\n') ? eol : '';
  const trail = section.bodyEnd < text.length ? eol : '';
  return [{ start: section.bodyStart, end: section.bodyEnd, text: `${lead}${eol}${body}${eol}${trail}` }];
}

/**
 * Sets one front-matter key as a one-line splice of its value (continuation lines of a block
 * value included); a key the block lacks goes in before its closing line, and a file without
 * front matter gets a block at the top (after a BOM).
 */
export function setReviewFrontMatter(text: string, key: string, value: string | null): Splice[] {
  if (!/^[A-Za-z_][A-Za-z0-9_-]{0,40}$/.test(key)) throw new WriteRefused(`"${key}" is not a usable front matter key.`);
  const doc = readReview(text);
  const written = yamlValue(value);
  const fm = doc.frontMatter;
  if (!fm) {
    const at = doc.bom ? 1 : 0;
    return [{ start: at, end: at, text: `---${doc.eol}${key}: ${written}${doc.eol}---${doc.eol}` }];
  }
  const line = fm.lines.find((l) => l.key === key);
  if (!line) return [{ start: fm.closeStart, end: fm.closeStart, text: `${key}: ${written}${doc.eol}` }];
  const current = text.slice(line.valueStart, line.valueEnd);
  if (current === written) return [];
  // `key:` with nothing after it: a space before the value.
  const pad = text[line.valueStart - 1] === ':' ? ' ' : '';
  return [{ start: line.valueStart, end: line.valueEnd, text: pad + written }];
}

export interface ReviewFinalized {
  /** Splices of the review file: `status: final`. */
  review: Splice[];
  /** Splices of the file holding the incident: the timeline entry. */
  log: Splice[];
}

/**
 * "Mark final": the review's front matter says `status: final`, and the incident's timeline
 * gets "Post-incident review completed". Two files, so two splice lists, both empty when the
 * review is final already. A table-row incident has no timeline: its list is empty.
 */
export function finalizeReview(reviewText: string, index: LogIndex, incidentId: string, actor: Actor, policy: Policy): ReviewFinalized {
  const incident = requireIncident(index, incidentId);
  const doc = readReview(reviewText);
  if ((doc.frontMatter?.values.status ?? '').trim().toLowerCase() === 'final') return { review: [], log: [] };
  const review = setReviewFrontMatter(reviewText, 'status', 'final');
  const log = incident.source === 'section' ? appendTimelineEntry(index, incident.id, { at: actor.at, text: 'Post-incident review completed', owner: actor.owner }, policy) : [];
  return { review, log };
}

/** What a section holds for a person to read and write, with the template's guidance set apart. */
export interface SectionContent {
  /** The section's text without the template's hints: what the form's text area holds. */
  text: string;
  /** The text of the section's HTML comments (`<!-- … -->`), one per comment, spaces collapsed. */
  hints: string[];
  /** Unanswered prompts ("1. Why?" … "5. Why?") of a section that holds nothing else. */
  prompts: string[];
}

/** A numbered prompt the template leaves to be answered: `1. Why?`. */
const PROMPT_LINE = /^[ \t]{0,3}\d{1,2}[.)][ \t]+Why\?[ \t]*$/i;

/**
 * Removes the HTML comments of one line (outside code spans), continuing one opened on an
 * earlier line; returns the line's remaining text and the comments' texts. `open` is the text of
 * a comment still open at the end of the line (null when none).
 */
function stripComments(line: string, open: string | null): { text: string; comments: string[]; open: string | null; removed: boolean } {
  const comments: string[] = [];
  let text = '';
  let i = 0;
  let removed = false;
  let inComment = open;
  while (i < line.length) {
    if (inComment !== null) {
      const close = line.indexOf('-->', i);
      if (close === -1) {
        inComment += `${line.slice(i)}\n`;
        i = line.length;
        break;
      }
      comments.push(inComment + line.slice(i, close));
      inComment = null;
      i = close + 3;
      continue;
    }
    const c = line[i];
    if (c === '`') {
      // A code span shows `<!--` literally: copied as it is, up to its closing run.
      let n = 1;
      while (line[i + n] === '`') n++;
      const run = '`'.repeat(n);
      let close = line.indexOf(run, i + n);
      while (close !== -1 && line[close + n] === '`') close = line.indexOf(run, close + n + 1);
      const end = close === -1 ? i + n : close + n;
      text += line.slice(i, end);
      i = end;
      continue;
    }
    if (line.startsWith('<!--', i)) {
      removed = true;
      inComment = '';
      i += 4;
      continue;
    }
    text += c;
    i++;
  }
  return { text, comments, open: inComment, removed: removed || open !== null };
}

/**
 * A section's text (as `ReviewSection.text` holds it) split into what a person wrote and the
 * template's guidance: HTML comments outside code (invisible in the rendered review) are hints,
 * and a section holding nothing but "1. Why?" lines holds unanswered prompts. A line left blank
 * by a removed comment goes with it; an unclosed `<!--` is text, so nothing written is hidden.
 */
export function sectionContent(sectionText: string): SectionContent {
  const out: string[] = [];
  const hints: string[] = [];
  let fence: { char: string; length: number } | null = null;
  let open: string | null = null;
  let carry = '';
  let dropBlank = false;
  for (const line of sectionText.split('\n')) {
    const f = open === null ? fenceOf(line.slice(0, 1000)) : null;
    if (fence || (f && !(f.char === '`' && f.rest.includes('`')))) {
      if (!fence) fence = f;
      else if (f && f.char === fence.char && f.length >= fence.length && f.rest.trim() === '') fence = null;
      out.push(line);
      dropBlank = false;
      continue;
    }
    const r = stripComments(line, open);
    open = r.open;
    hints.push(...r.comments.map((c) => c.replace(/\s+/g, ' ').trim()).filter(Boolean));
    // Text before a comment that runs on over lines joins the text after it.
    carry += r.text;
    if (open !== null) continue;
    const text = carry;
    carry = '';
    if (r.removed) {
      const rest = text.replace(/[ \t]+$/, '');
      if (rest.trim() === '') {
        // The comment was the line: the line goes, and a blank line it would leave doubled too.
        dropBlank = out.length === 0 || out[out.length - 1].trim() === '';
        continue;
      }
      out.push(rest);
    } else if (!(dropBlank && line.trim() === '')) out.push(line);
    dropBlank = false;
  }
  // A `<!--` never closed is no comment: the section is text as written.
  if (open !== null) return { text: sectionText, hints: [], prompts: [] };
  while (out.length && out[0].trim() === '') out.shift();
  while (out.length && out[out.length - 1].trim() === '') out.pop();
  if (out.length && out.every((l) => l.trim() === '' || PROMPT_LINE.test(l))) {
    return { text: '', hints, prompts: out.filter((l) => l.trim() !== '').map((l) => l.trim()) };
  }
  return { text: out.join('\n'), hints, prompts: [] };
}
