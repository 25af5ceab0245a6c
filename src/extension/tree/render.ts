// The Incidents view in VS Code: turns the rows of the tree model (model.ts) into TreeItems,
// keeps the user's expanded rows across redraws, shows the filter above the tree and the
// number of active incidents on the view's badge. What rows there are and what they say is
// decided in model.ts; this file only draws them.
import * as vscode from 'vscode';
import { affectsSetting, readSetting } from '../settings';
import { Commands, type IncidentArgs, type LogFolderArgs } from '../commandIds';
import type { LogState, LogStore } from '../logStore';
import { isActive } from '../../core/indexer';
import type { Incident } from '../../core/model';
import type { Policy } from '../../core/playbook/policy';
import { reviewFileName } from '../../core/review/review';
import { resolveDisplayZone } from '../../core/format/time';
import { isDrill } from '../../core/oncall/oncall';
import { readingNotes } from '../../core/reader/readingNotes';
import { readingSummary } from '../../core/reader/readingSummary';
import { sanitizeForDisplay } from '../../core/format/displayText';
import { readText } from '../logStore';
import { useTranslation } from '../l10n';
import { OtherFolderLogs } from './otherFolders';
import { FolderLogNode, OtherIncidentNode, OtherLogsNode, otherLogsNode, otherLogsRow } from './otherLogs';
import {
  DetailNode,
  type GroupBy,
  GroupNode,
  type IncidentFilter,
  IncidentNode,
  type RowContext,
  type TreeNode,
  buildGroups,
  detailChildren,
  detailRow,
  filterText,
  incidentChildren,
  incidentRow,
  isFiltered,
  reviewActionRows,
  sanitizeFilter,
} from './model';

export const VIEW_ID = 'incidentPlaybook.incidents';
// The rows' text (model.ts) in the display language.
useTranslation((message, ...args) => vscode.l10n.t(message, ...args));
const FILTER_KEY = 'incidentPlaybook.filter';

/** The row context plus where the rows' lines are. */
interface RenderContext extends RowContext {
  logUri: vscode.Uri;
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
      return (
        b.kind === 'ok' &&
        a.uri.toString() === b.uri.toString() &&
        a.text === b.text &&
        // Linked files are read from disk: a log that links them is the same only as the same read.
        ((a.linkedPaths.size === 0 && b.linkedPaths.size === 0) || a.index === b.index) &&
        (a.policy === b.policy || JSON.stringify(a.policy) === JSON.stringify(b.policy))
      );
  }
}

const SEVERITY_ICONS: Array<[string, string]> = [
  ['flame', 'errorForeground'],
  ['warning', 'editorWarning.foreground'],
  ['info', 'editorInfo.foreground'],
  ['circle-filled', 'descriptionForeground'],
];

/** An active incident whose status update is overdue. */
const OVERDUE_ICON: [string, string] = ['bell-dot', 'list.warningForeground'];

const DETAIL_ICONS: Record<'timeline' | 'actions' | 'entry' | 'action', string> = {
  timeline: 'history',
  actions: 'tasklist',
  entry: 'circle-small',
  action: 'circle-large-outline',
};

/** A runbook step's state: done, skipped, or open (a warning when it is dangerous). */
function stepIcon(row: { done?: boolean; skipped?: boolean; dangerous?: boolean }): vscode.ThemeIcon {
  if (row.skipped) return new vscode.ThemeIcon('debug-step-over', new vscode.ThemeColor('descriptionForeground'));
  if (row.done) return new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'));
  return row.dangerous ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('editorWarning.foreground')) : new vscode.ThemeIcon('circle-large-outline');
}

export class IncidentTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  /** What the view last showed; undefined makes the next change of the log redraw it whatever it is. */
  lastState: LogState | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private view: vscode.TreeView<TreeNode> | undefined;
  private render: RenderContext | undefined;
  /** The groups' tooltip: how the log was read, when a reading rule guessed. */
  private readingSummary: string | undefined;
  private roots: GroupNode[] = [];
  /** The other folders' logs (multi-root), below the groups. */
  private otherLogs: OtherLogsNode | undefined;
  private readonly otherFolders: OtherFolderLogs;
  private readonly ticker: ReturnType<typeof setInterval>;
  private filterValue: IncidentFilter;
  private readonly expansion = new Map<string, boolean>();

  constructor(
    private readonly store: LogStore,
    private readonly memento?: vscode.Memento,
  ) {
    this.disposables.push(
      store.onDidChange(() => {
        this.updateDescription();
        void this.redrawIfChanged();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsSetting(e, 'groupBy', 'displayTimeZone')) this.changed.fire();
      }),
    );
    this.otherFolders = new OtherFolderLogs(store);
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
    // Another folder's log changed (multi-root): its rows below the groups may have.
    if (!sameLogState(shown, now) || (await this.otherFolders.changed())) this.changed.fire();
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

  /** The view's badge as VS Code shows it (every folder's active incidents), for tests. */
  get badge(): vscode.ViewBadge | undefined {
    return this.view?.badge;
  }

  refresh(): void {
    // Asked for by the user: redraw even when the text turns out unchanged.
    this.lastState = undefined;
    this.store.invalidate(0);
  }

  get groupBy(): GroupBy {
    return readSetting('groupBy');
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
    void vscode.commands.executeCommand('setContext', 'incidentPlaybook.filtered', isFiltered(this.filterValue));
    this.updateDescription();
  }

  /** Above the tree: whose log it is in a multi-root workspace, and the filter when one is on. */
  private updateDescription(): void {
    if (!this.view) return;
    const parts: string[] = [];
    const folder = (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? this.store.logFolder() : undefined;
    if (folder) parts.push(folder.name);
    if (isFiltered(this.filterValue)) parts.push(vscode.l10n.t('Filtered: {0}', filterText(this.filterValue)));
    this.view.description = parts.length ? parts.join(' · ') : undefined;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    if (node instanceof OtherLogsNode || node instanceof FolderLogNode || node instanceof OtherIncidentNode) return this.otherLogItem(node);
    if (node instanceof GroupNode) {
      const item = new vscode.TreeItem(node.label, this.collapsible(node.key, node.expanded));
      item.id = node.key;
      item.description = node.description;
      item.contextValue = 'incidentGroup';
      // How the log was read, when a reading rule guessed: the same words `incident check` says.
      if (this.readingSummary) item.tooltip = this.readingSummary;
      return item;
    }
    if (node instanceof IncidentNode) return this.incidentItem(node);
    return this.detailItem(node);
  }

  private incidentItem(node: IncidentNode): vscode.TreeItem {
    const ctx = this.render;
    const row = incidentRow(node, ctx);
    const item = new vscode.TreeItem(row.label, row.hasChildren ? this.collapsible(node.key, false) : vscode.TreeItemCollapsibleState.None);
    item.id = node.key;
    item.description = row.description;
    // An unknown status is neither an alarm nor a pass: a quiet question mark. An overdue status
    // update shows on the row itself: a bell in the list's warning colour (the description says
    // "update overdue …"), whatever the severity, until the update is logged.
    const [icon, colour] = node.active
      ? row.updateOverdue
        ? OVERDUE_ICON
        : SEVERITY_ICONS[Math.min(row.rank, SEVERITY_ICONS.length - 1)]
      : node.state === 'unknown'
        ? ['question', 'descriptionForeground']
        : node.state === 'deferred'
          ? ['debug-pause', 'descriptionForeground']
          : ['pass', 'testing.iconPassed'];
    // A drill keeps its severity colour under a beaker, so it never reads as a real outage.
    item.iconPath = new vscode.ThemeIcon(node.active && isDrill(node.incident) ? 'beaker' : icon, new vscode.ThemeColor(colour));
    if (isDrill(node.incident)) item.description = row.description ? vscode.l10n.t('drill · {0}', row.description) : vscode.l10n.t('drill');
    item.contextValue = node.active ? 'incident.active' : `incident.${node.state}`;
    item.tooltip = row.tooltip === undefined ? undefined : new vscode.MarkdownString(row.tooltip + readingTooltip(node.incident, ctx?.policy), true);
    item.accessibilityInformation = { label: row.accessibilityLabel };
    item.command = { command: Commands.open, title: vscode.l10n.t('Open Incident'), arguments: [{ incident: node.incident.id } satisfies IncidentArgs] };
    return item;
  }

  /**
   * A row of another folder's log. Choosing it follows that folder's log (every command of the
   * view works on the log it follows), and for an incident opens it there.
   */
  private otherLogItem(node: OtherLogsNode | FolderLogNode | OtherIncidentNode): vscode.TreeItem {
    const row = otherLogsRow(node);
    const hasChildren = node instanceof OtherLogsNode || (node instanceof FolderLogNode && node.children.length > 0);
    const item = new vscode.TreeItem(row.label, hasChildren ? this.collapsible(node.key, true) : vscode.TreeItemCollapsibleState.None);
    item.id = node.key;
    item.description = row.description;
    item.tooltip = row.tooltip;
    item.contextValue = node.kind;
    const alarm = new vscode.ThemeColor('errorForeground');
    if (node instanceof OtherLogsNode) item.iconPath = new vscode.ThemeIcon('root-folder');
    else if (node instanceof FolderLogNode) {
      item.iconPath = node.problem ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('editorWarning.foreground')) : new vscode.ThemeIcon('folder', row.alarm ? alarm : undefined);
      if (!node.problem) item.command = { command: Commands.chooseLogFolder, title: vscode.l10n.t('Show This Folder’s Log'), arguments: [{ folder: node.folder } satisfies LogFolderArgs] };
    } else {
      item.iconPath = new vscode.ThemeIcon('flame', alarm);
      item.command = { command: Commands.chooseLogFolder, title: vscode.l10n.t('Show This Folder’s Log'), arguments: [{ folder: node.parent.folder, incident: node.id } satisfies LogFolderArgs] };
    }
    return item;
  }

  private detailItem(node: DetailNode): vscode.TreeItem {
    const ctx = this.render;
    const row = detailRow(node, ctx?.zone);
    const sectionRow = node.detail === 'timeline' || node.detail === 'checklist' || node.detail === 'actions' || node.detail === 'reviewActions' || node.detail === 'runbook';
    const item = new vscode.TreeItem(row.label, sectionRow ? this.collapsible(node.key, false) : vscode.TreeItemCollapsibleState.None);
    item.description = row.description;
    item.tooltip = row.tooltip;
    if (row.accessibilityLabel) item.accessibilityInformation = { label: row.accessibilityLabel };
    if (node.detail === 'checklist') item.iconPath = new vscode.ThemeIcon(row.complete ? 'pass' : 'checklist');
    else if (node.detail === 'runbook') item.iconPath = new vscode.ThemeIcon(row.complete ? 'pass' : 'book');
    else if (node.detail === 'runbookStep') item.iconPath = stepIcon(row);
    else if (node.detail === 'task') item.iconPath = new vscode.ThemeIcon(row.done ? 'pass-filled' : 'circle-large-outline', row.done ? new vscode.ThemeColor('testing.iconPassed') : undefined);
    else if (node.detail === 'reviewActions') item.iconPath = new vscode.ThemeIcon('notebook', row.overdue ? new vscode.ThemeColor('errorForeground') : undefined);
    else if (node.detail === 'reviewAction') item.iconPath = row.overdue ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('errorForeground')) : new vscode.ThemeIcon('circle-large-outline');
    else item.iconPath = new vscode.ThemeIcon(DETAIL_ICONS[node.detail as keyof typeof DETAIL_ICONS]);
    item.id = node.key;
    // `.run`: the row has a step to run (the inline Run action shows for it).
    item.contextValue = `incidentDetail.${node.detail}${row.runnable ? '.run' : ''}`;
    // Rows stand for lines of the log, of the incident's linked file, or of its review: a click shows that line.
    const review = node.detail === 'reviewActions' || node.detail === 'reviewAction';
    const uri = review ? this.reviewUri(node.incidentNode.incident) : this.lineUri(node.incidentNode.incident);
    if (uri) item.command = { command: 'vscode.open', title: vscode.l10n.t('Show in Log'), arguments: [uri, { selection: new vscode.Range(node.line, 0, node.line, 0) }] };
    return item;
  }

  /** The incident's review file: pir/<id>.md beside the log. */
  private reviewUri(incident: Incident): vscode.Uri | undefined {
    return this.render ? vscode.Uri.joinPath(this.render.logUri, '..', 'pir', reviewFileName(incident)) : undefined;
  }

  /**
   * Reads the reviews beside the log (pir/<id>.md) for their open action items: one listing of
   * the folder, then only the files that exist. A review that cannot be read shows nothing.
   */
  private async readReviews(nodes: IncidentNode[], ctx: RenderContext): Promise<void> {
    const dir = vscode.Uri.joinPath(ctx.logUri, '..', 'pir');
    let names: Set<string>;
    try {
      names = new Set((await vscode.workspace.fs.readDirectory(dir)).filter(([, type]) => type === vscode.FileType.File).map(([name]) => name));
    } catch {
      return;
    }
    await Promise.all(
      nodes.map(async (node) => {
        const name = reviewFileName(node.incident);
        if (!names.has(name)) return;
        const read = await readText(vscode.Uri.joinPath(dir, name));
        if (read.kind === 'ok') node.review = reviewActionRows(read.text, ctx.now, ctx.zone);
      }),
    );
  }

  /** The file an incident's detail lines are in: the log, or its linked file when the link was followed. */
  private lineUri(incident: Incident): vscode.Uri | undefined {
    if (incident.source !== 'linked-file') return this.render?.logUri;
    const state = this.lastState;
    const path = state?.kind === 'ok' ? state.linkedPaths.get(incident) : undefined;
    return path ? vscode.Uri.file(path) : undefined;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node instanceof OtherLogsNode || node instanceof FolderLogNode) return node.children;
    if (node instanceof OtherIncidentNode) return [];
    if (node instanceof GroupNode) return node.children;
    if (node instanceof IncidentNode) return incidentChildren(node);
    if (node instanceof DetailNode) return detailChildren(node);
    const state = await this.store.read();
    this.lastState = state;
    this.otherLogs = otherLogsNode(await this.otherFolders.read());
    this.updateMessage(state);
    const others = this.otherLogs ? [this.otherLogs] : [];
    if (state.kind !== 'ok') {
      this.roots = [];
      return others;
    }
    const zoneSetting = readSetting('displayTimeZone');
    this.render = {
      policy: state.policy,
      logUri: state.uri,
      zone: resolveDisplayZone(zoneSetting, state.policy.timeZone),
      now: new Date(),
      ...(state.index.inferredPolicy ? { presetNote: state.index.inferredPolicy.reason } : {}),
    };
    const summary = readingSummary(state.index, { readBodies: false });
    this.readingSummary = summary.worthSaying ? vscode.l10n.t('How the log was read: {0}', summary.text) : undefined;
    this.roots = buildGroups(state.index.incidents, state.policy, this.groupBy, this.filterValue);
    await this.readReviews(
      this.roots.flatMap((g) => g.children),
      this.render,
    );
    this.watchReviews(state.uri);
    if (this.view && !this.view.message && isFiltered(this.filterValue)) {
      const what = filterText(this.filterValue);
      // A filter must never be forgotten at 3 a.m.: say it above the tree, not only in the title.
      this.view.message =
        this.roots.length === 0 && state.index.incidents.length > 0
          ? vscode.l10n.t('No incident matches the filter ({0}). Clear it from the view’s title bar.', what)
          : vscode.l10n.t('Showing only {0}. Clear the filter from the view’s title bar to see every incident.', what);
    }
    return [...this.roots, ...others];
  }

  /** The incident rows in the order the view shows them (groups flattened), for commands and tests. */
  async incidentNodes(): Promise<IncidentNode[]> {
    const roots = await this.getChildren();
    return roots.flatMap((g) => (g instanceof GroupNode ? g.children : []));
  }

  /** The incidents (for commands and tests), as the log holds them. */
  async incidents(): Promise<{ incidents: Incident[]; policy: Policy } | undefined> {
    const state = await this.store.read();
    return state.kind === 'ok' ? { incidents: state.index.incidents, policy: state.policy } : undefined;
  }

  private reviewWatcher: { dir: string; watcher: vscode.FileSystemWatcher } | undefined;

  /** A review changed on disk (the form's save, a hand edit, git): its action items may have. */
  private watchReviews(logUri: vscode.Uri): void {
    const dir = vscode.Uri.joinPath(logUri, '..', 'pir');
    if (this.reviewWatcher?.dir === dir.toString()) return;
    this.reviewWatcher?.watcher.dispose();
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(dir, '*.md'));
    const redraw = () => this.changed.fire();
    watcher.onDidChange(redraw);
    watcher.onDidCreate(redraw);
    watcher.onDidDelete(redraw);
    this.reviewWatcher = { dir: dir.toString(), watcher };
  }

  getParent(node: TreeNode): TreeNode | undefined {
    if (node instanceof GroupNode || node instanceof OtherLogsNode) return undefined;
    return node.parent;
  }

  private updateMessage(state: LogState): void {
    const view = this.view;
    if (!view) return;
    if (state.kind === 'unreadable') view.message = state.message;
    else if (state.kind === 'ok' && state.index.hasConflicts) {
      // From the scan alone: the message must not read every incident body.
      const p = state.index.scanProblems.find((x) => x.code === 'conflict-markers');
      view.message = p ? vscode.l10n.t('The log has git conflict markers (line {0}); resolve the merge before writing to it.', p.line) : vscode.l10n.t('The log has git conflict markers; resolve the merge before writing to it.');
    } else view.message = undefined;
    // The badge counts every folder's active incidents: one in another service is not hidden.
    const own = state.kind === 'ok' ? state.index.incidents.filter((i) => isActive(i, state.policy)).length : 0;
    const others = this.otherLogs?.active ?? 0;
    const active = own + others;
    const count = active === 1 ? vscode.l10n.t('1 active incident') : vscode.l10n.t('{0} active incidents', active);
    view.badge = active ? { value: active, tooltip: others ? vscode.l10n.t('{0} ({1} in other folders)', count, others) : count } : undefined;
  }

  dispose(): void {
    clearInterval(this.ticker);
    this.reviewWatcher?.watcher.dispose();
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
  }
}

/** What a reading rule guessed about an incident, for the end of its tooltip (markdown source). */
function readingTooltip(incident: Incident, policy: Policy | undefined): string {
  if (!policy) return '';
  const notes = readingNotes(incident, policy);
  const md = (text: string) => sanitizeForDisplay(text).replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
  let tip = '';
  if (notes.readAs) tip += `\n\n${vscode.l10n.t('Read as {0}', md(notes.readAs))}`;
  if (notes.statusFromText) tip += `\n\n${vscode.l10n.t('Status read from the words {0}', md(notes.statusFromText))}`;
  return tip;
}
