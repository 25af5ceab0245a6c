// The line-level index: one pass over the log that finds incidents, their fields, timeline,
// checklist and action items, with offsets a writer can splice at. No markdown parser runs
// here: this is the hot path. The reading rules live in ./reader/, one file each:
//   lineScan, blocks   lines, front matter, conflict markers; code, HTML and list blocks as
//                      CommonMark reads them, so that only real headings are headings
//   headings, headingIds   ids, dates, status and severity markers in a heading; sub-section kinds
//   fields, frontMatter    field lines, field tables, front matter, the values read from them
//   timeline, tasks    timeline entries; checklist tasks and action items
//   tables, tableIncidents   GFM tables; table-row logs, occurrence and problem tables, index
//                      tables and the per-incident files they link
//   sections           where section incidents start and end
//   sectionIncident    one section read as an incident (and the one incident of a per-incident file)
//   proseIncidents, proseWords, anatomy   sections telling incidents in prose, by a log's title or
//                      their parts labelled (anatomy); statusGroups: registers grouped by status,
//                      and lessons in force; siblingSections: sections labelled like the incident
//                      beside them
//   statusInProse      a status said in words where no field says it, or restated below the field
//   entryIncidents     incidents with no heading: list entries (tagged with a status, opening
//                      with a bold title), blocks of key lines, paragraphs under a bold line
//   headingFields, merge, placeholders, derivedIds, duplicateFields, hiddenIncidents
//                      a document that is one incident, summary rows merged with sections,
//                      templates, derived ids, fields written twice, headings an open fence hides
//   readingNotes, readingSummary   what a guess noted, and how the log was read, for people
//   lazy               incidents whose body is read, or shifted, on first use
//   indexLog           the orchestrator; reindex: re-reading one section after an edit
//   detail             the one place a full markdown parser runs (one incident, on demand)
import type { Incident, LogIndex } from './model';
import { type Policy, isResolvedStatus } from './playbook/policy';
import { statusIsDeferred } from './playbook/statusWords';

export type { IndexOptions } from './reader/context';
export { readHeading } from './reader/headings';
export { indexIncidentFile, indexLog } from './reader/indexLog';
export { contentOf, plainIncident, readOnce, readingProblems } from './reader/lazy';
export { reindexLog } from './reader/reindex';

export function findIncident(index: LogIndex, id: string): Incident | undefined {
  const want = id.trim();
  const lower = want.toLowerCase();
  return index.incidents.find((i) => i.id === want) ?? index.incidents.find((i) => i.id.toLowerCase() === lower);
}

/**
 * Where an incident stands: `resolved` (a resolved status or time), `active` (any other status),
 * or `unknown` (no status and nothing that says it ended). An unknown incident is neither
 * counted active nor resolved: it gets no reminders, badge or alarm, and has its own group.
 */
export type StatusState = 'active' | 'resolved' | 'unknown' | 'deferred';

/**
 * `deferred`: a status that puts the incident off on purpose (`Deferred`, `Pospuesto`, a
 * playbook's deferred word): not active (no reminders, badge or alarm), not resolved either.
 */
export function statusState(incident: Incident, policy: Policy): StatusState {
  if (incident.resolved) return 'resolved';
  if (!incident.status) return 'unknown';
  if (isResolvedStatus(policy, incident.status)) return 'resolved';
  return statusIsDeferred(policy, incident.status) ? 'deferred' : 'active';
}

/** An incident still being worked: a status that is not resolved, and no resolved time. */
export function isActive(incident: Incident, policy: Policy): boolean {
  return statusState(incident, policy) === 'active';
}

/** The policy an index's severities were read with: its inferred preset, else `policy`. */
export function policyOf(index: LogIndex, policy: Policy): Policy {
  return index.inferredPolicy?.policy ?? policy;
}
