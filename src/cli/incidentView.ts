// How `list` and `show` present an incident: its JSON and the table row of each, with the status
// as listed (`unknown` when none is written and nothing says it ended).
import type { Incident } from '../core/model';
import type { Policy } from '../core/playbook/policy';
import { statusState } from '../core/indexer';
import { approximately, readingNotes } from '../core/reader/readingNotes';
import { isDrill } from '../core/oncall/oncall';
import { pad, print, shown } from './output';

/** Words `list --status` takes beside the policy's statuses: every incident not resolved. */
export const ACTIVE_WORDS = ['active', 'open'];
/** The word `list --status` takes for incidents with no status and nothing that says they ended. */
export const UNKNOWN_WORD = 'unknown';

/** The status as listed: as read, or `unknown` when none is written and nothing says it ended. */
export function statusText(incident: Incident, policy: Policy): string | null {
  return incident.status ?? (statusState(incident, policy) === 'unknown' ? UNKNOWN_WORD : null);
}

export function toJson(incident: Incident, policy: Policy) {
  const notes = readingNotes(incident, policy);
  return {
    id: incident.id,
    title: incident.title,
    severity: incident.severity,
    ...(notes.severityNote ? { severityNote: notes.severityNote } : {}),
    status: statusText(incident, policy),
    state: statusState(incident, policy),
    ...(notes.statusNote ? { statusNote: notes.statusNote } : {}),
    ...(notes.statusFrom ? { statusFrom: notes.statusFrom } : {}),
    ...(notes.statusFromText ? { statusFromText: notes.statusFromText } : {}),
    ...(notes.readAs ? { readAs: notes.readAs } : {}),
    detected: incident.detected,
    ...(notes.detectedApproximate ? { detectedApproximate: true } : {}),
    resolved: incident.resolved,
    ...(notes.resolvedApproximate ? { resolvedApproximate: true } : {}),
    roles: incident.roles,
    timeline: incident.timeline.map((e) => ({ at: e.at, text: e.text, owner: e.owner })),
    checklist: { done: incident.checklist.filter((c) => c.done).length, total: incident.checklist.length, items: incident.checklist.map((c) => ({ done: c.done, text: c.text })) },
    actionItems: incident.actionItems.map((a) => ({ done: a.done, text: a.text, owner: a.owner })),
    line: incident.line,
    source: incident.source,
    ...(incident.file ? { file: incident.file } : {}),
    ...(isDrill(incident) ? { drill: true } : {}),
  };
}

export function printTable(incidents: Incident[], policy: Policy): void {
  printRows(incidents.map((incident) => ({ incident, policy })));
}

/** The table of `incident list`: id, severity, status, detected, title; with a service first when the rows have one (several logs). */
export function printRows(rows: readonly { incident: Incident; policy: Policy; service?: string }[]): void {
  if (rows.length === 0) {
    print('No incidents.');
    return;
  }
  const cells = rows.map(({ incident: i, policy, service }) => {
    const notes = readingNotes(i, policy);
    const row = [shown(i.id), shown(i.severity), shown(statusText(i, policy)), shown(i.detected && approximately(i.detected, notes.detectedApproximate)), shown(i.title)];
    return service === undefined ? row : [shown(service), ...row];
  });
  const last = cells[0].length - 1;
  const widths = cells[0].slice(0, last).map((_, c) => Math.min(28, Math.max(...cells.map((r) => r[c].length))));
  for (const r of cells) print(r.map((cell, c) => (c < last ? pad(cell, widths[c]) : cell)).join('  '));
}
