// Parts written at the level of their entry: `### ❗ 403 on /mypage` followed by `### 🔍 Cause`
// and `### ✅ Fix` at the same level, entry after entry. A person reads each part as the
// entry's own; the headings say they are its siblings. Read only when nothing else in the log
// is an incident (see runIndex): the parts are then taken one level down, under their entry.
import type { IndexContext } from './context';
import type { Heading } from './lineScan';
import { isAnatomyTitle } from './anatomy';
import { isMetaTitle, isSubsectionName } from './proseIncidents';

/** Entries followed by parts at their own level, under one parent, that make the shape a register's (one is a document's sections). */
const ENTRIES_NEEDED = 2;

/**
 * The headings with each run of part headings (`Cause`, `Fix`, `원인`, …) that follows an entry
 * heading at the same level taken one level down, with what lies under them; the same array
 * when fewer than two entries under one parent have such parts.
 */
export function nestFlatParts(ctx: IndexContext): Heading[] {
  const headings = ctx.headings;
  const n = headings.length;
  if (n < 2 * ENTRIES_NEEDED + 1) return headings;
  /** Per parent heading (its index, or -1), the entries with parts found under it. */
  const entries = new Map<number, number>();
  /** Per heading, the entry its run of parts follows, or -1. */
  const partOf = new Int32Array(n).fill(-1);
  const parentOf = new Int32Array(n);
  const mayLead = new Uint8Array(n);
  const documentParts = new Set<number>();
  const stack: number[] = [];
  for (let k = 0; k < n; k++) {
    const h = headings[k];
    while (stack.length && headings[stack[stack.length - 1]].level >= h.level) stack.pop();
    parentOf[k] = stack.length ? stack[stack.length - 1] : -1;
    stack.push(k);
    if (h.level < 2) continue;
    const part = isAnatomyTitle(h.text);
    // The previous heading at this level under the same parent, with nothing between but deeper ones.
    const prev = part ? previousSibling(headings, k) : -1;
    const lead = prev < 0 ? -1 : partOf[prev] >= 0 ? partOf[prev] : mayLead[prev] ? prev : -1;
    if (lead >= 0) {
      partOf[k] = lead;
      if (lead === prev) entries.set(parentOf[k], (entries.get(parentOf[k]) ?? 0) + 1);
    } else if (!part && !isMetaTitle(h.text) && !isSubsectionName(h.text, ctx)) mayLead[k] = 1;
    // A summary or a timeline at that level makes the level one document's parts (a post-mortem's
    // `## Summary`, `## Timeline`, `## Contributing factor: …`, `## Root cause`): no entries there.
    else if (!part) documentParts.add(parentOf[k]);
  }
  for (const parent of documentParts) entries.delete(parent);
  let any = false;
  const nested = headings.slice();
  for (let k = 0; k < n; k++) {
    if (partOf[k] < 0 || (entries.get(parentOf[k]) ?? 0) < ENTRIES_NEEDED) continue;
    any = true;
    // The part and what lies under it go one level down.
    const level = headings[k].level;
    nested[k] = { ...headings[k], level: level + 1 };
    for (let j = k + 1; j < n && headings[j].level > level; j++) nested[j] = { ...headings[j], level: Math.min(6, headings[j].level + 1) };
  }
  return any ? nested : headings;
}

/** The heading before k at k's level with only deeper headings between, or -1. */
function previousSibling(headings: readonly Heading[], k: number): number {
  for (let j = k - 1; j >= 0; j--) {
    if (headings[j].level === headings[k].level) return j;
    if (headings[j].level < headings[k].level) return -1;
  }
  return -1;
}
