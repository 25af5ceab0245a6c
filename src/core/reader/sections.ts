// Section incidents: a `##`–`####` heading whose text holds an id or a date, or whose body
// holds incident fields, up to the next heading of the same or a higher level. Each section is
// cut into the part before its first sub-heading and the sub-sections the policy names.
import type { ActionItem, ChecklistItem, Field, Incident, TimelineEntry, TimelineSlot } from '../model';
import { stripInline } from '../text';
import { dayOf } from '../time';
import { type IndexContext, type Section, lineStart, lineText } from './context';
import { applyFrontMatterValues, fieldSlot, fieldValues, fieldsLookLikeIncident, readFields, readFrontMatterFields } from './fields';
import { type HeadingFacts, readHeading, subsectionKind } from './headings';
import { LazySectionIncident } from './lazy';
import { findTableIncidents } from './tableIncidents';
import { readActionItems, readTasks } from './tasks';
import { readTimeline } from './timeline';

/** An ATX heading line's text: the `#` run and a closing `#` sequence removed (a scan, not a pattern). */
export function headingTitle(line: string): string {
  let a = 0;
  while (a < line.length && (line[a] === ' ' || line[a] === '\t')) a++;
  while (a < line.length && line[a] === '#') a++;
  let b = line.length;
  while (b > a && (line[b - 1] === ' ' || line[b - 1] === '\t')) b--;
  let c = b;
  while (c > a && line[c - 1] === '#') c--;
  if (c < b && (c === a || line[c - 1] === ' ' || line[c - 1] === '\t')) b = c;
  return line.slice(a, b).trim();
}

function sectionEnd(ctx: IndexContext, hIndex: number): number {
  const headings = ctx.headings;
  const h = headings[hIndex];
  for (let k = hIndex + 1; k < headings.length; k++) {
    if (headings[k].level <= h.level) return headings[k].line;
  }
  return ctx.lines.starts.length;
}

/** The first heading line inside (bodyLine, endLine), or endLine. */
function firstSubheading(ctx: IndexContext, bodyLine: number, endLine: number): number {
  for (let li = bodyLine; li < endLine; li++) if (ctx.lines.level[li]) return li;
  return endLine;
}

/** Every incident of a log: sections, then table rows in the text between them. */
export function findIncidents(ctx: IndexContext, bodyLine: number): Incident[] {
  const incidents: Incident[] = [];
  let insideUntil = -1;
  const headings = ctx.headings;
  // Tables outside incident sections may be table-row logs or index tables.
  const tableScanRanges: Array<[number, number]> = [];
  let scanFrom = bodyLine;
  for (let hi = 0; hi < headings.length; hi++) {
    const h = headings[hi];
    if (h.line < bodyLine) continue;
    if (h.line < insideUntil) continue;
    if (h.level < 2 || h.level > 4) continue;
    const endLine = sectionEnd(ctx, hi);
    const section: Section = { headingLine: h.line, level: h.level, bodyLine: h.line + 1, endLine };
    const facts = readHeading(h.text, ctx.policy);
    let isIncident = facts.id !== null || facts.date !== null;
    if (!isIncident) isIncident = fieldsLookLikeIncident(ctx.policy, readFields(ctx, section.bodyLine, firstSubheading(ctx, section.bodyLine, endLine)));
    if (!isIncident) continue;
    if (scanFrom < h.line) tableScanRanges.push([scanFrom, h.line]);
    scanFrom = endLine;
    insideUntil = endLine;
    incidents.push(facts.id && facts.title ? lazySectionIncident(ctx, section, facts) : buildSectionIncident(ctx, section, facts));
  }
  if (scanFrom < ctx.lines.starts.length) tableScanRanges.push([scanFrom, ctx.lines.starts.length]);
  for (const [from, to] of tableScanRanges) findTableIncidents(ctx, from, to, incidents);
  incidents.sort((a, b) => a.start - b.start);
  return incidents;
}

type PartKind = 'body' | 'timeline' | 'checklist' | 'actionItems' | 'other';

function buildSectionIncident(ctx: IndexContext, section: Section, facts: HeadingFacts): Incident {
  const { lines, policy } = ctx;
  const timeline: TimelineEntry[] = [];
  const checklist: ChecklistItem[] = [];
  const actionItems: ActionItem[] = [];
  const fields: Field[] = [];
  let timelineSlot: TimelineSlot | undefined;

  // Split the body into the part before the first sub-heading and the sub-sections. A deeper
  // heading inside a checklist is one of its phases (`#### Initial assessment`), unless it
  // names another sub-section (a timeline, action items).
  const parts: Array<{ kind: PartKind; from: number; to: number; headingLine: number; phase?: string }> = [];
  let cursor = section.bodyLine;
  let kind: PartKind = 'body';
  let partHeading = section.headingLine;
  let phase: string | undefined;
  let checklistLevel = 0;
  for (let li = section.bodyLine; li < section.endLine; li++) {
    if (!lines.level[li]) continue;
    parts.push({ kind, from: cursor, to: li, headingLine: partHeading, phase });
    const title = headingTitle(lineText(ctx, li));
    const sub = subsectionKind(title, policy);
    if (checklistLevel && lines.level[li] <= checklistLevel) checklistLevel = 0;
    if (checklistLevel && (sub === null || sub === 'checklist')) {
      kind = 'checklist';
      phase = stripInline(title);
    } else {
      kind = sub ?? 'other';
      phase = undefined;
      if (kind === 'checklist' && !checklistLevel) checklistLevel = lines.level[li];
    }
    cursor = li + 1;
    partHeading = li;
  }
  parts.push({ kind, from: cursor, to: section.endLine, headingLine: partHeading, phase });

  // Fields first: the day of the incident is needed to place time-only timeline entries.
  for (const part of parts) {
    if (part.kind === 'body' || part.kind === 'other') fields.push(...readFields(ctx, part.from, part.to));
  }
  const values = fieldValues(ctx, fields, facts);
  const day = values.detected ? dayOf(values.detected, policy.timeZone) : facts.date ? dayOf(facts.date, policy.timeZone) : null;

  let sawTimelinePart = false;
  for (const part of parts) {
    if (part.kind === 'timeline') {
      sawTimelinePart = true;
      const slot = readTimeline(ctx, part.from, part.to, part.headingLine, day, timeline);
      if (!timelineSlot || slot.found) timelineSlot = slot.slot;
    } else if (part.kind === 'checklist' || part.kind === 'body') {
      readTasks(ctx, part.from, part.to, checklist, part.phase);
    } else if (part.kind === 'actionItems') {
      readActionItems(ctx, part.from, part.to, actionItems);
    }
  }
  if (!sawTimelinePart) timelineSlot = undefined;

  const incident: Incident = {
    id: facts.id ?? '',
    idWritten: facts.id !== null,
    title: facts.title || (values.title ? stripInline(values.title) : '') || (values.summary ? stripInline(values.summary) : ''),
    severity: values.severity,
    status: values.status,
    detected: values.detected,
    resolved: values.resolved,
    roles: values.roles,
    fields,
    timeline,
    checklist,
    actionItems,
    line: section.headingLine + 1,
    source: 'section',
    start: lines.starts[section.headingLine],
    end: lineStart(ctx, section.endLine),
    level: section.level,
    bodyStart: lineStart(ctx, section.bodyLine),
    timelineSlot,
    fieldSlot: fieldSlot(ctx, fields, section),
  };
  if (!incident.id && values.id) {
    incident.id = stripInline(values.id);
    incident.idWritten = true;
  }
  return incident;
}

/**
 * An incident whose heading gave its id and title: its body is read on first access (see
 * lazy.ts). Listing ids or finding one incident in a big log so costs one scan, not a parse of
 * every section.
 */
function lazySectionIncident(ctx: IndexContext, section: Section, facts: HeadingFacts): Incident {
  const start = ctx.lines.starts[section.headingLine];
  const end = lineStart(ctx, section.endLine);
  const bodyStart = lineStart(ctx, section.bodyLine);
  const incident = new LazySectionIncident(facts.id as string, facts.title, section.headingLine + 1, start, end, section.level, bodyStart, () => buildSectionIncident(ctx, section, facts));
  ctx.lazy.push(incident);
  return incident;
}

/** A per-incident file: its first heading (level 1–4) and everything after it, plus front matter fields. */
export function singleIncident(ctx: IndexContext, bodyLine: number): Incident[] {
  const h = ctx.headings.find((x) => x.line >= bodyLine && x.level <= 4);
  const section: Section = {
    headingLine: h ? h.line : bodyLine,
    level: h ? h.level : 1,
    bodyLine: h ? h.line + 1 : bodyLine,
    endLine: ctx.lines.starts.length,
  };
  const facts = h ? readHeading(h.text, ctx.policy) : { id: null, title: '', severityText: null, date: null };
  // Front matter keys (`severity: SEV-2`) are fields too: a line scan gives their offsets (so a
  // write replaces just the value), and the YAML parser their values as YAML means them.
  const frontFields = readFrontMatterFields(ctx, bodyLine);
  if (bodyLine > 0) applyFrontMatterValues(ctx, bodyLine, frontFields);
  const incident = buildSectionIncident(ctx, section, facts);
  if (frontFields.length) {
    incident.fields = [...frontFields, ...incident.fields];
    const values = fieldValues(ctx, incident.fields, facts);
    Object.assign(incident, {
      severity: values.severity,
      status: values.status,
      detected: values.detected,
      resolved: values.resolved,
      roles: values.roles,
    });
    if (!incident.title && values.title) incident.title = stripInline(values.title);
    if (!incident.id && values.id) {
      incident.id = stripInline(values.id);
      incident.idWritten = true;
    }
  }
  return [incident];
}
