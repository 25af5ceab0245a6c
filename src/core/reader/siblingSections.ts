// Sections shaped like the incidents beside them. A register's entries share a schema: when
// `## EXTERNAL_DISK_LOST` is read as an incident (it says `Stato: OPEN`) and `## WAL_GROWTH`
// beside it writes the same labelled lines (`Sintomo:`, `Root cause:`, `Fix:`) without a status,
// id or date, it is an entry of the same register. Words and labels only; one pass over the
// headings, and a section's lines are read only where it is not an incident already.
import type { IndexContext } from './context';
import { lineText, sectionEndLine } from './context';
import { isChangeHeading, isExampleHeading, isMetaTitle, isSubsectionName, saysNoIncidents, saysNotAnIncident } from './proseIncidents';
import { wordsOf } from './proseWords';
import { readFields } from './fields';
import { headingFacts } from './headings';
import { isTemplateId } from './headingIds';
import { isPlaceholderSection } from './placeholders';
import { parentIndex } from './statusGroups';
import { firstColon, stripInline } from './text';

/** Labels shared with a neighbouring incident that make a section one of the same register. */
const SHARED_LABELS = 2;

/** At most this many labels are read per section: enough to compare, bounded on a long one. */
const LABELS_READ = 12;

/**
 * The headings (indices) outside the incident sections `starts` that stand beside one of them
 * (same parent, same level) and label at least two lines with labels that incident's section
 * also uses. Examples, changes, templates, sub-section names and sections that say they are not
 * an incident are not read.
 */
export function sectionsLikeSiblings(ctx: IndexContext, bodyLine: number, starts: ReadonlyArray<{ hi: number; naturalEnd: number }>): number[] {
  const headings = ctx.headings;
  if (starts.length === 0 || starts.length === headings.length) return [];
  const startAt = new Map<number, number>();
  const groups = new Map<string, number[]>();
  for (let k = 0; k < starts.length; k++) {
    const hi = starts[k].hi;
    startAt.set(hi, k);
    const g = `${parentIndex(headings, hi)}:${headings[hi].level}`;
    const list = groups.get(g);
    if (list) list.push(hi);
    else groups.set(g, [hi]);
  }
  const labelsOf = new Map<number, Set<string>>();
  const labels = (hi: number) => {
    let set = labelsOf.get(hi);
    if (!set) labelsOf.set(hi, (set = sectionLabels(ctx, hi)));
    return set;
  };
  const out: number[] = [];
  /** Per group, the section this rule added last: the next one may be shaped like it. */
  const lastAdded = new Map<string, number>();
  let covered = -1;
  for (let hi = 0; hi < headings.length; hi++) {
    const h = headings[hi];
    const k = startAt.get(hi);
    if (k !== undefined) {
      covered = Math.max(covered, starts[k].naturalEnd);
      continue;
    }
    if (h.line < covered || h.line < bodyLine || h.level < 2 || h.level > 4) continue;
    const g = `${parentIndex(headings, hi)}:${h.level}`;
    const group = groups.get(g);
    if (!group) continue;
    const mine = labels(hi);
    if (mine.size < SHARED_LABELS) continue;
    // From here on, what the incidents beside it label decides: an edit of theirs may change it.
    ctx.readsBeside = true;
    // Its neighbours in the register: the entries just before and after it, read or added.
    const next = nearestAfter(group, hi);
    const before = Math.max(nearestBefore(group, hi), lastAdded.get(g) ?? -1);
    if (!(before >= 0 && alike(mine, labels(before))) && !(next >= 0 && alike(mine, labels(next)))) continue;
    const title = stripInline(h.text);
    if (isMetaTitle(title) || isSubsectionName(title, ctx) || isExampleHeading(h.text) || isChangeHeading(h.text) || saysNoIncidents(title)) continue;
    const to = sectionEndLine(ctx, hi);
    const facts = headingFacts(ctx, h.text);
    // A seed entry (`I-INIT-001`) or an addendum was passed over on purpose.
    if ((facts.id && isTemplateId(facts.id)) || facts.addendum) continue;
    if (isPlaceholderSection(facts.title || title, facts.id, facts.date, readFields(ctx, h.line + 1, to))) continue;
    if (saysNotAnIncident(ctx, title, h.line + 1, to)) continue;
    out.push(hi);
    lastAdded.set(g, hi);
  }
  return out;
}

/** Whether two sections share enough labels to be entries of one register. */
function alike(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  let shared = 0;
  for (const label of b) if (a.has(label) && ++shared >= SHARED_LABELS) return true;
  return false;
}

/** The entry of `group` (heading indices, ascending) nearest before `hi`, or -1. */
function nearestBefore(group: readonly number[], hi: number): number {
  const k = firstAfter(group, hi);
  return k > 0 ? group[k - 1] : -1;
}

/** The entry of `group` nearest after `hi`, or -1. */
function nearestAfter(group: readonly number[], hi: number): number {
  const k = firstAfter(group, hi);
  return k < group.length ? group[k] : -1;
}

/** The position of the first entry of `group` after `hi` (binary search). */
function firstAfter(group: readonly number[], hi: number): number {
  let lo = 0;
  let up = group.length;
  while (lo < up) {
    const mid = (lo + up) >> 1;
    if (group[mid] <= hi) lo = mid + 1;
    else up = mid;
  }
  return lo;
}

/**
 * The labels of a section's own lines (up to its first sub-heading): a line's words before its
 * colon (`- Sintomo: …`, `**Root cause:** …`), at most four words, with a value after it.
 */
function sectionLabels(ctx: IndexContext, hi: number): Set<string> {
  const { lines, headings } = ctx;
  const out = new Set<string>();
  const from = headings[hi].line + 1;
  for (let li = from; li < lines.starts.length && out.size < LABELS_READ; li++) {
    if (lines.level[li]) break;
    if (lines.skip[li] || lines.ends[li] === lines.starts[li]) continue;
    const line = lineText(ctx, li).slice(0, 200);
    const colon = firstColon(line);
    if (colon < 1 || colon > 60 || !stripInline(line.slice(colon + 1)).trim()) continue;
    const words = wordsOf(stripInline(line.slice(0, colon)), 5);
    // A time's colon (`14:30 deploy`) labels nothing.
    if (words.length >= 1 && words.length <= 4 && !isDigit(words[0].charCodeAt(0))) out.add(words.join(' '));
  }
  return out;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
