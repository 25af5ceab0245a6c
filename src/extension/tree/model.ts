// The Incidents view as data: which rows there are (groups, incidents, their timeline, checklist
// and open action items), in what order, under which filter, and what each row says. No vscode
// import: the rendering (render.ts) turns these rows into TreeItems, and unit tests read them
// directly. Every string that comes from the log goes through sanitizeForDisplay, since a log
// is written by anyone who can push to the repository.
import { lastUpdateAt, nextUpdateDue } from '../../core/response/check';
import { elapsedMinutes, formatElapsed, overdueText, severityRank, updateDueText } from '../../core/response/clock';
import { sanitizeForDisplay } from '../../core/format/displayText';
import { type StatusState, statusState } from '../../core/indexer';
import { approximately, readingNotes } from '../../core/reader/readingNotes';
import type { Incident, TimelineEntry } from '../../core/model';
import { type Policy, matchSeverity } from '../../core/playbook/policy';
import { openReviewActionItems, overdueActionItems } from '../../core/review/reviewActions';
import { type OpenedRunbook, checklistItemRunnable, openedRunbooks, runbookOfPhase } from '../../core/response/runbookChecklist';
import { formatDisplayTime, formatLogTime, formatTimeOfDay, toDate } from '../../core/format/time';
import { ownerLabel } from '../../core/response/author';
import { l10n } from '../l10n';
import type { OtherLogsTreeNode } from './otherLogs';

/** An author or owner as entries sign them, without the parentheses: `@dana`, `Dana Reyes`. */
const ownerText = (owner: string): string => ownerLabel(owner).trim().replace(/^\((.*)\)$/, '$1');

export type GroupBy = 'status' | 'severity';

/** Which incidents the view shows: empty lists mean "any". */
export interface IncidentFilter {
  severities: string[];
  statuses: string[];
}

/** Settings and clock the rows are described with, fixed for one rendering of the tree. */
export interface RowContext {
  policy: Policy;
  zone: string;
  now: Date;
  /** Why the log is read with another preset than the built-in one (no playbook, P-levels), for the tooltip. */
  presetNote?: string;
}

/** Log text as a row may show it: one line, control characters and escapes made visible. */
export const shown = (text: string): string => sanitizeForDisplay(text);

export class GroupNode {
  readonly kind = 'group';
  children: IncidentNode[] = [];
  constructor(
    readonly key: string,
    readonly label: string,
    readonly description: string | undefined,
    readonly expanded: boolean,
  ) {}
}

/** An open action item of the incident's post-incident review (docs/pir/<id>.md). */
export interface ReviewActionRow {
  /** 0-based line in the review file. */
  line: number;
  action: string;
  owner: string;
  due: string;
  overdue: boolean;
}

/**
 * The open action items of a review file, overdue ones marked (due day ended in `zone`), as the
 * core reads them for `incident check`.
 */
export function reviewActionRows(text: string, now: Date, zone: string): ReviewActionRow[] {
  const overdue = new Set(overdueActionItems(text, now, { zone }).map((p) => p.line - 1));
  return openReviewActionItems(text).map((i) => ({ line: i.line, action: i.action, owner: i.owner, due: i.due, overdue: overdue.has(i.line) }));
}

export class IncidentNode {
  readonly kind = 'incident';
  /** The open action items of its review file, when it has one (set after the review is read). */
  review: ReviewActionRow[] = [];
  /** The playbook the rows read runbooks and runnable steps from (none: no runbook rows). */
  policy: Policy | undefined;
  private opened: OpenedRunbook[] | undefined;
  constructor(
    readonly incident: Incident,
    readonly active: boolean,
    /** Unique within the view even when the log repeats an id (the core reports that as a problem). */
    readonly key: string = incident.id,
    readonly parent?: GroupNode,
    /** Active, resolved, or unknown (no status, nothing says it ended): never counted active. */
    readonly state: StatusState = active ? 'active' : 'resolved',
  ) {}
  get id(): string {
    return this.incident.id;
  }
  /** The runbooks opened on the incident (`Runbook: …` phases of its checklist), read on first use. */
  get runbooks(): OpenedRunbook[] {
    return (this.opened ??= this.policy ? openedRunbooks(this.incident, this.policy) : []);
  }
  /** Whether the checklist item is a step of an opened runbook (shown under its runbook, not the checklist). */
  inRunbook(phase: string | undefined): boolean {
    return !!this.policy && runbookOfPhase(this.policy, phase) !== undefined;
  }
}

export type DetailKind = 'timeline' | 'checklist' | 'actions' | 'entry' | 'task' | 'action' | 'reviewActions' | 'reviewAction' | 'runbook' | 'runbookStep';

/** A row under an incident: a section (timeline, checklist, action items) or one line of it. */
export class DetailNode {
  readonly kind = 'detail';
  constructor(
    readonly detail: DetailKind,
    readonly parent: IncidentNode | DetailNode,
    /** 0-based line (of the log, of the incident's linked file, or of its review for review rows) this row stands for. */
    readonly line: number,
    readonly key: string,
  ) {}
  get incidentNode(): IncidentNode {
    return this.parent instanceof IncidentNode ? this.parent : this.parent.incidentNode;
  }
  /** Commands run on a detail row act on its incident. */
  get id(): string {
    return this.incidentNode.id;
  }
}

export type TreeNode = GroupNode | IncidentNode | DetailNode | OtherLogsTreeNode;

/** The incident of a row of this view (an incident or one of its details); undefined for a group. */
export function incidentIdFrom(node: TreeNode | undefined): string | undefined {
  return node instanceof IncidentNode || node instanceof DetailNode ? node.id : undefined;
}

/** A filter as stored (workspace state) or passed by a caller: string lists only, at most 50 each. */
export function sanitizeFilter(value: unknown): IncidentFilter {
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').slice(0, 50) : []);
  const o = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  return { severities: list(o.severities), statuses: list(o.statuses) };
}

export function isFiltered(filter: IncidentFilter): boolean {
  return filter.severities.length + filter.statuses.length > 0;
}

/** "SEV-1, Resolved": what the filter keeps, for the view's description and message. */
export function filterText(filter: IncidentFilter): string {
  return shown([...filter.severities, ...filter.statuses].join(', '));
}

/** The filter's entry for incidents with no status written (and nothing that says they ended). */
export const UNKNOWN_STATUS_FILTER = 'Status unknown';

export function matchesFilter(incident: Incident, filter: IncidentFilter): boolean {
  const norm = (s: string | null) => (s ?? '').trim().toLowerCase();
  if (filter.severities.length && !filter.severities.some((s) => norm(s) === norm(incident.severity))) return false;
  if (filter.statuses.length && !filter.statuses.some((s) => (s === UNKNOWN_STATUS_FILTER ? incident.status === null : norm(s) === norm(incident.status)))) return false;
  return true;
}

/** Newest first by detection time; incidents without one keep their written order, after the rest. */
function newestFirst(a: { incident: Incident; order: number }, b: { incident: Incident; order: number }): number {
  const x = a.incident.detected;
  const y = b.incident.detected;
  if (x && y && x !== y) return x < y ? 1 : -1;
  if (x && !y) return -1;
  if (!x && y) return 1;
  return a.order - b.order;
}

/**
 * The top-level rows: Active / Resolved, or one group per severity of the policy (then "Other
 * or no severity"), each newest first; empty groups are left out.
 */
export function buildGroups(incidents: readonly Incident[], policy: Policy, groupBy: GroupBy, filter: IncidentFilter): GroupNode[] {
  const seen = new Set<string>();
  const rows = incidents.map((incident, order) => {
    const key = seen.has(incident.id) ? `${incident.id}@${incident.line}` : incident.id;
    seen.add(incident.id);
    const state = statusState(incident, policy);
    return { incident, order, key, state, active: state === 'active' };
  });
  const kept = rows.filter((r) => matchesFilter(r.incident, filter)).sort(newestFirst);
  const groups: GroupNode[] = [];
  const fill = (group: GroupNode, members: typeof kept) => {
    group.children = members.map((r) => {
      const node = new IncidentNode(r.incident, r.active, r.key, group, r.state);
      node.policy = policy;
      return node;
    });
    if (members.length) groups.push(group);
  };
  if (groupBy === 'severity') {
    const byLevel = new Map<string, typeof kept>();
    const other: typeof kept = [];
    for (const r of kept) {
      const level = r.incident.severity ? matchSeverity(policy, r.incident.severity) : undefined;
      if (!level) other.push(r);
      else {
        const members = byLevel.get(level.id);
        if (members) members.push(r);
        else byLevel.set(level.id, [r]);
      }
    }
    const activeFirst = (xs: typeof kept) => [...xs.filter((r) => r.active), ...xs.filter((r) => !r.active)];
    for (const level of policy.severities) {
      const members = activeFirst(byLevel.get(level.id) ?? []);
      const active = members.filter((r) => r.active).length;
      fill(new GroupNode(`group:severity:${level.id}`, shown(level.id), [shown(level.description), active ? l10n.t('{0} active', active) : ''].filter(Boolean).join(' · '), true), members);
    }
    fill(new GroupNode('group:severity:other', l10n.t('Other or no severity'), undefined, true), activeFirst(other));
  } else {
    const active = kept.filter((r) => r.state === 'active');
    const unknown = kept.filter((r) => r.state === 'unknown');
    const deferred = kept.filter((r) => r.state === 'deferred');
    const resolved = kept.filter((r) => r.state === 'resolved');
    fill(new GroupNode('group:active', l10n.t('Active'), String(active.length), true), active);
    // No status and nothing that says they ended: neither active nor history, so a group of
    // their own, collapsed (a history table without a Status column can hold hundreds).
    fill(new GroupNode('group:unknown', l10n.t('Status unknown'), String(unknown.length), false), unknown);
    // Put off on purpose: not worked now, not history either.
    fill(new GroupNode('group:deferred', l10n.t('Deferred'), String(deferred.length), false), deferred);
    // Resolved incidents are history: collapsed until asked for.
    fill(new GroupNode('group:resolved', l10n.t('Resolved'), String(resolved.length), false), resolved);
  }
  return groups;
}

export function incidentChildren(node: IncidentNode): DetailNode[] {
  const { incident } = node;
  const out: DetailNode[] = [];
  const first = (xs: Array<{ line: number }>) => xs[0]?.line ?? incident.line - 1;
  if (incident.timeline.length) out.push(new DetailNode('timeline', node, first(incident.timeline), `${node.key}/timeline`));
  const own = incident.checklist.filter((c) => !node.inRunbook(c.phase));
  if (own.length) out.push(new DetailNode('checklist', node, first(own), `${node.key}/checklist`));
  for (const book of node.runbooks) out.push(new DetailNode('runbook', node, book.items[0].item.line, `${node.key}/runbook/${book.items[0].item.line}`));
  const open = incident.actionItems.filter((a) => !a.done);
  if (open.length) out.push(new DetailNode('actions', node, first(open), `${node.key}/actions`));
  if (node.review.length) out.push(new DetailNode('reviewActions', node, node.review[0].line, `${node.key}/reviewActions`));
  return out;
}

export function detailChildren(node: DetailNode): DetailNode[] {
  const incident = node.incidentNode.incident;
  const key = node.key;
  switch (node.detail) {
    case 'timeline':
      return incident.timeline.map((e) => new DetailNode('entry', node, e.line, `${key}/${e.line}`));
    case 'checklist':
      return incident.checklist.filter((c) => !node.incidentNode.inRunbook(c.phase)).map((c) => new DetailNode('task', node, c.line, `${key}/${c.line}`));
    case 'runbook':
      return (node.incidentNode.runbooks.find((b) => b.items[0].item.line === node.line)?.items ?? []).map((i) => new DetailNode('runbookStep', node, i.item.line, `${key}/${i.item.line}`));
    case 'actions':
      return incident.actionItems.filter((a) => !a.done).map((a) => new DetailNode('action', node, a.line, `${key}/${a.line}`));
    case 'reviewActions':
      // Overdue items first: they are what needs doing.
      return [...node.incidentNode.review].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.line - b.line).map((a) => new DetailNode('reviewAction', node, a.line, `${key}/${a.line}`));
    default:
      return [];
  }
}

/**
 * "SEV-1 · Mitigating · 42 min" for an active incident; "SEV-2 · Identified · update overdue 12 min"
 * once its status update is overdue (`updateDueInMinutes` below zero: what needs doing comes before
 * how long it has run, which the tooltip still says); the resolved day for a resolved one.
 */
export function incidentDescription(incident: Incident, active: boolean, now: Date, zone = 'UTC', updateDueInMinutes: number | null = null): string {
  return shown([incident.severity ?? l10n.t('no severity'), ...incidentState(incident, active, now, zone, updateDueInMinutes)].join(' · '));
}

/** The status, then how long it has run, "update overdue …", or the day it was resolved. */
function incidentState(incident: Incident, active: boolean, now: Date, zone: string, updateDueInMinutes: number | null): string[] {
  const parts = [incident.status ?? l10n.t('status unknown')];
  if (active && updateDueInMinutes !== null && updateDueInMinutes < 0) parts.push(updateDueText(updateDueInMinutes) ?? '');
  else if (active) {
    const minutes = elapsedMinutes(incident, now);
    if (minutes !== null) parts.push(formatElapsed(minutes));
  } else if (incident.resolved) parts.push(formatDisplayTime(incident.resolved, zone).slice(0, 10));
  return parts;
}

/** What an incident row says. */
export interface IncidentRow {
  label: string;
  description: string;
  /** Markdown source (log text escaped), or undefined before the first rendering. */
  tooltip: string | undefined;
  accessibilityLabel: string;
  /** Position of its severity in the policy (0 = most severe; the policy's length when unknown). */
  rank: number;
  /** Active, and its next status update is past due (the view colours its icon). */
  updateOverdue: boolean;
  hasChildren: boolean;
}

/**
 * An incident row reads, at any sidebar width, what the responder scans for first: the severity
 * and the title on the label ("SEV-2 · Checkout API returning 500s"; no severity under a severity
 * group, which already says it), then the status, how long it has run (or "update overdue …")
 * and the id on the description, which the view cuts first. The accessible label and the
 * tooltip keep everything, id first.
 */
export function incidentRow(node: IncidentNode, ctx: RowContext | undefined): IncidentRow {
  const { incident, active } = node;
  const now = ctx?.now ?? new Date();
  const due = active && ctx ? (nextUpdateDue(incident, ctx.policy, now)?.minutesLeft ?? null) : null;
  const zone = ctx?.zone ?? 'UTC';
  const state = incidentState(incident, active, now, zone, due);
  // Under a severity group the group's name says it; an incident without one says so where the
  // severity would be.
  const onLabel = !!incident.severity && !node.parent?.key.startsWith('group:severity:');
  const label = shown(onLabel ? `${incident.severity} · ${incident.title}` : incident.title);
  const description = shown([...(incident.severity ? [] : [l10n.t('no severity')]), ...state, incident.id].join(' · '));
  return {
    label,
    description,
    tooltip: ctx ? incidentTooltip(incident, active, ctx) : undefined,
    accessibilityLabel: shown(`${incident.id}: ${incident.title}, ${incidentDescription(incident, active, now, zone, due)}`),
    rank: ctx ? severityRank(ctx.policy, incident) : Number.MAX_SAFE_INTEGER,
    updateOverdue: due !== null && due < 0,
    hasChildren: incident.timeline.length > 0 || incident.checklist.length > 0 || incident.actionItems.some((a) => !a.done) || node.review.length > 0,
  };
}

/** What a detail row says; `done` for checklist tasks. */
export interface DetailRow {
  label: string;
  description?: string;
  tooltip?: string;
  accessibilityLabel?: string;
  done?: boolean;
  /** For the section rows: every checklist item is done. */
  complete?: boolean;
  /** For review action items (and their section): past the due date. */
  overdue?: boolean;
  /** For checklist items and runbook steps: skipped (with a reason). */
  skipped?: boolean;
  /** For checklist items and runbook steps: the playbook has a step it runs. */
  runnable?: boolean;
  /** For runbook steps: marked `dangerous: true`. */
  dangerous?: boolean;
}

export function detailRow(node: DetailNode, zone = 'UTC'): DetailRow {
  const incident = node.incidentNode.incident;
  switch (node.detail) {
    case 'timeline':
      return { label: l10n.t('Timeline'), description: incident.timeline.length === 1 ? l10n.t('1 entry') : l10n.t('{0} entries', incident.timeline.length) };
    case 'checklist': {
      const own = incident.checklist.filter((c) => !node.incidentNode.inRunbook(c.phase));
      const done = own.filter((c) => c.done).length;
      return { label: l10n.t('Checklist'), description: `${done}/${own.length}`, complete: done === own.length };
    }
    case 'runbook': {
      const book = node.incidentNode.runbooks.find((b) => b.items[0].item.line === node.line);
      if (!book) return { label: '' };
      const done = book.items.filter((i) => i.item.done).length;
      return {
        label: shown(l10n.t('Runbook: {0}', book.name)),
        description: book.runbook ? `${done}/${book.items.length}` : l10n.t('{0}/{1} · not in the playbook', done, book.items.length),
        tooltip: book.runbook ? shown(`${book.runbook.title} (${book.runbook.id})${book.runbook.severity ? `, ${book.runbook.severity}` : ''}`) : undefined,
        complete: done === book.items.length,
      };
    }
    case 'runbookStep': {
      const book = node.incidentNode.runbooks.find((b) => b.items.some((i) => i.item.line === node.line));
      const step = book?.items.find((i) => i.item.line === node.line);
      if (!step) return { label: '' };
      const { item } = step;
      const text = shown(item.text);
      const dangerous = !!step.step?.dangerous;
      const runnable = !!step.step?.run;
      const state = item.skipped ? l10n.t('skipped: {0}', item.skipped.reason) : item.done ? l10n.t('done') : l10n.t('not done');
      const description = [dangerous ? l10n.t('dangerous') : '', item.skipped ? shown(l10n.t('skipped: {0}', item.skipped.reason)) : ''].filter(Boolean).join(' · ');
      return {
        label: text,
        description: description || undefined,
        tooltip: step.step ? shown(`${step.stepNumber}. ${step.step.title}${step.step.run ? ` — $ ${step.step.run}` : ''}${step.step.notes ? ` — ${step.step.notes}` : ''}`) : undefined,
        done: item.done && !item.skipped,
        skipped: !!item.skipped,
        runnable,
        dangerous,
        accessibilityLabel: dangerous ? l10n.t('{0}: {1}, dangerous', shown(state), text) : `${shown(state)}: ${text}`,
      };
    }
    case 'actions': {
      const open = incident.actionItems.filter((a) => !a.done).length;
      return { label: l10n.t('Action items'), description: l10n.t('{0} open', open) };
    }
    case 'entry': {
      const entry = incident.timeline.find((e) => e.line === node.line);
      if (!entry) return { label: '' };
      return {
        label: shown(entryLabel(entry, incident, zone)),
        description: entry.owner ? shown(ownerText(entry.owner)) : undefined,
        tooltip: shown(`${entry.at ? formatDisplayTime(entry.at, zone) : l10n.t('time not read')} — ${entry.text}${ownerLabel(entry.owner)}`),
      };
    }
    case 'task': {
      const at = incident.checklist.findIndex((c) => c.line === node.line);
      const task = incident.checklist[at];
      const text = shown(task?.text ?? '');
      const policy = node.incidentNode.policy;
      const runnable = !!task && !!policy && checklistItemRunnable(incident, policy, at) !== undefined;
      return { label: text, done: !!task?.done, runnable, accessibilityLabel: task?.done ? l10n.t('done: {0}', text) : l10n.t('not done: {0}', text) };
    }
    case 'action': {
      const action = incident.actionItems.find((a) => a.line === node.line);
      return { label: shown(action?.text ?? ''), description: action?.owner ? shown(ownerText(action.owner)) : undefined };
    }
    case 'reviewActions': {
      const items = node.incidentNode.review;
      const overdue = items.filter((a) => a.overdue).length;
      return { label: l10n.t('Review action items'), description: overdue ? l10n.t('{0} open, {1} overdue', items.length, overdue) : l10n.t('{0} open', items.length), overdue: overdue > 0 };
    }
    case 'reviewAction': {
      const a = node.incidentNode.review.find((r) => r.line === node.line);
      if (!a) return { label: '' };
      const description = [a.owner ? ownerText(a.owner) : '', a.due ? l10n.t('due {0}', a.due) : '', a.overdue ? l10n.t('overdue') : ''].filter(Boolean).join(' · ');
      const label = shown(a.action || l10n.t('(no text)'));
      const spoken = description ? `${label}, ${shown(description)}` : label;
      return { label, description: shown(description) || undefined, overdue: a.overdue, accessibilityLabel: a.overdue ? l10n.t('overdue: {0}', spoken) : spoken };
    }
  }
}

/** "14:30 Rolled back deploy" — with the day in front when it is not the incident's first day. */
function entryLabel(entry: TimelineEntry, incident: Incident, zone: string): string {
  const at = toDate(entry.at);
  if (!at || !entry.at || entry.at.length <= 10) return entry.text;
  const day = formatDisplayTime(entry.at, zone).slice(0, 10);
  const detectedDay = incident.detected ? formatDisplayTime(incident.detected, zone).slice(0, 10) : day;
  const time = formatTimeOfDay(at, zone);
  return `${day === detectedDay ? time : `${day.slice(5)} ${time}`}  ${entry.text}`;
}

/** The incident row's tooltip, as markdown source: log text made visible, then escaped. */
export function incidentTooltip(incident: Incident, active: boolean, ctx: RowContext): string {
  const md = (text: string) => escapeMarkdown(shown(text));
  const level = incident.severity ? matchSeverity(ctx.policy, incident.severity) : undefined;
  let tip = `**${md(incident.id)}**: ${md(incident.title)}\n\n`;
  const notes = readingNotes(incident, ctx.policy);
  const unknown = statusState(incident, ctx.policy) === 'unknown';
  const status = unknown
    ? l10n.t('unknown: no status written, and nothing says it ended')
    : incident.status && (notes.statusNote ? `${incident.status} (${notes.statusNote})` : notes.statusFrom ? l10n.t('{0} (from {1})', incident.status, notes.statusFrom) : incident.status);
  const rows: Array<[string, string | null]> = [
    [l10n.t('Severity'), incident.severity ? `${incident.severity}${notes.severityNote ? ` (${notes.severityNote})` : ''}${level ? ` — ${level.description}` : ''}` : null],
    [l10n.t('Status'), status],
    [l10n.t('Detected'), incident.detected ? approximately(formatDisplayTime(incident.detected, ctx.zone), notes.detectedApproximate) : null],
    [l10n.t('Resolved'), incident.resolved ? approximately(formatDisplayTime(incident.resolved, ctx.zone), notes.resolvedApproximate) : null],
  ];
  const minutes = elapsedMinutes(incident, ctx.now);
  if (minutes !== null) rows.push([active ? l10n.t('Running for') : l10n.t('Lasted'), formatElapsed(minutes)]);
  rows.push(
    [l10n.t('Commander'), incident.roles.commander ?? (active ? l10n.t('unassigned') : null)],
    [l10n.t('Technical lead'), incident.roles.techLead],
    [l10n.t('Comms lead'), incident.roles.commsLead],
  );
  for (const [k, v] of rows) if (v) tip += `- ${k}: ${md(v)}\n`;
  const last = [...incident.timeline].sort((a, b) => (a.at ?? '').localeCompare(b.at ?? '')).pop();
  if (last) tip += `\n${l10n.t('Last entry ({0}): {1}', md(last.at ? formatDisplayTime(last.at, ctx.zone) : l10n.t('time not read')), md(last.text))}${last.owner ? ` — ${md(ownerText(last.owner))}` : ''}\n`;
  if (active) {
    const due = nextUpdateDue(incident, ctx.policy, ctx.now);
    if (due) {
      const lastUpdate = md(formatLogTime(lastUpdateAt(incident, ctx.now) ?? due.dueAt, ctx.zone));
      tip += `\n${due.minutesLeft < 0 ? l10n.t('**Status update overdue by {0}** (last {1})', overdueText(-due.minutesLeft), lastUpdate) : l10n.t('Next status update in {0} (last {1})', formatElapsed(due.minutesLeft), lastUpdate)}\n`;
    }
  }
  if (ctx.presetNote) tip += `\n${md(ctx.presetNote)}\n`;
  tip += `\n${incident.source === 'linked-file' && incident.file ? l10n.t('In {0}, linked from line {1} of the log', md(incident.file), incident.line) : l10n.t('Line {0} of the log', incident.line)}`;
  return tip;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
