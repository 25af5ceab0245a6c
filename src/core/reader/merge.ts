// One incident described twice: a summary table at the top of the log and a detail section
// below it with the same id. They are one incident: the section (where writes go), with the
// section's fields winning for detail, the row's filling what the section lacks, and the row's
// status when it is the newer one (further along: a table updated to Resolved while the
// section still says Investigating).
import type { Field, Incident } from '../model';
import { type Policy, isResolvedStatus } from '../playbook/policy';
import type { IndexContext, Section } from './context';
import type { HeadingFacts } from './headings';
import { documentTitle } from './headingFields';
import { titleWords, transliterate } from './derivedIds';
import { buildSectionIncident } from './sectionIncident';
import { wordsOf } from './proseWords';
import { stripInline } from './text';

/** How far along a status is: the policy's order, a resolved status last, an unknown one first. */
function statusRank(policy: Policy, status: string | null): number {
  if (!status) return -2;
  if (isResolvedStatus(policy, status)) return 1000;
  const t = status.trim().toLowerCase();
  return policy.statuses.findIndex((s) => s.toLowerCase() === t);
}

/** What a row calls its incident: its title, and the cell of a column named Incident, Name or Title. */
function rowNames(row: Incident): string[] {
  const names = row.title ? [row.title] : [];
  for (const f of row.fields) {
    const key = f.key.trim().toLowerCase();
    if ((key === 'incident' || key === 'name' || key === 'title') && f.value.trim()) names.push(f.value);
  }
  return names;
}

/**
 * Finds the one section a summary row names in other words: its title holds every word of one
 * of the row's names (`Disk exhaustion` for `Incident 1: Disk Exhaustion from Stale Chunks`), or
 * one of the names holds every word of its title (`Gitea ➜ Forgejo Migration Failure` for
 * `Forgejo Migration Failure`). Two words at least on the shorter side, so that a one-word name
 * never lands on a guess; a dated row only on a section of its day; undefined when none or
 * several sections fit. The sections' words are read on the first call only.
 */
function shortTitleMatcher<T extends { facts: HeadingFacts }>(titled: readonly T[]): (names: readonly string[], day: string | null) => T | undefined {
  let words: Array<Set<string>> | undefined;
  const within = (small: ReadonlySet<string> | readonly string[], big: ReadonlySet<string>) => [...small].every((w) => big.has(w));
  return (names, day) => {
    for (const name of names) {
      const wanted = matchWords(name);
      if (wanted.size < 2 || wanted.size > 16) continue;
      words ??= titled.map((t) => matchWords(t.facts.title));
      let found: T | undefined;
      let several = false;
      for (let k = 0; k < titled.length && !several; k++) {
        if (day && titled[k].facts.date && titled[k].facts.date!.slice(0, 10) !== day) continue;
        const own = words[k];
        if (!(within(wanted, own) || (own.size >= 2 && within(own, wanted)))) continue;
        if (found) several = true;
        else found = titled[k];
      }
      if (found && !several) return found;
    }
    return undefined;
  };
}

/**
 * A title's words for matching a row to a section: transliterated Latin words (titleWords), and
 * the words of scripts it does not transliterate (Korean, Chinese, Japanese, Hebrew, Arabic, …)
 * as written, so that `DB 복구 후 사진(media) 안 보임` holds every word of `DB 복구 후 사진 안 보임`.
 */
function matchWords(title: string): Set<string> {
  const out = new Set(titleWords(title));
  for (const w of wordsOf(stripInline(title), 40)) if (!titleWords(w).length) out.add(w);
  return out;
}

/** Incidents whose table row was merged into a section, per index (a re-index must then read in full). */
const mergedIndexes = new WeakSet<object>();

export function hadMerges(incidents: readonly Incident[]): boolean {
  return mergedIndexes.has(incidents);
}

/**
 * Merges each table row whose id a section also has (or, for a row without an id, whose day is
 * the date of one section's heading) into that section, replacing it in `incidents`; returns
 * the rows that stay incidents of their own. `sections` maps ids (lower-case) and `day:DATE`.
 */
export function mergeRowsIntoSections(
  ctx: IndexContext,
  rows: Incident[],
  incidents: Incident[],
  sections: Map<string, { section: Section; facts: HeadingFacts; at: number }>,
  titled: ReadonlyArray<{ section: Section; facts: HeadingFacts; at: number }> = [],
): Incident[] {
  if (sections.size === 0 && titled.length === 0) return rows;
  const byWords = shortTitleMatcher(titled);
  const taken = new Set<number>();
  const rest: Incident[] = [];
  const replaced = new Set<Incident>();
  // A row without an id matches a section by the day in its heading, when both are the only
  // ones of that day (`| 2026-07-07 | … |` and `## Incident Detail: 2026-07-07`).
  const rowsPerDay = new Map<string, number>();
  for (const row of rows) if (!row.idWritten && row.detected) rowsPerDay.set(row.detected.slice(0, 10), (rowsPerDay.get(row.detected.slice(0, 10)) ?? 0) + 1);
  for (const row of rows) {
    let target = row.idWritten ? sections.get(row.id.toLowerCase()) : undefined;
    // A row without an id: the section with its day and title, else the one section with its
    // title (a section whose heading has no date), else the one section of its day.
    const slug = !row.idWritten && row.title ? transliterate(row.title) : '';
    if (slug) {
      const dayTitle = row.detected ? sections.get(`dt:${row.detected.slice(0, 10)}|${slug}`) : undefined;
      const title = sections.get(`t:${slug}`);
      target = dayTitle ?? (title && title.at >= 0 && (!row.detected || !title.facts.date) ? title : undefined);
    }
    if (!target && !row.idWritten && row.detected && rowsPerDay.get(row.detected.slice(0, 10)) === 1) target = sections.get(`day:${row.detected.slice(0, 10)}`);
    // A summary row with neither id nor date that names its incident in short (`Disk exhaustion`
    // for `## Incident 1: Disk Exhaustion from Stale Chunks (143 GB)`): the one section whose
    // title holds every word of it.
    if (!target && !row.idWritten) target = byWords(rowNames(row), row.detected ? row.detected.slice(0, 10) : null);
    if (!target || target.at < 0 || taken.has(target.at) || row.source === 'linked-file') {
      rest.push(row);
      continue;
    }
    const merged = buildSectionIncident(ctx, target.section, target.facts, { after: row.fields });
    if (statusRank(ctx.policy, row.status) > statusRank(ctx.policy, merged.status)) {
      merged.status = row.status;
      // The row's status field first, so that a write changes the value that is read.
      const rowStatus = row.fields.find((f) => f.canonical === 'status' && f.value.trim() !== '');
      if (rowStatus) merged.fields = [rowStatus, ...merged.fields.filter((f: Field) => f !== rowStatus)];
    }
    // A section named only generically (`## Incident Detail: 2026-07-07`, `## Incident Report`)
    // takes the row's title.
    if (row.title && (!merged.title || documentTitle(merged.title).generic)) merged.title = row.title;
    taken.add(target.at);
    replaced.add(incidents[target.at]);
    incidents[target.at] = merged;
    mergedIndexes.add(incidents);
  }
  // A replaced section read lazily would report its reading problems a second time.
  if (replaced.size) {
    const keep = ctx.lazy.filter((i) => !replaced.has(i));
    ctx.lazy.length = 0;
    ctx.lazy.push(...keep);
  }
  return rest;
}
