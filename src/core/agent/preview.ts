// What a write would change, shown before it is made: the lines each splice touches, as they
// are and as they would be, with their line numbers. Computed from the splices themselves (no
// text diff), so the preview is exactly the change apply_change writes.
import type { Splice } from '../model';

export interface Hunk {
  /** 1-based line of the first line touched (for an insertion: the line it goes before). */
  line: number;
  removed: string[];
  added: string[];
}

/** The end of the line holding `at` (after its line break), or the text's end. */
function lineEndAfter(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl + 1;
}

function linesOf(region: string): string[] {
  if (region === '') return [];
  const body = region.endsWith('\n') ? region.slice(0, region.endsWith('\r\n') ? -2 : -1) : region;
  return body.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** The hunks of `splices` on `text`: whole lines, splices on the same lines taken together. */
export function hunksOf(text: string, splices: readonly Splice[]): Hunk[] {
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  const groups: Array<{ from: number; to: number; splices: Splice[] }> = [];
  for (const s of sorted) {
    const from = text.lastIndexOf('\n', s.start - 1) + 1;
    // A whole-line insertion at a line's start touches no line of the text.
    const wholeLineInsert = s.start === s.end && s.start === from && (s.text === '' || s.text.endsWith('\n'));
    const to = wholeLineInsert ? from : s.end > s.start && text[s.end - 1] === '\n' ? s.end : lineEndAfter(text, s.end);
    const last = groups[groups.length - 1];
    if (last && from < last.to) {
      last.to = Math.max(last.to, to);
      last.splices.push(s);
    } else groups.push({ from, to, splices: [s] });
  }
  let line = 1;
  let counted = 0;
  return groups.map((g) => {
    for (let i = text.indexOf('\n', counted); i >= 0 && i < g.from; i = text.indexOf('\n', i + 1)) line++;
    counted = g.from;
    let after = '';
    let pos = g.from;
    for (const s of g.splices) {
      after += text.slice(pos, s.start) + s.text;
      pos = s.end;
    }
    after += text.slice(pos, g.to);
    return { line, removed: linesOf(text.slice(g.from, g.to)), added: linesOf(after) };
  });
}

/** The hunks as a unified diff's body: `@@ line N @@`, then `-` and `+` lines. */
export function renderHunks(hunks: readonly Hunk[]): string {
  return hunks.map((h) => [`@@ line ${h.line} @@`, ...h.removed.map((l) => `-${l}`), ...h.added.map((l) => `+${l}`)].join('\n')).join('\n');
}
