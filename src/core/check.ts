// `incident check`: what a responder should fix now. Reading problems (conflict markers, bad
// dates, unterminated fences) come from the index; this adds the policy's clocks and duplicates.
import { parseFrontMatter } from './frontMatter';
import type { Incident, LogIndex, Problem } from './model';
import { type Policy, type SeverityLevel, isResolvedStatus, matchSeverity } from './policy';
import { toDate } from './time';
import { formatElapsed } from './duration';

function minutesBetween(a: Date, b: Date): number {
  return (b.getTime() - a.getTime()) / 60000;
}

/** The entry a "Snooze" on a reminder logs: `Status update reminder snoozed for 10 min`. */
export function snoozeEntryText(minutes: number): string {
  return `Status update reminder snoozed for ${Math.round(minutes)} min`;
}

const SNOOZE_ENTRY = /^status update reminder snoozed for (\d{1,4}) min\b/i;

/** The minutes a timeline entry snoozes the update reminder for; null when it is not a snooze. */
export function snoozeMinutes(text: string): number | null {
  const m = SNOOZE_ENTRY.exec(text.trim());
  return m ? Number(m[1]) : null;
}

/**
 * When the update reminder stays quiet until: the newest snooze entry's time plus its minutes.
 * Written in the log, so every teammate's editor (and the CLI) sees the same snooze.
 */
export function snoozedUntil(incident: Incident): Date | null {
  let until: Date | null = null;
  for (const e of incident.timeline) {
    const minutes = snoozeMinutes(e.text);
    const at = minutes === null ? null : toDate(e.at);
    if (at && minutes !== null) {
      const end = new Date(at.getTime() + minutes * 60000);
      if (!until || end > until) until = end;
    }
  }
  return until;
}

/**
 * When the last update happened: the newest timeline entry, or the detection time. A snooze
 * entry is not an update: it quiets the reminder, it does not restart the cadence.
 */
export function lastUpdateAt(incident: Incident): Date | null {
  let last: Date | null = null;
  for (const e of incident.timeline) {
    if (snoozeMinutes(e.text) !== null) continue;
    const d = toDate(e.at);
    if (d && (!last || d > last)) last = d;
  }
  return last ?? (incident.detected && incident.detected.length > 10 ? toDate(incident.detected) : null);
}

/** Minutes until the next status update is due (negative when overdue); null when none is required. */
export function nextUpdateDue(incident: Incident, policy: Policy, now: Date): { dueAt: Date; minutesLeft: number } | null {
  if (isResolvedStatus(policy, incident.status) || incident.resolved) return null;
  const level = incident.severity ? matchSeverity(policy, incident.severity) : undefined;
  if (!level || level.updateMinutes === null) return null;
  const last = lastUpdateAt(incident);
  if (!last) return null;
  const dueAt = new Date(last.getTime() + level.updateMinutes * 60000);
  return { dueAt, minutesLeft: minutesBetween(now, dueAt) };
}

/**
 * An incident without a commander past its severity's response time: the level and the minutes
 * waited since detection; null when there is a commander, no response time, or time is left.
 */
export function responseTimeBreach(incident: Incident, policy: Policy, now: Date): { level: SeverityLevel; waited: number } | null {
  if (incident.roles.commander) return null;
  const detected = incident.detected && incident.detected.length > 10 ? toDate(incident.detected) : null;
  const level = incident.severity ? matchSeverity(policy, incident.severity) : undefined;
  if (!detected || !level || level.responseMinutes === null) return null;
  const waited = minutesBetween(detected, now);
  return waited > level.responseMinutes ? { level, waited } : null;
}

export function checkLog(index: LogIndex, policy: Policy, now: Date = new Date()): Problem[] {
  const problems: Problem[] = [...index.problems];
  if (index.bodyStart > (index.bom ? 1 : 0)) {
    try {
      parseFrontMatter(index.text.slice(index.bom ? 1 : 0, index.bodyStart).replace(/\r\n/g, '\n'));
    } catch (e) {
      const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
      problems.push({ code: 'bad-front-matter', message: `The front matter is not valid YAML: ${reason}`, line: 1, severity: 'warning' });
    }
  }
  const seen = new Map<string, Incident>();
  for (const inc of index.incidents) {
    if (inc.idWritten) {
      const first = seen.get(inc.id);
      if (first) {
        problems.push({ code: 'duplicate-id', message: `${inc.id} is used twice (also on line ${first.line}).`, line: inc.line, incidentId: inc.id, severity: 'error' });
      } else seen.set(inc.id, inc);
    }
    const active = !isResolvedStatus(policy, inc.status) && !inc.resolved;
    if (!inc.severity) {
      problems.push({ code: 'missing-severity', message: `${inc.id} has no severity.`, line: inc.line, incidentId: inc.id, severity: 'warning' });
    } else if (!matchSeverity(policy, inc.severity)) {
      problems.push({ code: 'missing-severity', message: `${inc.id} has severity "${inc.severity}", which the policy does not know (${policy.severities.map((s) => s.id).join(', ')}).`, line: inc.line, incidentId: inc.id, severity: 'warning' });
    }
    if (!active) continue;
    const level = inc.severity ? matchSeverity(policy, inc.severity) : undefined;
    if (!inc.roles.commander) {
      const breach = responseTimeBreach(inc, policy, now);
      problems.push(
        breach
          ? { code: 'response-time-breach', message: `${inc.id} (${breach.level.id}) has had no incident commander for ${formatElapsed(breach.waited)}; the response time is ${formatElapsed(breach.level.responseMinutes!)}.`, line: inc.line, incidentId: inc.id, severity: 'error' }
          : { code: 'missing-commander', message: `${inc.id} is active with no incident commander.`, line: inc.line, incidentId: inc.id, severity: 'warning' },
      );
    }
    const due = nextUpdateDue(inc, policy, now);
    if (due && due.minutesLeft < 0) {
      problems.push({
        code: 'update-overdue',
        message: `${inc.id} (${level?.id}) status update is overdue by ${formatElapsed(-due.minutesLeft)} (every ${formatElapsed(level?.updateMinutes ?? 0)}).`,
        line: inc.line,
        incidentId: inc.id,
        severity: 'warning',
      });
    }
  }
  return problems.sort((a, b) => a.line - b.line);
}
