// Response operations as one change each: the field edit and the timeline entry that records it,
// computed from the same index so a single undo (or a single file write) covers both.
import type { LogIndex, Splice } from '../model';
import { FIELD_LABELS, type Policy, matchSeverity, matchStatus, unknownSeverityMessage, unknownStatusMessage } from '../playbook/policy';
import { type ChecklistState, WriteRefused, addChecklist, appendTimelineEntry, combineSplices, requireIncident, setChecklistItem, setField } from '../log/writer';
import { foldUserText } from '../reader/text';

export type Role = 'commander' | 'techLead' | 'commsLead';

export interface Actor {
  at: Date;
  owner?: string | null;
}

/** Appends the entry only where the incident has a timeline to append to (not a table row). */
function withEntry(index: LogIndex, id: string, fieldSplices: Splice[], text: string, actor: Actor, policy: Policy): Splice[] {
  const incident = requireIncident(index, id);
  if (incident.source !== 'section') return fieldSplices;
  return combineSplices(fieldSplices, appendTimelineEntry(index, incident.id, { at: actor.at, text, owner: actor.owner }, policy));
}

/** Sets the status and logs `Status: A → B`. */
export function changeStatus(index: LogIndex, id: string, status: string, actor: Actor, policy: Policy): Splice[] {
  const incident = requireIncident(index, id);
  const next = matchStatus(policy, status);
  if (!next) throw new WriteRefused(unknownStatusMessage(policy, status));
  const text = incident.status ? `Status: ${incident.status} → ${next}` : `Status set to ${next}`;
  return withEntry(index, incident.id, setField(index, incident.id, 'status', next, policy), text, actor, policy);
}

/** Whether moving from one severity to another is an escalation (towards the policy's first level). */
export function isEscalation(policy: Policy, from: string | null, to: string): boolean {
  const order = policy.severities.map((s) => s.id);
  const a = from ? order.indexOf(matchSeverity(policy, from)?.id ?? '') : -1;
  const b = order.indexOf(matchSeverity(policy, to)?.id ?? '');
  return a !== -1 && b !== -1 && b < a;
}

/** Sets the severity and logs the change, marking escalations. */
export function changeSeverity(index: LogIndex, id: string, severity: string, actor: Actor, policy: Policy): Splice[] {
  const incident = requireIncident(index, id);
  const level = matchSeverity(policy, severity);
  if (!level) throw new WriteRefused(unknownSeverityMessage(policy, severity));
  const from = incident.severity;
  const verb = isEscalation(policy, from, level.id) ? 'Escalated' : from ? 'Severity changed' : 'Severity set';
  const text = from ? `${verb}: ${from} → ${level.id}` : `${verb} to ${level.id}`;
  return withEntry(index, incident.id, setField(index, incident.id, 'severity', level.id, policy), text, actor, policy);
}

/** Assigns a role; a change of hands is logged as a handoff. */
export function assignRole(index: LogIndex, id: string, role: Role, name: string, actor: Actor, policy: Policy): Splice[] {
  const incident = requireIncident(index, id);
  const person = name.trim();
  if (!person) throw new WriteRefused(`A ${FIELD_LABELS[role].toLowerCase()} needs a name.`);
  const previous = incident.roles[role];
  const label = FIELD_LABELS[role];
  const text = previous && previous !== person ? `${label} handed over from ${previous} to ${person}` : `${label}: ${person}`;
  return withEntry(index, incident.id, setField(index, incident.id, role, person, policy), text, actor, policy);
}

/** Sets a checklist item and logs it; nothing (no entry either) when the item already reads that way. */
function checklistChange(index: LogIndex, id: string, itemLine: number, state: ChecklistState, actor: Actor, policy: Policy): Splice[] {
  const incident = requireIncident(index, id);
  const item = incident.checklist.find((c) => c.line === itemLine);
  if (!item) throw new WriteRefused(`${incident.id} has no checklist item on line ${itemLine + 1}.`);
  const splices = setChecklistItem(index, incident.id, itemLine, state);
  if (!splices.length) return [];
  const what = typeof state === 'object' ? `skipped: ${foldUserText(state.skipped)}` : state === 'done' ? 'done' : 'reopened';
  return withEntry(index, incident.id, splices, `Checklist: ${item.text || '(no text)'} — ${what}`, actor, policy);
}

/**
 * Ticks (`done`) or unticks a checklist item and logs "Checklist: <item> — done" (or
 * "— reopened"), as one change. Ticking or unticking a skipped item drops its skip note.
 */
export function tickChecklistItem(index: LogIndex, id: string, itemLine: number, done: boolean, actor: Actor, policy: Policy): Splice[] {
  return checklistChange(index, id, itemLine, done ? 'done' : 'open', actor, policy);
}

/** Skips a checklist item for a reason (`- [x] Item — skipped: reason`) and logs "Checklist: <item> — skipped: reason". */
export function skipChecklistItem(index: LogIndex, id: string, itemLine: number, reason: string, actor: Actor, policy: Policy): Splice[] {
  if (!foldUserText(reason)) throw new WriteRefused('Skipping an item needs a reason.');
  return checklistChange(index, id, itemLine, { skipped: reason }, actor, policy);
}

/** Gives an incident without a checklist the playbook's, phases and all, in one edit. */
export function addPlaybookChecklist(index: LogIndex, id: string, policy: Policy): Splice[] {
  return addChecklist(index, id, policy, policy.phases);
}
