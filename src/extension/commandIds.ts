// Every command the extension registers, and the arguments each takes. Ids are written only
// here (package.json contributes the same set; a unit test holds the two together). Arguments
// are one typed object, so a caller (a CodeLens, a notification, a test, another extension)
// names what it passes instead of relying on positions. Pure: no vscode import, so unit tests
// can read it.
import type { Role } from '../core/response/operations';

/** The contributed commands: in package.json, in the palette and menus. */
export const Commands = {
  refresh: 'incidentPlaybook.refresh',
  open: 'incidentPlaybook.open',
  addTimelineEntry: 'incidentPlaybook.addTimelineEntry',
  declare: 'incidentPlaybook.declare',
  setStatus: 'incidentPlaybook.setStatus',
  setSeverity: 'incidentPlaybook.setSeverity',
  assignRole: 'incidentPlaybook.assignRole',
  resolve: 'incidentPlaybook.resolve',
  copyId: 'incidentPlaybook.copyId',
  setupMerge: 'incidentPlaybook.setupMerge',
  normalizeTimeline: 'incidentPlaybook.normalizeTimeline',
  showRecentChanges: 'incidentPlaybook.showRecentChanges',
  commitRecord: 'incidentPlaybook.commitRecord',
  createLog: 'incidentPlaybook.createLog',
  filter: 'incidentPlaybook.filter',
  clearFilter: 'incidentPlaybook.clearFilter',
  groupBySeverity: 'incidentPlaybook.groupBySeverity',
  groupByStatus: 'incidentPlaybook.groupByStatus',
  chooseLogFolder: 'incidentPlaybook.chooseLogFolder',
  checklist: 'incidentPlaybook.checklist',
  openChecklist: 'incidentPlaybook.openChecklist',
  startReview: 'incidentPlaybook.startReview',
  openReview: 'incidentPlaybook.openReview',
  runHealthCheck: 'incidentPlaybook.runHealthCheck',
  runAllHealthChecks: 'incidentPlaybook.runAllHealthChecks',
  // On call (src/extension/oncall/): the command palette's two, and the On Call view's actions.
  escalate: 'incidentPlaybook.escalate',
  startDrill: 'incidentPlaybook.startDrill',
  copyContact: 'incidentPlaybook.copyContact',
  openContact: 'incidentPlaybook.openContact',
  openTeamLink: 'incidentPlaybook.openTeamLink',
  openRunbook: 'incidentPlaybook.openRunbook',
  runStep: 'incidentPlaybook.runStep',
  createPlaybook: 'incidentPlaybook.createPlaybook',
  composeUpdate: 'incidentPlaybook.composeUpdate',
  composeSummary: 'incidentPlaybook.composeSummary',
  showMetrics: 'incidentPlaybook.showMetrics',
  setStatusUpdateWebhook: 'incidentPlaybook.setStatusUpdateWebhook',
  clearStatusUpdateWebhook: 'incidentPlaybook.clearStatusUpdateWebhook',
  // The public status page (src/extension/panels/statusPage*.ts): its preview and "Publish…".
  previewStatusPage: 'incidentPlaybook.previewStatusPage',
  publishStatusPage: 'incidentPlaybook.publishStatusPage',
} as const;

/** Commands run only by the extension's own UI (a quick fix): registered, never contributed. */
export const InternalCommands = {
  assignCommanderFix: 'incidentPlaybook.fix.assignCommander',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands] | (typeof InternalCommands)[keyof typeof InternalCommands];

/** A command on one incident: without `incident`, it uses the one under the cursor or asks. */
export interface IncidentArgs {
  /** The incident's id. */
  incident?: string;
}

/**
 * Resolves an incident. From the palette (or with arguments) it resolves at once; with `confirm`
 * (the Incidents view's row) it first asks once, in a modal naming the open checklist items and
 * offering a resolution note. The checklist panel's Resolve asks the same question itself.
 */
export interface ResolveArgs extends IncidentArgs {
  /** Ask before resolving. Set when run from the Incidents view's row (its menus pass the row). */
  confirm?: boolean;
  /** What resolved it: logged as the resolution's timeline entry. */
  note?: string;
}

export interface AddTimelineEntryArgs extends IncidentArgs {
  /** What happened; asked for when absent. */
  text?: string;
  /** The entry's owner: absent for the git user, null or '' for none. */
  owner?: string | null;
}

export interface DeclareArgs {
  severity?: string;
  title?: string;
  /** Defaults to the primary on call (the playbook's rotation), else the git user. */
  commander?: string;
  /** Declare a drill: writes `Drill: yes`. */
  drill?: boolean;
  /** A drill scenario of the playbook (its id): its checklist, or its runbook's steps, start the checklist. */
  scenario?: string;
}

export interface SetStatusArgs extends IncidentArgs {
  status?: string;
}

export interface SetSeverityArgs extends IncidentArgs {
  severity?: string;
}

export interface AssignRoleArgs extends IncidentArgs {
  /** `commander`, `techLead`, `commsLead`, or the role's label ("Technical Lead"). */
  role?: Role | string;
  name?: string;
}

export interface ChecklistArgs extends IncidentArgs {
  /** Indexes of the items that should be done (the others are unticked); no UI. */
  done?: number[];
  /** For an incident without a checklist: add the playbook's without asking. */
  add?: boolean;
}

export interface StartReviewArgs extends IncidentArgs {
  /** Show the draft in an editor (the default); false only drafts it (the review form opens it itself). */
  open?: boolean;
}

/** Runs one of the playbook's health checks and logs the result on the incident's timeline. */
export interface RunHealthCheckArgs extends IncidentArgs {
  /** The check's name; picked when absent. */
  check?: string;
}

/** Runs every health check of the playbook and logs one summary entry. */
export type RunAllHealthChecksArgs = IncidentArgs;

/** Adds one of the playbook's runbooks to an incident's checklist (a `Runbook: <title>` phase). */
export interface OpenRunbookArgs extends IncidentArgs {
  /** The runbook's id; picked when absent. */
  runbook?: string;
}

/**
 * Runs a checklist item's step (an opened runbook's step, or a playbook item's `run:`) and logs
 * the result; the item is ticked when it passes. Names the item by `item` (its position in the
 * incident's checklist, with the `text` shown, checked again), by `line` (0-based), or a
 * runbook's step by `runbook` and `step` (1-based); picked when none is given.
 */
export interface RunStepArgs extends IncidentArgs {
  item?: number;
  text?: string;
  line?: number;
  runbook?: string;
  step?: number;
  /** Parameter values by name; the others are asked for. Always checked against their patterns. */
  params?: Record<string, string>;
}

export interface FilterArgs {
  severities?: string[];
  statuses?: string[];
}

/** Choose Log Folder…: a workspace folder's name or URI; without it, a person picks. */
export interface LogFolderArgs {
  folder?: string;
  /** An incident of that folder's log to open once the view shows it (the view's other-folder rows). */
  incident?: string;
}

export interface AssignCommanderFixArgs extends IncidentArgs {
  name?: string;
}

/** A row of the Incidents view, as a menu or inline action passes it: only its incident's id is used. */
export interface IncidentRow {
  readonly kind: 'incident' | 'detail';
  readonly id: string;
}

/**
 * The arguments a command was run with: its typed object, or the Incidents view's row it was run
 * on (menus pass the row itself), read as `{ incident: row.id }`. Anything else, or nothing, is
 * `{}`, meaning "ask". Fields are still checked where they are used: callers outside TypeScript
 * can pass anything.
 */
export function commandArgs<T extends object>(arg: unknown): Partial<T> {
  if (!arg || typeof arg !== 'object' || Array.isArray(arg)) return {};
  if (isIncidentRow(arg)) return { incident: arg.id } as unknown as Partial<T>;
  return arg as Partial<T>;
}

/** True for a row of the Incidents view (what its menus and inline actions pass). */
export function isIncidentRow(arg: unknown): arg is IncidentRow {
  if (!arg || typeof arg !== 'object' || Array.isArray(arg)) return false;
  const row = arg as Partial<IncidentRow>;
  return (row.kind === 'incident' || row.kind === 'detail') && typeof row.id === 'string';
}

/** A trimmed non-empty string, or undefined. */
export function stringArg(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}
