// One incident described twice: a summary table at the top of the log and a detail section
// below it with the same id. They are one incident: the section (where writes go), with the
// section's fields winning for detail, the row's filling what the section lacks, and the row's
// status when it is the newer one (further along: a table updated to Resolved while the
// section still says Investigating).
import type { Field, Incident } from '../model';
import { type Policy, isResolvedStatus } from '../policy';
import type { IndexContext, Section } from './context';
import type { HeadingFacts } from './headings';
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
 * Merges each table row whose id a section also has into that section (replacing it in
 * `incidents`); returns the rows that stay incidents of their own.
 */
export function mergeRowsIntoSections(
  ctx: IndexContext,
  rows: Incident[],
  incidents: Incident[],
  sections: Map<string, { section: Section; facts: HeadingFacts; at: number }>,
): Incident[] {
  if (sections.size === 0) return rows;
  const rest: Incident[] = [];
  for (const row of rows) {
    const target = row.idWritten ? sections.get(row.id.toLowerCase()) : undefined;
    if (!target || row.source === 'linked-file') {
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
    if (!merged.title && row.title) merged.title = row.title;
    incidents[target.at] = merged;
    mergedIndexes.add(incidents);
  }
  return rest;
}
