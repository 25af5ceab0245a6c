// Small text helpers shared by the index and the writer. No markdown parser here: these work
// on single lines so the hot path stays a plain scan.
import { stripControlsButTabLf } from '../format/controlCharacters';

/** Lower-case, alphanumerics only: "Sev 3" → "sev3", "SEV-3" → "sev3". */
export function normalizeToken(text: string): string {
  return lettersAndDigits(stripInline(text).toLowerCase(), '');
}

// Letters and digits as Unicode reads them (`/[\p{L}\p{N}]/u`), answered from the code point for
// the characters logs are made of. Why not the pattern alone: V8 compiles a `\p{L}` class for
// two-byte text in 10–15 ms per pattern, and one em dash in a log makes all of its text two-byte;
// each such pattern cost every `incident` process that much before it read a line.
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Blocks that hold no letter and no digit: punctuation, arrows, box drawing, symbols, emoji (a test checks every code point). */
const NEITHER: ReadonlyArray<readonly [number, number]> = [
  [0x2000, 0x206f], [0x209d, 0x2101], [0x218a, 0x245f], [0x2500, 0x2775], [0x2794, 0x2bff], [0x3008, 0x3020],
  [0xd800, 0xdfff], [0xfe00, 0xfe6f], [0xfefd, 0xff0f], [0x1f000, 0x1f0ff], [0x1f10d, 0x1faff],
];

/** Whether the code point is a letter or a digit (`\p{L}` or `\p{N}`); a lone surrogate is neither. */
export function isLetterOrDigitCode(cp: number): boolean {
  if (!(cp <= 0x10ffff)) return false;
  if (cp < 0x80) return (cp >= 48 && cp <= 57) || ((cp | 32) >= 97 && (cp | 32) <= 122);
  if (cp <= 0xff) return cp >= 0xc0 ? cp !== 0xd7 && cp !== 0xf7 : cp === 0xaa || cp === 0xb5 || cp === 0xba || cp === 0xb2 || cp === 0xb3 || cp === 0xb9 || (cp >= 0xbc && cp <= 0xbe);
  for (const [from, to] of NEITHER) if (cp >= from && cp <= to) return false;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
}

/**
 * Whether `text` is already words as wordsOf gives them: lower-case letters, letters without case
 * and digits, one space between words, no Latin letter that folding would change. Module tables
 * of thousands of phrases are keyed at start-up; a native test passes most of them through
 * where the character scan cost tens of milliseconds in every process.
 */
export function isFoldedWords(text: string): boolean {
  return /^[\p{Ll}\p{Lo}\p{Nd}]+(?: [\p{Ll}\p{Lo}\p{Nd}]+)*$/u.test(text) && !/[\u00c0-\u024f]/.test(text);
}

/** Whether `text` holds a letter or a digit anywhere (as `/[\p{L}\p{N}]/u.test(text)`). */
export function hasLetterOrDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) as number;
    if (isLetterOrDigitCode(cp)) return true;
    if (cp > 0xffff) i++;
  }
  return false;
}

/** Where the first letter or digit of `text` is (its length when none; 0 when it starts with one). */
export function leadingSymbolsEnd(text: string): number {
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i) as number;
    if (isLetterOrDigitCode(cp)) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

/** `text` without what comes before its first letter or digit (as `replace(/^[^\p{L}\p{N}]+/u, '')`). */
export function withoutLeadingSymbols(text: string): string {
  const at = leadingSymbolsEnd(text);
  return at === 0 ? text : text.slice(at);
}

/** `text` with each run of characters that are neither letters nor digits replaced by `sep` (as `replace(/[^\p{L}\p{N}]+/gu, sep)`). */
export function lettersAndDigits(text: string, sep: string): string {
  let out = '';
  let from = 0;
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    if (isLetterOrDigitCode(cp)) {
      i += width;
      continue;
    }
    let j = i + width;
    while (j < text.length) {
      const next = text.codePointAt(j) as number;
      if (isLetterOrDigitCode(next)) break;
      j += next > 0xffff ? 2 : 1;
    }
    out += text.slice(from, i) + sep;
    from = i = j;
  }
  return from === 0 ? text : out + text.slice(from);
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const ENTITY = /&(?:amp|lt|gt|quot|#39);/g;

// What stripInline's first look at a value finds: a character inline markup begins with (`[`,
// `]`, `<`, `>`, a backtick, `*`, `_`, `~`, a backslash, `&`, `!`), and white space to fold (a
// tab, a line break, two spaces). A short value (most fields: names, times, severities) is read
// with one scan of its character codes through ASCII_CLASS; a longer one (timeline entries) with
// the two patterns, whose native scans are faster there.
const MARKUP = 1;
const BREAK = 2;
const SPACE = 3;
const ASCII_CLASS = new Uint8Array(128);
for (const c of '[]<>`*_~\\&!') ASCII_CLASS[c.charCodeAt(0)] = MARKUP;
ASCII_CLASS[9] = ASCII_CLASS[10] = ASCII_CLASS[13] = BREAK;
ASCII_CLASS[32] = SPACE;
const INLINE_MARKUP = /[[\]<>`*_~\\&!]/;
const TO_FOLD = /[\t\n\r]| {2}/;
/** The length from which the patterns are the faster look. */
const SHORT_VALUE = 48;

/** Removes inline markdown from one line: emphasis, code ticks, links, images, autolinks, escapes, HTML tags. */
export function stripInline(text: string): string {
  // Most values have no markup at all: the passes are skipped. This runs for every field and
  // timeline entry of a log, so it is on the indexing hot path.
  let fold = false;
  if (text.length < SHORT_VALUE) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 128) continue;
      const k = ASCII_CLASS[c];
      if (k === 0) continue;
      if (k === MARKUP) return stripMarkup(text);
      if (k === BREAK || text.charCodeAt(i + 1) === 32) fold = true;
    }
  } else if (INLINE_MARKUP.test(text)) return stripMarkup(text);
  else fold = TO_FOLD.test(text);
  return fold ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

function stripMarkup(text: string): string {
  // Each pass is one left-to-right scan that finds its closer through a table of next
  // occurrences, so a line of 200 KB of `[(` or `**a ` costs a few scans, not a scan per
  // opener (the regular expressions these passes replace were quadratic on such lines).
  let s = text;
  s = stripLinks(s, true);
  s = stripLinks(s, false);
  s = stripReferenceLinks(s);
  s = stripAngles(s);
  s = stripCodeSpans(s);
  s = stripDelimited(s, 42 /* * */, 95 /* _ */);
  s = stripSingle(s, 42);
  s = stripSingle(s, 95);
  s = stripDelimited(s, 126 /* ~ */, 126);
  s = stripEscapes(s);
  // One pass, so `&amp;lt;` reads as the `&lt;` it stands for, not as `<`.
  if (s.indexOf('&') !== -1) s = s.replace(ENTITY, (m) => ENTITIES[m]);
  return s.replace(/\s+/g, ' ').trim();
}

/** `next[i]`: the first index ≥ i where `at(j)` holds, or -1. */
function nextWhere(s: string, at: (j: number) => boolean): Int32Array {
  const next = new Int32Array(s.length + 2).fill(-1);
  for (let j = s.length - 1; j >= 0; j--) next[j] = at(j) ? j : next[j + 1];
  return next;
}

function nextOf(s: string, code: number): Int32Array {
  return nextWhere(s, (j) => s.charCodeAt(j) === code);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11 || code === 0xa0 || (code > 0x7f && /\s/.test(String.fromCharCode(code)));
}

/** ASCII word character, as `\w` reads it. */
function isWord(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** `![alt](url)` → `alt` (images), or `[text](url)` → `text` (links). */
function stripLinks(s: string, images: boolean): string {
  const first = images ? s.indexOf('![') : s.indexOf('[');
  if (first === -1 || s.indexOf('](', first) === -1) return s;
  const close = nextOf(s, 93 /* ] */);
  const paren = nextOf(s, 41 /* ) */);
  const open = images ? 2 : 1;
  let out = '';
  let copied = 0;
  for (let i = first; i < s.length; i++) {
    if (images ? s.charCodeAt(i) !== 33 || s.charCodeAt(i + 1) !== 91 : s.charCodeAt(i) !== 91) continue;
    const j = close[i + open];
    if (j === -1 || s.charCodeAt(j + 1) !== 40) continue;
    const k = paren[j + 2];
    if (k === -1) continue;
    out += s.slice(copied, i) + s.slice(i + open, j);
    copied = k + 1;
    i = k;
  }
  return copied === 0 ? s : out + s.slice(copied);
}

/** `[text][ref]` → `text`. */
function stripReferenceLinks(s: string): string {
  if (s.indexOf('][') === -1) return s;
  const close = nextOf(s, 93);
  let out = '';
  let copied = 0;
  for (let i = s.indexOf('['); i !== -1 && i < s.length; i++) {
    if (s.charCodeAt(i) !== 91) continue;
    const j = close[i + 1];
    if (j === -1 || s.charCodeAt(j + 1) !== 91) continue;
    const k = close[j + 2];
    if (k === -1) continue;
    out += s.slice(copied, i) + s.slice(i + 1, j);
    copied = k + 1;
    i = k;
  }
  return copied === 0 ? s : out + s.slice(copied);
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Autolinks `<https://…>` → the address; HTML tags `<b>`, `</b>`, `<a href…>` → nothing. */
function stripAngles(s: string): string {
  if (s.indexOf('<') === -1) return s;
  // Autolinks first, over the whole line, as a pass of their own (tags are removed after them).
  const stop = nextWhere(s, (j) => s.charCodeAt(j) === 62 || isSpace(s.charCodeAt(j)));
  let out = '';
  let copied = 0;
  for (let i = s.indexOf('<'); i !== -1 && i < s.length; i++) {
    if (s.charCodeAt(i) !== 60) continue;
    const scheme = s.startsWith('https:', i + 1) ? 6 : s.startsWith('http:', i + 1) ? 5 : 0;
    if (!scheme) continue;
    const from = i + 1 + scheme;
    const k = stop[from];
    if (k === -1 || k === from || s.charCodeAt(k) !== 62) continue;
    out += s.slice(copied, i) + s.slice(i + 1, k);
    copied = k + 1;
    i = k;
  }
  if (copied) s = out + s.slice(copied);
  if (s.indexOf('<') === -1) return s;
  const gt = nextOf(s, 62);
  out = '';
  copied = 0;
  for (let i = s.indexOf('<'); i !== -1 && i < s.length; i++) {
    if (s.charCodeAt(i) !== 60) continue;
    const name = s.charCodeAt(i + 1) === 47 ? i + 2 : i + 1;
    if (!isAsciiLetter(s.charCodeAt(name))) continue;
    const k = gt[name + 1];
    if (k === -1) continue;
    out += s.slice(copied, i);
    copied = k + 1;
    i = k;
  }
  return copied === 0 ? s : out + s.slice(copied);
}

/** `` `code` `` → `code`; a backtick run with nothing to close it on its line of text stays. */
function stripCodeSpans(s: string): string {
  const first = s.indexOf('`');
  if (first === -1) return s;
  const tick = nextOf(s, 96);
  let out = '';
  let copied = 0;
  let i = first;
  while (i !== -1 && i < s.length) {
    let runEnd = i;
    while (s.charCodeAt(runEnd) === 96) runEnd++;
    const q = tick[runEnd];
    if (q !== -1) {
      // A run, then text without backticks, then the next run: the text is kept.
      let closeEnd = q;
      while (s.charCodeAt(closeEnd) === 96) closeEnd++;
      out += s.slice(copied, i) + s.slice(runEnd, q);
      copied = closeEnd;
      i = tick[closeEnd];
    } else if (runEnd - i >= 2) {
      // A lone run of two or more closes on itself: the run goes, as the old pattern had it.
      out += s.slice(copied, i);
      copied = runEnd;
      break;
    } else break;
  }
  return copied === 0 ? s : out + s.slice(copied);
}

/**
 * `**x**` / `__x__` (one pass for both, as one pattern had it) and `~~x~~` → `x`: the opener is
 * followed by a non-space, and the closer is the first pair of the same marker after at least
 * one character whose preceding character is a non-space.
 */
function stripDelimited(s: string, a: number, b: number): string {
  const firstA = s.indexOf(String.fromCharCode(a, a));
  const firstB = a === b ? -1 : s.indexOf(String.fromCharCode(b, b));
  if (firstA === -1 && firstB === -1) return s;
  const closerOf = (code: number) => nextWhere(s, (j) => j > 0 && s.charCodeAt(j) === code && s.charCodeAt(j + 1) === code && !isSpace(s.charCodeAt(j - 1)));
  const closerA = firstA === -1 ? undefined : closerOf(a);
  const closerB = firstB === -1 ? undefined : closerOf(b);
  let out = '';
  let copied = 0;
  const first = firstA === -1 ? firstB : firstB === -1 ? firstA : Math.min(firstA, firstB);
  for (let i = first; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    const closer = c === a ? closerA : c === b ? closerB : undefined;
    if (!closer || s.charCodeAt(i + 1) !== c) continue;
    if (i + 2 >= s.length || isSpace(s.charCodeAt(i + 2))) continue;
    const p = closer[i + 3];
    if (p === -1) continue;
    out += s.slice(copied, i) + s.slice(i + 2, p);
    copied = p + 2;
    i = p + 1;
  }
  return copied === 0 ? s : out + s.slice(copied);
}

/**
 * `*x*` / `_x_` → `x` where the opener does not follow a word character or another marker and
 * is followed by a non-space; the content is marker-free text ending on a non-space (which may
 * itself be the next marker, as in `*a**`), and no word character follows the closer.
 */
function stripSingle(s: string, code: number): string {
  const first = s.indexOf(String.fromCharCode(code));
  if (first === -1) return s;
  const next = nextOf(s, code);
  const n = s.length;
  const fits = (e: number) => !isSpace(s.charCodeAt(e)) && s.charCodeAt(e + 1) === code && !(e + 2 < n && isWord(s.charCodeAt(e + 2)));
  let out = '';
  let copied = 0;
  for (let i = first; i !== -1 && i < n; i = next[i + 1]) {
    if (i > 0) {
      const before = s.charCodeAt(i - 1);
      if (i - 1 < copied || isWord(before) || before === code) continue;
    }
    if (i + 1 >= n || isSpace(s.charCodeAt(i + 1))) continue;
    const q = next[i + 1];
    if (q === -1) continue;
    // The content ends just before the next marker, or on that marker when another follows it.
    const e = q - 1 >= i + 1 && fits(q - 1) ? q - 1 : fits(q) ? q : -1;
    if (e === -1) continue;
    out += s.slice(copied, i) + s.slice(i + 1, e + 1);
    copied = e + 2;
    i = e + 1;
  }
  return copied === 0 ? s : out + s.slice(copied);
}

/** `\*` → `*`: a backslash before ASCII punctuation escapes it. */
function stripEscapes(s: string): string {
  if (s.indexOf('\\') === -1) return s;
  let out = '';
  let copied = 0;
  for (let i = s.indexOf('\\'); i !== -1 && i < s.length - 1; i++) {
    if (s.charCodeAt(i) !== 92) continue;
    const c = s.charCodeAt(i + 1);
    const punct = (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
    if (!punct) continue;
    out += s.slice(copied, i);
    copied = i + 1;
    i++;
  }
  return copied === 0 ? s : out + s.slice(copied);
}

/**
 * User text made safe for one line of the log: newlines folded, control characters dropped,
 * and nothing that could open HTML. Markdown emphasis the user typed is kept.
 */
export function foldUserText(text: string): string {
  return stripControlsButTabLf(text.replace(/[\r\n\u2028\u2029]+/g, ' '))
    .replace(/\t/g, ' ')
    .replace(/</g, '&lt;')
    .replace(/\s+/g, ' ')
    .trim();
}

/** User text for a table cell: folded, with `|` escaped so it cannot open a cell. */
export function foldCellText(text: string): string {
  return foldUserText(text).replace(/(?<!\\)\|/g, '\\|');
}

/** User text for a heading title: folded, and a trailing `#` run cannot close the heading early. */
export function foldHeadingText(text: string): string {
  return foldUserText(text).replace(/\s#+$/, '');
}

/**
 * The most cells a table row is split into: no table of a log has that many columns, and a
 * hostile row of 200,000 `|` would otherwise be 200,000 cells, cut again by every reader of it.
 */
export const MAX_TABLE_CELLS = 128;

/** Splits a table row into trimmed cells (at most MAX_TABLE_CELLS), honouring `\|` escapes and code spans. */
export function splitTableRow(line: string): { cells: string[]; starts: number[]; ends: number[] } {
  const cells: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  const n = line.length;
  while (i < n && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  if (line.charCodeAt(i) === 124) i++;
  let cellStart = i;
  let inCode = 0;
  for (; i <= n && cells.length < MAX_TABLE_CELLS; i++) {
    const c = i < n ? line.charCodeAt(i) : -1;
    if (c === 92 /* \ */) {
      // The escaped character is skipped; a backslash that ends the line is text of the last cell.
      if (i + 1 < n) i++;
      continue;
    }
    if (c === 96 /* ` */) {
      let run = 0;
      while (line.charCodeAt(i + run) === 96) run++;
      if (inCode === 0) inCode = run;
      else if (inCode === run) inCode = 0;
      i += run - 1;
      continue;
    }
    if (c === -1 || (c === 124 && inCode === 0)) {
      let a = cellStart;
      let b = i;
      while (a < b && isWhiteSpaceCode(line.charCodeAt(a))) a++;
      while (b > a && isWhiteSpaceCode(line.charCodeAt(b - 1))) b--;
      // What follows the last `|` is a cell only when it holds something.
      if (c === -1 && a === b) break;
      // An empty cell spans all of its white space, so a value written into it gets its padding.
      if (a === b) {
        cells.push('');
        starts.push(cellStart);
        ends.push(i);
      } else {
        cells.push(line.slice(a, b));
        starts.push(a);
        ends.push(b);
      }
      cellStart = i + 1;
    }
  }
  return { cells, starts, ends };
}

/** What `/\s/` matches, by character code. */
function isWhiteSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * A GFM delimiter row: `| --- | :-: |`, `---|---`. Scanned by hand: the pattern it replaces had
 * adjacent `\s*` runs that backtracked quadratically on a `|-` followed by spaces.
 */
export function isTableDelimiterRow(line: string): boolean {
  const t = line.trim();
  let i = t.charCodeAt(0) === 124 ? 1 : 0;
  let cells = 0;
  while (i <= t.length) {
    let end = t.indexOf('|', i);
    if (end === -1) end = t.length;
    const cell = t.slice(i, end).trim();
    if (cell === '') {
      // Only a trailing `|` leaves an empty cell behind it.
      return end === t.length && cells > 0 && t.charCodeAt(t.length - 1) === 124;
    }
    let a = 0;
    let b = cell.length;
    if (cell.charCodeAt(a) === 58) a++;
    if (b > a && cell.charCodeAt(b - 1) === 58) b--;
    if (a >= b) return false;
    for (let k = a; k < b; k++) if (cell.charCodeAt(k) !== 45) return false;
    cells++;
    if (end === t.length) return true;
    i = end + 1;
  }
  return cells > 0;
}

export function looksLikeTableRow(line: string): boolean {
  const t = line.trim();
  return t.length > 1 && (t.startsWith('|') || /[^\\]\|/.test(t));
}

/** Offset of the start of the line holding `offset`. */
export function lineStartAt(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the end of the line holding `offset`, before its line break. */
export function lineEndAt(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl === -1) return text.length;
  return nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
}

/** Offset of the start of the next line after the one holding `offset` (or the text's end). */
export function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

/** The text inside a line that is bold and nothing else (`**#1 — 2026-07-07 — Testnet retired**`), or undefined. */
export function boldLineText(line: string): string | undefined {
  const t = line.trim();
  if (t.length < 6 || t.length > 300) return undefined;
  const marker = t.slice(0, 2);
  if ((marker !== '**' && marker !== '__') || !t.endsWith(marker)) return undefined;
  const inner = t.slice(2, -2);
  return inner.includes(marker) || !inner.trim() ? undefined : inner.trim();
}

/** `text` cut to a title of at most `max` characters: at its last space before `max` (not before 40), with `…`. */
export function cutToTitle(text: string, max = 100): string {
  return text.length > max ? text.slice(0, Math.max(40, text.lastIndexOf(' ', max))) + '…' : text;
}

/** Where a label's colon is: the first `:` or full-width `：` in `text`, or -1. */
export function firstColon(text: string): number {
  const ascii = text.indexOf(':');
  const wide = text.indexOf('：');
  return ascii < 0 ? wide : wide < 0 ? ascii : Math.min(ascii, wide);
}
