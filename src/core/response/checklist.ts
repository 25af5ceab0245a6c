// What the checklist panel shows, as plain data: the incident's checklist by phase with its
// progress, and the response clocks beside it. A pure function of (incident, policy, now); the
// panel renders it and sends back item lines for the operations in operations.ts.
import { nextUpdateDue, responseTimeBreach } from './check';
import { elapsedMinutes } from './clock';
import type { ChecklistItem, Incident } from '../model';
import { isActive } from '../indexer';
import { type Policy, matchSeverity } from '../playbook/policy';
import { type RunnableStep, runbookStepRef, runnableItems } from './runbookChecklist';

export interface ChecklistViewItem {
  /** 0-based line of the item in the file that holds the incident: what the operations take. */
  line: number;
  text: string;
  /** Ticked and not skipped. */
  done: boolean;
  /** The reason, when the item was skipped. */
  skipped: string | null;
  /**
   * The runnable step of this item, when the playbook has it: a health check's name or a runbook
   * step (`website-outage/3`), from an opened runbook's step or the checklist's `run:`.
   */
  run?: string;
  /** The step is a runbook step marked `dangerous: true`. */
  dangerous?: boolean;
}

export interface ChecklistViewPhase {
  /** The phase heading; null for items outside any phase (a flat list). */
  name: string | null;
  done: number;
  skipped: number;
  total: number;
  items: ChecklistViewItem[];
}

export interface ChecklistView {
  id: string;
  title: string;
  severity: string | null;
  status: string | null;
  active: boolean;
  roles: Incident['roles'];
  /** Minutes since detection (to resolution once resolved); null when the detection time is unknown. */
  elapsedMinutes: number | null;
  /** The severity's response time (a commander within it), in minutes; null when it sets none. */
  responseMinutes: number | null;
  /** Set while the incident has no commander past its response time. */
  responseBreach: { waitedMinutes: number } | null;
  /** The next status update: when (ISO 8601 UTC) and in how many minutes (negative: overdue). */
  nextUpdate: { dueAt: string; minutesLeft: number } | null;
  progress: { done: number; skipped: number; total: number };
  phases: ChecklistViewPhase[];
  /** False when the incident has no checklist yet (the panel offers the playbook's: `addPlaybookChecklist`). */
  hasChecklist: boolean;
}

function viewItem(item: ChecklistItem, runnable: RunnableStep | undefined): ChecklistViewItem {
  const out: ChecklistViewItem = { line: item.line, text: item.text, done: item.done && !item.skipped, skipped: item.skipped ? item.skipped.reason : null };
  if (runnable) {
    out.run = runnable.kind === 'healthCheck' ? runnable.check.name : runbookStepRef(runnable.runbook, runnable.number);
    if (runnable.kind === 'runbookStep' && runnable.step.dangerous) out.dangerous = true;
  }
  return out;
}

/** The checklist panel's model of an incident (see ChecklistView). */
export function checklistView(incident: Incident, policy: Policy, now: Date): ChecklistView {
  const phases: ChecklistViewPhase[] = [];
  const runnable = runnableItems(incident, policy);
  for (const [i, item] of incident.checklist.entries()) {
    const name = item.phase ?? null;
    let phase = phases[phases.length - 1];
    if (!phase || phase.name !== name) phases.push((phase = { name, done: 0, skipped: 0, total: 0, items: [] }));
    const v = viewItem(item, runnable.get(i));
    phase.items.push(v);
    phase.total++;
    if (v.skipped !== null) phase.skipped++;
    else if (v.done) phase.done++;
  }
  const progress = phases.reduce((a, p) => ({ done: a.done + p.done, skipped: a.skipped + p.skipped, total: a.total + p.total }), { done: 0, skipped: 0, total: 0 });
  const level = incident.severity ? matchSeverity(policy, incident.severity) : undefined;
  const breach = responseTimeBreach(incident, policy, now);
  const update = nextUpdateDue(incident, policy, now);
  return {
    id: incident.id,
    title: incident.title,
    severity: incident.severity,
    status: incident.status,
    active: isActive(incident, policy),
    roles: { ...incident.roles },
    elapsedMinutes: elapsedMinutes(incident, now),
    responseMinutes: level?.responseMinutes ?? null,
    responseBreach: breach ? { waitedMinutes: breach.waited } : null,
    nextUpdate: update ? { dueAt: update.dueAt.toISOString().replace(/\.\d{3}Z$/, 'Z'), minutesLeft: update.minutesLeft } : null,
    progress,
    phases,
    hasChecklist: incident.checklist.length > 0,
  };
}
