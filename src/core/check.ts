// `incident check`: what a responder should fix now. Reading problems (conflict markers, bad
// dates, unterminated fences) come from the index; this adds the policy's clocks and duplicates.
import matter from 'gray-matter';
import type { Incident, LogIndex, Problem } from './model';
import { type Policy, isResolvedStatus, matchSeverity } from './policy';
import { toDate } from './time';

function minutesBetween(a: Date, b: Date): number {
  return (b.getTime() - a.getTime()) / 60000;
}

function formatMinutes(m: number): string {
  if (m < 90) return `${Math.round(m)} min`;
  if (m < 48 * 60) return `${Math.round(m / 6) / 10} h`;
  return `${Math.round(m / 144) / 10} days`;
}

/** When the last update happened: the newest timeline entry, or the detection time. */
export function lastUpdateAt(incident: Incident): Date | null {
  let last: Date | null = null;
  for (const e of incident.timeline) {
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

export function checkLog(index: LogIndex, policy: Policy, now: Date = new Date()): Problem[] {
  const problems: Problem[] = [...index.problems];
  if (index.bodyStart > (index.bom ? 1 : 0)) {
    try {
      matter(index.text.slice(index.bom ? 1 : 0, index.bodyStart).replace(/\r\n/g, '\n'));
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
    const detected = inc.detected && inc.detected.length > 10 ? toDate(inc.detected) : null;
    const level = inc.severity ? matchSeverity(policy, inc.severity) : undefined;
    if (!inc.roles.commander) {
      let message = `${inc.id} is active with no incident commander.`;
      let code: Problem['code'] = 'missing-commander';
      if (detected && level && level.responseMinutes !== null) {
        const waited = minutesBetween(detected, now);
        if (waited > level.responseMinutes) {
          code = 'response-time-breach';
          message = `${inc.id} (${level.id}) has had no incident commander for ${formatMinutes(waited)}; the response time is ${formatMinutes(level.responseMinutes)}.`;
        }
      }
      problems.push({ code, message, line: inc.line, incidentId: inc.id, severity: code === 'response-time-breach' ? 'error' : 'warning' });
    }
    const due = nextUpdateDue(inc, policy, now);
    if (due && due.minutesLeft < 0) {
      problems.push({
        code: 'update-overdue',
        message: `${inc.id} (${level?.id}) status update is overdue by ${formatMinutes(-due.minutesLeft)} (every ${formatMinutes(level?.updateMinutes ?? 0)}).`,
        line: inc.line,
        incidentId: inc.id,
        severity: 'warning',
      });
    }
  }
  return problems.sort((a, b) => a.line - b.line);
}
