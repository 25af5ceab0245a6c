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
import { transliterate } from './derivedIds';
import { buildSectionIncident } from './sections';

/** How far along a status is: the policy's order, a resolved status last, an unknown one first. */
function statusRank(policy: Policy, status: string | null): number {
  if (!status) return -2;
  if (isResolvedStatus(policy, status)) return 1000;
  const t = status.trim().toLowerCase();
  return policy.statuses.findIndex((s) => s.toLowerCase() === t);
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
): Incident[] {
  if (sections.size === 0) return rows;
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
    if (!target || target.at < 0 || row.source === 'linked-file') {
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
