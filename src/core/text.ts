// Small text helpers shared by the index and the writer. No markdown parser here: these work
// on single lines so the hot path stays a plain scan.

/** Lower-case, alphanumerics only: "Sev 3" → "sev3", "SEV-3" → "sev3". */
export function normalizeToken(text: string): string {
  return stripInline(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Removes inline markdown from one line: emphasis, code ticks, links, images, autolinks, escapes, HTML tags. */
const INLINE_MARKUP = /[[\]<>`*_~\\&!]/;

export function stripInline(text: string): string {
  // Most values have no markup at all: skip the dozen replacements (this runs for every field
  // and timeline entry of a log, so it is on the indexing hot path).
  if (!INLINE_MARKUP.test(text)) {
    return text.indexOf('  ') === -1 && text.indexOf('\t') === -1 && text.indexOf('\n') === -1 && text.indexOf('\r') === -1 ? text.trim() : text.replace(/\s+/g, ' ').trim();
  }
  let s = text;
  s = s.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1');
  s = s.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  s = s.replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1');
  s = s.replace(/<(https?:[^>\s]+)>/g, '$1');
  s = s.replace(/<\/?[A-Za-z][^>]*>/g, '');
  s = s.replace(/`+([^`]*)`+/g, '$1');
  s = s.replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2');
  s = s.replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, '$1$2');
  s = s.replace(/(^|[^\w_])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1$2');
  s = s.replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1');
  s = s.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  s = s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
  return s.replace(/\s+/g, ' ').trim();
}

/** Lower-case slug for derived ids. */
export function slugify(text: string): string {
  return stripInline(text)
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
}

/**
 * User text made safe for one line of the log: newlines folded, control characters dropped,
 * and nothing that could open HTML. Markdown emphasis the user typed is kept.
 */
export function foldUserText(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
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

/** Splits a table row into trimmed cells, honouring `\|` escapes and code spans. */
export function splitTableRow(line: string): { cells: string[]; starts: number[]; ends: number[] } {
  const cells: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  const n = line.length;
  while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
  if (line[i] === '|') i++;
  let cellStart = i;
  let inCode = 0;
  const push = (end: number) => {
    let a = cellStart;
    let b = end;
    while (a < b && /\s/.test(line[a])) a++;
    while (b > a && /\s/.test(line[b - 1])) b--;
    // An empty cell spans all of its white space, so a value written into it gets its padding.
    if (a === b) {
      a = cellStart;
      b = end;
    }
    cells.push(line.slice(a, b).trim() === '' ? '' : line.slice(a, b));
    starts.push(a);
    ends.push(b);
  };
  for (; i < n; i++) {
    const c = line[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '`') {
      let run = 0;
      while (line[i + run] === '`') run++;
      if (inCode === 0) inCode = run;
      else if (inCode === run) inCode = 0;
      i += run - 1;
      continue;
    }
    if (c === '|' && inCode === 0) {
      push(i);
      cellStart = i + 1;
    }
  }
  const rest = line.slice(cellStart);
  if (rest.trim() !== '') push(n);
  return { cells, starts, ends };
}

export function isTableDelimiterRow(line: string): boolean {
  return /^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/.test(line) && line.includes('-');
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
