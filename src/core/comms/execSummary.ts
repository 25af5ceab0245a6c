// The executive summary (the trading playbook's template: Subject, Incident, Start time,
// Resolution time, Duration, Impact, Root cause, Actions taken, Prevention, Next steps) and
// the final update that closes the communication, from the incident and its review file.
// Whatever neither says is written as not known yet, never made up.
import { ownerLabel } from '../response/author';
import { formatElapsed } from '../format/duration';
import { isActive } from '../indexer';
import type { Incident } from '../model';
import { type Policy, matchSeverity } from '../playbook/policy';
import { incidentReviewDue } from '../review/review';
import { readReviewActionItems } from '../review/reviewActions';
import { type ReviewDoc, findReviewSection, readReview } from '../review/reviewFile';
import { stripInline } from '../reader/text';
import { formatDisplayTime, formatLogTime, toDate } from '../format/time';
import { detectedAt, rawField, resolvedAt, startedAt } from '../metrics/times';
import { faultReason, momentFaults, readMoments } from '../metrics/impossibleDates';
import { isCommandResult, isResponseAction, type UpdateFormat } from './statusUpdate';

export interface ExecutiveSummary {
  subject: string;
  incident: string;
  startTime: string;
  resolutionTime: string;
  duration: string;
  impact: string;
  rootCause: string;
  actionsTaken: string[];
  prevention: string[];
  nextSteps: string[];
  /** The final update: the fix and the next steps, for the channel and the status page. */
  finalUpdate: string;
}

const MAX_ACTIONS = 10;

/** Text with HTML comments (a draft's prompts) removed. A scan, linear in the text. */
function withoutComments(text: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const open = text.indexOf('<!--', i);
    if (open < 0) return out + text.slice(i);
    out += text.slice(i, open);
    const close = text.indexOf('-->', open + 4);
    if (close < 0) return out;
    i = close + 3;
  }
}

/** A review section's own words, prompts removed; null when it says nothing yet. */
function sectionText(doc: ReviewDoc | null, heading: string): string | null {
  const s = doc ? findReviewSection(doc, heading) : undefined;
  const text = s ? withoutComments(s.text).trim() : '';
  return text ? text : null;
}

/** The review's `Impact:` line in its summary (a filled-in one), or an Impact section. */
function reviewImpact(doc: ReviewDoc | null): string | null {
  const summary = sectionText(doc, 'summary');
  for (const line of (summary ?? '').split('\n')) {
    const plain = stripInline(line.replace(/^\s{0,3}[-*+]\s/, '')).trim();
    if (plain.toLowerCase().startsWith('impact:')) {
      const v = plain.slice(7).trim();
      if (v) return v;
    }
  }
  return sectionText(doc, 'Impact');
}

/** One paragraph of plain text: lines joined, list markers and markup dropped. */
function oneParagraph(text: string): string {
  return text
    .split('\n')
    .map((l) => stripInline(l.replace(/^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s/, '')).trim())
    .filter(Boolean)
    .join(' ');
}

function at(value: Date | null, zone: string): string | null {
  return value ? formatLogTime(value, zone) : null;
}

export function composeExecutiveSummary(incident: Incident, policy: Policy, review: string | undefined, now: Date): ExecutiveSummary {
  const zone = policy.timeZone;
  let doc: ReviewDoc | null = null;
  if (review !== undefined) {
    try {
      doc = readReview(review);
    } catch {
      doc = null;
    }
  }
  const started = startedAt(incident, policy);
  const detected = detectedAt(incident, policy);
  const resolved = resolvedAt(incident);
  const start = started ?? detected;
  const active = isActive(incident, policy);
  const startTime = start ? `${at(start, zone)} (${started ? 'impact began' : 'detected'})` : incident.detected ? formatDisplayTime(incident.detected, zone) : 'Not recorded';
  const resolutionTime = resolved ? (at(resolved, zone) as string) : incident.resolved ? formatDisplayTime(incident.resolved, zone) : active ? 'Not resolved yet' : 'Not recorded';
  // A time that cannot be (resolved in 9999, before detection, before 1970) gives no duration,
  // as in the metrics: the summary says which time and why.
  const faults = momentFaults(readMoments(incident, policy), now);
  const fault = faults.resolved ?? faults.started ?? faults.detected;
  const minutes = !fault && start && resolved ? (resolved.getTime() - start.getTime()) / 60000 : null;
  const duration = fault
    ? `Unknown (${faultReason(fault)})`
    : minutes !== null && minutes >= 0
      ? formatElapsed(minutes)
      : start && active
        ? `ongoing (${formatElapsed((now.getTime() - start.getTime()) / 60000)} so far)`
        : 'Unknown (start or resolution time missing)';

  const impactField = rawField(incident, new Set(['impact', 'customer impact', 'user impact']));
  // `Impact` is also a severity alias: a value that names a severity is one, not an impact.
  const summaryField = incident.fields.find((f) => f.canonical === 'summary' && f.value.trim());
  const impact = reviewImpact(doc) ?? (impactField && !matchSeverity(policy, impactField) ? impactField : null) ?? (summaryField ? stripInline(summaryField.value) : null);
  const cause = sectionText(doc, 'rootCause') ?? rawField(incident, new Set(['root cause', 'cause']));

  const actionEntries = incident.timeline.filter((e) => isResponseAction(e.text, policy));
  const shownActions = actionEntries.slice(-MAX_ACTIONS);
  const actionsTaken = shownActions.map((e) => `${e.at ? `${formatLogTime(toDate(e.at) as Date, zone)} ` : ''}${stripInline(e.text.trim())}${ownerLabel(e.owner)}`);
  if (actionEntries.length > shownActions.length) actionsTaken.unshift(`(${actionEntries.length - shownActions.length} earlier entries in the timeline)`);

  const reviewItems = review !== undefined ? readReviewActionItems(review).items : [];
  const items = reviewItems.length
    ? reviewItems.map((i) => ({ text: i.action, owner: i.owner.replace(/^@/, ''), due: i.due, done: i.done }))
    : incident.actionItems.map((a) => ({ text: a.text, owner: (a.owner ?? '').replace(/^@/, ''), due: '', done: a.done }));
  const prevention = items.map((i) => `${stripInline(i.text) || '(no text)'}${i.owner ? ` (owner: ${i.owner}` : ''}${i.due ? `${i.owner ? ', ' : ' ('}due ${i.due}` : ''}${i.owner || i.due ? ')' : ''}${i.done ? ' [done]' : ''}`);
  const open = items.filter((i) => !i.done).length;

  const due = incidentReviewDue(incident, policy);
  const state = (doc?.frontMatter?.values.status ?? '').trim().toLowerCase();
  const reviewState = review === undefined ? 'not drafted yet' : state === 'final' ? 'completed' : 'in draft';
  const nextSteps = [
    `Post-incident review: ${due ? `due ${due.length > 10 ? formatDisplayTime(due, zone) : due}` : active ? 'due once the incident is resolved' : 'due date unknown'} (${reviewState})`,
    `Action items tracked: ${items.length} (${open} open)`,
  ];

  const title = stripInline(incident.title);
  const severity = incident.severity ?? 'no severity';
  // The final update goes to customers too: a health check's or runbook step's output is never its fix.
  const fix = actionEntries.filter((e) => !isCommandResult(e.text)).at(-1);
  const finalUpdate = [
    `${active ? 'Update' : 'Resolved'}: ${title}`,
    active ? `The incident is not resolved yet (status: ${incident.status ?? 'unknown'}).` : `The incident is resolved${resolved ? ` as of ${at(resolved, zone)}` : ''}.${minutes !== null && minutes >= 0 ? ` Impact lasted ${formatElapsed(minutes)}.` : ''}`,
    `Fix: ${fix ? stripInline(fix.text.trim()) : 'not recorded in the timeline'}.`.replace(/\.\.$/, '.'),
    ...(cause ? [`Cause: ${oneParagraph(cause)}`] : []),
    `Next steps: ${nextSteps.join('; ')}.`,
  ].join('\n');

  return {
    subject: `Subject: [${severity}] Incident Summary - ${title}`,
    incident: `${incident.id} — ${title} (${severity})`,
    startTime,
    resolutionTime,
    duration,
    impact: impact ? oneParagraph(impact) : 'Not recorded yet (add an Impact field or fill the review’s summary).',
    rootCause: cause ? oneParagraph(cause) : 'Not established yet (the post-incident review will).',
    actionsTaken: actionsTaken.length ? actionsTaken : ['None recorded in the timeline.'],
    prevention: prevention.length ? prevention : ['To be agreed in the post-incident review.'],
    nextSteps,
    finalUpdate,
  };
}

const slackEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The summary as an email body (markdown, Slack mrkdwn or plain text), the final update after it unless `finalUpdate` is false. */
export function renderExecutiveSummary(s: ExecutiveSummary, format: UpdateFormat, options: { finalUpdate?: boolean } = {}): string {
  const rows: Array<[string, string | string[]]> = [
    ['Incident', s.incident],
    ['Start time', s.startTime],
    ['Resolution time', s.resolutionTime],
    ['Duration', s.duration],
    ['Impact', s.impact],
    ['Root cause', s.rootCause],
    ['Actions taken', s.actionsTaken],
    ['Prevention', s.prevention],
    ['Next steps', s.nextSteps],
  ];
  const out: string[] = [];
  const esc = format === 'slack' ? slackEscape : (x: string) => x;
  const bold = (k: string) => (format === 'markdown' ? `**${k}:**` : format === 'slack' ? `*${k}:*` : `${k}:`);
  out.push(esc(s.subject), '');
  for (const [k, v] of rows) {
    if (Array.isArray(v)) out.push(bold(k), ...v.map((x) => `${format === 'slack' ? '    •' : '-'} ${esc(x)}`), '');
    else out.push(`${bold(k)} ${esc(v)}`, '');
  }
  if (options.finalUpdate === false) return out.join('\n').trimEnd() + '\n';
  out.push(format === 'text' ? 'Final update:' : bold('Final update'), '', ...s.finalUpdate.split('\n').map(esc));
  return out.join('\n') + '\n';
}
