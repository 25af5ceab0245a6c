// The scanning pass: splits the text into lines, marks front matter and finds conflict markers;
// blocks.ts then marks code and HTML so that a `## ` inside them is never mistaken for an
// incident. It works on character codes and typed arrays: only heading lines are sliced out.
import type { Problem } from '../model';

/** Per-line facts from the scanning pass. */
export interface Lines {
  starts: Int32Array;
  /** End of the line's content, before `\r\n` or `\n`. */
  ends: Int32Array;
  /** True for lines inside code (fenced or indented), HTML comments or front matter. */
  skip: Uint8Array;
  /** Heading level (1–6) of ATX heading lines, 0 otherwise. */
  level: Uint8Array;
}

export interface Heading {
  line: number;
  level: number;
  text: string;
}

export const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])(\s+)(.*)$/;
const CONFLICT_START = /^<{7}(?:\s|$)/;
const CONFLICT_END = /^>{7}(?:\s|$)/;

/**
 * Makes V8 store a string produced by concatenation (every edit is one) as one flat buffer. On a
 * concatenated 2 MB log, a charCodeAt loop was measured at 21.6 ms against 11.7 ms once flattened.
 */
export function flatten(text: string): void {
  // ToNumber flattens the string first; the number itself is thrown away.
  void (Number(text.slice(0, 0) + text) || 0);
}

export function scanLines(text: string, start: number): Lines {
  // One pass of indexOf into typed arrays sized from the text's length (no per-line
  // allocation), grown in the rare text of shorter lines; a pass to count the lines first cost
  // as much again. A final line break ends the last line rather than starting one.
  const n = text.length;
  let cap = (n >> 4) + 16;
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  let count = 0;
  let i = start;
  for (;;) {
    if (count === cap) {
      cap *= 2;
      const moreStarts = new Int32Array(cap);
      moreStarts.set(starts);
      starts = moreStarts;
      const moreEnds = new Int32Array(cap);
      moreEnds.set(ends);
      ends = moreEnds;
    }
    starts[count] = i;
    const nl = text.indexOf('\n', i);
    if (nl === -1) {
      ends[count++] = n;
      break;
    }
    ends[count++] = nl > i && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    if (nl + 1 >= n) break;
    i = nl + 1;
  }
  // Views rather than copies: copying them cost a megabyte of allocation per 2,000 incidents,
  // and the spare capacity they keep is at most half the text's length, in bytes.
  if (count < cap) {
    starts = starts.subarray(0, count);
    ends = ends.subarray(0, count);
  }
  return { starts, ends, skip: new Uint8Array(count), level: new Uint8Array(count) };
}

export function indentWidth(line: string): number {
  let w = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32) w++;
    else if (c === 9) w += 4 - (w % 4);
    else break;
  }
  return w;
}

/**
 * The content of an ATX heading whose markers end at `from`: trimmed, without its optional
 * closing `#` run (which must follow a space or tab, or be all there is). Scanned backwards by
 * hand: a pattern for it backtracked quadratically on a heading of many spaces.
 */
export function atxHeadingContent(text: string, from: number, to: number): string {
  let end = to;
  while (end > from && isBlankCode(text.charCodeAt(end - 1))) end--;
  let run = end;
  while (run > from && text.charCodeAt(run - 1) === 35) run--;
  if (run < end && (run === from || isBlankCode(text.charCodeAt(run - 1)))) end = run;
  return text.slice(from, end).trim();
}

function isBlankCode(c: number): boolean {
  return c === 32 || c === 9;
}

/** Whether `text[from, to)` holds the character code (a bounded indexOf: never scans past the line). */
export function hasChar(text: string, code: number, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === code) return true;
  return false;
}

/** True when the line at [p, e) starts a list item (`-`, `*`, `+` or `1.` / `1)` then a space). */
export function isListMarker(text: string, p: number, e: number): boolean {
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

/** Marks a leading `---` YAML block as skipped; returns the first body line. */
export function markFrontMatter(text: string, lines: Lines, problems: Problem[]): number {
  const lineAt = (li: number) => text.slice(lines.starts[li], lines.ends[li]);
  if (lines.starts.length < 2 || lineAt(0) !== '---') return 0;
  for (let li = 1; li < lines.starts.length; li++) {
    const t = lineAt(li);
    if (t === '---' || t === '...') {
      for (let k = 0; k <= li; k++) lines.skip[k] = 1;
      // Its YAML is validated by checkLog (parseFrontMatter), off the hot path.
      return li + 1;
    }
  }
  problems.push({ code: 'bad-front-matter', message: 'The front matter that opens on line 1 is never closed with ---; it is read as ordinary text.', line: 1, severity: 'warning' });
  return 0;
}

/**
 * A document pasted whole into one Markdown fence (```` ```md ```` on its first line, the fence's
 * close on its last, headings between): its two fence lines are marked skipped, like front
 * matter, so that what is inside is read as the Markdown its author meant. Only a fence that
 * nothing inside closes, with no info string or `md` / `markdown`. True when it did so.
 */
export function unwrapWholeFence(text: string, lines: Lines, bodyLine: number): boolean {
  const count = lines.starts.length;
  const blank = (li: number) => text.slice(lines.starts[li], lines.ends[li]).trim() === '';
  let first = bodyLine;
  while (first < count && blank(first)) first++;
  let last = count - 1;
  while (last > first && blank(last)) last--;
  if (last - first < 3) return false;
  const open = fenceRun(text.slice(lines.starts[first], lines.ends[first]));
  if (!open) return false;
  const info = open.rest.trim().toLowerCase();
  if (info !== '' && info !== 'md' && info !== 'markdown') return false;
  const closes = (li: number) => {
    const run = fenceRun(text.slice(lines.starts[li], lines.ends[li]));
    return !!run && run.char === open.char && run.length >= open.length && run.rest.trim() === '';
  };
  if (!closes(last)) return false;
  let headings = 0;
  for (let li = first + 1; li < last; li++) {
    if (closes(li)) return false;
    if (text.charCodeAt(lines.starts[li]) === 35 /* # */) headings++;
  }
  if (!headings) return false;
  lines.skip[first] = 1;
  lines.skip[last] = 1;
  return true;
}

/** A fence's run at the start of a line (up to three spaces before it): its character, length and what follows it. */
function fenceRun(line: string): { char: string; length: number; rest: string } | undefined {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  const char = line[i];
  if (char !== '`' && char !== '~') return undefined;
  let j = i;
  while (line[j] === char) j++;
  if (j - i < 3) return undefined;
  const rest = line.slice(j);
  return char === '`' && rest.includes('`') ? undefined : { char, length: j - i, rest };
}

/** The line of the first `<<<<<<<` that a `>>>>>>>` closes, or -1. */
export function findConflicts(text: string, lines: Lines): number {
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
