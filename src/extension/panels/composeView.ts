// What the status update composer shows for one incident, as protocol data: the core's
// prefilled update (as markdown, the text the responder edits) and both audiences' clocks. No
// vscode import, so unit tests read it directly.
import { nextUpdateDue } from '../../core/response/check';
import { formatElapsed } from '../../core/format/duration';
import { isActive } from '../../core/indexer';
import type { Incident, LogIndex } from '../../core/model';
import { type Policy, matchSeverity } from '../../core/playbook/policy';
import { composeStatusUpdate, nextStatusPageUpdateDue, renderStatusUpdate } from '../../core/comms/statusUpdate';
import { formatLogTime } from '../../core/format/time';
import type { ComposeClockView, ComposeView, UpdateAudience } from '../../shared/protocol';
import { l10n } from '../l10n';

/** Why "Mark as sent" cannot write to this incident; null when it can. */
export function composeReadOnlyReason(index: LogIndex, incident: Incident): string | null {
  if (index.hasConflicts) return l10n.t('The log has git conflict markers: resolve the merge first.');
  if (incident.source === 'table-row') return l10n.t('{0} is a row of a table: give it a section (## {0}: …) to log updates on its timeline.', incident.id);
  if (incident.source === 'entry') return l10n.t('{0} is an entry with no heading of its own: give it a section (## {0}: …) to log updates on its timeline.', incident.id);
  return null;
}

function clock(due: { dueAt: Date; minutesLeft: number } | null, zone: string): ComposeClockView | null {
  if (!due) return null;
  return {
    at: formatLogTime(due.dueAt, zone),
    relative: due.minutesLeft < 0 ? `${formatElapsed(-due.minutesLeft)} overdue` : `in ${formatElapsed(due.minutesLeft)}`,
    overdue: due.minutesLeft < 0,
  };
}

export function composeView(index: LogIndex, incident: Incident, policy: Policy, audience: UpdateAudience, now: Date, zone = policy.timeZone, webhook: string | null = null): ComposeView {
  const draft = composeStatusUpdate(incident, policy, now, audience);
  const level = incident.severity ? matchSeverity(policy, incident.severity) : undefined;
  const every = (m: number | null | undefined) => (m ? formatElapsed(m) : null);
  return {
    incident: { id: incident.id, title: incident.title, severity: incident.severity, status: incident.status, active: isActive(incident, policy) },
    audience,
    markdown: renderStatusUpdate(draft, 'markdown', zone),
    warRoom: draft.warRoom,
    cadence: { internal: every(level?.updateMinutes), statuspage: every(level?.statusPageMinutes) },
    due: { internal: clock(nextUpdateDue(incident, policy, now), zone), statuspage: clock(nextStatusPageUpdateDue(incident, policy, now), zone) },
    readOnly: composeReadOnlyReason(index, incident),
    webhook,
  };
}
