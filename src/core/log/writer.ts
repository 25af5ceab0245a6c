// The lossless writer. Every change is a short list of splices computed from the index and
// applied to the original text; nothing is ever re-serialised, so every byte outside a splice
// (line endings, BOM, front matter, the user's spacing and bullets) stays exactly as it was.
import { type CanonicalField, type Field, type Incident, type LogIndex, type Splice, writtenAs } from '../model';
import { type ChecklistPhase, FIELD_LABELS, type Policy, canonicalField, fieldFromName, matchSeverity, unknownSeverityMessage } from '../playbook/policy';
import { subsectionKind } from '../reader/headings';
import { splitSkipNote } from '../reader/tasks';
import { findIncident } from '../indexer';
import { cleanOwner, ownerCell, ownerTrailer } from '../response/author';
import { foldCellText, foldHeadingText, foldUserText, lineEndAt, lineStartAt } from '../reader/text';
import { dayOf, formatLogTime, formatTimeOfDay, idDayParts } from '../format/time';

/** A write the tool will not make; the message is for the user as it stands. */
export class WriteRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WriteRefused';
  }
}

export interface NewTimelineEntry {
  at: Date;
  text: string;
  owner?: string | null;
}

function guard(index: LogIndex): void {
  if (index.hasConflicts) {
    const p = index.problems.find((x) => x.code === 'conflict-markers');
    throw new WriteRefused(`The log has git conflict markers${p ? ` (line ${p.line})` : ''}; resolve the merge first. Nothing was written.`);
  }
}

export function requireIncident(index: LogIndex, id: string): Incident {
  const incident = findIncident(index, id);
  if (!incident) throw new WriteRefused(`No incident "${id}" in the log.`);
  return incident;
}

function requireSection(incident: Incident, what: string): void {
  if (incident.source === 'table-row' || incident.source === 'entry') {
    throw new WriteRefused(`${incident.id} is ${writtenAs(incident)} on line ${incident.line}; ${what} needs a section for the incident (## ${incident.id}: ${incident.title}).`);
  }
  if (incident.source === 'linked-file') {
    throw new WriteRefused(`${incident.id} lives in ${incident.file}; write to that file.`);
  }
}

/** Applies splices to the text they were computed from. Throws on overlapping splices. */
export function applySplices(text: string, splices: Splice[]): string {
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const s of sorted) {
    if (s.start < pos || s.end < s.start || s.end > text.length) throw new Error(`Overlapping or out-of-range splice at ${s.start}..${s.end}`);
    out += text.slice(pos, s.start) + s.text;
    pos = s.end;
  }
  return out + text.slice(pos);
}

/** Joins splice lists computed from the same index; insertions at one offset keep their order. */
export function combineSplices(...lists: Splice[][]): Splice[] {
  const all = lists.flat();
  const merged: Splice[] = [];
  for (const s of all) {
    const same = merged.find((m) => m.start === s.start && m.end === s.start && s.end === s.start);
    if (same) same.text += s.text;
    else merged.push({ ...s });
  }
  return merged.sort((a, b) => a.start - b.start);
}

/** Text to put before an insertion at `at` so that it starts on a fresh line. */
function freshLine(index: LogIndex, at: number): string {
  if (at === 0 || at === index.bodyStart) return '';
  const prev = index.text[at - 1];
  return prev === '\n' ? '' : index.eol;
}

/** Offset just after the last non-blank line of an incident section. */
function sectionContentEnd(index: LogIndex, incident: Incident): number {
  const text = index.text;
  let end = incident.end;
  while (end > incident.bodyStart) {
    let lineEnd = end;
    if (text[lineEnd - 1] === '\n') lineEnd--;
    if (text[lineEnd - 1] === '\r') lineEnd--;
    const ls = lineStartAt(text, lineEnd);
    if (text.slice(ls, lineEnd).trim() !== '') return end;
    end = ls;
  }
  return end;
}

function formatEntryText(entry: NewTimelineEntry): { text: string; owner: string | null } {
  const text = foldUserText(entry.text);
  if (!text) throw new WriteRefused('A timeline entry needs some text.');
  return { text, owner: cleanOwner(entry.owner) || null };
}

function canonicalEntryLine(entry: NewTimelineEntry, policy: Policy, eol: string): string {
  const { text, owner } = formatEntryText(entry);
  return `- ${formatLogTime(entry.at, policy.timeZone)} — ${text}${ownerTrailer(owner)}${eol}`;
}

/**
 * The text with several timeline entries appended to an incident, one after another (each in
 * the style its timeline uses); `reindex` reads the text between two entries.
 */
export function appendTimelineEntries(text: string, index: LogIndex, id: string, entries: readonly NewTimelineEntry[], policy: Policy, reindex: (text: string) => LogIndex): string {
  let current = text;
  let currentIndex = index;
  for (const [i, entry] of entries.entries()) {
    current = applySplices(current, appendTimelineEntry(currentIndex, id, entry, policy));
    if (i < entries.length - 1) currentIndex = reindex(current);
  }
  return current;
}

/** Appends one timeline entry to an incident, in the style its timeline already uses. */
export function appendTimelineEntry(index: LogIndex, id: string, entry: NewTimelineEntry, policy: Policy): Splice[] {
  guard(index);
  const incident = requireIncident(index, id);
  requireSection(incident, 'a timeline entry');
  const slot = incident.timelineSlot;
  const eol = index.eol;
  if (slot && slot.style === 'table') {
    const { text, owner } = formatEntryText(entry);
    const hasDate = slot.columns?.includes('date') && slot.columns?.includes('time');
    const cells = (slot.columns ?? []).map((role) => {
      if (role === 'time') return hasDate ? formatTimeOfDay(entry.at, policy.timeZone) : formatLogTime(entry.at, policy.timeZone);
      if (role === 'date') return hasDate ? formatLogTime(entry.at, policy.timeZone).slice(0, 10) : formatLogTime(entry.at, policy.timeZone);
      if (role === 'text') return foldCellText(text);
      if (role === 'owner') return owner ? foldCellText(ownerCell(owner)) : '';
      return '';
    });
    const row = `| ${cells.join(' | ')} |${eol}`;
    return [{ start: slot.insertAt, end: slot.insertAt, text: freshLine(index, slot.insertAt) + row }];
  }
  if (slot) {
    const { text, owner } = formatEntryText(entry);
    // A time-only timeline reads its times on the incident's day: an entry on another day
    // (past midnight) carries its date, or it would be read as that morning.
    const full = formatLogTime(entry.at, policy.timeZone);
    const incidentDay = incident.detected ? dayOf(incident.detected, policy.timeZone) : null;
    const stamp = slot.timeOnly && incidentDay === full.slice(0, 10) ? formatTimeOfDay(entry.at, policy.timeZone) : full;
    const time = slot.boldTime ? `**${stamp}**` : stamp;
    const line = `${slot.indent ?? ''}${slot.bullet ?? '-'} ${time} — ${text}${ownerTrailer(owner)}${eol}`;
    return [{ start: slot.insertAt, end: slot.insertAt, text: freshLine(index, slot.insertAt) + line }];
  }
  // No timeline yet: add a "Timeline" sub-section at the end of the incident's own text.
  const at = sectionContentEnd(index, incident);
  const heading = `${'#'.repeat(Math.min(6, Math.max(incident.level, 1) + 1))} Timeline`;
  const needsTrailingBlank = at < index.text.length;
  const block = `${freshLine(index, at)}${eol}${heading}${eol}${canonicalEntryLine(entry, policy, eol)}${needsTrailingBlank && at === incident.end ? eol : ''}`;
  return [{ start: at, end: at, text: block }];
}

function findField(incident: Incident, policy: Policy, name: string): { field?: Field; canonical?: CanonicalField; label: string } {
  const canonical = fieldFromName(policy, name);
  const field = canonical
    ? incident.fields.find((f) => f.canonical === canonical)
    : incident.fields.find((f) => f.key.toLowerCase() === name.trim().toLowerCase());
  return { field, canonical, label: canonical ? FIELD_LABELS[canonical] : name.trim() };
}

/** Sets a field's value: replaces the value on its one line, or inserts one line in the incident's field style. */
export function setField(index: LogIndex, id: string, name: string, value: string, policy: Policy): Splice[] {
  guard(index);
  const incident = requireIncident(index, id);
  if (!name.trim() || /[\r\n*|:]/.test(name)) throw new WriteRefused(`"${name}" is not a usable field name.`);
  const { field, label } = findField(incident, policy, name);
  if (field) {
    const folded = field.style === 'table' ? foldCellText(value) : foldUserText(value);
    const before = index.text[field.valueStart - 1];
    const padded = field.value !== '' ? folded : field.style === 'table' ? ` ${folded} ` : before === ' ' || before === '\t' ? folded : ` ${folded}`;
    return [{ start: field.valueStart, end: field.valueEnd, text: padded }];
  }
  if (incident.source === 'table-row') {
    throw new WriteRefused(`The table holding ${incident.id} has no "${label}" column; add one to set it.`);
  }
  requireSection(incident, `setting ${label}`);
  const folded = foldUserText(value);
  const slot = incident.fieldSlot ?? { insertAt: incident.bodyStart, style: 'list-bold' as const, indent: '' };
  const template = incident.fields.filter((f) => f.style !== 'table').pop();
  let suffix = '';
  let bullet = '- ';
  if (template) {
    // Copy what follows the value on the template line (two-space hard breaks) and its bullet.
    suffix = index.text.slice(template.valueEnd, lineEndAt(index.text, template.valueEnd));
    const tLine = index.text.slice(lineStartAt(index.text, template.valueStart), template.valueStart);
    const b = /^\s*([-*+])\s+/.exec(tLine);
    if (b) bullet = `${b[1]} `;
  }
  let line: string;
  // A plain `Key: value` line is only read for known keys; other keys get the bold form.
  const style = slot.style === 'plain' && !canonicalField(policy, label) ? 'list-bold' : slot.style;
  switch (style) {
    case 'bold':
      line = `${slot.indent}**${label}:** ${folded}${suffix}`;
      break;
    case 'bold-outside':
      line = `${slot.indent}${template && /^\s*[-*+]\s/.test(index.text.slice(lineStartAt(index.text, template.valueStart), template.valueStart)) ? bullet : ''}**${label}**: ${folded}${suffix}`;
      break;
    case 'plain':
      line = `${slot.indent}${template && /^\s*[-*+]\s/.test(index.text.slice(lineStartAt(index.text, template.valueStart), template.valueStart)) ? bullet : ''}${label}: ${folded}${suffix}`;
      break;
    default:
      line = `${slot.indent}${bullet}**${label}:** ${folded}${suffix}`;
  }
  return [{ start: slot.insertAt, end: slot.insertAt, text: freshLine(index, slot.insertAt) + line + index.eol }];
}

/** The next free `INC-YYYY-MMDD-NNN` for the UTC day of `at`. */
export function nextIncidentId(index: LogIndex | null, at: Date): string {
  const { year, monthDay } = idDayParts(at);
  const prefix = `INC-${year}-${monthDay}-`;
  let max = 0;
  for (const inc of index?.incidents ?? []) {
    if (inc.id.startsWith(prefix)) {
      const n = Number(inc.id.slice(prefix.length));
      if (Number.isFinite(n) && n > max) max = n;
    }
  }
  return `${prefix}${String(max + 1).padStart(3, '0')}`;
}

export interface DeclareOptions {
  title: string;
  severity: string;
  commander?: string | null;
  at: Date;
  owner?: string | null;
  /** An exercise: writes `Drill: yes` (see isDrill in oncall.ts). */
  drill?: boolean;
  /** The checklist to start with (a drill scenario's); the policy's when absent. */
  phases?: readonly ChecklistPhase[];
}

export interface Declared {
  id: string;
  /** Splices for an existing log. */
  splices: Splice[];
  /** The whole text when the log did not exist. */
  newText?: string;
}

/** The canonical block of a new incident. */
function incidentBlock(id: string, opts: DeclareOptions, severity: string, policy: Policy, level: number, eol: string): string {
  const title = foldHeadingText(opts.title);
  const h = '#'.repeat(level);
  const sub = '#'.repeat(Math.min(6, level + 1));
  const when = formatLogTime(opts.at, policy.timeZone);
  const commander = opts.commander ? foldUserText(opts.commander) : '';
  const owner = opts.owner ?? opts.commander ?? null;
  const out = [
    `${h} ${id}: ${title}`,
    `- **Severity:** ${severity}`,
    `- **Status:** ${policy.initialStatus}`,
    `- **Detected:** ${when}`,
    `- **Incident Commander:** ${commander || 'unassigned'}`,
    ...(opts.drill ? ['- **Drill:** yes'] : []),
    '',
    `${sub} Timeline`,
    canonicalEntryLine({ at: opts.at, text: `Incident declared (${severity})`, owner }, policy, '').trimEnd(),
    // The commander named at declaration is logged as an assignment later is (see assignRole).
    ...(commander ? [canonicalEntryLine({ at: opts.at, text: `${FIELD_LABELS.commander}: ${commander}`, owner }, policy, '').trimEnd()] : []),
  ];
  const checklist = checklistLines(policy, opts.phases ?? policy.phases, Math.min(6, level + 2));
  if (checklist.length) out.push('', `${sub} Checklist`, ...checklist);
  out.push('');
  return out.join(eol) + eol;
}

/** Offset of the start of 0-based `line`, walking from the incident's heading (no full-text scan). */
function lineOffset(index: LogIndex, incident: Incident, line: number): number {
  let offset = incident.start;
  for (let l = incident.line - 1; l < line; l++) {
    const next = index.text.indexOf('\n', offset);
    if (next < 0) throw new WriteRefused(`Line ${line + 1} is past the end of the log.`);
    offset = next + 1;
  }
  return offset;
}

/** The task line of an incident at 0-based `line`: its offsets and the box between its brackets. */
function taskLine(index: LogIndex, incident: Incident, line: number): { start: number; end: number; box: number; ticked: boolean; textStart: number } {
  const start = lineOffset(index, incident, line);
  const end = lineEndAt(index.text, start);
  const lineText = index.text.slice(start, end);
  const box = /^(\s*(?:>\s*)*(?:[-*+]|\d{1,9}[.)])\s+\[)([ xX])\]/.exec(lineText);
  if (!box) throw new WriteRefused(`Line ${line + 1} of the log is not a task item any more; nothing was written.`);
  let textStart = box[0].length;
  while (lineText[textStart] === ' ' || lineText[textStart] === '\t') textStart++;
  return { start, end, box: start + box[1].length, ticked: box[2] !== ' ', textStart: start + textStart };
}

/**
 * Ticks or unticks one task item (checklist or action item) of an incident: a one-character
 * splice of its `[ ]` / `[x]` box. No splice when it already reads that way.
 */
export function setTaskDone(index: LogIndex, id: string, line: number, done: boolean): Splice[] {
  guard(index);
  const incident = requireIncident(index, id);
  requireSection(incident, 'ticking a checklist item');
  const item = [...incident.checklist, ...incident.actionItems].find((t) => t.line === line);
  if (!item) throw new WriteRefused(`${incident.id} has no checklist item on line ${line + 1}.`);
  const task = taskLine(index, incident, line);
  if (task.ticked === done) return [];
  return [{ start: task.box, end: task.box + 1, text: done ? 'x' : ' ' }];
}

/** What a checklist item is set to: done, open again, or skipped for a reason. */
export type ChecklistState = 'done' | 'open' | { skipped: string };

/**
 * Sets one checklist item's state on its line: the box flipped (one character), and the skip
 * note (`— skipped: reason`) added, replaced or removed at the line's end. A skipped item is
 * written ticked, so a markdown renderer counts it as settled. No splice when nothing changes.
 */
export function setChecklistItem(index: LogIndex, id: string, line: number, state: ChecklistState): Splice[] {
  guard(index);
  const incident = requireIncident(index, id);
  requireSection(incident, 'changing a checklist item');
  if (!incident.checklist.some((t) => t.line === line)) throw new WriteRefused(`${incident.id} has no checklist item on line ${line + 1}.`);
  const task = taskLine(index, incident, line);
  const text = index.text;
  let contentEnd = task.end;
  while (contentEnd > task.textStart && (text[contentEnd - 1] === ' ' || text[contentEnd - 1] === '\t')) contentEnd--;
  const note = splitSkipNote(text.slice(task.textStart, contentEnd));
  const noteStart = note ? task.textStart + note.cut : contentEnd;
  const splices: Splice[] = [];
  const tick = state !== 'open';
  if (task.ticked !== tick) splices.push({ start: task.box, end: task.box + 1, text: tick ? 'x' : ' ' });
  if (typeof state === 'object') {
    const reason = foldUserText(state.skipped);
    if (!reason) throw new WriteRefused('Skipping an item needs a reason.');
    const written = ` — skipped: ${reason}`;
    if (text.slice(noteStart, contentEnd) !== written) splices.push({ start: noteStart, end: contentEnd, text: written });
  } else if (note) {
    splices.push({ start: noteStart, end: contentEnd, text: '' });
  }
  return splices;
}

/** The lines of a checklist: one phase as a flat list, several as `#### Phase` sub-headings at `phaseLevel`. */
function checklistLines(policy: Policy, phases: readonly ChecklistPhase[], phaseLevel: number): string[] {
  const kept = phases
    .map((p) => ({ name: foldHeadingText(p.name), items: p.items.map((i) => foldUserText(i.text)).filter(Boolean) }))
    .filter((p) => p.items.length);
  if (kept.length === 1) return kept[0].items.map((t) => `- [ ] ${t}`);
  const out: string[] = [];
  for (const phase of kept) {
    const kind = subsectionKind(phase.name, policy);
    if (!phase.name || (kind && kind !== 'checklist')) throw new WriteRefused(`The checklist phase "${phase.name}" would not read back as a phase; rename it in the playbook.`);
    out.push('', `${'#'.repeat(phaseLevel)} ${phase.name}`, ...phase.items.map((t) => `- [ ] ${t}`));
  }
  return out;
}

/**
 * Adds a "Checklist" sub-section at the end of an incident: the playbook's phases unless
 * `items` is given (a list of texts is one phase). One phase is written as a flat list; more as
 * `#### Phase` sub-headings, each followed by its items.
 */
export function addChecklist(index: LogIndex, id: string, policy: Policy, items: readonly string[] | readonly ChecklistPhase[] = policy.phases): Splice[] {
  guard(index);
  const incident = requireIncident(index, id);
  requireSection(incident, 'adding a checklist');
  if (incident.checklist.length) throw new WriteRefused(`${incident.id} already has a checklist.`);
  const phases: readonly ChecklistPhase[] = items.length && typeof items[0] === 'string' ? [{ name: 'Checklist', items: (items as readonly string[]).map((text) => ({ text })) }] : (items as readonly ChecklistPhase[]);
  const level = Math.min(6, Math.max(incident.level, 2) + 1);
  const lines = checklistLines(policy, phases, Math.min(6, level + 1));
  if (!lines.length) throw new WriteRefused('The checklist has no items (the playbook lists none).');
  const eol = index.eol;
  const at = sectionContentEnd(index, incident);
  const lead = at > 0 && index.text[at - 1] !== '\n' ? eol : '';
  const block = `${lead}${eol}${'#'.repeat(level)} Checklist${eol}${lines.join(eol)}${eol}`;
  return [{ start: at, end: at, text: block }];
}

/** The text of a new, empty log (what "Create Incident Log" writes). */
export function newLogText(eol: '\n' | '\r\n' = '\n'): string {
  return ['# Incident Log', '', 'Incidents, newest first. Each is a section with its fields, timeline and checklist; edit by hand or with', 'the Incident Playbook extension and the `incident` command.', ''].join(eol);
}

/** Declares a new incident: inserts its block where the log's newest-first order puts it. */
export function declareIncident(index: LogIndex | null, opts: DeclareOptions, policy: Policy): Declared {
  if (index) guard(index);
  const title = foldHeadingText(opts.title);
  if (!title) throw new WriteRefused('A new incident needs a title.');
  const level = matchSeverity(policy, opts.severity);
  if (!level) throw new WriteRefused(unknownSeverityMessage(policy, opts.severity));
  const id = nextIncidentId(index, opts.at);
  if (!index) {
    const eol = '\n';
    return { id, splices: [], newText: `# Incident Log${eol}${eol}${incidentBlock(id, opts, level.id, policy, 2, eol)}` };
  }
  const { insertAt, level: headingLevel } = index.declareSlot;
  let block = incidentBlock(id, opts, level.id, policy, headingLevel, index.eol);
  const before = index.text.slice(0, insertAt);
  if (insertAt === index.text.length || !index.incidents.some((i) => i.start === insertAt)) {
    // Appending: make sure one blank line separates the block from what precedes it.
    if (before.length > index.bodyStart && !/(\r?\n)\s*\r?\n$/.test(before)) block = (before.endsWith('\n') ? index.eol : index.eol + index.eol) + block;
    else if (before.length > index.bodyStart && !before.endsWith('\n')) block = index.eol + block;
    if (insertAt !== index.text.length) block += index.eol;
  }
  return { id, splices: [{ start: insertAt, end: insertAt, text: block }] };
}

/** Resolves an incident: status, resolved time and a timeline entry, as one change. */
export function resolveIncident(index: LogIndex, id: string, opts: { at: Date; owner?: string | null; note?: string }, policy: Policy): Splice[] {
  guard(index);
  const incident = requireIncident(index, id);
  const status = setField(index, incident.id, 'status', policy.resolvedStatus, policy);
  const resolved = setField(index, incident.id, 'resolved', formatLogTime(opts.at, policy.timeZone), policy);
  const lists: Splice[][] = [status, resolved];
  if (incident.source === 'section') {
    lists.push(appendTimelineEntry(index, incident.id, { at: opts.at, text: opts.note ?? 'Incident resolved', owner: opts.owner }, policy));
  }
  return combineSplices(...lists);
}

