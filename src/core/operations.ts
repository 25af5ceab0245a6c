// Response operations as one change each: the field edit and the timeline entry that records it,
// computed from the same index so a single undo (or a single file write) covers both.
import type { LogIndex, Splice } from './model';
import { FIELD_LABELS, type Policy, matchSeverity, matchStatus, unknownSeverityMessage, unknownStatusMessage } from './policy';
import { WriteRefused, appendTimelineEntry, combineSplices, requireIncident, setField } from './writer';

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
