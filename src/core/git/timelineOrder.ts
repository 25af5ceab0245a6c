// Normalize Timeline: one incident's timeline entries put back in time order, in one splice per
// timeline. After a union merge, entries two responders appended on two machines sit in the
// order git kept them (one side's block, then the other's), not in the order things happened.
//
// The rule:
// - An entry is its line plus what belongs to it: its indented continuation lines (a fenced
//   command, blank lines inside it included) and any list item without a time under it (a note,
//   a sub-point), up to the last non-blank line before the next entry. Entries move whole; the
//   blank lines between entries stay where they are.
// - Entries with a readable time are sorted by it, stably: entries with equal times keep their
//   order. The direction is the timeline's own, as the writer reads it: newest first when its
//   first timed entry is later than its last, else oldest first.
// - An entry whose time cannot be read (a table row with an empty time cell) keeps its position:
//   the timed entries are sorted into the positions around it.
// - Every byte outside the timeline, and every byte of each entry, is kept (line endings, BOM).
// - Timelines are sorted separately when an incident has several (a heading between them).
import type { LogIndex, Splice, TimelineEntry } from '../model';
import { WriteRefused, requireIncident } from '../log/writer';
import { toDate } from '../format/time';

export interface TimelineOrder {
  splices: Splice[];
  /** Entries that changed position (0 when the timeline was already in order). */
  moved: number;
  /** Entries the sort considered. */
  entries: number;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  if (starts[starts.length - 1] === text.length && text.length > 0) starts.pop();
  return starts;
}

const isBlank = (s: string) => s.trim() === '';
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const LIST_START = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/** Sorts one incident's timeline entries by time (see the rule above). */
export function normalizeTimeline(index: LogIndex, id: string): TimelineOrder {
  if (index.hasConflicts) {
    const p = index.problems.find((x) => x.code === 'conflict-markers');
    throw new WriteRefused(`The log has git conflict markers${p ? ` (line ${p.line})` : ''}; resolve the merge first. Nothing was written.`);
  }
  const incident = requireIncident(index, id);
  const entries = incident.timeline;
  if (entries.length < 2) return { splices: [], moved: 0, entries: entries.length };
  const text = index.text;
  const starts = lineStarts(text);
  const lineCount = starts.length;
  const lineAt = (li: number) => text.slice(starts[li], li + 1 < lineCount ? starts[li + 1] : text.length);
  const bare = (li: number) => lineAt(li).replace(/\r?\n$/, '');
  const endLine = (() => {
    // The last line of the incident (its section, or its file).
    let li = entries[entries.length - 1].line;
    while (li + 1 < lineCount && starts[li + 1] < incident.end) li++;
    return li;
  })();

  // Runs of entries in one timeline: increasing lines, no heading in between.
  const runs: TimelineEntry[][] = [];
  let run: TimelineEntry[] = [];
  for (const e of entries) {
    const prev = run[run.length - 1];
    let split = !prev || e.line <= prev.line;
    for (let li = prev ? prev.line + 1 : e.line; !split && li < e.line; li++) if (HEADING.test(bare(li))) split = true;
    if (split && run.length) {
      runs.push(run);
      run = [];
    }
    run.push(e);
  }
  if (run.length) runs.push(run);

  const splices: Splice[] = [];
  let moved = 0;
  for (const r of runs) {
    if (r.length < 2) continue;
    // Each unit: [blockStart, blockEnd) the entry, [blockEnd, next start) the blank lines after it.
    const blocks: string[] = [];
    const gaps: string[] = [];
    for (let k = 0; k < r.length; k++) {
      const first = r[k].line;
      let last = first;
      if (k + 1 < r.length) {
        last = r[k + 1].line - 1;
        while (last > first && isBlank(bare(last))) last--;
      } else {
        // The last entry: its continuation lines and untimed items, as the reader extends it.
        // Blank lines are crossed when what follows still belongs to the list (a fence with a
        // blank line in it, a loose list's next item).
        const tableRow = bare(first).trimStart().startsWith('|');
        for (let j = last + 1; !tableRow && j <= endLine; j++) {
          const next = bare(j);
          if (isBlank(next)) continue;
          if (HEADING.test(next) || !(/^[ \t]/.test(next) || LIST_START.test(next))) break;
          last = j;
        }
      }
      const blockEnd = last + 1 < lineCount ? starts[last + 1] : text.length;
      const gapEnd = k + 1 < r.length ? starts[r[k + 1].line] : blockEnd;
      blocks.push(text.slice(starts[first], blockEnd));
      gaps.push(text.slice(blockEnd, gapEnd));
    }
    const regionStart = starts[r[0].line];
    const original = blocks.map((b, k) => b + gaps[k]).join('');
    const lastHasEol = blocks[blocks.length - 1].endsWith('\n');
    const closed = blocks.map((b) => (b.endsWith('\n') ? b : b + index.eol));

    const times = r.map((e) => toDate(e.at)?.getTime() ?? null);
    const known = times.filter((t): t is number => t !== null);
    // The writer's own rule for where new entries go: newest first when the first is the later.
    const newestFirst = known.length >= 2 && known[0] > known[known.length - 1];
    const timed = r.map((_, k) => k).filter((k) => times[k] !== null);
    const sorted = [...timed].sort((a, b) => {
      const d = (times[a] as number) - (times[b] as number);
      return (newestFirst ? -d : d) || a - b;
    });
    const order = r.map((_, k) => k);
    timed.forEach((slot, i) => (order[slot] = sorted[i]));
    let region = order.map((k, pos) => closed[k] + gaps[pos]).join('');
    if (!lastHasEol) region = region.replace(/\r?\n$/, '');
    if (region === original) continue;
    moved += order.filter((k, pos) => k !== pos).length;
    splices.push({ start: regionStart, end: regionStart + original.length, text: region });
  }
  return { splices, moved, entries: entries.length };
}
