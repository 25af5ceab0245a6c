// Block structure as CommonMark 0.31.2 defines it, as far as deciding which lines are headings:
// fenced code (also inside list items, where the item's end closes the fence), indented code,
// the seven kinds of HTML block, list items as containers, and lazy paragraph continuation.
// The Incidents view must never see an incident where VS Code's preview (markdown-it) sees
// code or HTML, nor miss one where it sees a heading. One pass over character codes; every
// look-ahead stays inside the current line, so the pass is linear in the text.
import type { Problem } from '../model';
import { defaultPolicy } from '../playbook/policy';
import { readHeading } from './headings';
import { type Heading, type Lines, atxHeadingContent, isListMarker } from './lineScan';

const enum Block {
  None,
  Fence,
  /** HTML blocks of kinds 1–5: they run to the line holding their end marker. */
  HtmlToMarker,
  /** HTML blocks of kinds 6 and 7: they run to the next blank line. */
  HtmlToBlank,
  Indented,
}

/** Tag names that open an HTML block of kind 6 (CommonMark 0.31.2, §4.6). */
const BLOCK_TAGS = new Set(
  'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead title tr track ul'.split(' '),
);
const RAW_TAGS = new Set(['pre', 'script', 'style', 'textarea']);
const MAX_MARKERS_PER_LINE = 16;

interface HtmlStart {
  kind: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  /** What closes kinds 1–5 (kind 1: any of the four raw end tags). */
  end: string;
  /** How the block opened, for messages: `<style`, `<!--`, `<div`. */
  opener: string;
}

/** A line inside code or HTML that looks like a heading: a candidate for a `check` finding. */
interface Swallowed {
  line: number;
  why: string;
  fix: string;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isTagNameChar(c: number): boolean {
  return isAsciiLetter(c) || (c >= 48 && c <= 57) || c === 45;
}

/** `\s` as markdown-it's HTML patterns read it, within one line. */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 13 || c === 10;
}

/** Whether only blanks follow `from` up to `to`. */
function restIsBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isBlank(text.charCodeAt(i))) return false;
  return true;
}

/** Whether the line [p, e) is a thematic break: three or more `-`, `*` or `_`, and blanks. */
export function isThematicBreak(text: string, p: number, e: number): boolean {
  const c = text.charCodeAt(p);
  if (c !== 45 && c !== 42 && c !== 95) return false;
  let n = 0;
  for (let i = p; i < e; i++) {
    const d = text.charCodeAt(i);
    if (d === c) n++;
    else if (!isBlank(d)) return false;
  }
  return n >= 3;
}

/** Length of a code-fence opener at `q` (3+ backticks or tildes; a backtick fence's info has no backtick), or 0. */
function fenceOpener(text: string, q: number, e: number): number {
  const c = text.charCodeAt(q);
  if (c !== 96 && c !== 126) return 0;
  let r = q;
  while (r < e && text.charCodeAt(r) === c) r++;
  if (r - q < 3) return 0;
  if (c === 96) for (let i = r; i < e; i++) if (text.charCodeAt(i) === 96) return 0;
  return r - q;
}

/**
 * A complete open or closing tag at `q` followed only by blanks (HTML block kind 7), scanned by
 * hand with markdown-it's grammar: `<name attr="v" attr2=v attr3>` or `</name >`.
 */
function isCompleteTagLine(text: string, q: number, e: number): boolean {
  let i = q + 1;
  const closing = text.charCodeAt(i) === 47;
  if (closing) i++;
  if (!isAsciiLetter(text.charCodeAt(i))) return false;
  while (i < e && isTagNameChar(text.charCodeAt(i))) i++;
  if (closing) {
    while (i < e && isSpace(text.charCodeAt(i))) i++;
    return text.charCodeAt(i) === 62 && restIsBlank(text, i + 1, e);
  }
  for (;;) {
    const spaceFrom = i;
    while (i < e && isSpace(text.charCodeAt(i))) i++;
    const c = text.charCodeAt(i);
    if (c === 62) return restIsBlank(text, i + 1, e);
    if (c === 47) return text.charCodeAt(i + 1) === 62 && restIsBlank(text, i + 2, e);
    // An attribute needs white space before it.
    if (i === spaceFrom || i >= e) return false;
    if (!(isAsciiLetter(c) || c === 95 || c === 58)) return false;
    i++;
    while (i < e) {
      const d = text.charCodeAt(i);
      if (isAsciiLetter(d) || (d >= 48 && d <= 57) || d === 95 || d === 46 || d === 58 || d === 45) i++;
      else break;
    }
    let k = i;
    while (k < e && isSpace(text.charCodeAt(k))) k++;
    if (text.charCodeAt(k) !== 61) continue; // no value
    k++;
    while (k < e && isSpace(text.charCodeAt(k))) k++;
    const v = text.charCodeAt(k);
    if (v === 34 || v === 39) {
      const close = text.indexOf(String.fromCharCode(v), k + 1);
      if (close === -1 || close >= e) return false;
      i = close + 1;
    } else {
      const from = k;
      while (k < e) {
        const d = text.charCodeAt(k);
        if (d <= 32 || d === 34 || d === 39 || d === 61 || d === 60 || d === 62 || d === 96) break;
        k++;
      }
      if (k === from) return false;
      i = k;
    }
  }
}

/** The HTML block an HTML-looking line at `q` opens, if any. */
function htmlBlockStart(text: string, q: number, e: number, inParagraph: boolean): HtmlStart | undefined {
  if (text.charCodeAt(q) !== 60) return undefined;
  if (text.startsWith('<!--', q)) return { kind: 2, end: '-->', opener: '<!--' };
  if (text.startsWith('<?', q)) return { kind: 3, end: '?>', opener: '<?' };
  if (text.startsWith('<![CDATA[', q)) return { kind: 5, end: ']]>', opener: '<![CDATA[' };
  if (text.charCodeAt(q + 1) === 33 && isAsciiLetter(text.charCodeAt(q + 2))) return { kind: 4, end: '>', opener: '<!' };
  const closing = text.charCodeAt(q + 1) === 47;
  const nameFrom = q + (closing ? 2 : 1);
  let nameTo = nameFrom;
  while (nameTo < e && nameTo - nameFrom < 16 && isTagNameChar(text.charCodeAt(nameTo))) nameTo++;
  const name = text.slice(nameFrom, nameTo).toLowerCase();
  const after = nameTo < e ? text.charCodeAt(nameTo) : -1;
  if (!closing && RAW_TAGS.has(name) && (after === -1 || isSpace(after) || after === 62)) return { kind: 1, end: '', opener: `<${name}` };
  if (BLOCK_TAGS.has(name) && (after === -1 || isSpace(after) || after === 62 || (after === 47 && text.charCodeAt(nameTo + 1) === 62))) {
    return { kind: 6, end: '', opener: `<${closing ? '/' : ''}${name}` };
  }
  // Kind 7 (any complete tag alone on its line) cannot interrupt a paragraph.
  if (!inParagraph && isCompleteTagLine(text, q, e)) return { kind: 7, end: '', opener: text.slice(q, Math.min(nameTo, q + 20)) };
  return undefined;
}

/** Whether the line [s, e) holds the end marker of an HTML block of kinds 1–5. */
function endsHtmlBlock(text: string, s: number, e: number, start: HtmlStart): boolean {
  if (start.kind !== 1) {
    const at = text.indexOf(start.end, s);
    return at !== -1 && at + start.end.length <= e;
  }
  // Kind 1 ends at any of the four raw end tags, in any case.
  for (let i = text.indexOf('</', s); i !== -1 && i < e; i = text.indexOf('</', i + 2)) {
    let k = i + 2;
    while (k < e && k - i < 12 && isAsciiLetter(text.charCodeAt(k))) k++;
    if (text.charCodeAt(k) === 62 && RAW_TAGS.has(text.slice(i + 2, k).toLowerCase())) return true;
  }
  return false;
}

/** Whether a line that could be a lazy paragraph continuation instead starts a block of its own. */
function interruptsParagraph(text: string, p: number, e: number, indent: number): boolean {
  if (indent >= 4) return false;
  const c = text.charCodeAt(p);
  if (c === 35) {
    let n = 0;
    while (text.charCodeAt(p + n) === 35) n++;
    const after = p + n < e ? text.charCodeAt(p + n) : -1;
    if (n <= 6 && (after === -1 || isBlank(after))) return true;
  }
  if (c === 62) return true;
  if (fenceOpener(text, p, e)) return true;
  if (isThematicBreak(text, p, e) || isListMarker(text, p, e)) return true;
  const html = htmlBlockStart(text, p, e, true);
  return html !== undefined;
}

/** Heading-like lines (levels 2–4) inside a code fence that is never closed. */
export interface HiddenByFence {
  fenceLine: number;
  /** Their lines, the first HIDDEN_KEPT of them. */
  lines: number[];
}

const HIDDEN_KEPT = 500;

/** What classify carries from line to line. */
interface BlockState {
  text: string;
  lines: Lines;
  /** Whether to collect HiddenByFence lines. */
  hideFence: boolean;
  headings: Heading[];
  /** Swallowed heading-like lines of kind-6/7 HTML blocks, reported whatever follows. */
  swallowed: Swallowed[];
  /**
   * The lines of those of the open fence or HTML block: reported only if it is never closed, so
   * their notes are written then (a log of fenced examples holding `## …` would otherwise build
   * two sentences for every one of them).
   */
  pending: number[];
  /** How many of `pending` belong to the open block: the array is reused, not made anew for every block. */
  pendingCount: number;
  /** Content columns of the open list items, innermost last. */
  items: number[];
  block: Block;
  blockLine: number;
  /** Content column of the container the open block belongs to: a line left of it ends the block. */
  blockIndent: number;
  fenceCode: number;
  fenceLen: number;
  html: HtmlStart | undefined;
  inParagraph: boolean;
  /** Heading-like lines of the open fence (see HiddenByFence). */
  fenceHidden: number[];
  /** How many of `fenceHidden` belong to the open fence (reused likewise). */
  fenceHiddenCount: number;
  /** The current line: first non-blank offset and indent column (set by measureIndent). */
  p: number;
  indent: number;
  /** Lines written like a heading with no space after the hashes (`##1 Title`): text to Markdown. */
  noSpaceHeadings: number[];
}

/** Marks code, HTML blocks and headings (run after markFrontMatter). Returns the headings. */
export function classify(text: string, lines: Lines, problems: Problem[], hidden?: { fence?: HiddenByFence }): Heading[] {
  const st: BlockState = {
    text, lines, hideFence: hidden !== undefined, headings: [], swallowed: [], pending: [], items: [],
    block: Block.None, blockLine: -1, blockIndent: 0, fenceCode: 0, fenceLen: 0, html: undefined, inParagraph: false, fenceHidden: [], fenceHiddenCount: 0, pendingCount: 0, p: 0, indent: 0, noSpaceHeadings: [],
  };
  const count = lines.starts.length;
  for (let li = 0; li < count; li++) {
    if (lines.skip[li]) continue; // front matter
    const e = lines.ends[li];
    measureIndent(st, lines.starts[li], e);
    const blank = st.p === e;
    if (st.block !== Block.None && continueOpenBlock(st, li, blank)) continue;
    if (blank) {
      st.inParagraph = false;
      continue;
    }
    classifyLine(st, li);
  }
  finishClassify(st, problems, hidden);
  return st.headings;
}

/** Sets st.p to the line's first non-blank character and st.indent to its column (tabs to 4). */
function measureIndent(st: BlockState, s: number, e: number): void {
  const text = st.text;
  let p = s;
  let indent = 0;
  for (; p < e; p++) {
    const c = text.charCodeAt(p);
    if (c === 32) indent++;
    else if (c === 9) indent += 4 - (indent % 4);
    else break;
  }
  st.p = p;
  st.indent = indent;
}

/**
 * A line while a fence, HTML block or indented code is open: marks it, and closes the block
 * where the line ends it. True when the line is taken (nothing more to read in it).
 */
function continueOpenBlock(st: BlockState, li: number, blank: boolean): boolean {
  const { text, lines, p, indent } = st;
  const e = lines.ends[li];
  // A non-blank line left of the block's container ends the container, and the block with it.
  if (!blank && indent < st.blockIndent) {
    st.block = Block.None;
    st.pendingCount = 0;
    return false;
  }
  const rel = indent - st.blockIndent;
  switch (st.block) {
    case Block.Fence: {
      lines.skip[li] = 1;
      const run = text.charCodeAt(p) === st.fenceCode && rel <= 3 ? fenceOpenerRun(text, p, e, st.fenceCode) : 0;
      if (run >= st.fenceLen && restIsBlank(text, p + run, e)) {
        st.block = Block.None;
        st.pendingCount = 0;
        st.fenceHiddenCount = 0;
      } else {
        if (st.hideFence && st.fenceHiddenCount < HIDDEN_KEPT && rel <= 3 && sectionHeadingLevel(text, p, e)) st.fenceHidden[st.fenceHiddenCount++] = li;
        if (isSwallowedHeading(text, p, e, rel, st.pendingCount)) st.pending[st.pendingCount++] = li;
      }
      return true;
    }
    case Block.HtmlToMarker: {
      lines.skip[li] = 1;
      const html = st.html!;
      if (endsHtmlBlock(text, lines.starts[li], e, html)) {
        st.block = Block.None;
        st.pendingCount = 0;
      } else if (isSwallowedHeading(text, p, e, rel, st.pendingCount)) {
        st.pending[st.pendingCount++] = li;
      }
      return true;
    }
    case Block.HtmlToBlank:
      if (blank) {
        st.block = Block.None;
        st.inParagraph = false;
        return true;
      }
      lines.skip[li] = 1;
      if (isSwallowedHeading(text, p, e, rel, st.swallowed.length)) st.swallowed.push({ line: li, why: `the HTML block opened on line ${st.blockLine + 1} (${st.html!.opener}) runs on to the next blank line`, fix: `add a blank line before line ${li + 1}` });
      return true;
    case Block.Indented:
      if (blank || rel >= 4) {
        lines.skip[li] = 1;
        return true;
      }
      st.block = Block.None;
      return false;
  }
  return false;
}

/** A non-blank line outside any open block: list items, then what the line's content opens. */
function classifyLine(st: BlockState, li: number): void {
  const { text, lines, items, p, indent } = st;
  const e = lines.ends[li];
  // List items end at a line left of their content, unless it continues a paragraph lazily.
  if (items.length && indent < items[items.length - 1]) {
    const lazy = st.inParagraph && !interruptsParagraph(text, p, e, indent);
    while (!lazy && items.length && indent < items[items.length - 1]) items.pop();
  }
  const base = items.length ? items[items.length - 1] : 0;
  if (indent - base >= 4) {
    if (!st.inParagraph) {
      // Indented code (it cannot interrupt a paragraph).
      st.block = Block.Indented;
      st.blockIndent = base;
      lines.skip[li] = 1;
    }
    return;
  }
  const q = openListItems(st, p, e, indent);
  if (q === e) return;
  openBlockAt(st, li, q, e, items.length ? items[items.length - 1] : 0);
}

/**
 * Opens the list items whose markers start the line at `p`; returns where the first block of
 * the innermost item starts (`e` when the line holds markers only).
 */
function openListItems(st: BlockState, p: number, e: number, indent: number): number {
  const text = st.text;
  let q = p;
  let column = indent;
  // Markers nested on one line (`- - - x`) are followed up to MAX_MARKERS_PER_LINE deep, so
  // that a line of 200 KB of `- ` stays linear; no log nests lists that deep on one line.
  for (let depth = 0; depth < MAX_MARKERS_PER_LINE && isListMarker(text, q, e) && !isThematicBreak(text, q, e); depth++) {
    let m = q;
    while (m < e && text.charCodeAt(m) >= 48 && text.charCodeAt(m) <= 57) m++;
    const markerEnd = m === q ? q + 1 : m + 1;
    let r = markerEnd;
    let spaces = 0;
    while (r < e && isBlank(text.charCodeAt(r))) {
      spaces += text.charCodeAt(r) === 9 ? 4 - ((column + markerEnd - q + spaces) % 4) : 1;
      r++;
    }
    const width = markerEnd - q;
    const content = r === e || spaces >= 5 ? column + width + 1 : column + width + spaces;
    st.items.push(content);
    st.inParagraph = false;
    if (r === e || spaces >= 5) return e;
    q = r;
    column = content;
  }
  return q;
}

/** What the content at `q` (past any list markers) opens: a fence, an HTML block, a heading, or a paragraph. */
function openBlockAt(st: BlockState, li: number, q: number, e: number, base: number): void {
  const { text, lines } = st;
  const c = text.charCodeAt(q);
  const fence = fenceOpener(text, q, e);
  if (fence) {
    st.fenceHiddenCount = 0;
    st.block = Block.Fence;
    st.blockLine = li;
    st.blockIndent = base;
    st.fenceCode = c;
    st.fenceLen = fence;
    lines.skip[li] = 1;
    st.inParagraph = false;
    return;
  }
  if (c === 60) {
    const start = htmlBlockStart(text, q, e, st.inParagraph);
    if (start) {
      lines.skip[li] = 1;
      st.inParagraph = false;
      st.html = start;
      st.blockLine = li;
      st.blockIndent = base;
      if (start.kind <= 5) st.block = endsHtmlBlock(text, q, e, start) ? Block.None : Block.HtmlToMarker;
      else st.block = Block.HtmlToBlank;
      return;
    }
  }
  // Headings count only as written at the line's start: `- ## x` is a list item, not a section.
  if (c === 35 && q === st.p && st.indent <= 3) {
    let level = 0;
    while (text.charCodeAt(q + level) === 35) level++;
    const after = q + level < e ? text.charCodeAt(q + level) : -1;
    if (level <= 6 && (after === -1 || isBlank(after))) {
      lines.level[li] = level;
      st.headings.push({ line: li, level, text: atxHeadingContent(text, q + level, e) });
      st.inParagraph = false;
      return;
    }
    // `##1 Title`, `##Outage`: meant as a heading, shown as text (a single `#word` is a tag).
    if (level >= 2 && level <= 6 && after !== -1 && st.noSpaceHeadings.length < 20 && isWordStart(after)) st.noSpaceHeadings.push(li);
  }
  st.inParagraph = !isThematicBreak(text, q, e);
}

/** After the last line: a block still open is reported, and the heading-like lines it swallowed. */
function finishClassify(st: BlockState, problems: Problem[], hidden: { fence?: HiddenByFence } | undefined): void {
  const { block, blockLine, html } = st;
  if (block === Block.Fence) {
    problems.push({ code: 'unterminated-fence', message: `A code fence opened on line ${blockLine + 1} is never closed: everything after it is read as code.`, line: blockLine + 1, severity: 'warning' });
  } else if (block === Block.HtmlToMarker && html) {
    const end = html.kind === 1 ? `</${html.opener.slice(1)}>` : html.end;
    problems.push({ code: 'unterminated-fence', message: `An HTML block opened on line ${blockLine + 1} (${html.opener}) is never closed with ${end}: everything after it is read as HTML.`, line: blockLine + 1, severity: 'warning' });
  }
  if (block === Block.Fence && hidden && st.fenceHiddenCount) hidden.fence = { fenceLine: blockLine, lines: st.fenceHidden.slice(0, st.fenceHiddenCount) };
  for (const li of st.pending.slice(0, st.pendingCount)) {
    if (block === Block.Fence) st.swallowed.push({ line: li, why: `it is inside the code fence opened on line ${blockLine + 1}, which is never closed`, fix: `close that fence before line ${li + 1}` });
    else if (block === Block.HtmlToMarker && html) st.swallowed.push({ line: li, why: `it is inside the HTML block opened on line ${blockLine + 1} (${html.opener}), which is never closed with ${html.kind === 1 ? `</${html.opener.slice(1)}>` : html.end}`, fix: `close that block before line ${li + 1}` });
  }
  reportSwallowedHeadings(st.text, st.lines, st.swallowed, problems);
  for (const li of st.noSpaceHeadings) {
    const whole = st.text.slice(st.lines.starts[li], Math.min(st.lines.ends[li], st.lines.starts[li] + 61)).trim();
    const line = whole.length > 60 ? `${whole.slice(0, 59)}…` : whole;
    let hashes = 0;
    while (line.charCodeAt(hashes) === 35) hashes++;
    problems.push({
      code: 'not-a-heading',
      message: `Line ${li + 1} (${line}) is not a heading to Markdown: it needs a space after ${'#'.repeat(hashes)}. It is read, and shown, as text, not as a section of its own; write "${'#'.repeat(hashes)} ${line.slice(hashes)}" to make it a heading.`,
      line: li + 1,
      severity: 'warning',
    });
  }
}

/** A letter or digit (any script) that a heading's title could start with. */
function isWordStart(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0;
}

function fenceOpenerRun(text: string, p: number, e: number, code: number): number {
  let r = p;
  while (r < e && text.charCodeAt(r) === code) r++;
  return r - p;
}

/** The level of an ATX heading of level 2–4 at `p`, or 0. */
function sectionHeadingLevel(text: string, p: number, e: number): number {
  if (text.charCodeAt(p) !== 35) return 0;
  let level = 0;
  while (p + level < e && text.charCodeAt(p + level) === 35) level++;
  return level >= 2 && level <= 4 && isBlank(text.charCodeAt(p + level)) ? level : 0;
}

/**
 * Whether a swallowed line starts like a section heading (`##`–`####`) and is to be noted in
 * `out` (at most 50 are). The caller builds the note only then: most swallowed lines are code.
 */
function isSwallowedHeading(text: string, p: number, e: number, relIndent: number, noted: number): boolean {
  if (relIndent > 3 || noted >= 50) return false;
  if (text.charCodeAt(p) !== 35) return false;
  let level = 0;
  while (p + level < e && text.charCodeAt(p + level) === 35) level++;
  return level >= 2 && level <= 4 && isBlank(text.charCodeAt(p + level));
}

/**
 * A swallowed line is reported when it reads like an incident heading (an id or a date in it):
 * CommonMark, and so VS Code's preview, shows it as code or HTML, and so does the Incidents view.
 */
function reportSwallowedHeadings(text: string, lines: Lines, swallowed: Swallowed[], problems: Problem[]): void {
  if (!swallowed.length) return;
  const policy = defaultPolicy();
  for (const s of swallowed) {
    const raw = text.slice(lines.starts[s.line], lines.ends[s.line]).trim().replace(/^#+/, '');
    const facts = readHeading(raw.trim(), policy);
    if (facts.id === null && facts.date === null) continue;
    problems.push({
      code: 'swallowed-heading',
      message: `Line ${s.line + 1} looks like an incident heading but is not read as one: ${s.why}. To make it an incident, ${s.fix}.`,
      line: s.line + 1,
      severity: 'warning',
    });
  }
}
