// The line-level index: one pass over the log that finds incidents, their fields, timeline,
// checklist and action items, with offsets a writer can splice at. It understands code fences
// (``` and ~~~ of any length), indented code and HTML comments so that a `## ` inside them is
// never mistaken for an incident. No markdown parser runs here: this is the hot path.
import { parseFrontMatter } from './frontMatter';
import type {
  ActionItem,
  CanonicalField,
  ChecklistItem,
  Field,
  FieldStyle,
  Incident,
  LogIndex,
  Problem,
  TimelineEntry,
  TimelineSlot,
} from './model';
import { type Policy, canonicalField, defaultPolicy, isResolvedStatus, matchSeverity, matchStatus } from './policy';
import { isTableDelimiterRow, lineStartAt, looksLikeTableRow, nextLineStart, slugify, splitTableRow, stripInline } from './text';
import { combineDayAndTime, dayOf, parseLeadingTime, parseTimeValue } from './time';

export interface IndexOptions {
  policy?: Policy;
  /** Reads a file linked from an index table, relative to the log. Undefined: links are not followed. */
  readFile?: (relativePath: string) => string | undefined;
  /** Treat the document as one incident (a per-incident file linked from an index table). */
  singleIncident?: boolean;
}

/** Per-line facts from the scanning pass. */
interface Lines {
  starts: Int32Array;
  /** End of the line's content, before `\r\n` or `\n`. */
  ends: Int32Array;
  /** True for lines inside code (fenced or indented), HTML comments or front matter. */
  skip: Uint8Array;
  /** Heading level (1–6) of ATX heading lines, 0 otherwise. */
  level: Uint8Array;
}

interface Heading {
  line: number;
  level: number;
  text: string;
}

const INC_ID = /\bINC-\d{4}-\d{4}-\d{3,}\b/;
const GENERIC_ID = /(?:^|[\s[(])((?:[A-Z][A-Z0-9]{1,9}-\d{1,7})|(?:#\d{1,7}))(?=$|[\s\]):,.—–-])/;
const HEADING_DATE = /\b\d{4}-\d{2}-\d{2}\b|\b\d{4}\/\d{1,2}\/\d{1,2}\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}\b/i;
const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])(\s+)(.*)$/;
const TASK = /^\[([ xX])\]\s+(.*)$/;
const FIELD_BOLD_INSIDE = /^(\s*(?:[-*+]\s+)?)(\*\*|__)([^*_]{1,60}?):\2[ \t]*(.*)$/;
const FIELD_BOLD_OUTSIDE = /^(\s*(?:[-*+]\s+)?)(\*\*|__)([^*_]{1,60}?)\2[ \t]*:[ \t]*(.*)$/;
const FIELD_PLAIN = /^(\s*(?:[-*+]\s+)?)([\p{L}][\p{L}\p{N} _/-]{0,40}?)[ \t]*:[ \t]+(.*)$/u;
const CONFLICT_START = /^<{7}(?:\s|$)/;
const CONFLICT_END = /^>{7}(?:\s|$)/;

const TIME_HEADERS = /^(time|timestamp|when|date|date\/time|datetime|zeit|uhrzeit|datum|hora|fecha|heure|horodatage|ora|data|時刻|时间)$/i;
const TEXT_HEADERS = /^(event|events|description|what|what happened|action|text|entry|details|update|note|notes|activity|summary|ereignis|beschreibung|evento|descripción|descripcion|événement|evenement|description de l'événement)$/i;
const OWNER_HEADERS = /^(owner|who|by|author|actor|person|responder|wer|quién|quien|qui|responsable)$/i;
const ID_HEADERS = /^(id|incident id|incident|ticket|ref|reference|#|no\.?|nr\.?)$/i;
const TITLE_HEADERS = /^(title|summary|description|incident|name|what|issue)$/i;

function scanLines(text: string, start: number): Lines {
  // Two passes of indexOf: count the lines, then fill typed arrays (no per-line allocation).
  const n = text.length;
  let count = 1;
  for (let i = text.indexOf('\n', start); i !== -1 && i + 1 < n; i = text.indexOf('\n', i + 1)) count++;
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  let i = start;
  for (let li = 0; li < count; li++) {
    starts[li] = i;
    const nl = text.indexOf('\n', i);
    if (nl === -1) {
      ends[li] = n;
      break;
    }
    ends[li] = nl > i && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    i = nl + 1;
  }
  return { starts, ends, skip: new Uint8Array(count), level: new Uint8Array(count) };
}

function indentWidth(line: string): number {
  let w = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32) w++;
    else if (c === 9) w += 4 - (w % 4);
    else break;
  }
  return w;
}

/** Whether `text[from, to)` holds the character code (a bounded indexOf: never scans past the line). */
function hasChar(text: string, code: number, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === code) return true;
  return false;
}

/** True when the line at [p, e) starts a list item (`-`, `*`, `+` or `1.` / `1)` then a space). */
function isListMarker(text: string, p: number, e: number): boolean {
  const c = text.charCodeAt(p);
  if (c === 45 || c === 42 || c === 43) {
    const n = text.charCodeAt(p + 1);
    return p + 1 === e || n === 32 || n === 9;
  }
  if (c >= 48 && c <= 57) {
    let q = p;
    while (q < e && q - p < 9 && text.charCodeAt(q) >= 48 && text.charCodeAt(q) <= 57) q++;
    const d = text.charCodeAt(q);
    if (d !== 46 && d !== 41) return false;
    const n = text.charCodeAt(q + 1);
    return q + 1 === e || n === 32 || n === 9;
  }
  return false;
}

/**
 * The scanning pass: marks code, comments and headings, working on character codes so that
 * only heading lines are sliced out of the text. Returns the headings.
 */
function classify(text: string, lines: Lines, problems: Problem[]): Heading[] {
  const headings: Heading[] = [];
  const count = lines.starts.length;
  let fenceCode = 0;
  let fenceLen = 0;
  let fenceLine = -1;
  let inComment = false;
  let prevBlank = true;
  let listContext = false;
  for (let li = 0; li < count; li++) {
    if (lines.skip[li]) continue; // front matter
    const s = lines.starts[li];
    const e = lines.ends[li];
    let p = s;
    let indent = 0;
    for (; p < e; p++) {
      const c = text.charCodeAt(p);
      if (c === 32) indent++;
      else if (c === 9) indent += 4 - (indent % 4);
      else break;
    }
    const c0 = p < e ? text.charCodeAt(p) : -1;
    if (fenceCode) {
      lines.skip[li] = 1;
      if (c0 === fenceCode) {
        let q = p;
        while (q < e && text.charCodeAt(q) === fenceCode) q++;
        if (q - p >= fenceLen) {
          while (q < e && (text.charCodeAt(q) === 32 || text.charCodeAt(q) === 9)) q++;
          if (q === e) fenceCode = 0;
        }
      }
      continue;
    }
    if (inComment) {
      lines.skip[li] = 1;
      const close = text.slice(s, e).indexOf('-->');
      if (close !== -1) inComment = false;
      continue;
    }
    if (c0 === -1) {
      prevBlank = true;
      continue;
    }
    // Fences: up to 3 spaces of indent, or deeper inside a list item.
    if ((c0 === 96 || c0 === 126) && (indent <= 3 || listContext) && text.charCodeAt(p + 1) === c0 && text.charCodeAt(p + 2) === c0) {
      let q = p;
      while (q < e && text.charCodeAt(q) === c0) q++;
      if (!(c0 === 96 && hasChar(text, 96, q, e))) {
        fenceCode = c0;
        fenceLen = q - p;
        fenceLine = li;
        lines.skip[li] = 1;
        prevBlank = false;
        continue;
      }
    }
    if (indent >= 4 && prevBlank && !listContext) {
      // Indented code block: it runs until a non-blank line with less indent.
      lines.skip[li] = 1;
      continue;
    }
    if (c0 === 60 && indent <= 3 && text.startsWith('<!--', p)) {
      lines.skip[li] = 1;
      if (text.slice(p + 4, e).indexOf('-->') === -1) inComment = true;
      prevBlank = false;
      continue;
    }
    if (c0 === 35 && indent <= 3) {
      let level = 0;
      while (text.charCodeAt(p + level) === 35) level++;
      const after = p + level < e ? text.charCodeAt(p + level) : -1;
      if (level <= 6 && (after === -1 || after === 32 || after === 9)) {
        const content = text
          .slice(p + level, e)
          .replace(/[ \t]+#+[ \t]*$/, '')
          .replace(/^[ \t]+#+[ \t]*$/, '')
          .trim();
        lines.level[li] = level;
        headings.push({ line: li, level, text: content });
        listContext = false;
        prevBlank = false;
        continue;
      }
    }
    if (indent <= 3 && isListMarker(text, p, e)) listContext = true;
    else if (indent === 0) listContext = false;
    prevBlank = false;
  }
  if (fenceCode) {
    problems.push({
      code: 'unterminated-fence',
      message: `A code fence opened on line ${fenceLine + 1} is never closed: everything after it is read as code.`,
      line: fenceLine + 1,
      severity: 'warning',
    });
  }
  return headings;
}

function findConflicts(text: string, lines: Lines): number {
  // Conflict markers are looked for everywhere (even in fences): git put them there, not the user.
  if (!text.includes('<<<<<<<')) return -1;
  let startLine = -1;
  for (let li = 0; li < lines.starts.length; li++) {
    const s = lines.starts[li];
    const c = text.charCodeAt(s);
    if (c === 60 && CONFLICT_START.test(text.slice(s, Math.min(lines.ends[li], s + 9)))) {
      if (startLine === -1) startLine = li;
    } else if (c === 62 && startLine !== -1 && CONFLICT_END.test(text.slice(s, Math.min(lines.ends[li], s + 9)))) {
      return startLine;
    }
  }
  return -1;
}

interface HeadingFacts {
  id: string | null;
  title: string;
  severityText: string | null;
  date: string | null;
}

/** Reads an id, a date and a severity marker out of a heading, leaving the title. */
export function readHeading(raw: string, policy: Policy): HeadingFacts {
  let rest = raw;
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
    if (p && p.value) date = p.kind === 'date' ? p.value : p.value;
    const len = p ? p.length : dm[0].length;
    rest = rest.slice(0, dm.index) + ' ' + rest.slice(dm.index + len);
  }
  const title = stripInline(
    rest
      .replace(/[[(]\s*[\])]/g, ' ')
      .replace(/^[\s:|—–\-·•,.]+/, '')
      .replace(/[\s:|—–\-·•,]+$/, '')
      .replace(/\s+[:|—–·•]\s+/g, ' — ')
      .replace(/^\s*[—–-]\s*/, ''),
  )
    .replace(/^[—–-]\s*/, '')
    .replace(/\s*[—–-]$/, '')
    .trim();
  return { id, title, severityText, date };
}

function subsectionKind(text: string, policy: Policy): 'timeline' | 'checklist' | 'actionItems' | null {
  const t = stripInline(text).toLowerCase();
  if (policy.sections.timeline.some((k) => t.includes(k))) return 'timeline';
  if (policy.sections.actionItems.some((k) => t.includes(k))) return 'actionItems';
  if (policy.sections.checklist.some((k) => t.includes(k))) return 'checklist';
  return null;
}

interface FieldMatch {
  key: string;
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
  value: string;
  style: FieldStyle;
}

/** Recognises a field line; offsets are relative to the line. */
function matchFieldLine(line: string, policy: Policy): FieldMatch | undefined {
  let m = FIELD_BOLD_INSIDE.exec(line);
  let style: FieldStyle | undefined;
  let keyGroup = 3;
  let valueGroup = 4;
  if (m) style = m[1].trim() ? 'list-bold' : 'bold';
  else {
    m = FIELD_BOLD_OUTSIDE.exec(line);
    if (m) style = 'bold-outside';
    else {
      m = FIELD_PLAIN.exec(line);
      if (!m) return undefined;
      keyGroup = 2;
      valueGroup = 3;
      style = 'plain';
      if (!canonicalField(policy, m[2])) return undefined;
    }
  }
  const key = stripInline(m[keyGroup]).trim();
  if (!key || /^\d/.test(key)) return undefined;
  const keyStart = line.indexOf(m[keyGroup], m[1].length);
  const valueRaw = m[valueGroup];
  const valueStart = line.length - valueRaw.length;
  let valueEnd = line.length;
  // Trailing two-space hard breaks and backslash breaks stay where they are.
  while (valueEnd > valueStart && (line[valueEnd - 1] === ' ' || line[valueEnd - 1] === '\t')) valueEnd--;
  if (valueEnd > valueStart && line[valueEnd - 1] === '\\' && line[valueEnd - 2] !== '\\') {
    valueEnd--;
    while (valueEnd > valueStart && line[valueEnd - 1] === ' ') valueEnd--;
  }
  return { key, keyStart, keyEnd: keyStart + m[keyGroup].length, valueStart, valueEnd, value: line.slice(valueStart, valueEnd), style };
}

function extractOwner(text: string): { text: string; owner: string | null } {
  const at = text.lastIndexOf('@');
  if (at === -1) return { text: text.trim(), owner: null };
  const open = text.lastIndexOf('(@');
  if (open !== -1 && /^\(@[^()]+\)\s*$/.test(text.slice(open))) {
    return { text: text.slice(0, open).trim(), owner: text.slice(open + 2, text.lastIndexOf(')')).trim() };
  }
  const m = /\s+[—–-]{1,2}\s*@([\p{L}\p{N}._-][\p{L}\p{N} ._-]*?)\s*$/u.exec(text);
  if (m) return { text: text.slice(0, m.index).trim(), owner: m[1].trim() };
  return { text: text.trim(), owner: null };
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

interface TableInfo {
  headerLine: number;
  firstRow: number;
  lastRow: number;
  headers: string[];
}

/** A GFM table starting at `li` (header row + delimiter row), or undefined. */
function tableAt(text: string, lines: Lines, li: number, endLine: number): TableInfo | undefined {
  if (li + 1 >= endLine) return undefined;
  // Cheap tests first: the header holds a `|`, and the delimiter row starts with `|`, `-` or `:`.
  if (!hasChar(text, 124, lines.starts[li], lines.ends[li])) return undefined;
  let k = lines.starts[li + 1];
  while (text.charCodeAt(k) === 32) k++;
  const c = text.charCodeAt(k);
  if (c !== 124 && c !== 45 && c !== 58) return undefined;
  const header = text.slice(lines.starts[li], lines.ends[li]);
  if (!looksLikeTableRow(header)) return undefined;
  const delim = text.slice(lines.starts[li + 1], lines.ends[li + 1]);
  if (!isTableDelimiterRow(delim)) return undefined;
  const headers = splitTableRow(header).cells.map((h) => stripInline(h));
  let last = li + 1;
  for (let r = li + 2; r < endLine; r++) {
    if (lines.skip[r] || lines.level[r]) break;
    const row = text.slice(lines.starts[r], lines.ends[r]);
    if (row.trim() === '' || !looksLikeTableRow(row)) break;
    last = r;
  }
  return { headerLine: li, firstRow: li + 2, lastRow: last, headers };
}

interface Section {
  headingLine: number;
  level: number;
  headingText: string;
  /** First line after the heading, and the line after the section's last line. */
  bodyLine: number;
  endLine: number;
}

class Indexer {
  readonly problems: Problem[] = [];
  readonly policy: Policy;
  private readonly lazy: LazySectionIncident[] = [];
  private lines!: Lines;
  private headings: Heading[] = [];

  constructor(
    readonly text: string,
    readonly options: IndexOptions,
  ) {
    this.policy = options.policy ?? defaultPolicy();
    flatten(text);
  }

  private lineText(li: number): string {
    return this.text.slice(this.lines.starts[li], this.lines.ends[li]);
  }

  run(): LogIndex {
    const text = this.text;
    const bom = text.charCodeAt(0) === 0xfeff;
    const firstNl = text.indexOf('\n');
    const eol: '\n' | '\r\n' = firstNl > 0 && text.charCodeAt(firstNl - 1) === 13 ? '\r\n' : '\n';
    const contentStart = bom ? 1 : 0;
    this.lines = scanLines(text, contentStart);
    const lines = this.lines;
    const bodyLine = this.frontMatter();
    const bodyStart = bodyLine < lines.starts.length ? lines.starts[bodyLine] : text.length;
    this.headings = classify(text, lines, this.problems);

    const conflictLine = findConflicts(text, lines);
    const hasConflicts = conflictLine !== -1;
    if (hasConflicts) {
      this.problems.push({
        code: 'conflict-markers',
        message: 'The log holds git conflict markers (<<<<<<< … >>>>>>>): resolve the merge before it can be edited.',
        line: conflictLine + 1,
        severity: 'error',
      });
    }

    const incidents = this.options.singleIncident ? this.singleIncident(bodyLine) : this.findIncidents(bodyLine);
    this.assignDerivedIds(incidents);
    const problems = this.problems;
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const indexer = this;
    return {
      text,
      eol,
      bom,
      bodyStart,
      incidents,
      get problems() {
        // Problems inside incident bodies (impossible dates) are found when the bodies are read.
        indexer.materializeAll();
        return problems.sort((a, b) => a.line - b.line);
      },
      hasConflicts,
      declareSlot: this.declareSlot(incidents, bodyLine),
      lineCount: lines.starts.length,
    };
  }

  /** Marks a leading `---` YAML block as skipped; returns the first body line. */
  private frontMatter(): number {
    const lines = this.lines;
    if (lines.starts.length < 2 || this.lineText(0) !== '---') return 0;
    for (let li = 1; li < lines.starts.length; li++) {
      const t = this.lineText(li);
      if (t === '---' || t === '...') {
        for (let k = 0; k <= li; k++) lines.skip[k] = 1;
        // Its YAML is validated by checkLog (gray-matter), off the hot path.
        return li + 1;
      }
    }
    this.problems.push({ code: 'bad-front-matter', message: 'The front matter that opens on line 1 is never closed with ---; it is read as ordinary text.', line: 1, severity: 'warning' });
    return 0;
  }

  private sectionEnd(hIndex: number): number {
    const h = this.headings[hIndex];
    for (let k = hIndex + 1; k < this.headings.length; k++) {
      if (this.headings[k].level <= h.level) return this.headings[k].line;
    }
    return this.lines.starts.length;
  }

  /** The first heading line inside (bodyLine, endLine), or endLine. */
  private firstSubheading(bodyLine: number, endLine: number): number {
    for (let li = bodyLine; li < endLine; li++) if (this.lines.level[li]) return li;
    return endLine;
  }

  private findIncidents(bodyLine: number): Incident[] {
    const incidents: Incident[] = [];
    let insideUntil = -1;
    const headings = this.headings;
    // Tables outside incident sections may be table-row logs or index tables.
    const tableScanRanges: Array<[number, number]> = [];
    let scanFrom = bodyLine;
    for (let hi = 0; hi < headings.length; hi++) {
      const h = headings[hi];
      if (h.line < bodyLine) continue;
      if (h.line < insideUntil) continue;
      if (h.level < 2 || h.level > 4) continue;
      const endLine = this.sectionEnd(hi);
      const section: Section = { headingLine: h.line, level: h.level, headingText: h.text, bodyLine: h.line + 1, endLine };
      const facts = readHeading(h.text, this.policy);
      let isIncident = facts.id !== null || facts.date !== null;
      const directEnd = this.firstSubheading(section.bodyLine, endLine);
      let directFields: Field[] | undefined;
      if (!isIncident) {
        directFields = this.readFields(section.bodyLine, directEnd);
        isIncident = this.fieldsLookLikeIncident(directFields);
      }
      if (!isIncident) continue;
      if (scanFrom < h.line) tableScanRanges.push([scanFrom, h.line]);
      scanFrom = endLine;
      insideUntil = endLine;
      incidents.push(facts.id && facts.title ? this.lazySectionIncident(section, facts) : this.buildSectionIncident(section, facts));
    }
    if (scanFrom < this.lines.starts.length) tableScanRanges.push([scanFrom, this.lines.starts.length]);
    for (const [from, to] of tableScanRanges) this.findTableIncidents(from, to, incidents);
    incidents.sort((a, b) => a.start - b.start);
    return incidents;
  }

  private fieldsLookLikeIncident(fields: Field[]): boolean {
    const kinds = new Set<CanonicalField>();
    for (const f of fields) if (f.canonical && f.value.trim()) kinds.add(f.canonical);
    const core = ['severity', 'status', 'detected', 'resolved', 'commander'] as const;
    const n = core.filter((k) => kinds.has(k)).length;
    if (n >= 2) return true;
    for (const f of fields) {
      if (f.canonical === 'severity' && matchSeverity(this.policy, stripInline(f.value))) return true;
      if (f.canonical === 'detected' && parseTimeValue(stripInline(f.value), this.policy.timeZone)) return true;
    }
    return false;
  }

  private readFields(from: number, to: number): Field[] {
    const fields: Field[] = [];
    const lines = this.lines;
    for (let li = from; li < to; li++) {
      if (lines.skip[li] || lines.level[li]) continue;
      const s0 = lines.starts[li];
      const e0 = lines.ends[li];
      // Every field shape has a colon or is a table row; most prose lines are neither.
      if (e0 - s0 > 400 || e0 === s0) continue;
      if (!hasChar(this.text, 58 /* : */, s0, e0) && !hasChar(this.text, 124 /* | */, s0, e0)) continue;
      const line = this.lineText(li);
      const table = tableAt(this.text, lines, li, to);
      if (table) {
        if (table.headers.length === 2) {
          for (let r = table.firstRow; r <= table.lastRow; r++) {
            const f = this.tableField(r, 0, 1);
            if (f) fields.push(f);
          }
        }
        li = table.lastRow;
        continue;
      }
      const m = matchFieldLine(line, this.policy);
      if (!m) continue;
      const base = lines.starts[li];
      fields.push({
        key: m.key,
        canonical: canonicalField(this.policy, m.key),
        value: m.value,
        style: m.style,
        line: li,
        valueStart: base + m.valueStart,
        valueEnd: base + m.valueEnd,
      });
    }
    return fields;
  }

  private tableField(li: number, keyCol: number, valueCol: number, keyOverride?: string): Field | undefined {
    const row = splitTableRow(this.lineText(li));
    if (row.cells.length <= Math.max(keyCol, valueCol)) return undefined;
    const key = keyOverride ?? stripInline(row.cells[keyCol]);
    if (!key) return undefined;
    const base = this.lines.starts[li];
    return {
      key,
      canonical: canonicalField(this.policy, key),
      value: row.cells[valueCol],
      style: 'table',
      line: li,
      valueStart: base + row.starts[valueCol],
      valueEnd: base + row.ends[valueCol],
    };
  }

  private buildSectionIncident(section: Section, facts: HeadingFacts): Incident {
    const lines = this.lines;
    const policy = this.policy;
    const timeline: TimelineEntry[] = [];
    const checklist: ChecklistItem[] = [];
    const actionItems: ActionItem[] = [];
    const fields: Field[] = [];
    let timelineSlot: TimelineSlot | undefined;

    // Split the body into the part before the first sub-heading and the sub-sections.
    const parts: Array<{ kind: 'body' | 'timeline' | 'checklist' | 'actionItems' | 'other'; from: number; to: number; headingLine: number }> = [];
    let cursor = section.bodyLine;
    let kind: 'body' | 'timeline' | 'checklist' | 'actionItems' | 'other' = 'body';
    let partHeading = section.headingLine;
    for (let li = section.bodyLine; li < section.endLine; li++) {
      if (!lines.level[li]) continue;
      parts.push({ kind, from: cursor, to: li, headingLine: partHeading });
      const sub = subsectionKind(this.lineText(li).replace(/^\s*#+/, ''), policy);
      kind = sub ?? 'other';
      cursor = li + 1;
      partHeading = li;
    }
    parts.push({ kind, from: cursor, to: section.endLine, headingLine: partHeading });

    // Fields first: the day of the incident is needed to place time-only timeline entries.
    for (const part of parts) {
      if (part.kind === 'body' || part.kind === 'other') fields.push(...this.readFields(part.from, part.to));
    }
    const values = this.fieldValues(fields, facts);
    const day = values.detected ? dayOf(values.detected, policy.timeZone) : facts.date ? dayOf(facts.date, policy.timeZone) : null;

    let sawTimelinePart = false;
    for (const part of parts) {
      if (part.kind === 'timeline') {
        sawTimelinePart = true;
        const slot = this.readTimeline(part.from, part.to, part.headingLine, day, timeline);
        if (!timelineSlot || slot.found) timelineSlot = slot.slot;
      } else if (part.kind === 'checklist' || part.kind === 'body') {
        this.readTasks(part.from, part.to, checklist);
      } else if (part.kind === 'actionItems') {
        this.readActionItems(part.from, part.to, actionItems);
      }
    }
    if (!sawTimelinePart) timelineSlot = undefined;

    const start = lines.starts[section.headingLine];
    const end = section.endLine < lines.starts.length ? lines.starts[section.endLine] : this.text.length;
    const bodyStart = section.bodyLine < lines.starts.length ? lines.starts[section.bodyLine] : this.text.length;
    const incident: Incident = {
      id: facts.id ?? '',
      idWritten: facts.id !== null,
      title: facts.title || (values.title ? stripInline(values.title) : '') || (values.summary ? stripInline(values.summary) : ''),
      severity: values.severity,
      status: values.status,
      detected: values.detected,
      resolved: values.resolved,
      roles: values.roles,
      fields,
      timeline,
      checklist,
      actionItems,
      line: section.headingLine + 1,
      source: 'section',
      start,
      end,
      level: section.level,
      bodyStart,
      timelineSlot,
      fieldSlot: this.fieldSlot(fields, section),
    };
    if (!incident.id && values.id) {
      incident.id = stripInline(values.id);
      incident.idWritten = true;
    }
    return incident;
  }

  /**
   * An incident whose heading gave its id and title: its body (fields, timeline, checklist,
   * action items) is read on first access and kept. Listing ids or finding one incident in a
   * big log so costs one scan, not a parse of every section.
   */
  private lazySectionIncident(section: Section, facts: HeadingFacts): Incident {
    const lines = this.lines;
    const start = lines.starts[section.headingLine];
    const end = section.endLine < lines.starts.length ? lines.starts[section.endLine] : this.text.length;
    const bodyStart = section.bodyLine < lines.starts.length ? lines.starts[section.bodyLine] : this.text.length;
    const incident = new LazySectionIncident(facts.id as string, facts.title, section.headingLine + 1, start, end, section.level, bodyStart, () => this.buildSectionIncident(section, facts));
    this.lazy.push(incident);
    return incident;
  }

  /** Reads every incident body not read yet (their problems join the index's). */
  materializeAll(): void {
    for (const incident of this.lazy) incident.body();
  }

  private fieldSlot(fields: Field[], section: Section): Incident['fieldSlot'] {
    // New fields go after the last field of the first run of fields (not inside a table of them).
    const listFields = fields.filter((f) => f.style !== 'table');
    const last = listFields.length ? listFields[listFields.length - 1] : undefined;
    if (last) {
      const li = last.line;
      const line = this.lineText(li);
      const indent = /^\s*/.exec(line)?.[0] ?? '';
      const next = li + 1 < this.lines.starts.length ? this.lines.starts[li + 1] : this.text.length;
      return { insertAt: next, style: last.style, indent };
    }
    const bodyStart = section.bodyLine < this.lines.starts.length ? this.lines.starts[section.bodyLine] : this.text.length;
    return { insertAt: bodyStart, style: 'list-bold', indent: '' };
  }

  private fieldValues(fields: Field[], facts: HeadingFacts) {
    const policy = this.policy;
    const first = (k: CanonicalField) => fields.find((f) => f.canonical === k && f.value.trim() !== '')?.value;
    const sevText = first('severity') ?? facts.severityText;
    const sevPlain = sevText ? stripInline(sevText) : null;
    const severity = sevPlain ? (matchSeverity(policy, sevPlain)?.id ?? sevPlain) : null;
    const statusPlain = first('status') ? stripInline(first('status') as string) : null;
    const status = statusPlain ? (matchStatus(policy, statusPlain) ?? statusPlain) : null;
    const time = (k: CanonicalField): string | null => {
      const f = fields.find((x) => x.canonical === k && x.value.trim() !== '');
      if (!f) return null;
      const p = parseTimeValue(stripInline(f.value), policy.timeZone);
      if (!p) return null;
      if (p.invalid || !p.value) {
        this.problems.push({ code: 'bad-date', message: `"${stripInline(f.value)}" is not a real date or time.`, line: f.line + 1, severity: 'warning' });
        return null;
      }
      return p.value;
    };
    const person = (k: CanonicalField) => {
      const v = first(k);
      if (!v) return null;
      const plain = stripInline(v).replace(/^@/, '').trim();
      return plain && !/^(tbd|none|n\/a|-|unassigned|—)$/i.test(plain) ? plain : null;
    };
    return {
      severity,
      status,
      detected: time('detected') ?? facts.date,
      resolved: time('resolved'),
      roles: { commander: person('commander'), techLead: person('techLead'), commsLead: person('commsLead') },
      title: first('title') ?? null,
      summary: first('summary') ?? null,
      id: first('id') ?? null,
    };
  }

  private readTimeline(from: number, to: number, headingLine: number, day: string | null, out: TimelineEntry[]): { slot: TimelineSlot; found: boolean } {
    const lines = this.lines;
    const zone = this.policy.timeZone;
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
      const line = this.lineText(li);
      const table = tableAt(this.text, lines, li, to);
      if (table) {
        const roles = table.headers.map((h) => h.replace(/\s*\([^)]*\)\s*/g, '').trim()).map((h) => (TIME_HEADERS.test(h) ? (/^date|datum|fecha|data$/i.test(h) ? 'date' : 'time') : TEXT_HEADERS.test(h) ? 'text' : OWNER_HEADERS.test(h) ? 'owner' : 'other')) as NonNullable<TimelineSlot['columns']>;
        if (roles.includes('time') || roles.includes('date')) {
          if (!roles.includes('text')) {
            const other = roles.indexOf('other');
            if (other !== -1) roles[other] = 'text';
          }
          for (let r = table.firstRow; r <= table.lastRow; r++) {
            const cells = splitTableRow(this.lineText(r)).cells;
            const get = (role: string) => {
              const i = roles.indexOf(role as never);
              return i >= 0 && i < cells.length ? stripInline(cells[i]) : '';
            };
            const stamp = [get('date'), get('time')].filter(Boolean).join(' ');
            const entry = readTimelineItem(stamp, day, zone);
            let at: string | null = entry ? entry.at : null;
            if (entry && entry.kind === 'date') at = entry.at;
            const owner = get('owner').replace(/^@/, '') || null;
            out.push({ at, text: get('text'), owner, line: r });
          }
          const next = table.lastRow + 1 < lines.starts.length ? lines.starts[table.lastRow + 1] : this.text.length;
          return { slot: { style: 'table', insertAt: next, columns: roles }, found: true };
        }
        li = table.lastRow;
        continue;
      }
      const m = LIST_ITEM.exec(line);
      if (m) {
        const entry = readTimelineItem(m[4], day, zone);
        if (entry) {
          if (entry.invalid) this.problems.push({ code: 'bad-date', message: `The timeline entry on line ${li + 1} has an impossible time.`, line: li + 1, severity: 'warning' });
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
      if (insertLine < to && this.lineText(insertLine).trim() === '') insertLine++;
    }
    // Newest-first timelines get new entries at the top.
    const entries = out.slice(before);
    if (entries.length >= 2) {
      const a = entries[0].at;
      const b = entries[entries.length - 1].at;
      if (a && b && a > b) insertLine = firstItemLine;
    }
    const insertAt = insertLine < lines.starts.length ? lines.starts[insertLine] : this.text.length;
    return { slot: { style: 'list', insertAt, bullet, indent, boldTime, timeOnly }, found };
  }

  private readTasks(from: number, to: number, out: ChecklistItem[]) {
    for (let li = from; li < to; li++) {
      if (this.lines.skip[li]) continue;
      if (!hasChar(this.text, 91 /* [ */, this.lines.starts[li], this.lines.ends[li])) continue;
      const m = LIST_ITEM.exec(this.lineText(li));
      if (!m) continue;
      const t = TASK.exec(m[4]);
      if (t) out.push({ done: t[1] !== ' ', text: stripInline(t[2]), line: li });
    }
  }

  private readActionItems(from: number, to: number, out: ActionItem[]) {
    for (let li = from; li < to; li++) {
      if (this.lines.skip[li]) continue;
      const line = this.lineText(li);
      const m = LIST_ITEM.exec(line);
      if (m && indentWidth(m[1]) <= 3) {
        const t = TASK.exec(m[4]);
        const body = t ? t[2] : m[4];
        const { text, owner } = extractOwner(body);
        const inlineOwner = owner ?? /(?:^|\s)@([\p{L}\p{N}._-]+)/u.exec(body)?.[1] ?? null;
        out.push({ done: t ? t[1] !== ' ' : false, text: stripInline(text), owner: inlineOwner, line: li });
        continue;
      }
      const table = tableAt(this.text, this.lines, li, to);
      if (table) {
        const textCol = table.headers.findIndex((h) => /action|item|task|what|description|title/i.test(h));
        const ownerCol = table.headers.findIndex((h) => OWNER_HEADERS.test(h));
        const statusCol = table.headers.findIndex((h) => /status|state|done/i.test(h));
        for (let r = table.firstRow; r <= table.lastRow; r++) {
          const cells = splitTableRow(this.lineText(r)).cells.map(stripInline);
          const status = statusCol >= 0 ? (cells[statusCol] ?? '') : '';
          out.push({
            done: /^(done|closed|complete|completed|resolved|✅|x)$/i.test(status),
            text: cells[textCol >= 0 ? textCol : 0] ?? '',
            owner: ownerCol >= 0 ? (cells[ownerCol] ?? '').replace(/^@/, '') || null : null,
            line: r,
          });
        }
        li = table.lastRow;
      }
    }
  }

  /** Table-row logs (a row per incident) and index tables linking per-incident files. */
  private findTableIncidents(from: number, to: number, out: Incident[]) {
    const lines = this.lines;
    for (let li = from; li < to; li++) {
      if (lines.skip[li] || lines.level[li]) continue;
      if (this.text.charCodeAt(lines.starts[li]) !== 124 /* | */ && !looksLikeTableRow(this.lineText(li))) continue;
      const table = tableAt(this.text, lines, li, to);
      if (!table) continue;
      li = table.lastRow;
      const headers = table.headers.map((h) => h.toLowerCase());
      const col = (re: RegExp, canonical?: CanonicalField) =>
        headers.findIndex((h) => re.test(h) || (canonical !== undefined && canonicalField(this.policy, h) === canonical));
      const idCol = col(ID_HEADERS, 'id');
      const dateCol = col(/^(date|detected|started|when|day|datum|fecha)$/, 'detected');
      const sevCol = col(/^(severity|sev|priority|level|schweregrad|gravedad|sévérité)$/, 'severity');
      const titleCol = headers.findIndex((h, i) => i !== idCol && TITLE_HEADERS.test(h));
      if (!((idCol >= 0 || dateCol >= 0) && (sevCol >= 0 || titleCol >= 0))) continue;
      for (let r = table.firstRow; r <= table.lastRow; r++) out.push(this.tableRowIncident(r, table, idCol, titleCol));
    }
  }

  private tableRowIncident(r: number, table: TableInfo, idCol: number, titleCol: number): Incident {
    const lines = this.lines;
    const rawLine = this.lineText(r);
    const row = splitTableRow(rawLine);
    const fields: Field[] = [];
    for (let c = 0; c < table.headers.length && c < row.cells.length; c++) {
      const f = this.tableField(r, c, c, table.headers[c]);
      if (f) fields.push(f);
    }
    const link = /\[([^\]]*)\]\(([^)\s]+\.md)(?:#[^)]*)?\)/i.exec(rawLine);
    let idText = idCol >= 0 ? stripInline(row.cells[idCol] ?? '') : '';
    const facts = readHeading(idText, this.policy);
    let id: string | null = facts.id ?? (idText && idCol >= 0 && /^[\w#-]+$/.test(idText) ? idText : null);
    let title = titleCol >= 0 ? stripInline(row.cells[titleCol] ?? '') : '';
    if (!title && link) title = stripInline(link[1]);
    const values = this.fieldValues(fields, { id, title, severityText: null, date: null });
    const start = lines.starts[r];
    const end = r + 1 < lines.starts.length ? lines.starts[r + 1] : this.text.length;
    let incident: Incident = {
      id: id ?? '',
      idWritten: id !== null,
      title,
      severity: values.severity,
      status: values.status,
      detected: values.detected,
      resolved: values.resolved,
      roles: values.roles,
      fields,
      timeline: [],
      checklist: [],
      actionItems: [],
      line: r + 1,
      source: 'table-row',
      start,
      end,
      level: 0,
      bodyStart: end,
    };
    if (link && !/^[a-z]+:/i.test(link[2]) && this.options.readFile) {
      const href = decodeURI(link[2]);
      let fileText: string | undefined;
      try {
        fileText = this.options.readFile(href);
      } catch {
        fileText = undefined;
      }
      if (fileText === undefined) {
        this.problems.push({ code: 'unreadable-link', message: `The linked file ${href} could not be read.`, line: r + 1, severity: 'warning', incidentId: id ?? undefined });
      } else {
        incident = mergeLinked(incident, indexIncidentFile(fileText, this.policy), href);
        idText = incident.id;
        id = incident.id || null;
      }
    }
    return incident;
  }

  private singleIncident(bodyLine: number): Incident[] {
    const h = this.headings.find((x) => x.line >= bodyLine && x.level <= 4);
    const headingLine = h ? h.line : bodyLine;
    const section: Section = {
      headingLine,
      level: h ? h.level : 1,
      headingText: h ? h.text : '',
      bodyLine: h ? h.line + 1 : bodyLine,
      endLine: this.lines.starts.length,
    };
    const facts = h ? readHeading(h.text, this.policy) : { id: null, title: '', severityText: null, date: null };
    // Front matter keys (`severity: SEV-2`) are fields too: a line scan gives their offsets (so a
    // write replaces just the value), and gray-matter their values as YAML means them.
    const frontFields = this.readFrontMatterFields(bodyLine);
    if (bodyLine > 0) this.applyFrontMatterValues(bodyLine, frontFields);
    const incident = this.buildSectionIncident(section, facts);
    if (frontFields.length) {
      incident.fields = [...frontFields, ...incident.fields];
      const values = this.fieldValues(incident.fields, facts);
      Object.assign(incident, {
        severity: values.severity,
        status: values.status,
        detected: values.detected,
        resolved: values.resolved,
        roles: values.roles,
      });
      if (!incident.title && values.title) incident.title = stripInline(values.title);
      if (!incident.id && values.id) {
        incident.id = stripInline(values.id);
        incident.idWritten = true;
      }
    }
    return [incident];
  }

  private applyFrontMatterValues(bodyLine: number, fields: Field[]): void {
    const yaml = this.text.slice(this.lines.starts[0], this.lines.ends[bodyLine - 1]).replace(/\r\n/g, '\n');
    let data: Record<string, unknown>;
    try {
      data = parseFrontMatter(`${yaml}\n`).data;
    } catch (e) {
      const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
      this.problems.push({ code: 'bad-front-matter', message: `The front matter is not valid YAML: ${reason}`, line: 1, severity: 'warning' });
      return;
    }
    for (const field of fields) {
      const value = data[field.key];
      if (value instanceof Date && !Number.isNaN(value.getTime())) {
        // YAML reads `2026-03-04` as a date: keep it a day when that is all that was written.
        field.value = /^\d{4}-\d{2}-\d{2}$/.test(field.value) ? value.toISOString().slice(0, 10) : value.toISOString().replace(/\.000Z$/, 'Z');
      } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        field.value = String(value);
      }
    }
  }

  private readFrontMatterFields(bodyLine: number): Field[] {
    const out: Field[] = [];
    for (let li = 1; li < bodyLine - 1; li++) {
      const line = this.lineText(li);
      const m = /^([A-Za-z][\w -]{0,40}):[ \t]*(.*?)[ \t]*$/.exec(line);
      if (!m || !canonicalField(this.policy, m[1].replace(/[_-]/g, ' '))) continue;
      let value = m[2];
      let valueStart = line.length - line.slice(m[1].length + 1).trimStart().length;
      // Quoted YAML scalars: the quotes are syntax, not value.
      const q = /^(["'])(.*)\1$/.exec(value);
      if (q) {
        value = q[2];
        valueStart += 1;
      }
      const base = this.lines.starts[li];
      out.push({ key: m[1], canonical: canonicalField(this.policy, m[1].replace(/[_-]/g, ' ')), value, style: 'plain', line: li, valueStart: base + valueStart, valueEnd: base + valueStart + value.length });
    }
    return out;
  }

  private assignDerivedIds(incidents: Incident[]) {
    const used = new Set(incidents.filter((i) => i.idWritten).map((i) => i.id));
    for (const inc of incidents) {
      if (inc.idWritten && inc.id) continue;
      const day = inc.detected ? (dayOf(inc.detected, this.policy.timeZone) ?? '') : '';
      const slug = slugify(inc.title);
      let base = [day, slug].filter(Boolean).join('-') || `line-${inc.line}`;
      if (!base) base = `line-${inc.line}`;
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      inc.id = id;
      inc.idWritten = false;
    }
  }

  private declareSlot(incidents: Incident[], bodyLine: number): LogIndex['declareSlot'] {
    const sections = incidents.filter((i) => i.source === 'section');
    if (sections.length === 0) {
      return { insertAt: this.text.length, level: 2 };
    }
    const level = sections[0].level;
    // The order is judged from the first and the last dated incidents only: no need to read all.
    const first = sections.find((i) => i.detected);
    let last: Incident | undefined;
    for (let k = sections.length - 1; k >= 0 && !last; k--) if (sections[k].detected) last = sections[k];
    const oldestFirst = !!first && !!last && first !== last && (first.detected as string) < (last.detected as string);
    if (oldestFirst) {
      const last = sections[sections.length - 1];
      return { insertAt: last.end, level };
    }
    void bodyLine;
    return { insertAt: sections[0].start, level };
  }
}

/**
 * A section incident whose body is read on first use. Its values live behind prototype getters,
 * so code that copies incidents must read properties (or JSON.stringify, which uses toJSON), not
 * spread them.
 */
/**
 * An incident whose values come from elsewhere on demand: `values()` for what an edit cannot
 * move (severity, roles, ...), `body()` for what carries offsets and line numbers.
 */
abstract class DeferredIncident implements Incident {
  abstract readonly id: string;
  abstract readonly idWritten: boolean;
  abstract readonly title: string;
  abstract readonly line: number;
  abstract readonly source: Incident['source'];
  abstract readonly start: number;
  abstract readonly end: number;
  abstract readonly level: number;
  abstract readonly bodyStart: number;
  abstract body(): Incident;
  protected abstract values(): Incident;

  get severity() {
    return this.values().severity;
  }
  get status() {
    return this.values().status;
  }
  get detected() {
    return this.values().detected;
  }
  get resolved() {
    return this.values().resolved;
  }
  get roles() {
    return this.values().roles;
  }
  get fields() {
    return this.body().fields;
  }
  get timeline() {
    return this.body().timeline;
  }
  get checklist() {
    return this.body().checklist;
  }
  get actionItems() {
    return this.body().actionItems;
  }
  get timelineSlot() {
    return this.body().timelineSlot;
  }
  get fieldSlot() {
    return this.body().fieldSlot;
  }
  toJSON(): Incident {
    return plainIncident(this);
  }
}

class LazySectionIncident extends DeferredIncident {
  readonly idWritten = true;
  readonly source = 'section' as const;
  private full: Incident | undefined;

  constructor(
    public id: string,
    readonly title: string,
    readonly line: number,
    readonly start: number,
    readonly end: number,
    readonly level: number,
    readonly bodyStart: number,
    private readonly read: () => Incident,
  ) {
    super();
  }

  body(): Incident {
    return (this.full ??= this.read());
  }
  protected values(): Incident {
    return this.body();
  }
}

/** A plain-object copy of an incident (safe to spread, post to a webview or structured-clone). */
export function plainIncident(i: Incident): Incident {
  return {
    id: i.id,
    idWritten: i.idWritten,
    title: i.title,
    severity: i.severity,
    status: i.status,
    detected: i.detected,
    resolved: i.resolved,
    roles: i.roles,
    fields: i.fields,
    timeline: i.timeline,
    checklist: i.checklist,
    actionItems: i.actionItems,
    line: i.line,
    source: i.source,
    ...(i.file !== undefined ? { file: i.file } : {}),
    start: i.start,
    end: i.end,
    level: i.level,
    bodyStart: i.bodyStart,
    timelineSlot: i.timelineSlot,
    fieldSlot: i.fieldSlot,
  };
}

function mergeLinked(row: Incident, fileIndex: LogIndex, href: string): Incident {
  const inner = fileIndex.incidents[0];
  if (!inner) return { ...row, source: 'linked-file', file: href };
  return {
    ...row,
    id: row.idWritten ? row.id : inner.idWritten ? inner.id : row.id,
    idWritten: row.idWritten || inner.idWritten,
    title: inner.title || row.title,
    severity: inner.severity ?? row.severity,
    status: inner.status ?? row.status,
    detected: inner.detected ?? row.detected,
    resolved: inner.resolved ?? row.resolved,
    roles: {
      commander: inner.roles.commander ?? row.roles.commander,
      techLead: inner.roles.techLead ?? row.roles.techLead,
      commsLead: inner.roles.commsLead ?? row.roles.commsLead,
    },
    timeline: inner.timeline,
    checklist: inner.checklist,
    actionItems: inner.actionItems,
    source: 'linked-file',
    file: href,
  };
}

/** Indexes a log. Never throws on any text; what it cannot read it reports in `problems`. */
export function indexLog(text: string, options: IndexOptions = {}): LogIndex {
  const index = new Indexer(text, options).run();
  indexOptions.set(index, options);
  return index;
}

/** The options each index was made with, so that a re-index can tell whether it may reuse it. */
const indexOptions = new WeakMap<LogIndex, IndexOptions>();

/**
 * An incident moved by an edit before it: same text, offsets and line numbers shifted. Its body
 * is shifted on first access, so re-indexing after a one-line edit does not read 2,000 bodies.
 */
class ShiftedIncident extends DeferredIncident {
  readonly id: string;
  readonly idWritten: boolean;
  readonly title: string;
  readonly line: number;
  readonly source: Incident['source'];
  readonly file?: string;
  readonly start: number;
  readonly end: number;
  readonly level: number;
  readonly bodyStart: number;
  private shifted: Incident | undefined;

  constructor(
    readonly base: Incident,
    readonly delta: number,
    readonly lineDelta: number,
  ) {
    super();
    this.id = base.id;
    this.idWritten = base.idWritten;
    this.title = base.title;
    this.line = base.line + lineDelta;
    this.source = base.source;
    if (base.file !== undefined) this.file = base.file;
    this.start = base.start + delta;
    this.end = base.end + delta;
    this.level = base.level;
    this.bodyStart = base.bodyStart + delta;
  }

  body(): Incident {
    if (this.shifted) return this.shifted;
    const b = this.base;
    const d = this.delta;
    const l = this.lineDelta;
    this.shifted = {
      ...plainIncident(b),
      fields: b.fields.map((f) => ({ ...f, line: f.line + l, valueStart: f.valueStart + d, valueEnd: f.valueEnd + d })),
      timeline: b.timeline.map((e) => ({ ...e, line: e.line + l })),
      checklist: b.checklist.map((c) => ({ ...c, line: c.line + l })),
      actionItems: b.actionItems.map((a) => ({ ...a, line: a.line + l })),
      timelineSlot: b.timelineSlot ? { ...b.timelineSlot, insertAt: b.timelineSlot.insertAt + d } : undefined,
      fieldSlot: b.fieldSlot ? { ...b.fieldSlot, insertAt: b.fieldSlot.insertAt + d } : undefined,
    };
    return this.shifted;
  }
  protected values(): Incident {
    return this.base;
  }
}

/** Characters whose appearance or removal can change how lines around them are classified. */
const STRUCTURAL = /[`~#<>|\r]|^(?: {4}|\t)|^(?:---|\.\.\.)\s*$/m;

const CHUNK = 4096;

/**
 * Makes V8 store a string produced by concatenation (every edit is one) as one flat buffer. On a
 * concatenated 2 MB log, a charCodeAt loop was measured at 21.6 ms against 11.7 ms once flattened.
 */
function flatten(text: string): void {
  // ToNumber flattens the string first; the number itself is thrown away.
  void (Number(text.slice(0, 0) + text) || 0);
}

/**
 * Length of the common prefix. Compares 4 KB slices (a memory compare each, and it flattens the
 * concatenated strings an edit produces) before looking at single characters.
 */
function commonPrefix(x: string, y: string): number {
  const max = Math.min(x.length, y.length);
  let i = 0;
  while (i + CHUNK <= max && x.slice(i, i + CHUNK) === y.slice(i, i + CHUNK)) i += CHUNK;
  const xs = x.slice(i, Math.min(max, i + CHUNK));
  const ys = y.slice(i, Math.min(max, i + CHUNK));
  let k = 0;
  while (k < xs.length && xs.charCodeAt(k) === ys.charCodeAt(k)) k++;
  return i + k;
}

/** Length of the common suffix, at most `limit` characters. */
function commonSuffix(x: string, y: string, limit: number): number {
  let n = 0;
  while (n + CHUNK <= limit && x.slice(x.length - n - CHUNK, x.length - n) === y.slice(y.length - n - CHUNK, y.length - n)) n += CHUNK;
  const span = Math.min(CHUNK, limit - n);
  const xs = x.slice(x.length - n - span, x.length - n);
  const ys = y.slice(y.length - n - span, y.length - n);
  let k = 0;
  while (k < span && xs.charCodeAt(span - 1 - k) === ys.charCodeAt(span - 1 - k)) k++;
  return n + k;
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Re-indexes `text`, an edit of `prev.text`. When the edit stays inside one incident's body and
 * touches nothing structural (headings, fences, comments, tables, indented code), only that
 * section is read again and every other incident is reused, shifted; otherwise it is a full
 * index. The result is always what `indexLog(text)` would give.
 */
export function reindexLog(prev: LogIndex, text: string, options: IndexOptions = {}): LogIndex {
  const prevOptions = indexOptions.get(prev);
  if (!prevOptions || prevOptions.policy !== options.policy || prevOptions.readFile !== options.readFile || prevOptions.singleIncident || options.singleIncident) {
    return indexLog(text, options);
  }
  const old = prev.text;
  if (old === text) return prev;
  // The changed region: old [a, oldEnd) became new [a, newEnd).
  const a = commonPrefix(old, text);
  const tail = commonSuffix(old, text, Math.min(old.length, text.length) - a);
  const oldEnd = old.length - tail;
  const newEnd = text.length - tail;
  const from = lineStartAt(old, a);
  const oldTo = nextLineStart(old, oldEnd);
  const newTo = nextLineStart(text, newEnd);
  const delta = text.length - old.length;
  if (STRUCTURAL.test(old.slice(from, oldTo)) || STRUCTURAL.test(text.slice(from, newTo)) || from < prev.bodyStart) return indexLog(text, options);
  // The line after the edit: an indented one could change between list text and code.
  const after = text.charCodeAt(newTo);
  if (after === 32 || after === 9) return indexLog(text, options);
  const k = prev.incidents.findIndex((i) => i.start < from && oldTo <= i.end);
  const target = k === -1 ? undefined : prev.incidents[k];
  if (!target || target.source !== 'section' || !target.idWritten || oldTo > target.end || from < target.bodyStart) return indexLog(text, options);
  if (prev.incidents.some((i) => i.source !== 'section')) return indexLog(text, options);

  const sectionText = text.slice(target.start, target.end + delta);
  const sectionIndex = new Indexer(sectionText, { ...options, singleIncident: true }).run();
  const fresh = sectionIndex.incidents[0];
  if (!fresh || fresh.id !== target.id || fresh.level !== target.level) return indexLog(text, options);
  const headingLine = target.line - 1;
  const lineDelta = countLines(text, from, newTo) - countLines(old, from, oldTo);
  const incidents = prev.incidents.map((inc, i) => {
    if (i < k) return inc;
    if (i === k) return new ShiftedIncident(fresh, target.start, headingLine);
    // Shifts compose, so a long editing session never builds chains of wrappers.
    if (inc instanceof ShiftedIncident) return new ShiftedIncident(inc.base, inc.delta + delta, inc.lineDelta + lineDelta);
    return new ShiftedIncident(inc, delta, lineDelta);
  });
  let full: LogIndex | undefined;
  const complete = () => (full ??= indexLog(text, options));
  const index: LogIndex = {
    text,
    eol: prev.eol,
    bom: prev.bom,
    bodyStart: prev.bodyStart,
    incidents,
    // Problems and the declare slot depend on the whole log: computed in full when asked.
    get problems() {
      return complete().problems;
    },
    hasConflicts: prev.hasConflicts,
    get declareSlot() {
      return complete().declareSlot;
    },
    // A final line break ends the last line rather than starting one, as in scanLines.
    lineCount: prev.lineCount + lineDelta + (old.endsWith('\n') ? 1 : 0) - (text.endsWith('\n') ? 1 : 0),
  };
  indexOptions.set(index, options);
  return index;
}

/** Indexes a per-incident file (front matter + one incident). */
export function indexIncidentFile(text: string, policy?: Policy): LogIndex {
  return new Indexer(text, { policy, singleIncident: true }).run();
}

export function findIncident(index: LogIndex, id: string): Incident | undefined {
  const want = id.trim();
  const lower = want.toLowerCase();
  return index.incidents.find((i) => i.id === want) ?? index.incidents.find((i) => i.id.toLowerCase() === lower);
}

export function isActive(incident: Incident, policy: Policy): boolean {
  return !isResolvedStatus(policy, incident.status) && !incident.resolved;
}
