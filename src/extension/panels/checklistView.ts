// What the checklist panel shows for one incident, as protocol data: the core's checklist view
// model (phases, progress, clocks) with its times and durations put into words. No vscode
// import, so unit tests read it directly.
import { checklistView } from '../../core/response/checklist';
import { formatElapsed } from '../../core/response/clock';
import type { Incident, LogIndex } from '../../core/model';
import type { Policy } from '../../core/playbook/policy';
import { formatLogTime, toDate } from '../../core/format/time';
import type { ChecklistView } from '../../shared/protocol';
import { l10n } from '../l10n';

const ROLE_LABELS = [
  ['commander', 'Incident Commander'],
  ['techLead', 'Technical Lead'],
  ['commsLead', 'Communications Lead'],
] as const;

/** Why the panel cannot write to this incident; null when it can. */
export function readOnlyReason(index: LogIndex, incident: Incident): string | null {
  if (index.hasConflicts) return l10n.t('The log has git conflict markers: resolve the merge first.');
  if (incident.source === 'table-row') return l10n.t('{0} is a row of a table: give it a section (## {0}: …) to keep its checklist.', incident.id);
  if (incident.source === 'entry') return l10n.t('{0} is an entry with no heading of its own: give it a section (## {0}: …) to keep its checklist.', incident.id);
  return null;
}

/**
 * The panel's view. Items are numbered in the order of the incident's checklist (the page sends
 * that number and the text it showed; the host finds the item's line again in a fresh index).
 * `canRun`: items with a runnable step get a Run button (the host runs them through "Run Step").
 */
export function panelView(index: LogIndex, incident: Incident, policy: Policy, now: Date, zone = policy.timeZone, canRun = true): ChecklistView {
  const v = checklistView(incident, policy, now);
  const resolvedAt = !v.active && incident.resolved ? toDate(incident.resolved) : null;
  let n = 0;
  return {
    incident: {
      id: v.id,
      title: v.title,
      severity: v.severity,
      status: v.status,
      active: v.active,
      roles: ROLE_LABELS.map(([role, label]) => ({ label, name: v.roles[role] })),
    },
    clock: {
      elapsed: v.elapsedMinutes === null ? null : formatElapsed(Math.max(0, v.elapsedMinutes)),
      resolved: resolvedAt ? formatLogTime(resolvedAt, zone) : null,
      responseTime: v.responseMinutes !== null ? formatElapsed(v.responseMinutes) : null,
      breached: v.responseBreach !== null,
      nextUpdate: v.nextUpdate
        ? {
            at: formatLogTime(new Date(v.nextUpdate.dueAt), zone),
            relative: v.nextUpdate.minutesLeft < 0 ? `${formatElapsed(-v.nextUpdate.minutesLeft)} overdue` : `in ${formatElapsed(v.nextUpdate.minutesLeft)}`,
            overdue: v.nextUpdate.minutesLeft < 0,
          }
        : null,
    },
    phases: v.phases.map((p) => ({
      title: p.name ?? 'Checklist',
      done: p.done,
      skipped: p.skipped,
      total: p.total,
      items: p.items.map((i) => ({ index: n++, text: i.text, done: i.done, skipped: i.skipped, runnable: canRun && !!i.run, dangerous: canRun && !!i.run && !!i.dangerous })),
    })),
    progress: v.progress,
    canSkip: true,
    readOnly: readOnlyReason(index, incident),
  };
}
