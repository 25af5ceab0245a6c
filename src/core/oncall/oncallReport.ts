// `incident oncall [--at ISO] [--json]`: who is on call (primary, backup, since, until, in the
// rotation's zone with its offset), who takes over next, and the escalation contacts.
// Returns the report and its text; `incident oncall` and the agent tools print or return them.
import type { Policy } from '../playbook/policy';
import { RotationError, formatZoned, nextOnCall, onCallAt, personContacts, teamOf } from './oncall';
import { parseUserTime } from '../format/time';

export interface OnCallReport {
  primary: string | null;
  backup: string | null;
  since: string | null;
  until: string | null;
  timeZone: string | null;
  week: number | null;
  next: { primary: string; backup: string | null; at: string } | null;
  escalation: Array<{ name: string; contact: string }>;
}

export type OnCallResult = { report: OnCallReport; text: string } | { problem: string };

export function oncallCommand(policy: Policy, atText: string | undefined): OnCallResult {
  const team = teamOf(policy);
  const rotation = team.rotation;
  if (!rotation && team.escalation.length === 0) return { problem: 'The playbook declares no on-call rotation (oncall:) and no escalation contacts (escalation:); add them to .incident/playbook.yml (see the README).' };
  const zone = rotation?.timeZone ?? policy.timeZone;
  const at = atText === undefined ? new Date() : parseUserTime(atText, zone);
  if (!at) return { problem: `--at "${atText}" is not a date-time (use ISO 8601, e.g. 2026-11-20T14:30:00Z; without an offset it is read in ${zone}).` };
  const report: OnCallReport = { primary: null, backup: null, since: null, until: null, timeZone: rotation ? zone : null, week: null, next: null, escalation: team.escalation.map((e) => ({ name: e.name, contact: e.contact })) };
  const lines: string[] = [];
  if (rotation) {
    let now;
    try {
      now = onCallAt(rotation, at);
    } catch (e) {
      if (e instanceof RotationError) return { problem: e.message };
      throw e;
    }
    const next = nextOnCall(rotation, at);
    Object.assign(report, { primary: now.primary, backup: now.backup, since: formatZoned(now.since, zone), until: formatZoned(now.until, zone), week: now.week, next: { primary: next.primary, backup: next.backup, at: formatZoned(now.until, zone) } });
    const reach = (name: string) => {
      const c = personContacts(team.people[name]);
      return c.length ? `  ${c.map((x) => x.value).join('  ')}` : '';
    };
    lines.push(
      `On call (${zone}, week ${now.week} of ${rotation.weeks.length}${now.override ? ', override' : ''}):`,
      `  Primary  ${now.primary}${reach(now.primary)}`,
      `  Backup   ${now.backup ?? '-'}${now.backup ? reach(now.backup) : ''}`,
      `  Since    ${report.since}`,
      `  Until    ${report.until}, then ${next.primary}${next.backup ? ` (backup ${next.backup})` : ''}`,
    );
  } else lines.push('No on-call rotation in the playbook (oncall:).');
  if (team.escalation.length) {
    lines.push('', 'Escalation:');
    team.escalation.forEach((e, i) => lines.push(`  ${i + 1}. ${e.name}  ${e.contact}`));
  }
  return { report, text: lines.join('\n') };
}
