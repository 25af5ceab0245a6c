// The Incidents view: incidents grouped Active / Resolved (or by severity), newest first, each
// with its severity icon, "SEV-1 · Mitigating · 42 min", and children for its timeline, checklist
// progress and open action items. Built from the core's line index, on first display; the
// grouping is a setting, the filter is kept per workspace.
import * as vscode from 'vscode';
import { lastUpdateAt, nextUpdateDue } from '../core/check';
import { elapsedMinutes, formatElapsed, severityRank } from '../core/clock';
import { isActive } from '../core/indexer';
import type { Incident, TimelineEntry } from '../core/model';
import { type Policy, matchSeverity } from '../core/policy';
import { formatDisplayTime, formatLogTime, formatTimeOfDay, resolveDisplayZone, toDate } from '../core/time';
import { Commands, type FilterArgs, type IncidentArgs } from './commandIds';
import type { LogState, LogStore } from './logStore';

export const VIEW_ID = 'incidentPlaybook.incidents';
export const GROUP_BY_SETTING = 'incidentPlaybook.groupBy';
export const DISPLAY_ZONE_SETTING = 'incidentPlaybook.displayTimeZone';
const FILTER_KEY = 'incidentPlaybook.filter';

export type GroupBy = 'status' | 'severity';

/** Which incidents the view shows: empty lists mean "any". */
export interface IncidentFilter {
  severities: string[];
  statuses: string[];
}

/** Settings and clock the nodes are rendered with, fixed for one rendering of the tree. */
interface RenderContext {
  policy: Policy;
  logUri: vscode.Uri;
  zone: string;
  now: Date;
}

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

export class IncidentNode {
  readonly kind = 'incident';
  constructor(
    readonly incident: Incident,
    readonly active: boolean,
    readonly logUri: vscode.Uri,
    /** Unique within the view even when the log repeats an id (the core reports that as a problem). */
    readonly key: string = incident.id,
    readonly parent?: GroupNode,
  ) {}
  get id(): string {
    return this.incident.id;
  }
}

export type DetailKind = 'timeline' | 'checklist' | 'actions' | 'entry' | 'task' | 'action';

/** A row under an incident: a section (timeline, checklist, action items) or one line of it. */
export class DetailNode {
  readonly kind = 'detail';
  constructor(
    readonly detail: DetailKind,
    readonly parent: IncidentNode | DetailNode,
    /** 0-based line in the log this row stands for. */
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

export type TreeNode = GroupNode | IncidentNode | DetailNode;

/** The incident of a row of this view (an incident or one of its details); undefined for a group. */
export function incidentIdFrom(node: TreeNode | undefined): string | undefined {
  return node instanceof IncidentNode || node instanceof DetailNode ? node.id : undefined;
}

/** "SEV-1 · Mitigating · 42 min" for an active incident; the resolved day for a resolved one. */
export function incidentDescription(incident: Incident, active: boolean, now: Date, zone = 'UTC'): string {
  const parts = [incident.severity ?? 'no severity', incident.status ?? 'no status'];
  if (active) {
    const minutes = elapsedMinutes(incident, now);
    if (minutes !== null) parts.push(formatElapsed(minutes));
  } else if (incident.resolved) parts.push(formatDisplayTime(incident.resolved, zone).slice(0, 10));
  return parts.join(' · ');
}

/** Whether two reads of the log would draw the same tree (same file, text and policy). */
export function sameLogState(a: LogState, b: LogState): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'no-folder':
      return true;
    case 'missing':
      return b.kind === 'missing' && a.uri.toString() === b.uri.toString() && a.setting === b.setting;
    case 'unreadable':
      return b.kind === 'unreadable' && a.uri.toString() === b.uri.toString() && a.message === b.message;
    case 'ok':
      return b.kind === 'ok' && a.uri.toString() === b.uri.toString() && a.text === b.text && (a.policy === b.policy || JSON.stringify(a.policy) === JSON.stringify(b.policy));
  }
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

export function matchesFilter(incident: Incident, filter: IncidentFilter): boolean {
  const norm = (s: string | null) => (s ?? '').trim().toLowerCase();
  if (filter.severities.length && !filter.severities.some((s) => norm(s) === norm(incident.severity))) return false;
  if (filter.statuses.length && !filter.statuses.some((s) => norm(s) === norm(incident.status))) return false;
  return true;
}

const SEVERITY_ICONS: Array<[string, string]> = [
  ['flame', 'errorForeground'],
  ['warning', 'editorWarning.foreground'],
  ['info', 'editorInfo.foreground'],
  ['circle-filled', 'descriptionForeground'],
];

export class IncidentTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  /** What the view last showed; undefined makes the next change of the log redraw it whatever it is. */
  lastState: LogState | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private view: vscode.TreeView<TreeNode> | undefined;
  private render: RenderContext | undefined;
  private roots: GroupNode[] = [];
  private readonly ticker: ReturnType<typeof setInterval>;
  private filterValue: IncidentFilter;
  private readonly expansion = new Map<string, boolean>();

  constructor(
    private readonly store: LogStore,
    private readonly memento?: vscode.Memento,
  ) {
    this.disposables.push(
      store.onDidChange(() => void this.redrawIfChanged()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(GROUP_BY_SETTING) || e.affectsConfiguration(DISPLAY_ZONE_SETTING)) this.changed.fire();
      }),
    );
    this.filterValue = sanitizeFilter(memento?.get<unknown>(FILTER_KEY));
    // Elapsed times in the descriptions move on: each minute, while the view is on screen, the
    // active incidents' rows are redrawn (nothing is re-read). Only those rows: a whole-tree
    // refresh drops every row's handle for a moment, and a context-menu command chosen then
    // would lose its incident.
    this.ticker = setInterval(() => {
      if (!this.view?.visible || !this.render) return;
      this.render.now = new Date();
      for (const group of this.roots) for (const node of group.children) if (node.active) this.changed.fire(node);
    }, 60_000);
  }

  /**
   * Redraws the tree when what it shows changed. The store also reports changes that leave the
   * text as it was (the file event after our own save, a re-save), and redrawing for those would
   * only drop the rows' handles under a context menu (see the ticker).
   */
  private async redrawIfChanged(): Promise<void> {
    const shown = this.lastState;
    if (!shown) return this.changed.fire();
    let now: LogState;
    try {
      now = await this.store.read();
    } catch {
      return this.changed.fire();
    }
    if (!sameLogState(shown, now)) this.changed.fire();
  }

  attach(view: vscode.TreeView<TreeNode>): void {
    this.view = view;
    this.updateFilterContext();
    // A redraw sends every row's collapsible state again; without this, a group the responder
    // opened (Resolved) snaps shut when the log changes.
    this.disposables.push(
      view.onDidExpandElement((e) => this.expansion.set(e.element.key, true)),
      view.onDidCollapseElement((e) => this.expansion.set(e.element.key, false)),
    );
  }

  /** The state a row was last put in by the user (keys are stable across redraws), else its default. */
  private collapsible(key: string, expandedByDefault: boolean): vscode.TreeItemCollapsibleState {
    return (this.expansion.get(key) ?? expandedByDefault) ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
  }

  refresh(): void {
    // Asked for by the user: redraw even when the text turns out unchanged.
    this.lastState = undefined;
    this.store.invalidate(0);
  }

  get groupBy(): GroupBy {
    return vscode.workspace.getConfiguration('incidentPlaybook').get<string>('groupBy') === 'severity' ? 'severity' : 'status';
  }

  get filter(): IncidentFilter {
    return { severities: [...this.filterValue.severities], statuses: [...this.filterValue.statuses] };
  }

  async setFilter(filter: IncidentFilter): Promise<void> {
    this.filterValue = sanitizeFilter(filter);
    await this.memento?.update(FILTER_KEY, this.filterValue);
    this.updateFilterContext();
    this.changed.fire();
  }

  private updateFilterContext(): void {
    const { severities, statuses } = this.filterValue;
    const on = severities.length + statuses.length > 0;
    void vscode.commands.executeCommand('setContext', 'incidentPlaybook.filtered', on);
    if (this.view) this.view.description = on ? `Filtered: ${[...severities, ...statuses].join(', ')}` : undefined;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const ctx = this.render;
    if (node instanceof GroupNode) {
      const item = new vscode.TreeItem(node.label, this.collapsible(node.key, node.expanded));
      item.id = node.key;
      item.description = node.description;
      item.contextValue = 'incidentGroup';
      return item;
    }
    if (node instanceof IncidentNode) return this.incidentItem(node, ctx);
    return this.detailItem(node, ctx);
  }

  private incidentItem(node: IncidentNode, ctx: RenderContext | undefined): vscode.TreeItem {
    const { incident } = node;
    const now = ctx?.now ?? new Date();
    const hasChildren = incident.timeline.length > 0 || incident.checklist.length > 0 || incident.actionItems.some((a) => !a.done);
    const item = new vscode.TreeItem(`${incident.id}: ${incident.title}`, hasChildren ? this.collapsible(node.key, false) : vscode.TreeItemCollapsibleState.None);
    item.id = node.key;
    item.description = incidentDescription(incident, node.active, now, ctx?.zone);
    const rank = ctx ? severityRank(ctx.policy, incident) : SEVERITY_ICONS.length - 1;
    const [icon, colour] = node.active ? SEVERITY_ICONS[Math.min(rank, SEVERITY_ICONS.length - 1)] : ['pass', 'testing.iconPassed'];
    item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(colour));
    item.contextValue = node.active ? 'incident.active' : 'incident.resolved';
    item.tooltip = ctx ? incidentTooltip(incident, node.active, ctx) : undefined;
    item.accessibilityInformation = { label: `${incident.id}: ${incident.title}, ${item.description}` };
    item.command = { command: Commands.open, title: 'Open Incident', arguments: [{ incident: incident.id } satisfies IncidentArgs] };
    return item;
  }

  private detailItem(node: DetailNode, ctx: RenderContext | undefined): vscode.TreeItem {
    const incident = node.incidentNode.incident;
    const zone = ctx?.zone ?? 'UTC';
    let item: vscode.TreeItem;
    switch (node.detail) {
      case 'timeline':
        item = new vscode.TreeItem('Timeline', this.collapsible(node.key, false));
        item.description = `${incident.timeline.length} entr${incident.timeline.length === 1 ? 'y' : 'ies'}`;
        item.iconPath = new vscode.ThemeIcon('history');
        break;
      case 'checklist': {
        const done = incident.checklist.filter((c) => c.done).length;
        item = new vscode.TreeItem('Checklist', this.collapsible(node.key, false));
        item.description = `${done}/${incident.checklist.length}`;
        item.iconPath = new vscode.ThemeIcon(done === incident.checklist.length ? 'pass' : 'checklist');
        break;
      }
      case 'actions': {
        const open = incident.actionItems.filter((a) => !a.done).length;
        item = new vscode.TreeItem('Action items', this.collapsible(node.key, false));
        item.description = `${open} open`;
        item.iconPath = new vscode.ThemeIcon('tasklist');
        break;
      }
      case 'entry': {
        const entry = incident.timeline.find((e) => e.line === node.line);
        item = new vscode.TreeItem(entry ? entryLabel(entry, incident, zone) : '');
        item.description = entry?.owner ? `@${entry.owner}` : undefined;
        item.tooltip = entry ? `${entry.at ? formatDisplayTime(entry.at, zone) : 'time not read'} — ${entry.text}${entry.owner ? ` (@${entry.owner})` : ''}` : undefined;
        item.iconPath = new vscode.ThemeIcon('circle-small');
        break;
      }
      case 'task': {
        const task = incident.checklist.find((c) => c.line === node.line);
        item = new vscode.TreeItem(task?.text ?? '');
        item.iconPath = new vscode.ThemeIcon(task?.done ? 'pass-filled' : 'circle-large-outline', task?.done ? new vscode.ThemeColor('testing.iconPassed') : undefined);
        item.accessibilityInformation = { label: `${task?.done ? 'done' : 'not done'}: ${task?.text ?? ''}` };
        break;
      }
      case 'action': {
        const action = incident.actionItems.find((a) => a.line === node.line);
        item = new vscode.TreeItem(action?.text ?? '');
        item.description = action?.owner ? `@${action.owner}` : undefined;
        item.iconPath = new vscode.ThemeIcon('circle-large-outline');
        break;
      }
    }
    item.id = node.key;
    item.contextValue = `incidentDetail.${node.detail}`;
    const uri = node.incidentNode.logUri;
    // Rows stand for lines of the log: a click shows that line.
    if (incident.source !== 'linked-file') {
      item.command = { command: 'vscode.open', title: 'Show in Log', arguments: [uri, { selection: new vscode.Range(node.line, 0, node.line, 0) }] };
    }
    return item;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node instanceof GroupNode) return node.children;
    if (node instanceof IncidentNode) return incidentChildren(node);
    if (node instanceof DetailNode) return detailChildren(node);
    const state = await this.store.read();
    this.lastState = state;
    this.updateMessage(state);
    if (state.kind !== 'ok') {
      this.roots = [];
      return [];
    }
    const zoneSetting = vscode.workspace.getConfiguration('incidentPlaybook').get<string>('displayTimeZone');
    this.render = { policy: state.policy, logUri: state.uri, zone: resolveDisplayZone(zoneSetting, state.policy.timeZone), now: new Date() };
    this.roots = buildGroups(state, this.groupBy, this.filterValue);
    const { severities, statuses } = this.filterValue;
    if (this.view && !this.view.message && severities.length + statuses.length > 0) {
      const what = [...severities, ...statuses].join(', ');
      // A filter must never be forgotten at 3 a.m.: say it above the tree, not only in the title.
      this.view.message =
        this.roots.length === 0 && state.index.incidents.length > 0
          ? `No incident matches the filter (${what}). Clear it from the view’s title bar.`
          : `Showing only ${what}. Clear the filter from the view’s title bar to see every incident.`;
    }
    return this.roots;
  }

  /** The incident rows in the order the view shows them (groups flattened), for commands and tests. */
  async incidentNodes(): Promise<IncidentNode[]> {
    const groups = (await this.getChildren()) as GroupNode[];
    return groups.flatMap((g) => g.children);
  }

  /** The incidents (for commands and tests), as the log holds them. */
  async incidents(): Promise<{ incidents: Incident[]; policy: Policy } | undefined> {
    const state = await this.store.read();
    return state.kind === 'ok' ? { incidents: state.index.incidents, policy: state.policy } : undefined;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    if (node instanceof GroupNode) return undefined;
    return node.parent;
  }

  private updateMessage(state: LogState): void {
    const view = this.view;
    const when = state.kind === 'missing' ? 'missing' : state.kind === 'ok' ? (state.index.incidents.length ? 'ok' : 'empty') : state.kind;
    void vscode.commands.executeCommand('setContext', 'incidentPlaybook.logState', when);
    if (!view) return;
    if (state.kind === 'unreadable') view.message = state.message;
    else if (state.kind === 'ok' && state.index.hasConflicts) {
      const p = state.index.problems.find((x) => x.code === 'conflict-markers');
      view.message = `The log has git conflict markers${p ? ` (line ${p.line})` : ''}; resolve the merge before writing to it.`;
    } else view.message = undefined;
    if (state.kind === 'ok') {
      const active = state.index.incidents.filter((i) => isActive(i, state.policy)).length;
      view.badge = active ? { value: active, tooltip: `${active} active incident${active === 1 ? '' : 's'}` } : undefined;
    } else view.badge = undefined;
  }

  dispose(): void {
    clearInterval(this.ticker);
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
  }
}

function sanitizeFilter(value: unknown): IncidentFilter {
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').slice(0, 50) : []);
  const o = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  return { severities: list(o.severities), statuses: list(o.statuses) };
}

function buildGroups(state: Extract<LogState, { kind: 'ok' }>, groupBy: GroupBy, filter: IncidentFilter): GroupNode[] {
  const { policy, uri } = state;
  const seen = new Set<string>();
  const rows = state.index.incidents.map((incident, order) => {
    const key = seen.has(incident.id) ? `${incident.id}@${incident.line}` : incident.id;
    seen.add(incident.id);
    return { incident, order, key, active: isActive(incident, policy) };
  });
  const shown = rows.filter((r) => matchesFilter(r.incident, filter)).sort(newestFirst);
  const groups: GroupNode[] = [];
  const fill = (group: GroupNode, members: typeof shown) => {
    group.children = members.map((r) => new IncidentNode(r.incident, r.active, uri, r.key, group));
    if (members.length) groups.push(group);
  };
  if (groupBy === 'severity') {
    const byLevel = new Map<string, typeof shown>();
    const other: typeof shown = [];
    for (const r of shown) {
      const level = r.incident.severity ? matchSeverity(policy, r.incident.severity) : undefined;
      if (!level) other.push(r);
      else {
        const members = byLevel.get(level.id);
        if (members) members.push(r);
        else byLevel.set(level.id, [r]);
      }
    }
    const activeFirst = (xs: typeof shown) => [...xs.filter((r) => r.active), ...xs.filter((r) => !r.active)];
    for (const level of policy.severities) {
      const members = activeFirst(byLevel.get(level.id) ?? []);
      const active = members.filter((r) => r.active).length;
      fill(new GroupNode(`group:severity:${level.id}`, level.id, [level.description, active ? `${active} active` : ''].filter(Boolean).join(' · '), true), members);
    }
    fill(new GroupNode('group:severity:other', 'Other or no severity', undefined, true), activeFirst(other));
  } else {
    const active = shown.filter((r) => r.active);
    const resolved = shown.filter((r) => !r.active);
    fill(new GroupNode('group:active', 'Active', String(active.length), true), active);
    // Resolved incidents are history: collapsed until asked for.
    fill(new GroupNode('group:resolved', 'Resolved', String(resolved.length), false), resolved);
  }
  return groups;
}

function incidentChildren(node: IncidentNode): DetailNode[] {
  const { incident } = node;
  const out: DetailNode[] = [];
  const first = (xs: Array<{ line: number }>) => xs[0]?.line ?? incident.line - 1;
  if (incident.timeline.length) out.push(new DetailNode('timeline', node, first(incident.timeline), `${node.key}/timeline`));
  if (incident.checklist.length) out.push(new DetailNode('checklist', node, first(incident.checklist), `${node.key}/checklist`));
  const open = incident.actionItems.filter((a) => !a.done);
  if (open.length) out.push(new DetailNode('actions', node, first(open), `${node.key}/actions`));
  return out;
}

function detailChildren(node: DetailNode): DetailNode[] {
  const incident = node.incidentNode.incident;
  const key = node.key;
  switch (node.detail) {
    case 'timeline':
      return incident.timeline.map((e) => new DetailNode('entry', node, e.line, `${key}/${e.line}`));
    case 'checklist':
      return incident.checklist.map((c) => new DetailNode('task', node, c.line, `${key}/${c.line}`));
    case 'actions':
      return incident.actionItems.filter((a) => !a.done).map((a) => new DetailNode('action', node, a.line, `${key}/${a.line}`));
    default:
      return [];
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

function incidentTooltip(incident: Incident, active: boolean, ctx: RenderContext): vscode.MarkdownString {
  const tip = new vscode.MarkdownString(undefined, true);
  const level = incident.severity ? matchSeverity(ctx.policy, incident.severity) : undefined;
  tip.appendMarkdown(`**${escape(incident.id)}**: ${escape(incident.title)}\n\n`);
  const rows: Array<[string, string | null]> = [
    ['Severity', incident.severity ? `${incident.severity}${level ? ` — ${level.description}` : ''}` : null],
    ['Status', incident.status],
    ['Detected', incident.detected ? formatDisplayTime(incident.detected, ctx.zone) : null],
    ['Resolved', incident.resolved ? formatDisplayTime(incident.resolved, ctx.zone) : null],
  ];
  const minutes = elapsedMinutes(incident, ctx.now);
  if (minutes !== null) rows.push([active ? 'Running for' : 'Lasted', formatElapsed(minutes)]);
  rows.push(
    ['Commander', incident.roles.commander ?? (active ? 'unassigned' : null)],
    ['Technical lead', incident.roles.techLead],
    ['Comms lead', incident.roles.commsLead],
  );
  for (const [k, v] of rows) if (v) tip.appendMarkdown(`- ${k}: ${escape(v)}\n`);
  const last = [...incident.timeline].sort((a, b) => (a.at ?? '').localeCompare(b.at ?? '')).pop();
  if (last) tip.appendMarkdown(`\nLast entry (${escape(last.at ? formatDisplayTime(last.at, ctx.zone) : 'time not read')}): ${escape(last.text)}${last.owner ? ` — @${escape(last.owner)}` : ''}\n`);
  if (active) {
    const due = nextUpdateDue(incident, ctx.policy, ctx.now);
    if (due) tip.appendMarkdown(`\n${due.minutesLeft < 0 ? `Status update overdue by ${formatElapsed(-due.minutesLeft)}` : `Next status update in ${formatElapsed(due.minutesLeft)}`} (last ${escape(formatLogTime(lastUpdateAt(incident) ?? due.dueAt, ctx.zone))})\n`);
  }
  tip.appendMarkdown(`\nLine ${incident.line} of the log`);
  return tip;
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

export function registerTree(store: LogStore, memento?: vscode.Memento): { provider: IncidentTreeProvider; view: vscode.TreeView<TreeNode>; disposables: vscode.Disposable[] } {
  const provider = new IncidentTreeProvider(store, memento);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  provider.attach(view);
  return { provider, view, disposables: [provider, view, ...registerTreeCommands(provider)] };
}

/** The view's own commands: group by status or severity, filter, clear the filter. */
function registerTreeCommands(provider: IncidentTreeProvider): vscode.Disposable[] {
  const setGroupBy = async (value: GroupBy) => {
    // Written where the value comes from now, so that a workspace setting does not hide the change.
    const config = vscode.workspace.getConfiguration('incidentPlaybook');
    const where = config.inspect<string>('groupBy');
    const target = where?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await config.update('groupBy', value, target);
  };
  return [
    vscode.commands.registerCommand(Commands.groupBySeverity, () => setGroupBy('severity')),
    vscode.commands.registerCommand(Commands.groupByStatus, () => setGroupBy('status')),
    vscode.commands.registerCommand(Commands.clearFilter, () => provider.setFilter({ severities: [], statuses: [] })),
    vscode.commands.registerCommand(Commands.filter, async (arg?: FilterArgs) => {
      // Tests and keybindings may pass the filter itself; people get a multi-select pick.
      if (arg && typeof arg === 'object' && !Array.isArray(arg)) {
        await provider.setFilter(sanitizeFilter(arg));
        return provider.filter;
      }
      const known = await provider.incidents();
      const policy = known?.policy;
      if (!policy) {
        void vscode.window.showInformationMessage('Incident Playbook: there is no incident log to filter yet.');
        return undefined;
      }
      const current = provider.filter;
      type Item = vscode.QuickPickItem & { facet?: 'severity' | 'status'; value?: string };
      const items: Item[] = [
        { label: 'Severity', kind: vscode.QuickPickItemKind.Separator },
        ...policy.severities.map((s) => ({ label: s.id, description: s.description, facet: 'severity' as const, value: s.id, picked: current.severities.includes(s.id) })),
        { label: 'Status', kind: vscode.QuickPickItemKind.Separator },
        ...policy.statuses.map((s) => ({ label: s, facet: 'status' as const, value: s, picked: current.statuses.some((x) => x.toLowerCase() === s.toLowerCase()) })),
      ];
      const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: 'Show only incidents with…', placeHolder: 'Pick severities and statuses; pick none to show every incident' });
      if (!picked) return undefined;
      await provider.setFilter({
        severities: picked.filter((p) => p.facet === 'severity').map((p) => p.value!),
        statuses: picked.filter((p) => p.facet === 'status').map((p) => p.value!),
      });
      return provider.filter;
    }),
  ];
}
