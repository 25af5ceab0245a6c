// Section incidents: a `##`–`####` heading whose text holds an id or a date, or whose body
// holds incident fields, up to the next heading of the same or a higher level (or the next
// sibling incident inside it; templates and addenda aside, see findIncidentStarts). This file
// finds where they are; sectionIncident.ts reads each one.
import type { Field, Incident, IncidentReading } from '../model';
import { readStatus } from '../playbook/statusWords';
import { anatomyKeyCount, filledParts, isAnatomyTitle, namesCause } from './anatomy';
import { saysNotYetHappened } from './proseWords';
import { isChangeHeading, isDatedNotIncidentsTitle, isExampleHeading, isMeetingTitle, isIncidentLogTitle, isMetaTitle, saysNothingHappened, proseIncidentStarts, saysNoIncidents, sectionListsIncidents } from './proseIncidents';
import { stripInline } from './text';
import { type IndexContext, type Section, lineText, sectionEndLine } from './context';
import { fieldsLookLikeIncident, readFields, readFrontMatterFields } from './fields';
import { HEADING_FACTS_CAP, type HeadingFacts, headingFacts, subsectionKind } from './headings';
import { headingFieldIncident, leadingDocumentIncident } from './headingFields';
import { mergeRowsIntoSections } from './merge';
import { filledFields, isPlaceholderSection, isPlaceholderValue, isTemplateTitle } from './placeholders';
import { findHeadingId, isTemplateId } from './headingIds';
import { transliterate } from './derivedIds';
import { findTableIncidents } from './tableIncidents';
import { entryIncidents, idLineIncident, labelledListEntries } from './entryIncidents';
import { buildSectionIncident, lazySectionIncident, singleIncident } from './sectionIncident';
import { LazySectionIncident } from './lazy';
import { holdsStatusUpdates, isMaintenanceTitle } from './statusUpdates';
import { findIdLines, idFamilies } from './idLines';
import { reviewDocument } from './reviewDocument';
import { anyUnderStatusGroup, headingGroupStatus, isGroupedProblemsTitle, isKnownProblemsTitle, parentIndex, statusGroupsHolding } from './statusGroups';
import { sectionsLikeSiblings } from './siblingSections';

/** The first heading line inside (bodyLine, endLine), or endLine. */
function firstSubheading(ctx: IndexContext, bodyLine: number, endLine: number): number {
  for (let li = bodyLine; li < endLine; li++) if (ctx.lines.level[li]) return li;
  return endLine;
}

/** Marks a day that more than one section's heading carries: no row merges by that day. */
const DAY_TAKEN = { section: { headingLine: -1, level: 0, bodyLine: -1, endLine: -1 }, facts: { id: null, title: '', severityText: null, date: null }, at: -1 };

/** A heading that starts an incident, and the line its section runs to at most. */
interface IncidentStart {
  hi: number;
  facts: HeadingFacts;
  /** An incident by a date in a closing note alone (see findIncidentStarts). */
  weak?: boolean;
  /** Where the section would end on its own: the next heading of its level, or its container's end. */
  naturalEnd: number;
  /** An incident by the prose rule (see proseIncidents.ts): what to note on it. */
  prose?: IncidentReading;
}

/**
 * Every incident of a log: sections, then table rows in the text between them. A table row
 * and a section with the same id are one incident (see mergeRowsIntoSections); a log of one
 * incident written as an H1 with H2 fields is read as that incident (see headingFieldIncident).
 */
export function findIncidents(ctx: IndexContext, bodyLine: number): Incident[] {
  let starts = findIncidentStarts(ctx, bodyLine);
  // Front matter that tells an incident over dated sections (`## 2026-02-10T11:20:00`, `##
  // 2026-02-10T12:05Z — Resolved`): one incident, the sections its updates.
  if (bodyLine > 0 && starts.length && starts.every((s) => !s.facts.id && s.facts.date) && frontMatterTellsIncident(ctx, bodyLine)) starts = [];
  if (anyUnderStatusGroup(ctx, starts.map((s) => ctx.headings[s.hi].line))) ctx.groupedByStatus = true;
  const incidents: Incident[] = [];
  // Paragraphs opened by a line written as these headings are, without `#` (see idLines).
  // Only in a log titled as one (`# Incident log`): a project journal's `TASK-12: …` lines are its notes.
  const families = ctx.headings.some((h) => h.level === 1 && h.line >= bodyLine && isIncidentLogTitle(h.text)) ? idFamilies(starts.map((s) => s.facts.id)) : undefined;
  const idLineCandidates = families ? findIdLines(ctx, bodyLine, families, new Set(starts.flatMap((s) => (s.facts.id ? [s.facts.id.toLowerCase()] : [])))) : [];
  let nextIdLine = 0;
  const lostHeadings: Array<{ line: number; end: number; facts: HeadingFacts }> = [];
  const sections = new Map<string, { section: Section; facts: HeadingFacts; at: number }>();
  // Every section read, for the table rows that may name one of them (see sectionKeys).
  const placed: Array<{ section: Section; facts: HeadingFacts; at: number }> = [];
  // Tables outside incident sections may be table-row logs or index tables.
  const tableScanRanges: Array<[number, number]> = [];
  let scanFrom = bodyLine;
  for (let k = 0; k < starts.length; k++) {
    const { hi, facts, naturalEnd } = starts[k];
    const h = ctx.headings[hi];
    const sectionEnd = k + 1 < starts.length ? Math.min(naturalEnd, ctx.headings[starts[k + 1].hi].line) : naturalEnd;
    const lost: Array<{ line: number; facts: HeadingFacts }> = [];
    while (nextIdLine < idLineCandidates.length && idLineCandidates[nextIdLine].line <= h.line) nextIdLine++;
    while (nextIdLine < idLineCandidates.length && idLineCandidates[nextIdLine].line < sectionEnd) lost.push(idLineCandidates[nextIdLine++]);
    const endLine = lost.length ? lost[0].line : sectionEnd;
    const section: Section = { headingLine: h.line, level: h.level, bodyLine: h.line + 1, endLine };
    lostHeadings.push(...lost.map((l, j) => ({ ...l, end: j + 1 < lost.length ? lost[j + 1].line : sectionEnd })));
    if (scanFrom < h.line) tableScanRanges.push([scanFrom, h.line]);
    scanFrom = Math.max(scanFrom, naturalEnd);
    // The same section pasted twice, word for word (`## Incidente #002` twice over): one
    // incident, the first copy; `check` says where the copy is so that it can be deleted.
    // One lower-cased id per section: the same id is looked up, then kept.
    const idKey = facts.id ? facts.id.toLowerCase() : undefined;
    const earlier = idKey !== undefined ? sections.get(idKey) : undefined;
    if (earlier && earlier !== DAY_TAKEN && sameSectionText(ctx, earlier.section, section)) {
      ctx.repeatsSection = true;
      ctx.problems.push({
        code: 'repeated-section',
        message: `Lines ${section.headingLine + 1}–${section.endLine} repeat the section of ${facts.id} at line ${earlier.section.headingLine + 1} word for word, so they are read as that one incident. Delete one copy.`,
        line: section.headingLine + 1,
        incidentId: facts.id!,
        severity: 'warning',
      });
      continue;
    }
    const entry = { section, facts, at: incidents.length };
    if (idKey !== undefined) sections.set(idKey, entry);
    placed.push(entry);
    if (starts[k].prose) {
      const incident = buildSectionIncident(ctx, section, facts);
      incident.reading = { ...starts[k].prose, ...incident.reading };
      incidents.push(incident);
      continue;
    }
    incidents.push(facts.id && facts.title && !facts.status && !facts.endDate ? lazySectionIncident(ctx, section, facts) : buildSectionIncident(ctx, section, facts));
  }
  for (const l of lostHeadings) incidents.push(idLineIncident(ctx, l.line, l.end, l.facts));
  if (scanFrom < ctx.lines.starts.length) tableScanRanges.push([scanFrom, ctx.lines.starts.length]);
  const rows: Incident[] = [];
  for (const [from, to] of tableScanRanges) findTableIncidents(ctx, from, to, rows);
  // The keys by day and title only when there are rows to look them up: most logs have none.
  const merged = rows.length ? mergeRowsIntoSections(ctx, rows, incidents, sectionKeys(sections, placed), placed.filter((p) => p.facts.title)) : rows;
  incidents.push(...merged);
  if (incidents.length === 0 && frontMatterTellsIncident(ctx, bodyLine)) incidents.push(...singleIncident(ctx, bodyLine, true));
  // A review of one incident as a document (`# Retro: the March 12 release rollback` over `## What
  // happened`, `## Root cause`): the document is the incident.
  if (incidents.length === 0 && reviewDocument(ctx, bodyLine)) incidents.push(...singleIncident(ctx, bodyLine));
  if (incidents.length === 0) {
    // Fields under the title make the file one incident, unless they stand in two list items or
    // more that each tell one (`# Incidents` over `- Date: …` / `Cause: …` / `Fix: …` items).
    const whole = headingFieldIncident(ctx, bodyLine);
    if (whole && labelledListEntries({ ...ctx, problems: [] }, bodyLine).length < 2) incidents.push(whole);
    else incidents.push(...entryIncidents(ctx, bodyLine));
  }
  incidents.sort((a, b) => a.start - b.start);
  openWhereNotStruckThrough(ctx, incidents);
  // A post-mortem document with later incidents appended as sections is one more incident.
  const document = incidents.length && incidents[0].source !== 'linked-file' ? leadingDocumentIncident(ctx, bodyLine, incidents[0].line - 1) : undefined;
  if (document) incidents.unshift(document);
  return incidents;
}

/**
 * A log that strikes through the titles of what is fixed (`### ~~Feed returns 500~~ (Feb 2)`)
 * leaves the others open: among incidents told in prose, two or more struck through, one that is
 * not and says nothing of its status is open. Lazy sections (ids in their headings) are not read
 * for this: their status comes from their fields when they are read.
 */
function openWhereNotStruckThrough(ctx: IndexContext, incidents: Incident[]): void {
  let struck = 0;
  for (const i of incidents) if (!(i instanceof LazySectionIncident) && i.reading?.statusText?.words === 'struck through') struck++;
  if (struck < 2) return;
  const open = readStatus(ctx.policy, 'Open')?.status ?? 'Open';
  for (const i of incidents) {
    if (i instanceof LazySectionIncident || i.status || i.source !== 'section' || i.reading?.shape !== 'prose-section') continue;
    i.status = open;
    i.reading = { ...i.reading, statusText: { words: 'not struck through, where fixed ones are', line: i.line, open: true } };
  }
}

/**
 * `sections` (ids, lower-case) with the keys a table row without an id looks its section up by:
 * `day:DATE` (taken when two sections share the day), `dt:DATE|slug` and `t:slug` (by title,
 * taken when two share it), in log order.
 */
function sectionKeys(
  sections: Map<string, { section: Section; facts: HeadingFacts; at: number }>,
  placed: ReadonlyArray<{ section: Section; facts: HeadingFacts; at: number }>,
): Map<string, { section: Section; facts: HeadingFacts; at: number }> {
  for (const entry of placed) {
    const { facts } = entry;
    if (facts.date && facts.date.length === 10) sections.set(`day:${facts.date}`, sections.has(`day:${facts.date}`) ? DAY_TAKEN : entry);
    const slug = facts.id ? '' : transliterate(facts.title);
    if (slug) {
      if (facts.date && facts.date.length >= 10) sections.set(`dt:${facts.date.slice(0, 10)}|${slug}`, entry);
      sections.set(`t:${slug}`, sections.has(`t:${slug}`) ? DAY_TAKEN : entry);
    }
  }
  return sections;
}

/**
 * Front matter with a title and a severity, a status or a resolution (`title: "Storage down"`,
 * `severity: down`, `resolved: true`, as status-page generators keep one issue per file) makes a
 * file where no section is an incident one incident, its sections its updates. A title and a
 * date alone are any page's.
 */
function frontMatterTellsIncident(ctx: IndexContext, bodyLine: number): boolean {
  if (bodyLine === 0) return false;
  const fields = readFrontMatterFields(ctx, bodyLine);
  // Keys an incident's page has and an ADR's, a post's or an event's has not: `severity`,
  // `resolved` / `resolvedWhen`, or a `status` the playbook's words read (`accepted`, `publish` are not).
  return (
    fields.some((f) => f.canonical === 'title') &&
    fields.some((f) => {
      const name = f.key.toLowerCase();
      if (isPlaceholderValue(f.value)) return false;
      if (name === 'status') return readStatus(ctx.policy, f.value)?.meaning !== undefined;
      return name === 'severity' || name === 'resolved' || name === 'resolvedwhen';
    })
  );
}

/** Whether two sections hold the same text, heading included, blank lines at their ends aside. */
function sameSectionText(ctx: IndexContext, a: Section, b: Section): boolean {
  const slice = (x: Section) => ctx.text.slice(ctx.lines.starts[x.headingLine], x.endLine < ctx.lines.starts.length ? ctx.lines.starts[x.endLine] : ctx.text.length).trimEnd();
  return slice(a) === slice(b);
}

/**
 * The headings that start incidents, in order. A heading of level 2 to 4 outside an incident is
 * one when it has an id (see headingIds.ts), a date, or incident fields in its section, and is
 * not a template. Inside an incident, a deeper heading with an id and fields of its own is a
 * sibling incident (it ends the one above it); an addendum (`INC-001-addendum`,
 * `Addendum: …`) right after its incident belongs to it.
 */
function findIncidentStarts(ctx: IndexContext, bodyLine: number): IncidentStart[] {
  const starts: IncidentStart[] = [];
  const headings = ctx.headings;
  // The ids of the starts so far, lower-cased into a set only when an addendum asks (few logs
  // have one): lower-casing every id of 2,000 up front cost a tenth of the index.
  const seenIds: string[] = [];
  let seenSet: Set<string> | undefined;
  const seen = (id: string) => (seenSet ??= new Set(seenIds.map((x) => x.toLowerCase()))).has(id.toLowerCase());
  const addSeen = (id: string) => {
    seenIds.push(id);
    seenSet?.add(id.toLowerCase());
  };
  /** The incident (or sibling) being read: its level and where its container ends. */
  let current: { level: number; end: number; id: string | null } | undefined;
  /** Numbered headings not read as incidents on their own (see numberedGaps). */
  const numbered: NumberedHeading[] = [];
  for (let hi = 0; hi < headings.length; hi++) {
    const h = headings[hi];
    if (h.line < bodyLine || h.level < 2 || h.level > 4) continue;
    if (current && h.line < current.end) {
      // Ids hold digits: most sub-headings (Root cause, Impact) are passed over without reading them.
      if (h.level <= current.level || !hasDigit(h.text) || subsectionKind(h.text, ctx.policy)) continue;
      if (!findHeadingId(h.text.slice(0, HEADING_FACTS_CAP), ctx.policy)) continue;
      const facts = headingFacts(ctx, h.text);
      if (!facts.id || facts.addendum || facts.id.toLowerCase() === current.id?.toLowerCase()) continue;
      const own = filledFields(readFields(ctx, h.line + 1, firstSubheading(ctx, h.line + 1, current.end)));
      if (!fieldsLookLikeIncident(ctx.policy, own)) continue;
      starts.push({ hi, facts, naturalEnd: current.end });
      addSeen(facts.id);
      current = { level: current.level, end: current.end, id: facts.id };
      continue;
    }
    const endLine = sectionEndLine(ctx, hi);
    const facts = headingFacts(ctx, h.text);
    const previous = starts[starts.length - 1];
    if (facts.addendum && previous && (facts.id === null || facts.id.toLowerCase() === previous.facts.id?.toLowerCase())) {
      // More about the incident just above: its section runs on over the addendum.
      if (current && h.line === current.end && h.level >= ctx.headings[previous.hi].level) {
        previous.naturalEnd = Math.max(previous.naturalEnd, endLine);
        current.end = previous.naturalEnd;
      }
      continue;
    }
    // An addendum of an incident further up is never a second incident with its id.
    if (facts.addendum && facts.id && seen(facts.id)) continue;
    // Fields are read here only when the heading alone does not decide: a big log's sections
    // are otherwise read on first use (see lazy.ts).
    let fields: Field[] | undefined;
    if (facts.id && isTemplateId(facts.id)) continue;
    // A decision record or a proposal (`## ADR-016: …`, `## RFC-12`) is no incident, unless its fields say it is one.
    if (facts.id && isRecordOfAnotherKind(facts.id) && !fieldsLookLikeIncident(ctx.policy, filledFields((fields ??= readFields(ctx, h.line + 1, firstSubheading(ctx, h.line + 1, endLine)))))) continue;
    // An example's entry (`[Example] …`), and a dated note that nothing happened (`2025-10-08 —
    // System up, no incidents recorded`), and a change tagged as one (`… (new feature)`): none is
    // an incident. Ids rule them out, so a log of ids (the common large one) never pays for the look.
    // A release dated in its heading (`## 14.07.2026 — 2.5.2`, `## Version 5.3 (28.07.2026)`) is a changelog's, not an incident.
    if (!facts.id && (isExampleHeading(h.text) || saysNoIncidents(facts.title) || isChangeHeading(h.text) || (facts.date !== null && isVersionTitle(facts.title)))) continue;
    // A dated heading over a review's follow-ups (`## Action items from the Q2 review (2024-06-14)`) lists work, not an incident.
    if (!facts.id && facts.date !== null && subsectionKind(facts.title, ctx.policy) === 'actionItems' && !(fields ??= readFields(ctx, h.line + 1, firstSubheading(ctx, h.line + 1, endLine))).some((f) => f.canonical === 'severity' || f.canonical === 'status')) continue;
    let isIncident = facts.id !== null || facts.date !== null || facts.before !== undefined;
    // `## Incidente: Crons desabilitados (02/04/2026)` over `### Sintomas`, `### Causa raiz`: an
    // incident's word as its label, and two parts of an incident as its sub-sections.
    if (!isIncident && facts.labelled && facts.title && anatomySubsections(ctx, hi, endLine) >= 2) isIncident = true;
    // A day under a title of meetings, sprints or releases (`# Team meetings` > `## 2026-07-28
    // Weekly sync`) is one of those, unless its own fields tell an incident.
    // So is a day whose own title names a meeting (`## 2026-03-05 Weekly ops sync`).
    if (!facts.id && facts.date !== null && (underDatedNotIncidents(ctx, hi) || isMeetingTitle(facts.title))) {
      fields ??= readFields(ctx, h.line + 1, firstSubheading(ctx, h.line + 1, endLine));
      if (!fieldsLookLikeIncident(ctx.policy, filledFields(fields))) continue;
    }
    if (!isIncident) {
      fields ??= readFields(ctx, h.line + 1, firstSubheading(ctx, h.line + 1, endLine));
      // A status beside labelled parts under a title that explains the log (`## Format` listing
      // `Status: OPEN, RESOLVED`, then `Symptom`, `Root cause`) is the format, not an entry.
      isIncident = fieldsLookLikeIncident(ctx.policy, filledFields(fields)) || numberedWithKeyLines(h.text, fields) || (!isMaintenanceTitle(h.text) && holdsStatusUpdates(ctx, h.line + 1, endLine)) || (statusAndAnatomy(ctx, h.line + 1, firstSubheading(ctx, h.line + 1, endLine), fields, facts, hi, endLine) && !isMetaTitle(facts.title));
    }
    if (!isIncident) {
      const n = sectionNumber(h.text);
      if (n !== undefined) numbered.push({ hi, n, level: h.level, facts, naturalEnd: endLine });
      continue;
    }
    if (mayBeTemplate(facts)) {
      fields ??= readFields(ctx, h.line + 1, firstSubheading(ctx, h.line + 1, endLine));
      if (isPlaceholderSection(facts.title, facts.id, facts.date, fields)) continue;
    }
    // A day's heading and nothing else (`## 2026-03-02`) over sub-sections that each tell an
    // incident by its parts (`### Issue 1` with `Problem:` and `Cause:`): a day of incidents,
    // each sub-section one, dated by the day.
    // Titled too (`## 2026-10-04 · Error injection runs`), when its own lines tell no incident and
    // two sub-sections or more each do.
    if (!facts.id && facts.date) {
      const titled = facts.title.trim() !== '';
      // A titled day with a status, a severity or two parts of its own is one incident, its sub-sections its parts.
      const own = titled ? firstSubheading(ctx, h.line + 1, endLine) : 0;
      const day = titled && (anatomyKeyCount(ctx, h.line + 1, own) >= 2 || readFields(ctx, h.line + 1, own).some((f) => f.canonical !== null && !isPlaceholderValue(f.value))) ? [] : dayOfIncidents(ctx, hi, endLine, facts.date);
      if (day.length >= (titled ? 2 : 1)) {
        starts.push(...day);
        current = { level: h.level, end: endLine, id: null };
        continue;
      }
    }
    // A dated heading that explains the log (`Current Status (2026-01-04)` over a table of
    // figures), or a period's heading over a note that nothing happened (`### January 2026`,
    // `*(No incidents recorded)*`), with no incident fields of its own: no incident.
    if (!facts.id && facts.date) {
      fields ??= readFields(ctx, h.line + 1, firstSubheading(ctx, h.line + 1, endLine));
      const own = filledFields(fields);
      if (!fieldsLookLikeIncident(ctx.policy, own) && ((facts.title.trim() && isMetaTitle(facts.title)) || saysNothingHappened(ctx, h.line + 1, firstSubheading(ctx, h.line + 1, endLine)) || periodOverTable(ctx, facts, h.line + 1, endLine))) continue;
    }
    let weak = false;
    if (!facts.id && facts.dateInNote) {
      fields ??= readFields(ctx, h.line + 1, firstSubheading(ctx, h.line + 1, endLine));
      weak = !fieldsLookLikeIncident(ctx.policy, filledFields(fields));
    }
    starts.push({ hi, facts, naturalEnd: endLine, weak });
    if (facts.id) addSeen(facts.id);
    current = { level: h.level, end: endLine, id: facts.id };
  }
  // A heading that is an incident only by a date in a closing note (`### Changes shipped in
  // 74cda67 (2026-10-06 15:37 IST)`) counts where the log's other incidents are: at their level.
  const levels = new Set(starts.filter((s) => !s.weak).map((s) => ctx.headings[s.hi].level));
  let found = levels.size ? starts.filter((s) => !s.weak || levels.has(ctx.headings[s.hi].level)) : starts;
  if (!found.length) found = datedTitles(ctx, bodyLine);
  return withoutNotYetHappened(ctx, withProseStarts(ctx, bodyLine, withSiblingsAlike(ctx, bodyLine, withGroupEntries(ctx, withNumberedGaps(ctx, withoutPeriods(ctx, found), numbered)))));
}

/** Id prefixes of records that are not incidents: architecture decisions, proposals, enhancement plans. */
const OTHER_RECORD_PREFIXES = ['adr', 'rfc', 'kep', 'pep', 'dep', 'rfd', 'madr'];

/** Whether an id names a decision record or a proposal (`ADR-016`, `RFC 12`), not an incident. */
function isRecordOfAnotherKind(id: string): boolean {
  // By the first letter first: a log of `INC-` ids asks no more than that.
  const c = id.charCodeAt(0) | 32;
  if (c !== 97 && c !== 114 && c !== 107 && c !== 112 && c !== 100 && c !== 109) return false;
  const lower = id.toLowerCase();
  return OTHER_RECORD_PREFIXES.some((p) => lower.startsWith(p) && !/[a-z]/.test(lower[p.length] ?? ''));
}

/** How many of the headings right under headings[hi] (to `endLine`) name a part of an incident (`### Symptoms`, `### Causa raiz`). */
function anatomySubsections(ctx: IndexContext, hi: number, endLine: number): number {
  const headings = ctx.headings;
  let n = 0;
  let level = 0;
  for (let k = hi + 1; k < headings.length && headings[k].line < endLine; k++) {
    const h = headings[k];
    if (h.level <= headings[hi].level) break;
    level ||= h.level;
    if (h.level === level && isAnatomyTitle(h.text)) n++;
  }
  return n;
}

/** Per heading list, each heading's answer to isDatedNotIncidentsTitle (asked once per heading). */
const datedNotIncidents = new WeakMap<readonly unknown[], Map<number, boolean>>();

/** Whether a heading above headings[hi] is titled for meetings, sprints or releases (see isDatedNotIncidentsTitle). */
function underDatedNotIncidents(ctx: IndexContext, hi: number): boolean {
  let seen = datedNotIncidents.get(ctx.headings);
  if (!seen) datedNotIncidents.set(ctx.headings, (seen = new Map()));
  for (let k = parentIndex(ctx.headings, hi); k >= 0; k = parentIndex(ctx.headings, k)) {
    let answer = seen.get(k);
    if (answer === undefined) seen.set(k, (answer = isDatedNotIncidentsTitle(ctx.headings[k].text)));
    if (answer) return true;
  }
  return false;
}

/** The starts, less those under a heading that says they have not happened yet (`## Known pitfalls (not yet encountered)`). */
function withoutNotYetHappened(ctx: IndexContext, starts: IncidentStart[]): IncidentStart[] {
  const headings = ctx.headings;
  const judged = new Map<number, boolean>();
  const under = (hi: number): boolean => {
    for (let p = parentIndex(headings, hi); p >= 0; p = parentIndex(headings, p)) {
      let says = judged.get(p);
      if (says === undefined) judged.set(p, (says = saysNotYetHappened(headings[p].text)));
      if (says) return true;
    }
    return false;
  };
  // A section that writes its own status (`Status: Open`) says it happened, whatever the heading over it says.
  const ownStatus = (s: IncidentStart) => readFields(ctx, headings[s.hi].line + 1, firstSubheading(ctx, headings[s.hi].line + 1, s.naturalEnd)).some((f) => f.canonical === 'status' && !isPlaceholderValue(f.value));
  const kept = starts.filter((s) => !under(s.hi) || ownStatus(s));
  return kept.length === starts.length ? starts : kept;
}

/**
 * A log written as titles (`# March 7th 2026 — First major incident` with `## Summary`, `##
 * Impact`, `## Resolution` under it, then the next such title): two H1 headings or more with a
 * date or an id, each over parts of an incident or fields, are its incidents. Read only when no
 * heading of level 2 to 4 is one.
 */
function datedTitles(ctx: IndexContext, bodyLine: number): IncidentStart[] {
  const headings = ctx.headings;
  const out: IncidentStart[] = [];
  for (let hi = 0; hi < headings.length; hi++) {
    const h = headings[hi];
    if (h.level !== 1 || h.line < bodyLine) continue;
    const facts = headingFacts(ctx, h.text);
    if (!facts.id && !facts.date) continue;
    if ((facts.id && isTemplateId(facts.id)) || isExampleHeading(h.text) || isChangeHeading(h.text) || saysNoIncidents(facts.title) || (facts.title && isMetaTitle(facts.title))) continue;
    const naturalEnd = sectionEndLine(ctx, hi);
    const fields = readFields(ctx, h.line + 1, firstSubheading(ctx, h.line + 1, naturalEnd));
    // Parts with something in them (a template's empty `## Summary` tells nothing), or fields.
    const told = filledParts(ctx, hi, naturalEnd) >= 2 || fieldsLookLikeIncident(ctx.policy, filledFields(fields));
    if (told && !isPlaceholderSection(facts.title, facts.id, facts.date, fields)) out.push({ hi, facts, naturalEnd });
  }
  return out.length >= 2 ? out : [];
}

/**
 * A register grouped by status (`## Aperti` / `## Risolti`, `## Open` / `## Resolved`) whose
 * groups hold sections read as incidents: every sub-section of those groups with something in it
 * is an entry, dated or not (`### D1. Cash flow — refunds wrong` under `## Aperti — Priorità
 * media`), unless it is an example, a change or a placeholder. It takes its group's status.
 */
function withGroupEntries(ctx: IndexContext, starts: IncidentStart[]): IncidentStart[] {
  const headings = ctx.headings;
  let groups = statusGroupsHolding(ctx, starts.map((s) => headings[s.hi].line));
  // With nothing read yet, the groups of a log's title (`# Bekannte Fehler` over `## Behoben`) hold its entries.
  const underTitle = !groups.length && !starts.length;
  if (underTitle) groups = groupsUnderLogTitle(ctx);
  if (!groups.length) return starts;
  const taken = new Set(starts.map((s) => s.hi));
  const added: IncidentStart[] = [];
  for (const g of groups) {
    const end = sectionEndLine(ctx, g);
    for (let hi = g + 1; hi < headings.length && headings[hi].line < end; hi++) {
      const h = headings[hi];
      if (h.level !== headings[g].level + 1 || taken.has(hi)) continue;
      const naturalEnd = sectionEndLine(ctx, hi);
      const facts = headingFacts(ctx, h.text);
      // There, a part is an entry only when it tells one: its first line opens with a status (`-
      // **Behoben Feb 2026:** …`) or it labels two parts of an incident. A handbook's `### Who may
      // open one`, a release's part, a category listing entries tell none.
      if (underTitle && (isVersionTitle(h.text) || (!opensWithStatus(ctx, h.line + 1, naturalEnd) && anatomyKeyCount(ctx, h.line + 1, naturalEnd) < 2))) continue;
      if (!hasText(ctx, h.line + 1, naturalEnd) || isExampleHeading(h.text) || isChangeHeading(h.text) || isMetaTitle(facts.title) || isPlaceholderSection(facts.title, facts.id, facts.date, readFields(ctx, h.line + 1, naturalEnd))) continue;
      added.push({ hi, facts, naturalEnd });
    }
  }
  return added.length ? [...starts, ...added].sort((a, b) => a.hi - b.hi) : starts;
}

/** A title that is a release's version and nothing more (`Version 0.1.0.3`, `v2.1`, `1.4.0 (2026-03-01)`), not `v2.3 installer fails`. */
function isVersionTitle(text: string): boolean {
  const t = stripInline(text).trim().toLowerCase().replace(/\s*\([^)]{0,40}\)$/, '');
  return /^(?:version |release |v)?\d{1,4}(?:\.\d{1,6}){1,3}$/.test(t);
}

/** Whether the first filled line of [from, to) opens with a label that is a status (`- **Behoben Feb 2026:** …`, `Fixed 2026-03-02: …`). */
function opensWithStatus(ctx: IndexContext, from: number, to: number): boolean {
  for (let li = from; li < to; li++) {
    if (ctx.lines.skip[li] || ctx.lines.level[li]) continue;
    const line = stripInline(lineText(ctx, li).slice(0, 200)).replace(/^\s*(?:[-*+]\s+)?/, '');
    if (!line.trim()) continue;
    const colon = line.search(/[:：]/);
    if (colon <= 0 || colon > 40) return false;
    const read = readStatus(ctx.policy, line.slice(0, colon));
    return read?.meaning !== undefined;
  }
  return false;
}

/** The status groups (`## Behoben`, `## Open`) standing right under a title that names incidents or problems, by heading index. */
function groupsUnderLogTitle(ctx: IndexContext): number[] {
  const headings = ctx.headings;
  const judged = new Map<number, boolean>();
  const out: number[] = [];
  for (let k = 0; k < headings.length; k++) {
    const p = parentIndex(headings, k);
    if (p < 0 || headings[p].level > 3 || headings[k].level !== headings[p].level + 1) continue;
    let isLog = judged.get(p);
    if (isLog === undefined) {
      const t = headings[p].text;
      isLog = (isIncidentLogTitle(t) || isKnownProblemsTitle(ctx.policy, t) || isGroupedProblemsTitle(ctx, p)) && !isMetaTitle(t);
      judged.set(p, isLog);
    }
    if (isLog && headingGroupStatus(ctx, k)) out.push(k);
  }
  return out;
}

/** The starts, with the sections shaped like the incidents beside them (see siblingSections.ts). */
function withSiblingsAlike(ctx: IndexContext, bodyLine: number, starts: IncidentStart[]): IncidentStart[] {
  const alike = sectionsLikeSiblings(ctx, bodyLine, starts);
  if (!alike.length) return starts;
  const added: IncidentStart[] = alike.map((hi) => ({ hi, facts: headingFacts(ctx, ctx.headings[hi].text), naturalEnd: sectionEndLine(ctx, hi), prose: likeSiblings(ctx, hi) }));
  return [...starts, ...added].sort((a, b) => a.hi - b.hi);
}

function likeSiblings(ctx: IndexContext, hi: number): IncidentReading {
  const parent = parentIndex(ctx.headings, hi);
  const under = parent >= 0 ? stripInline(ctx.headings[parent].text) : '';
  return { shape: 'like-siblings', ...(under ? { under } : {}) };
}

/**
 * A heading that is an incident by its date alone (`## Semaine 1 (24 - 28 Février 2026) - Lot 1`,
 * `## Week 3`), with no incident fields of its own, over sub-sections read as incidents with ids
 * (`### Incident 1 - …`): a period that holds incidents, not one of them.
 */
function withoutPeriods(ctx: IndexContext, starts: IncidentStart[]): IncidentStart[] {
  const headings = ctx.headings;
  const drop = new Set<IncidentStart>();
  for (let k = 0; k + 1 < starts.length; k++) {
    const s = starts[k];
    if (s.facts.id || !s.facts.date) continue;
    const h = headings[s.hi];
    const next = starts[k + 1];
    const inner = headings[next.hi];
    if (inner.level <= h.level || inner.line >= s.naturalEnd || !next.facts.id) continue;
    const own = filledFields(readFields(ctx, h.line + 1, firstSubheading(ctx, h.line + 1, s.naturalEnd)));
    if (!fieldsLookLikeIncident(ctx.policy, own)) drop.add(s);
  }
  return drop.size ? starts.filter((s) => !drop.has(s)) : starts;
}

/** The sub-sections one level under headings[hi] (to `endLine`) labelled with two parts of an incident or more, as starts dated `date`. */
function dayOfIncidents(ctx: IndexContext, hi: number, endLine: number, date: string): IncidentStart[] {
  const headings = ctx.headings;
  const level = headings[hi].level + 1;
  const told: IncidentStart[] = [];
  /** Sub-sections labelled with one part only: incidents of the day beside two that tell more. */
  const partly: IncidentStart[] = [];
  for (let k = hi + 1; k < headings.length && headings[k].line < endLine; k++) {
    const h = headings[k];
    if (h.level !== level || h.level > 4) continue;
    let end = endLine;
    for (let j = k + 1; j < headings.length && headings[j].line < endLine; j++) {
      if (headings[j].level <= h.level) {
        end = headings[j].line;
        break;
      }
    }
    // An incident's own parts (`### Summary`, `### Timeline`, `### Root cause`) are no incidents of the day.
    if (subsectionKind(h.text, ctx.policy) || isMetaTitle(h.text) || isAnatomyTitle(h.text)) continue;
    const keys = anatomyKeyCount(ctx, h.line + 1, end);
    if (keys < 1) continue;
    const facts = headingFacts(ctx, h.text);
    if (facts.id && isTemplateId(facts.id)) continue;
    const start = { hi: k, facts: facts.date ? facts : { ...facts, date }, naturalEnd: end };
    // A part alone counts when it is the cause (`Cause: …`, beside what was tried); an impact or a note alone is no incident.
    if (keys >= 2) told.push(start);
    else if (namesCause(ctx, h.line + 1, end)) partly.push(start);
  }
  // One labelled sub-section under a day that says things of its own is that day's incident's part.
  if (told.length === 1 && hasText(ctx, headings[hi].line + 1, headings[told[0].hi].line)) return [];
  // Beside two that tell an incident, one that says a part (its cause and what was tried) is one too.
  return told.length >= 2 && partly.length ? [...told, ...partly].sort((a, b) => a.hi - b.hi) : told;
}

/**
 * A heading dated by a period (`## Cambridge Calendar, 2025-12 to 2026-10`, a month, a span) over
 * a table of incidents: the period the table covers, whose rows are the incidents.
 */
function periodOverTable(ctx: IndexContext, facts: HeadingFacts, from: number, to: number): boolean {
  if (!facts.date || (facts.date.length >= 10 && !facts.endDate)) return false;
  let table = false;
  for (let li = from; li < to && !table; li++) table = !ctx.lines.skip[li] && ctx.text.charCodeAt(ctx.lines.starts[li]) === 124 /* | */;
  return table && sectionListsIncidents(ctx, from, to);
}

/** Whether lines [from, to) hold anything but blank lines. */
function hasText(ctx: IndexContext, from: number, to: number): boolean {
  for (let li = from; li < to; li++) if (ctx.lines.ends[li] > ctx.lines.starts[li] && lineText(ctx, li).trim()) return true;
  return false;
}

/**
 * A status the policy reads and two parts of an incident's anatomy labelled beside it
 * (`Статус: исправлено`, `Причина: …`, `Исправление: …`): an incident's own account of itself,
 * in whatever words its other keys are written.
 */
function statusAndAnatomy(ctx: IndexContext, from: number, to: number, fields: Field[], facts: HeadingFacts, hi: number, end: number): boolean {
  const status = fields.find((f) => f.canonical === 'status' && !isPlaceholderValue(f.value));
  if (status) return !!readStatus(ctx.policy, stripInline(status.value)) && anatomyKeyCount(ctx, from, to) >= 2;
  // The status may stand in the heading (`## PROBLEM: Decode crashes (GELÖST 08.04.2026)`), its
  // parts in its own lines, or begun there (`**Symptom:** …`) and told on in the sub-sections
  // under it (`### 1. Wrong audio format` over `**Ursache:**`). Sub-sections with an id or a date
  // of their own are incidents of their own (`## Q1 2026 (closed)` over `### INC-1 …`).
  if (!facts.status || !readStatus(ctx.policy, facts.status.text)?.meaning) return false;
  if (anatomyKeyCount(ctx, from, to) >= 2) return true;
  if (to >= end || anatomyKeyCount(ctx, from, to) < 1) return false;
  for (let j = hi + 1; j < ctx.headings.length && ctx.headings[j].line < end; j++) {
    const sub = headingFacts(ctx, ctx.headings[j].text);
    if (sub.id || sub.date) return false;
  }
  return anatomyKeyCount(ctx, from, end) >= 2;
}

interface NumberedHeading {
  hi: number;
  /** The number it is written with (`## 3. …` → 3). */
  n: number;
  level: number;
  facts: HeadingFacts;
  naturalEnd: number;
}

/** The number a heading is written with (`3. Title`, `(3) Title`, `3) Title`), or undefined. */
function sectionNumber(text: string): number | undefined {
  const m = /^\s{0,3}\(?(\d{1,3})[.)]\s/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/**
 * The starts, with the numbered sections that sit in a run of numbered incidents of their level
 * (`## 3.` between the incidents `## 2.` and `## 4.`, or after `## 1.` and `## 2.` at a run's
 * end): a numbered list of sections lists one kind of thing, whether or not this one has the
 * key lines its neighbours have. A template or placeholder section is still not one.
 */
function withNumberedGaps(ctx: IndexContext, starts: IncidentStart[], numbered: NumberedHeading[]): IncidentStart[] {
  if (numbered.length === 0 || starts.length < 2) return starts;
  const incidentNumbers = new Set<string>();
  for (const s of starts) {
    const h = ctx.headings[s.hi];
    const n = sectionNumber(h.text);
    if (n !== undefined) incidentNumbers.add(`${h.level}:${n}`);
  }
  const allNumbers = new Set([...incidentNumbers, ...numbered.map((g) => `${g.level}:${g.n}`)]);
  const added: IncidentStart[] = [];
  for (const g of numbered) {
    const incident = (k: number) => incidentNumbers.has(`${g.level}:${g.n + k}`);
    const exists = (k: number) => allNumbers.has(`${g.level}:${g.n + k}`);
    const between = incident(-1) && incident(1);
    const atStart = !exists(-1) && incident(1) && incident(2);
    const atEnd = !exists(1) && incident(-1) && incident(-2);
    if (!between && !atStart && !atEnd) continue;
    if (mayBeTemplate(g.facts)) {
      const h = ctx.headings[g.hi];
      if (isPlaceholderSection(g.facts.title, g.facts.id, g.facts.date, readFields(ctx, h.line + 1, firstSubheading(ctx, h.line + 1, g.naturalEnd)))) continue;
    }
    added.push({ hi: g.hi, facts: g.facts, naturalEnd: g.naturalEnd });
  }
  return added.length ? [...starts, ...added].sort((a, b) => a.hi - b.hi) : starts;
}

/** The starts found, with the sections the prose rule reads as incidents among them (see proseIncidents.ts). */
function withProseStarts(ctx: IndexContext, bodyLine: number, starts: IncidentStart[]): IncidentStart[] {
  const headings = ctx.headings;
  // A heading dated only in a closing note (`## Write-time corruption (2026-09-24)`) among sections
  // told in prose is one of them: it does not keep the others from being read.
  const firm = starts.filter((s) => !s.weak);
  // Whether lines [from, to) hold an incident's heading, or lie inside one's section.
  const taken = (from: number, to: number): boolean => {
    let lo = 0;
    let hi = firm.length - 1;
    let before = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (headings[firm[mid].hi].line < from) {
        before = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const next = firm[before + 1];
    if (next && headings[next.hi].line < to) return true;
    return before >= 0 && firm[before].naturalEnd > from;
  };
  const prose = proseIncidentStarts(ctx, bodyLine, taken);
  if (!prose.length) return starts;
  const already = new Set(starts.map((s) => s.hi));
  const added: IncidentStart[] = prose.filter(({ hi }) => !already.has(hi)).map(({ hi, reading }) => ({ hi, facts: headingFacts(ctx, headings[hi].text), naturalEnd: sectionEndLine(ctx, hi), prose: reading }));
  return [...starts, ...added].sort((a, b) => a.hi - b.hi);
}

/**
 * A numbered heading (`### 1. …`) whose section has two or more bold key lines
 * (`* **Symptom:** …`, keys in any language): one of a log's numbered incidents.
 */
function numberedWithKeyLines(text: string, fields: Field[]): boolean {
  if (!/^\s{0,3}\(?\d{1,3}[.)]\s/.test(text)) return false;
  let keys = 0;
  for (const f of fields) if (f.style !== 'plain' && f.style !== 'table' && ++keys >= 2) return true;
  return false;
}

function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length && i < 400; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** A heading that could be a template's: no title, a placeholder title, or a template's name. */
function mayBeTemplate(facts: HeadingFacts): boolean {
  const t = facts.title;
  if (t === '') return true;
  // Most titles start with a letter and are no placeholder: only a few first characters can be.
  if (t.length > 60 || !/^[[<{\-—–_.…*~=?NnTtXxYyBbEeSsPpIiHhAaJj]/.test(t)) return false;
  return isPlaceholderValue(t) || isTemplateTitle(t);
}
