// One section read as an incident: its fields (before the first sub-heading, in a heading, in
// front matter), its sub-sections as the policy names them (timeline, checklist, action items),
// its status (a field, restated below it, said in words, or an outstanding part), and its
// problems. sections.ts finds where the sections are; this reads one.
import type { ActionItem, ChecklistItem, Field, Incident, IncidentReading, Problem, TimelineEntry, TimelineSlot } from '../model';
import { isOutstandingKey, namesSomething, readStatus } from '../playbook/statusWords';
import { restatedStatus, statusInWords } from './statusInProse';
import { groupStatus, isLessonInForce } from './statusGroups';
import { cutToTitle, stripInline } from './text';
import { BUG_REPORT_KEYS, isFixPartTitle, isRepairStepsTitle, labelledWith } from './anatomy';
import { FIX_TO_DO_HEADERS } from './tableIncidents';
import { findPhrase, key, proseLines, wordsOf } from './proseWords';
import { dayOf } from '../format/time';
import { type IndexContext, type Section, lineStart, lineText } from './context';
import { type DuplicateChoice, duplicateFieldGroups, duplicateFieldProblem, isLoggedKind, laterWritten, putFirst } from './duplicateFields';
import { applyFrontMatterValues, fieldSlot, fieldValues, loggedValues, newIncident, readFields, readFrontMatterFields } from './fields';
import { type HeadingFacts, headingFacts, headingTitle, subsectionKind } from './headings';
import { documentTitle, headingFields, statusHeadingField } from './headingFields';
import { isPlaceholderValue } from './placeholders';
import { noteHeadingDate } from './derivedIds';
import { LazySectionIncident } from './lazy';
import { readActionItems, readTasks } from './tasks';
import { readTimeline } from './timeline';
import { type StatusUpdate, earliestUpdate, latestUpdate, statusUpdates } from './statusUpdates';

/** What a heading itself says that a field would: a bracketed status, the end of a date range. */
function headingFactFields(ctx: IndexContext, section: Section, facts: HeadingFacts): Field[] {
  if (!facts.status && !facts.endDate) return [];
  const line = lineText(ctx, section.headingLine);
  const at = ctx.lines.starts[section.headingLine] + Math.max(0, line.indexOf(headingTitle(line)));
  const out: Field[] = [];
  // Table style: such a value is replaced in place and never copied as the style of a new field.
  const add = (key: string, canonical: Field['canonical'], start: number, end: number) =>
    out.push({ key, canonical, value: ctx.text.slice(at + start, at + end), style: 'table', line: section.headingLine, valueStart: at + start, valueEnd: at + end });
  if (facts.status) add('Status', 'status', facts.status.start, facts.status.end);
  if (facts.endDate) add('Resolved', 'resolved', facts.endDate.start, facts.endDate.end);
  return out;
}

/** Keys of fields that describe an incident in a sentence: a title for a heading that has none. */
const DESCRIBING_KEYS = new Set([
  'symptom', 'symptoms', 'issue', 'problem', 'description', 'what happened', 'trigger', 'error description', 'problem description', 'issue description', 'bug description',
  'síntoma', 'problema', 'descripción', 'descripción del problema', 'descripción del error', 'sintoma', 'descrição', 'descrição do problema', 'descrição do erro',
  'symptôme', 'problème', 'description du problème', 'beschreibung', 'fehlerbeschreibung', 'problembeschreibung', 'sintomo', 'descrizione', 'descrizione del problema',
  'симптом', 'проблема', 'описание', 'описание проблемы', 'описание ошибки', 'mô tả', 'mô tả lỗi', 'vấn đề', 'triệu chứng', '症状', '现象', '問題', '问题', '问题描述', '問題の説明', '증상', '문제', '문제 설명',
]);

function describingField(fields: Field[]): string {
  for (const f of fields) {
    if (DESCRIBING_KEYS.has(f.key.toLowerCase()) && !isPlaceholderValue(f.value)) return stripInline(f.value).replace(/\.$/, '');
  }
  return '';
}

/** The value of the first line of [from, to) labelled with a describing key that no field names (`- Mô tả lỗi: …`), cut to a title. */
function describingLine(ctx: IndexContext, from: number, to: number): string {
  // A line labelled as the description wins over one labelled as the problem or symptom before it.
  return labelledLine(ctx, from, to, (k) => k.includes('descri') || k.includes('beschreibung') || k.includes('описани') || k.includes('mô tả') || k.includes('描述') || k.includes('説明') || k.includes('설명')) || labelledLine(ctx, from, to, () => true);
}

/** The first line of [from, to) labelled with a describing key that `prefer` accepts, its first sentence cut to a title. */
function labelledLine(ctx: IndexContext, from: number, to: number, prefer: (key: string) => boolean): string {
  for (let li = from; li < to && li < from + 40; li++) {
    if (ctx.lines.skip[li] || ctx.lines.level[li]) continue;
    const line = stripInline(lineText(ctx, li).slice(0, 400)).replace(/^\s*(?:[-*+]\s+)?/, '');
    const colon = line.search(/[:：]/);
    const label = line.slice(0, colon).trim().toLowerCase();
    if (colon <= 0 || colon > 40 || !DESCRIBING_KEYS.has(label) || !prefer(label)) continue;
    const value = line.slice(colon + 1).trim();
    if (!value || isPlaceholderValue(value)) continue;
    const stop = value.search(/[.!?。](?:\s|$)/);
    const sentence = stop > 20 ? value.slice(0, stop) : value.replace(/\.$/, '');
    return cutToTitle(sentence);
  }
  return '';
}

type PartKind = 'body' | 'timeline' | 'checklist' | 'actionItems' | 'other';
type BodyPart = { kind: PartKind; from: number; to: number; headingLine: number };

/**
 * The first sub-section titled as `isTitle` accepts, read by its first filled line: `open` says
 * what that line makes of the incident, or undefined for a line that says no such thing.
 * Lines inside code are skipped only where `skipCode` asks: a fix may well be a patch.
 */
function partByFirstLine(
  ctx: IndexContext,
  parts: ReadonlyArray<BodyPart>,
  isTitle: (title: string) => boolean,
  skipCode: boolean,
  open: (line: string) => boolean | undefined,
): IncidentReading['statusText'] {
  for (const part of parts) {
    if (part.kind !== 'other') continue;
    const title = stripInline(headingTitle(lineText(ctx, part.headingLine)));
    if (!isTitle(title)) continue;
    for (let li = part.from; li < part.to; li++) {
      if (skipCode && ctx.lines.skip[li]) continue;
      const line = lineText(ctx, li);
      if (!namesSomething(line)) continue;
      const said = open(line);
      return said === undefined ? undefined : { words: title.toLowerCase(), line: part.headingLine + 1, open: said };
    }
  }
  return undefined;
}

/**
 * A sub-section headed as what is still outstanding about the incident (`### Outstanding`,
 * `### Pendientes`) with something in it: the incident is not over, as a person reads it.
 */
const outstandingPart = (ctx: IndexContext, parts: ReadonlyArray<BodyPart>) => partByFirstLine(ctx, parts, isOutstandingKey, true, () => true);

/**
 * A sub-section headed as what was done about the incident (`### Fix`, `### どうやって解決したか`)
 * with something in it, where no status is written: the incident was dealt with. Its first line
 * decides: a task still to do, or words that no fix is in (`None yet`, `Unknown so far`,
 * `Planned: …`), says none was made.
 */
const fixPart = (ctx: IndexContext, parts: ReadonlyArray<BodyPart>) =>
  partByFirstLine(ctx, parts, isFixPartTitle, false, (line) => (/^\s*[-*+] \[ \]/.test(line) || NOT_DONE.has(wordsOf(stripInline(line), 1)[0] ?? '') ? undefined : false));

/**
 * A sub-section headed as the fix's steps that is tasks none of which is ticked (`### Repair
 * steps` over `1. [ ] Lower the threshold`): the fix is still to be made, and the incident open.
 * One ticked step or more leaves it to the other readings; so does a plain `### Fix` over tasks,
 * which a README's troubleshooting writes for its reader to follow.
 */
function unfinishedFixPart(ctx: IndexContext, parts: ReadonlyArray<BodyPart>): IncidentReading['statusText'] {
  for (const part of parts) {
    // `Repair steps` is read as a checklist too (its steps are the incident's tasks).
    if (part.kind !== 'other' && part.kind !== 'checklist') continue;
    const title = stripInline(headingTitle(lineText(ctx, part.headingLine)));
    if (!isRepairStepsTitle(title)) continue;
    const steps: ChecklistItem[] = [];
    readTasks(ctx, part.from, part.to, steps);
    // The steps are the part (its first line one of them): a fix told first, then follow-ups
    // as tasks (`Rolled back at 15:00.` over `- [ ] Add a canary`), is a fix made.
    let first = part.from;
    while (first < part.to && !namesSomething(lineText(ctx, first))) first++;
    if (steps.length && steps[0].line === first && steps.every((t) => !t.done)) return { words: `${title.toLowerCase()}: no step done`, line: part.headingLine + 1, open: true };
  }
  return undefined;
}

/** Titles of the parts that say what an incident leads to rather than where it stands. */
const FOLLOW_UP_TITLES = new Set(
  [
    'prevention', 'preventive measures', 'preventative measures', 'how to prevent', 'how to prevent it', 'future prevention', 'prevention measures', 'lessons', 'lessons learned', 'learnings', 'takeaways',
    'prevención', 'medidas preventivas', 'lecciones aprendidas', 'prevenção', 'lições aprendidas', 'prévention', 'mesures préventives', 'leçons apprises', 'leçons retenues',
    'prävention', 'vorbeugung', 'vorbeugende maßnahmen', 'erkenntnisse', 'prevenzione', 'misure preventive', 'lezioni apprese', 'профилактика', 'предотвращение', 'меры предотвращения', 'уроки', 'выводы',
    '再発防止', '再発防止策', '教訓', '预防', '预防措施', '教训', '经验教训', '재발 방지', '재발 방지 대책', '예방', '교훈',
  ].map(key),
);

/** Whether the part headed on `headingLine` is one of FOLLOW_UP_TITLES (its number aside: `### 5. Prevention`). */
function isFollowUpPart(ctx: IndexContext, headingLine: number): boolean {
  const words = wordsOf(stripInline(headingTitle(lineText(ctx, headingLine))).slice(0, 80), 6);
  if (/^\d+$/.test(words[0] ?? '')) words.shift();
  return words.length > 0 && FOLLOW_UP_TITLES.has(words.join(' '));
}

/** Fields found outside the section's body lines: before its own (they win), or after (they fill gaps). */
export interface ExtraFields {
  before?: Field[];
  after?: Field[];
}

export function buildSectionIncident(ctx: IndexContext, section: Section, facts: HeadingFacts, extra: ExtraFields = {}): Incident {
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
  const blocks: Field[][] = [];
  for (const part of parts) {
    if (part.kind !== 'body' && part.kind !== 'other') continue;
    const own = readFields(ctx, part.from, part.to);
    fields.push(...own);
    blocks.push(own);
  }
  // A sub-section that says the status in its title or under it (`### Statut : OPEN`, `### d)
  // Status`), unless the lines before the first sub-section already write one. One only, in
  // words the playbook reads: several (`### Status: Investigating`, then `Resolved`) are a status
  // page's updates, whose order no heading says.
  if (!blocks[0]?.some((f) => f.canonical === 'status')) {
    let status: Field | undefined;
    let count = 0;
    for (const part of parts) {
      if (part.kind !== 'other') continue;
      const found = statusHeadingField(ctx, part.headingLine, part.to);
      if (found && ++count === 1) status = found;
    }
    if (status && count === 1 && readStatus(policy, status.value)?.meaning) {
      fields.unshift(status);
      blocks.push([status]);
    }
  }
  const bodyFields = fields.slice();
  if (extra.before?.length) fields.unshift(...extra.before);
  fields.push(...headingFactFields(ctx, section, facts));
  if (extra.after?.length) fields.push(...extra.after);
  // A field written twice in a block (a union merge): the later-written line is read. Kinds
  // the timeline does not record are decided now (a detection time places timeline entries).
  const duplicates = duplicateFieldGroups(blocks);
  const choices: DuplicateChoice[] = [];
  for (const group of duplicates) {
    if (isLoggedKind(group[0].canonical)) continue;
    const choice = laterWritten(group, null, policy);
    putFirst(fields, choice);
    choices.push(choice);
  }
  const values = fieldValues(ctx, fields, facts);
  // No status written and nothing that says it ended: what the text says in words, a guess.
  let said: IncidentReading['statusText'];
  let updates: { latest: StatusUpdate; all: StatusUpdate[] } | undefined;
  // What the incident's own words say: its body and parts, not what it leads to (`### Prevention`,
  // `### Lessons`), where `Documented in CONTRIBUTING.md (pending)` is a follow-up's state.
  const proseParts = () => parts.filter((p) => p.kind === 'body' || (p.kind === 'other' && !isFollowUpPart(ctx, p.headingLine))).map((p) => [p.from, p.to] as const);
  const statusField = values.status ? fields.find((f) => f.canonical === 'status') : undefined;
  if (statusField) {
    // A status restated in a sentence below the field (an appended resolution) is the latest.
    const restated = restatedStatus(ctx, proseParts(), new Set(bodyFields.map((f) => f.line)), statusField.line);
    if (restated && restated.status !== values.status) {
      values.status = restated.status;
      said = { words: restated.words, line: restated.line, open: restated.open };
    } else if (isLessonInForce(ctx, section.headingLine, statusField.value)) {
      // `Status: Aktiv` under `## Lessons Log`: the lesson's rule is in force; what it was
      // learned from is over.
      values.status = policy.resolvedStatus;
      said = { words: `${stripInline(statusField.value).trim()} (a lesson in force)`, line: statusField.line + 1, open: false };
    }
  } else if (!values.status && (updates = latestUpdate(statusUpdates(ctx, section.bodyLine, section.endLine)))) {
    // A status page's updates (`**Identified** — Jun 19, 2024 - 16:20 UTC`): the latest says it.
    const { latest, all } = updates;
    values.status = latest.status;
    said = { words: `${latest.status} (the latest of ${all.length} updates)`, line: latest.line + 1, open: latest.open };
    values.detected ??= earliestUpdate(all);
    if (!latest.open) values.resolved ??= latest.at;
  } else if (!values.status) {
    said = outstandingPart(ctx, parts) ?? statusInWords(ctx, proseParts(), new Set(bodyFields.map((f) => f.line)), { title: headingTitle(lineText(ctx, section.headingLine)), line: section.headingLine }) ?? groupStatus(ctx, section.headingLine) ?? unfinishedFixPart(ctx, parts) ?? fixPart(ctx, parts) ?? openBugReport(ctx, proseParts());
    if (said) values.status = said.open ? (readStatus(policy, 'Open')?.status ?? 'Open') : policy.resolvedStatus;
  }
  // A month or a year alone (`2026-07`) gives time-only entries no day to take.
  const dayFrom = (v: string | null) => (v && v.length >= 10 ? dayOf(v, policy.timeZone) : null);
  const day = values.detected ? dayFrom(values.detected) : dayFrom(facts.date);

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
  if (duplicates.length) {
    let moved = false;
    for (const group of duplicates) {
      if (!isLoggedKind(group[0].canonical)) continue;
      const choice = laterWritten(group, timeline, policy);
      moved = putFirst(fields, choice) || moved;
      choices.push(choice);
    }
    if (moved) Object.assign(values, loggedValues(policy, fields, facts, values.resolved));
    for (const choice of choices) reportOnce(ctx.problems, duplicateFieldProblem(choice));
  }

  const title = facts.title || (values.title ? stripInline(values.title) : '') || (values.summary ? stripInline(values.summary) : '') || describingField(fields) || describingLine(ctx, section.bodyLine, section.endLine);
  const start = lines.starts[section.headingLine];
  const incident = newIncident(facts.id, title, fields, values, { timeline, checklist, actionItems, line: section.headingLine + 1, source: 'section', start, end: lineStart(ctx, section.endLine), level: section.level, bodyStart: lineStart(ctx, section.bodyLine) }, { timelineSlot, fieldSlot: fieldSlot(ctx, bodyFields, section) });
  if (!incident.id && values.id) {
    incident.id = stripInline(values.id);
    incident.idWritten = true;
  }
  if (said && incident.status) incident.reading = { statusText: said };
  noteHeadingDate(incident, facts.date);
  return incident;
}

/** Adds a problem unless the same one is there (a section read again to merge a table row into it). */
function reportOnce(problems: Problem[], p: Problem): void {
  if (!problems.some((q) => q.code === p.code && q.line === p.line)) problems.push(p);
}

/**
 * An incident whose heading gave its id and title: its body is read on first access (see
 * lazy.ts). Listing ids or finding one incident in a big log so costs one scan, not a parse of
 * every section.
 */
export function lazySectionIncident(ctx: IndexContext, section: Section, facts: HeadingFacts): Incident {
  const start = ctx.lines.starts[section.headingLine];
  const end = lineStart(ctx, section.endLine);
  const bodyStart = lineStart(ctx, section.bodyLine);
  const incident = new LazySectionIncident(facts.id as string, facts.title, section.headingLine + 1, start, end, section.level, bodyStart, () => buildSectionIncident(ctx, section, facts));
  ctx.lazy.push(incident);
  return incident;
}

/** A per-incident file: its first heading (level 1–4) and everything after it, plus front matter fields. */
export function singleIncident(ctx: IndexContext, bodyLine: number, titledByFrontMatter = false): Incident[] {
  // A file titled in its front matter has its sections as parts or updates: only an H1 heads it.
  const h = ctx.headings.find((x) => x.line >= bodyLine && x.level <= (titledByFrontMatter ? 1 : 4));
  const section: Section = {
    headingLine: h ? h.line : bodyLine,
    level: h ? h.level : 1,
    bodyLine: h ? h.line + 1 : bodyLine,
    endLine: ctx.lines.starts.length,
  };
  const read: HeadingFacts = h ? headingFacts(ctx, h.text) : { id: null, title: '', severityText: null, date: null };
  // A document's H1 (`# Incident Report: Checkout down`) and its H2 sections named like fields.
  const document = h && h.level === 1;
  const facts: HeadingFacts = document ? { ...read, title: documentTitle(read.title).title } : read;
  // Front matter keys (`severity: SEV-2`) are fields too: a line scan gives their offsets (so a
  // write replaces just the value), and the YAML parser their values as YAML means them.
  const frontFields = readFrontMatterFields(ctx, bodyLine);
  if (bodyLine > 0) applyFrontMatterValues(ctx, bodyLine, frontFields);
  const incident = buildSectionIncident(ctx, section, facts, { before: document ? headingFields(ctx, h.line) : [] });
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

/**
 * A bug report (steps to reproduce, actual and expected result), or a fix still to be made
 * (`Suggested fix:`, `Proposed fix:`), with no status and nothing said of a fix done: the
 * defect stands until someone writes that it is fixed, so it is open.
 */
function openBugReport(ctx: IndexContext, ranges: ReadonlyArray<readonly [number, number]>): { words: string; line: number; open: boolean } | undefined {
  for (const [from, to] of ranges) {
    const report = labelledWith(ctx, from, to, BUG_REPORT_KEYS, 2);
    if (report) {
      let closed: { words: string; line: number; open: boolean } | undefined;
      proseLines(ctx, from, to, (words, li) => {
        const found = findPhrase(words, CLOSED_REPORT, 3);
        if (found) closed = { words: found, line: li + 1, open: false };
        return closed !== undefined;
      });
      return closed ?? { words: `${report.words} (a bug report, no fix written)`, line: report.line, open: true };
    }
    const toDo = labelledWith(ctx, from, to, FIX_TO_DO_KEYS);
    if (toDo) return { words: `${toDo.words} (a fix still to be made)`, line: toDo.line, open: true };
  }
  return undefined;
}

/** First words of a fix part that say no fix was made. */
const NOT_DONE = new Set(['none', 'unknown', 'tbd', 'todo', 'pending', 'planned', 'not', 'no', 'nothing', 'waiting', 'awaiting', 'ninguna', 'ninguno', 'pendiente', 'nenhuma', 'pendente', 'aucun', 'aucune', 'keine', 'kein', 'offen', 'nessuna', 'нет', '未定', '暂无', '없음']);

/** Sentences of a bug report that close it without a fix (`Closed as duplicate of BUG-2.`, `Cannot reproduce on 2.4`). */
const CLOSED_REPORT = new Set(['duplicate', 'duplicate of', 'cannot reproduce', 'can t reproduce', 'could not reproduce', 'couldn t reproduce', 'not reproducible', 'works as intended', 'works as designed', 'not a bug'].map(key));

/** FIX_TO_DO_HEADERS as labels are matched (see labelledWith). */
const FIX_TO_DO_KEYS = new Set([...FIX_TO_DO_HEADERS].map(key));
