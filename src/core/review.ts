// The post-incident review (PIR) document: its due date, its file name under docs/pir/, and a
// markdown draft built from an incident, modelled on the trading-platform PIR template and the
// e-commerce playbook's review. Pure functions: no vscode, no file system.
import { DateTime, IANAZone } from 'luxon';
import { elapsedMinutes, formatElapsed } from './clock';
import type { ActionItem, Incident, LogIndex, TimelineEntry } from './model';
import { type Policy, matchSeverity } from './policy';
import { foldHeadingText, foldUserText, lineEndAt } from './text';
import { formatDisplayTime, formatLogTime, toDate } from './time';

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads a resolved value (plain date or ISO 8601 date-time) as a day in `zone` (the team's
 * business days are the playbook zone's); throws when unreadable.
 */
function zonedDay(value: string, zone: string): DateTime {
  const text = typeof value === 'string' ? value.trim() : '';
  // Strict ISO only: Date.parse would accept "Nov 20" and read it in the machine's local zone.
  // A plain date is that day wherever it is read; a date-time moves to the zone's day.
  const dt = !text ? DateTime.invalid('empty') : /^\d{4}-\d{2}-\d{2}$/.test(text) ? DateTime.fromISO(text, { zone: 'utc' }) : DateTime.fromISO(text, { zone: 'utc' }).setZone(IANAZone.isValidZone(zone) ? zone : 'utc');
  if (!dt.isValid || !/^\d{4}-\d{2}-\d{2}(?:T|$)/.test(text)) {
    throw new Error(`Cannot read the resolved date "${String(value)}": expected YYYY-MM-DD or an ISO 8601 date-time such as 2026-11-20T14:30:00Z.`);
  }
  return dt.startOf('day');
}

/** True for Saturday and Sunday (luxon weekday 6 and 7). */
const isWeekend = (d: DateTime) => d.weekday >= 6;

/**
 * The day (YYYY-MM-DD, in `zone`: the playbook's) that is `businessDays` business days (Mon–Fri)
 * after the resolved day.
 * Friday + 3 is the next Wednesday; a weekend day counts like the Friday before it, so
 * Saturday + 1 is Monday; + 0 is the resolved day itself, or the next Monday on a weekend.
 */
export function reviewDueDate(resolvedIso: string, businessDays: number, zone = 'UTC'): string {
  if (!Number.isInteger(businessDays) || businessDays < 0) {
    throw new Error(`The review period must be a whole number of business days (0 or more), not ${String(businessDays)}.`);
  }
  let day = zonedDay(resolvedIso, zone);
  if (businessDays === 0) {
    while (isWeekend(day)) day = day.plus({ days: 1 });
  } else {
    // From a weekday, every 5 business days are exactly 7 calendar days, so long periods stay O(1).
    if (isWeekend(day)) day = day.minus({ days: day.weekday - 5 });
    day = day.plus({ days: Math.floor((businessDays - 1) / 5) * 7 });
    for (let left = ((businessDays - 1) % 5) + 1; left > 0; ) {
      day = day.plus({ days: 1 });
      if (!isWeekend(day)) left--;
    }
  }
  const out = day.toISODate();
  if (!day.isValid || !out || !PLAIN_DATE.test(out)) throw new Error(`The review due date for ${resolvedIso} + ${businessDays} business days is out of range.`);
  return out;
}

/** Names Windows refuses for a file whatever its extension (CON.md cannot be created there). */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)(?:\.|$)/i;
const MAX_FILE_NAME = 80;

/** 32-bit FNV-1a, hex: a stable short tag for ids with nothing safe to keep. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * A safe file name for the review under docs/pir/: `INC-2026-1120-001.md`. Only [A-Za-z0-9._-],
 * no leading dot or dash, no `..`, at most 80 characters, never empty (`incident-<hash>.md`).
 */
export function reviewFileName(incident: Pick<Incident, 'id'>): string {
  const id = String(incident.id ?? '');
  const room = MAX_FILE_NAME - '.md'.length;
  let base = id
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/-{2,}/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, room)
    .replace(/[.-]+$/g, '');
  if (!base) base = `incident-${shortHash(id)}`;
  if (WINDOWS_RESERVED.test(base)) base = `incident-${base}`.slice(0, room).replace(/[.-]+$/g, '');
  return `${base}.md`;
}

export interface ReviewOptions {
  /** The time the review is drafted: used for the running duration of an unresolved incident. */
  now: Date;
  /** Link from the review to the incident in the log, e.g. `../INCIDENT_LOG.md#inc-2026-1120-001`. */
  logLink?: string;
}

/** One line of text for YAML: line breaks and control characters folded away, spaces collapsed. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * A double-quoted YAML scalar. JSON strings are YAML 1.2 double-quoted scalars; on top of that,
 * characters YAML treats as non-printable or as line breaks, and `<>&` (so no raw tag ever
 * appears in the document), are written as \u escapes.
 */
function yamlString(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff<>&]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

const yamlValue = (value: string | null) => (value === null ? 'null' : yamlString(oneLine(value)));

/** A stored time for reading: `2026-11-20 14:30 UTC`, a plain day as is, or null. */
function readableTime(value: string | null): string | null {
  return value ? foldUserText(formatDisplayTime(value)) || null : null;
}

/** Folded user text, or the fallback when nothing is left. */
const show = (text: string | null | undefined, fallback: string) => (text ? foldUserText(text) : '') || fallback;

/** ` (@owner)`, folded, with parentheses dropped so the owner cannot close the group early. */
function ownerSuffix(owner: string | null): string {
  const o = owner ? foldUserText(owner).replace(/^@+/, '').replace(/[()]/g, '').trim() : '';
  return o ? ` (@${o})` : '';
}

/** Link text: folded, with the brackets and backslashes that would end or break the link escaped. */
const linkText = (text: string) => foldUserText(text).replace(/[\\[\]]/g, (c) => '\\' + c);

/** A link destination on one line, with the characters that would end it percent-encoded. */
function linkTarget(url: string): string {
  return oneLine(url).replace(/[\s()<>]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

/** The review due date for an incident, or null when it is not resolved or the date cannot be read. */
function incidentReviewDue(incident: Incident, policy: Policy): string | null {
  if (!incident.resolved) return null;
  try {
    return reviewDueDate(incident.resolved, policy.reviewDueBusinessDays, policy.timeZone);
  } catch {
    // A draft is still useful without a due date; the log check reports the bad date itself.
    return null;
  }
}

function durationText(incident: Incident, now: Date): string {
  const resolvedAt = incident.resolved && !PLAIN_DATE.test(incident.resolved) ? toDate(incident.resolved) : null;
  const minutes = elapsedMinutes(incident, now);
  if (!incident.resolved) return minutes === null ? 'ongoing' : `ongoing (${formatElapsed(minutes)} so far)`;
  if (!resolvedAt || minutes === null || minutes < 0) return 'unknown (detection or resolution time missing)';
  return formatElapsed(minutes);
}

function severityText(incident: Incident, policy: Policy): string {
  if (!incident.severity) return 'not set';
  const level = matchSeverity(policy, incident.severity);
  if (!level) return show(incident.severity, 'not set');
  const description = foldUserText(level.description);
  return description ? `${foldUserText(level.id)} — ${description}` : foldUserText(level.id);
}

/** Timeline in time order when every entry has a time; otherwise as written (order is all we know). */
function orderedTimeline(entries: TimelineEntry[]): TimelineEntry[] {
  if (!entries.every((e) => e.at && toDate(e.at))) return entries;
  return entries
    .map((e, i) => ({ e, i, t: toDate(e.at)!.getTime() }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.e);
}

function timelineLine(entry: TimelineEntry): string {
  const d = entry.at ? toDate(entry.at) : null;
  const when = d ? formatLogTime(d) : 'time unknown';
  return `- ${when} — ${show(entry.text, '(no text)')}${ownerSuffix(entry.owner)}`;
}

function actionLine(item: ActionItem): string {
  return `- [${item.done ? 'x' : ' '}] ${show(item.text, '(no text)')}${ownerSuffix(item.owner)}`;
}

/** A complete markdown PIR draft for the incident: YAML front matter, then the review sections. */
export function renderReview(incident: Incident, policy: Policy, options: ReviewOptions): string {
  const id = foldUserText(incident.id) || 'Incident';
  const title = foldHeadingText(incident.title ?? '');
  const due = incidentReviewDue(incident, policy);
  const detected = readableTime(incident.detected);
  const resolved = readableTime(incident.resolved);
  const roles = incident.roles ?? { commander: null, techLead: null, commsLead: null };
  const out: string[] = [];

  out.push('---');
  out.push(`incident: ${yamlValue(incident.id)}`);
  out.push(`title: ${yamlValue(incident.title ?? '')}`);
  out.push(`severity: ${yamlValue(incident.severity)}`);
  out.push(`detected: ${yamlValue(incident.detected)}`);
  out.push(`resolved: ${yamlValue(incident.resolved)}`);
  if (due) out.push(`review_due: ${yamlString(due)}`);
  out.push('status: draft');
  out.push('---');
  out.push('');
  out.push(`# Post-incident review: ${id}${title ? ` — ${title}` : ''}`);
  if (options.logLink) {
    out.push('');
    out.push(`Incident log entry: [${linkText(incident.id) || 'incident'}](${linkTarget(options.logLink)})`);
  }

  out.push('', '## Summary', '');
  out.push('<!-- One paragraph for someone who was not there: what happened, who was affected, how it was fixed. -->');
  out.push('');
  out.push(`- **Severity:** ${severityText(incident, policy)}`);
  out.push(`- **Detected:** ${detected ?? 'unknown'}`);
  out.push(`- **Resolved:** ${resolved ?? 'not yet resolved'}`);
  out.push(`- **Duration:** ${durationText(incident, options.now)}`);
  out.push(`- **Incident Commander:** ${show(roles.commander, 'not assigned')}`);
  out.push(`- **Technical Lead:** ${show(roles.techLead, 'not assigned')}`);
  out.push(`- **Communications Lead:** ${show(roles.commsLead, 'not assigned')}`);
  out.push(`- **Review due:** ${due ? `${due} (${policy.reviewDueBusinessDays} business days after resolution)` : 'once the incident is resolved'}`);

  out.push('', '## Impact', '');
  out.push('<!-- Quantify where you can: numbers beat adjectives. -->');
  out.push('');
  out.push('- **Customers affected:** <!-- how many, which segments, regions or platforms -->');
  out.push('- **Duration of customer impact:** <!-- from first impact to full recovery, not only detection to resolution -->');
  out.push('- **Revenue / SLA impact:** <!-- lost orders or trades, refunds, SLA or SLO budget consumed, contractual notices -->');

  out.push('', '## Timeline', '');
  const timeline = orderedTimeline(incident.timeline ?? []);
  if (timeline.length === 0) out.push('No timeline entries were logged.');
  else for (const entry of timeline) out.push(timelineLine(entry));

  out.push('', '## Detection', '');
  out.push('<!-- How was the incident detected (alert, customer report, engineer)? How long from the start of impact to detection (MTTD)? Could we have detected it sooner? -->');

  out.push('', '## Root cause', '');
  out.push('<!-- Ask "why?" five times, starting from the symptom. Look for the conditions that allowed it, not for a person to blame. -->');
  out.push('');
  for (let n = 1; n <= 5; n++) out.push(`${n}. Why?`);

  out.push('', '## Resolution and recovery', '');
  out.push('<!-- What stopped the impact, what restored full service, and how recovery was verified (MTTR). -->');

  out.push('', '## What went well', '');
  out.push('<!-- Tools, runbooks, people and decisions that helped. -->');

  out.push('', '## What went wrong', '');
  out.push('<!-- Where we were slow, lacked information, or made things worse; where we got lucky. -->');

  out.push('', '## Action items', '');
  out.push('<!-- Each item: one owner, a due date and a ticket. Prefer fixes that prevent the class of problem. -->');
  out.push('');
  for (const item of incident.actionItems ?? []) out.push(actionLine(item));
  out.push('- [ ] ');

  out.push('', '## Lessons learned', '');
  out.push('<!-- What should other teams know? What will we change in the playbook, runbooks or on-call? -->');
  out.push('');
  return out.join('\n');
}

/** The anchor GitHub and VS Code's preview give a heading: lower case, punctuation dropped, spaces to dashes. */
export function headingSlug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** What starting a review writes; the extension and the CLI both follow it. */
export interface ReviewPlan {
  /** The draft's file name in `pir/` beside the log. */
  fileName: string;
  /** The incident's `Review` field: a link to the draft, relative to the log. */
  fieldValue: string;
  /**
   * Whether the `Review` field is to be written: only a section has a place for it (a linked
   * file's relative link would point elsewhere), and only once.
   */
  writeField: boolean;
  /** The draft, with its link back to the incident's heading in the log. */
  draft(now: Date): string;
}

export function planReview(index: LogIndex, incident: Incident, policy: Policy, logFileName: string): ReviewPlan {
  const fileName = reviewFileName(incident);
  const section = incident.source === 'section';
  const heading = section ? index.text.slice(incident.start, lineEndAt(index.text, incident.start)).replace(/^#+\s*|\s+$/g, '') : incident.id;
  return {
    fileName,
    fieldValue: `[pir/${fileName}](pir/${fileName})`,
    writeField: section && !incident.fields.some((f) => f.key.toLowerCase() === 'review'),
    draft: (now) => renderReview(incident, policy, { now, logLink: `../${logFileName}#${headingSlug(heading)}` }),
  };
}
