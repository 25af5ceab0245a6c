// Incidents whose headings lost their `#` marks: a line written as the log's incident headings
// are (`🔴 [CRITICAL] IR-2026-03-03: The identity paradox` among `## 🔴 [CRITICAL] IR-2026-02-22:
// …`), opening a paragraph. Found where the ids' shared prefix occurs in the text, so a log whose
// ids stand only in its headings costs one look per heading. Scans over characters.
import type { HeadingFacts } from './headings';
import { headingFacts, lineAt } from './headings';
import type { IndexContext } from './context';
import { isThematicBreak } from './blocks';

/**
 * The prefixes of the ids two incidents' headings or more share (`IR-` of `IR-2026-02-22`): a
 * line opening with such an id, without `#`, may be a heading that lost its marks. Undefined when
 * no prefix is shared.
 */
export function idFamilies(ids: ReadonlyArray<string | null>): Set<string> | undefined {
  const counts = new Map<string, number>();
  for (const id of ids) {
    const prefix = id ? idFamilyPrefix(id) : undefined;
    if (prefix) counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
  }
  const shared = [...counts].filter(([, n]) => n >= 2).map(([p]) => p);
  return shared.length ? new Set(shared) : undefined;
}

/**
 * The part of an id before its first digit (`IR-` of `IR-2026-02-22`), at most 12 characters; undefined
 * for a prefix shorter than two characters or an id with no digit: a bare number is no family.
 */
export function idFamilyPrefix(id: string): string | undefined {
  let i = 0;
  while (i < id.length && i < 12 && !(id.charCodeAt(i) >= 48 && id.charCodeAt(i) <= 57)) i++;
  return i < 2 || i === id.length ? undefined : id.slice(0, i);
}

/**
 * Lines from `bodyLine` on that open a paragraph (after a blank line, a thematic break or a
 * heading), are no list item, table row, quote or code, and read as a heading whose id is of one
 * of `families` (`🔴 [CRITICAL] IR-2026-03-03: The Identity Paradox`), in line order. Found from
 * where the prefixes occur in the text (a native search), so a log whose ids stand only in its
 * headings costs one look per heading.
 */
export function findIdLines(ctx: IndexContext, bodyLine: number, families: ReadonlySet<string>, headingIds: ReadonlySet<string>): Array<{ line: number; facts: HeadingFacts }> {
  const { text, lines } = ctx;
  const candidates: number[] = [];
  for (const f of families) {
    let last = -1;
    for (let at = text.indexOf(f, bodyLine < lines.starts.length ? lines.starts[bodyLine] : text.length); at !== -1; at = text.indexOf(f, at + f.length)) {
      const li = lineAt(lines.starts, at);
      // Within the line's first 80 characters; a heading is read as one already.
      if (li !== last && at - lines.starts[li] < 80 && !lines.level[li] && !lines.skip[li]) candidates.push((last = li));
    }
  }
  // One family's lines come in order; several are merged.
  if (families.size > 1) candidates.sort((a, b) => a - b);
  const out: Array<{ line: number; facts: HeadingFacts }> = [];
  for (let k = 0; k < candidates.length; k++) {
    const li = candidates[k];
    if (k > 0 && candidates[k - 1] === li) continue;
    const start = lines.starts[li];
    const end = lines.ends[li];
    const c = text.charCodeAt(start);
    // A line number before it (`51: ### INC-006`) is told of, not read.
    if (c >= 48 && c <= 57) {
      if (end - start <= 300) reportLineNumberedHeading(ctx, li, families, headingIds);
      continue;
    }
    // Indented, a list item, a table row, a quote, a link definition: none is a lost heading.
    if (c === 32 || c === 9 || c === 45 || c === 42 || c === 43 || c === 124 || c === 62 || c === 91 || end - start > 300) continue;
    if (li > 0 && !lines.level[li - 1] && !blankOrBreak(text, lines.starts[li - 1], lines.ends[li - 1])) continue;
    const line = text.slice(start, end);
    const facts = headingFacts(ctx, line);
    if (!facts.id || !facts.title) continue;
    // A sentence that names an incident read already (`INC-003 で … を導入し`) refers to it; a lost
    // heading's id is its own, followed by a separator as a heading's is (`IR-12: …`, `IR-12 — …`).
    if (headingIds.has(facts.id.toLowerCase()) || !separatorAfter(line, facts.id)) continue;
    if (ofFamily(facts.id, families)) out.push({ line: li, facts });
  }
  return out;
}

/**
 * A heading of a new incident behind a line number pasted before it (`51: ### INC-006: …`, as an
 * editor or `grep -n` shows lines): Markdown shows a paragraph, so it is not read as one, but a
 * person reads a heading; `check` says where it is and what to remove.
 */
function reportLineNumberedHeading(ctx: IndexContext, li: number, families: ReadonlySet<string>, headingIds: ReadonlySet<string>): void {
  const line = ctx.text.slice(ctx.lines.starts[li], ctx.lines.ends[li]);
  let i = 0;
  while (i < line.length && i < 7 && line.charCodeAt(i) >= 48 && line.charCodeAt(i) <= 57) i++;
  if (i === 0 || i === 7 || (line[i] !== ':' && line[i] !== '|')) return;
  let j = i + 1;
  while (line[j] === ' ' || line[j] === '\t') j++;
  let level = 0;
  while (line[j + level] === '#') level++;
  if (j === i + 1 || level === 0 || level > 6 || line[j + level] !== ' ') return;
  const facts = headingFacts(ctx, line.slice(j + level + 1).trim());
  if (!facts.id || headingIds.has(facts.id.toLowerCase()) || !ofFamily(facts.id, families)) return;
  const prefix = line.slice(0, j);
  ctx.problems.push({
    code: 'heading-after-line-number',
    message: `Line ${li + 1} reads as the heading of ${facts.id} behind a line number pasted before it ("${prefix.trim()}"), so Markdown shows it as text and it is not read as an incident. Remove "${prefix.trim()}" to make it a heading.`,
    line: li + 1,
    severity: 'warning',
  });
}

/** Whether `id` is of one of `families`: their prefix and more after it. */
function ofFamily(id: string, families: ReadonlySet<string>): boolean {
  for (const f of families) if (id.startsWith(f) && id.length > f.length) return true;
  return false;
}

/** Whether `id` in `line` is followed, past spaces, by a separator (`:`, `：`, a dash, a bar, a closing bracket). */
function separatorAfter(line: string, id: string): boolean {
  const at = line.indexOf(id);
  if (at === -1) return false;
  let i = at + id.length;
  while (line[i] === ' ') i++;
  return i < line.length && ':：—–-|｜])）'.includes(line[i]);
}

/** Whether text[start, end) is blank or a thematic break (`---`, `***`, `___`). */
function blankOrBreak(text: string, start: number, end: number): boolean {
  let p = start;
  while (p < end && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
  return p === end || isThematicBreak(text, p, end);
}
