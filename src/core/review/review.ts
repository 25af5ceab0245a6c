// The post-incident review (PIR) document: its due date, its file name under docs/pir/, and a
// markdown draft built from an incident, modelled on the trading-platform PIR template and the
// e-commerce playbook's review. Pure functions: no vscode, no file system.
import { elapsedMinutes, formatElapsed } from '../response/clock';
import { ownerTrailer } from '../response/author';
import type { ActionItem, Incident, LogIndex, TimelineEntry } from '../model';
import { type Policy, type ReviewPeriod, matchSeverity, reviewPeriodFor, reviewPeriodText } from '../playbook/policy';
import { applySplices } from '../log/writer';
import { findReviewSection, oneLine, readReview, setReviewFrontMatter, spliceSection, yamlString } from './reviewFile';
import { foldCellText, foldHeadingText, foldUserText, isTableDelimiterRow, lineEndAt, looksLikeTableRow, splitTableRow, stripInline } from '../reader/text';
import { dayOf, formatDisplayTime, formatIsoUtc, formatLogTime, parseTimeValue, toDate } from '../format/time';
import { addDays, isValidZone, startOfDay } from '../format/zone';
import { addBusinessDays } from '../metrics/reviewDue';

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads a resolved value (plain date or ISO 8601 date-time) as a day in `zone` (the team's
 * business days are the playbook zone's); throws when unreadable.
 */
function zonedDay(value: string, zone: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  const unreadable = () => new Error(`Cannot read the resolved date "${String(value)}": expected YYYY-MM-DD or an ISO 8601 date-time such as 2026-11-20T14:30:00Z.`);
  // A plain date is that day wherever it is read; a date-time moves to the zone's day.
  if (PLAIN_DATE.test(text)) {
    if (Number.isNaN(startOfDay(text, 'UTC'))) throw unreadable();
    return text;
  }
  // Strict ISO only: Date.parse would accept "Nov 20" and read it in the machine's local zone.
  const p = /^\d{4}-\d{2}-\d{2}T/.test(text) ? parseTimeValue(text, 'UTC') : undefined;
  const day = p && p.kind === 'datetime' && !p.invalid && p.value && p.length === text.length ? dayOf(p.value, isValidZone(zone) ? zone : 'UTC') : null;
  if (!day) throw unreadable();
  return day;
}

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
  const out = addBusinessDays(zonedDay(resolvedIso, zone), businessDays);
  if (!PLAIN_DATE.test(out)) throw new Error(`The review due date for ${resolvedIso} + ${businessDays} business days is out of range.`);
  return out;
}

/**
 * When the review is due after resolution, for a period of business days (a day, YYYY-MM-DD,
 * see reviewDueDate) or hours (an ISO 8601 UTC date-time; a day when only the resolved day is
 * known, rounded up to whole days). Throws when the resolved value cannot be read.
 */
export function reviewDueFor(resolved: string, period: ReviewPeriod, zone = 'UTC'): string {
  if ('businessDays' in period) return reviewDueDate(resolved, period.businessDays, zone);
  if (!Number.isFinite(period.hours) || period.hours <= 0) throw new Error(`The review period must be a positive number of hours, not ${String(period.hours)}.`);
  const text = resolved.trim();
  if (PLAIN_DATE.test(text)) return addDays(zonedDay(text, zone), Math.ceil(period.hours / 24));
  const at = /^\d{4}-\d{2}-\d{2}T/.test(text) ? toDate(text) : null;
  if (!at) throw new Error(`Cannot read the resolved date "${resolved}": expected YYYY-MM-DD or an ISO 8601 date-time such as 2026-11-20T14:30:00Z.`);
  return formatIsoUtc(new Date(at.getTime() + period.hours * 3_600_000));
}

/** Whether a review due value (a day, or a date-time) has passed at `now`: a day once it has ended in `zone`. */
export function reviewOverdue(due: string, now: Date, zone = 'UTC'): boolean {
  const text = due.trim();
  if (PLAIN_DATE.test(text)) {
    const end = Number.isNaN(startOfDay(text, 'UTC')) ? NaN : startOfDay(addDays(text, 1), isValidZone(zone) ? zone : 'UTC');
    return !Number.isNaN(end) && now.getTime() >= end;
  }
  const at = toDate(text);
  return !!at && now.getTime() > at.getTime();
}

/** The review due for an incident under the policy (its severity's period), or null when not resolved or unreadable. */
export function incidentReviewDue(incident: Pick<Incident, 'resolved' | 'severity'>, policy: Policy): string | null {
  if (!incident.resolved) return null;
  try {
    return reviewDueFor(incident.resolved, reviewPeriodFor(policy, incident.severity), policy.timeZone);
  } catch {
    // A draft is still useful without a due date; the log check reports the bad date itself.
    return null;
  }
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
  /** The team's template (`.incident/templates/pir.md`), which replaces the built-in one. */
  template?: string;
}

const yamlValue = (value: string | null) => (value === null ? 'null' : yamlString(oneLine(value)));


/** A stored time for reading: `2026-11-20 14:30 UTC`, a plain day as is, or null. */
function readableTime(value: string | null): string | null {
  return value ? foldUserText(formatDisplayTime(value)) || null : null;
}

/** Folded user text, or the fallback when nothing is left. */
const show = (text: string | null | undefined, fallback: string) => (text ? foldUserText(text) : '') || fallback;

/** ` (@owner)` or ` (Full Name)` as the log writes it, with parentheses dropped so the owner cannot close the group early. */
function ownerSuffix(owner: string | null): string {
  return ownerTrailer(owner);
}

/** Link text: folded, with the brackets and backslashes that would end or break the link escaped. */
const linkText = (text: string) => foldUserText(text).replace(/[\\[\]]/g, (c) => '\\' + c);

/** A link destination on one line, with the characters that would end it percent-encoded. */
function linkTarget(url: string): string {
  return oneLine(url).replace(/[\s()<>]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
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

function timelineRow(entry: TimelineEntry): [string, string, string] {
  const d = entry.at ? toDate(entry.at) : null;
  return [d ? formatLogTime(d) : 'time unknown', foldCellText(`${show(entry.text, '(no text)')}${ownerSuffix(entry.owner)}`), ''];
}

function actionRow(item: ActionItem): [string, string, string, string] {
  const owner = item.owner ? foldCellText(foldUserText(item.owner).replace(/^@+/, '')) : '';
  return [foldCellText(show(item.text, '(no text)')), owner, '', item.done ? 'Done' : 'Open'];
}

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const TIMELINE_HEADER = ['Time', 'Event', 'Action taken'];
const ACTION_HEADER = ['Action', 'Owner', 'Due date', 'Status'];
/** How a template's own column headers are matched to the built-in columns, in order. */
const TIMELINE_COLUMNS = [/time|when|date/, /event|what|description|update/, /action|response|taken/];
const ACTION_COLUMNS = [/action|item|task|what/, /owner|who|assignee|responsible/, /due|deadline|date/, /status|state|done/];

/** What a draft is filled with from the incident: front matter, the summary facts, the two tables' rows. */
interface Prefill {
  frontMatter: Array<[string, string | null]>;
  summary: string[];
  timeline: string[][];
  actions: string[][];
}

function prefill(incident: Incident, policy: Policy, now: Date): Prefill {
  const due = incidentReviewDue(incident, policy);
  const period = reviewPeriodFor(policy, incident.severity);
  const roles = incident.roles ?? { commander: null, techLead: null, commsLead: null };
  const duration = durationText(incident, now);
  const day = incident.detected ? incident.detected.slice(0, 10) : null;
  return {
    frontMatter: [
      ['incident', incident.id],
      ['title', incident.title ?? ''],
      ['severity', incident.severity],
      ['detected', incident.detected],
      ['resolved', incident.resolved],
      ['duration', duration],
      ['review_due', due],
      ['status', 'draft'],
    ],
    summary: [
      `- **Date:** ${day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : 'unknown'}`,
      `- **Duration:** ${duration}`,
      `- **Severity:** ${severityText(incident, policy)}`,
      '- **Impact:** <!-- customers affected, for how long, revenue / SLA impact; numbers beat adjectives -->',
      `- **Detected:** ${readableTime(incident.detected) ?? 'unknown'}`,
      `- **Resolved:** ${readableTime(incident.resolved) ?? 'not yet resolved'}`,
      `- **Incident Commander:** ${show(roles.commander, 'not assigned')}`,
      `- **Technical Lead:** ${show(roles.techLead, 'not assigned')}`,
      `- **Communications Lead:** ${show(roles.commsLead, 'not assigned')}`,
      `- **Review due:** ${due ? `${due.length > 10 ? formatDisplayTime(due) : due} (${reviewPeriodText(period)} after resolution)` : 'once the incident is resolved'}`,
    ],
    timeline: orderedTimeline(incident.timeline ?? []).map(timelineRow),
    actions: (incident.actionItems ?? []).map(actionRow),
  };
}

function table(header: string[], rows: string[][]): string[] {
  return [row(header), row(header.map(() => '---')), ...rows.map(row)];
}

/** The built-in draft: YAML front matter, then the review sections of both playbooks' templates. */
function builtInReview(incident: Incident, fill: Prefill, options: ReviewOptions): string {
  const id = foldUserText(incident.id) || 'Incident';
  const title = foldHeadingText(incident.title ?? '');
  const out: string[] = ['---', ...fill.frontMatter.map(([k, v]) => `${k}: ${k === 'status' ? v : yamlValue(v)}`), '---', ''];
  out.push(`# Post-incident review: ${id}${title ? ` — ${title}` : ''}`);
  if (options.logLink) out.push('', `Incident log entry: [${linkText(incident.id) || 'incident'}](${linkTarget(options.logLink)})`);
  out.push('', '## Incident summary', '');
  out.push('<!-- One paragraph for someone who was not there: what happened, who was affected, how it was fixed. -->', '', ...fill.summary);
  out.push('', '## Timeline', '');
  if (!fill.timeline.length) out.push('No timeline entries were logged.', '');
  out.push(...table(TIMELINE_HEADER, fill.timeline));
  out.push('', '## Root cause', '');
  out.push('<!-- Ask "why?" five times, starting from the symptom. Look for the conditions that allowed it, not for a person to blame. -->', '');
  for (let n = 1; n <= 5; n++) out.push(`${n}. Why?`);
  out.push('', '### Contributing factors', '');
  out.push('<!-- What made it possible, or worse: missing alerts, unclear runbooks, risky deploys, load. -->');
  out.push('', '## What went well', '');
  out.push('<!-- Tools, runbooks, people and decisions that helped. -->');
  out.push('', '## What could be improved', '');
  out.push('<!-- Where we were slow, lacked information, or made things worse; where we got lucky. -->');
  out.push('', '## Action items', '');
  out.push('<!-- Each item: one owner and a due date. Prefer fixes that prevent the class of problem. -->', '');
  out.push(...table(ACTION_HEADER, fill.actions));
  out.push('', '## Lessons learned', '');
  out.push('<!-- What should other teams know? What will we change in the playbook, runbooks or on-call? -->');
  out.push('', '## Communication recap', '');
  out.push('<!-- Stakeholders informed: who was told what, when, and through which channel (status page, email, account managers). -->');
  out.push('');
  return out.join('\n');
}

/**
 * Puts rows into a section: after the last row of its first table when that table's header has
 * the expected columns (mapped by header name), else a new table after the section's text.
 */
function fillTable(text: string, heading: string, header: string[], columns: RegExp[], rows: string[][]): string {
  const doc = readReview(text);
  const section = findReviewSection(doc, heading);
  if (!section) return text;
  const lines = section.text.split('\n');
  const at = lines.findIndex((l, i) => looksLikeTableRow(l) && i + 1 < lines.length && isTableDelimiterRow(lines[i + 1]));
  if (at < 0) return applySplices(text, spliceSection(text, heading, [section.text, table(header, rows).join('\n')].filter(Boolean).join('\n\n')));
  const names = splitTableRow(lines[at]).cells.map((c) => stripInline(c).toLowerCase());
  const taken = new Set<number>();
  const pick = columns.map((re) => {
    const i = names.findIndex((n, k) => !taken.has(k) && re.test(n));
    if (i >= 0) taken.add(i);
    return i;
  });
  let end = at + 2;
  while (end < lines.length && looksLikeTableRow(lines[end])) end++;
  const mapped = rows.map((r) => row(names.map((_, i) => (pick.indexOf(i) >= 0 ? r[pick.indexOf(i)] : ''))));
  return applySplices(text, spliceSection(text, heading, [...lines.slice(0, end), ...mapped, ...lines.slice(end)].join('\n')));
}

/**
 * A team's template (`.incident/templates/pir.md`) filled in: its front matter gets the review's
 * keys, and the sections it shares with the built-in one (matched by heading) get the summary
 * facts, the timeline rows and the action items after the template's own text. Everything else
 * in the template is kept as written.
 */
function fromTemplate(template: string, fill: Prefill): string {
  let text = template;
  for (const [key, value] of fill.frontMatter) text = applySplices(text, setReviewFrontMatter(text, key, value));
  const summary = findReviewSection(readReview(text), 'summary');
  if (summary) text = applySplices(text, spliceSection(text, summary.heading, [summary.text, fill.summary.join('\n')].filter(Boolean).join('\n\n')));
  text = fillTable(text, 'timeline', TIMELINE_HEADER, TIMELINE_COLUMNS, fill.timeline);
  text = fillTable(text, 'actionItems', ACTION_HEADER, ACTION_COLUMNS, fill.actions);
  return text;
}

/** A complete markdown PIR draft for the incident: the team's template when given, else the built-in one. */
export function renderReview(incident: Incident, policy: Policy, options: ReviewOptions): string {
  const fill = prefill(incident, policy, options.now);
  return options.template !== undefined ? fromTemplate(options.template, fill) : builtInReview(incident, fill, options);
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

export function planReview(index: LogIndex, incident: Incident, policy: Policy, logFileName: string, template?: string): ReviewPlan {
  const fileName = reviewFileName(incident);
  const section = incident.source === 'section';
  const heading = section ? index.text.slice(incident.start, lineEndAt(index.text, incident.start)).replace(/^#+\s*|\s+$/g, '') : incident.id;
  return {
    fileName,
    fieldValue: `[pir/${fileName}](pir/${fileName})`,
    writeField: section && !incident.fields.some((f) => f.key.toLowerCase() === 'review'),
    draft: (now) => renderReview(incident, policy, { now, logLink: `../${logFileName}#${headingSlug(heading)}`, ...(template !== undefined ? { template } : {}) }),
  };
}
