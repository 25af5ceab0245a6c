// The Incidents view: one row per incident in the log (ID and title; severity and status as the
// description), newest first as written. Built from the core's line index, on first display.
import * as vscode from 'vscode';
import { isActive } from '../core/indexer';
import type { Incident } from '../core/model';
import type { Policy } from '../core/policy';
import type { LogState, LogStore } from './logStore';

export const VIEW_ID = 'incidentPlaybook.incidents';

export class IncidentNode {
  constructor(
    readonly incident: Incident,
    readonly active: boolean,
    readonly logUri: vscode.Uri,
    /** Unique within the view even when the log repeats an id (the core reports that as a problem). */
    readonly key: string = incident.id,
  ) {}
  get id(): string {
    return this.incident.id;
  }
}

export class IncidentTreeProvider implements vscode.TreeDataProvider<IncidentNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<IncidentNode | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  /** What the view last showed, for the view's message and for commands. */
  lastState: LogState | undefined;
  private readonly subscription: vscode.Disposable;
  private view: vscode.TreeView<IncidentNode> | undefined;

  constructor(private readonly store: LogStore) {
    this.subscription = store.onDidChange(() => this.changed.fire());
  }

  attach(view: vscode.TreeView<IncidentNode>): void {
    this.view = view;
  }

  refresh(): void {
    this.store.invalidate(0);
  }

  getTreeItem(node: IncidentNode): vscode.TreeItem {
    const { incident } = node;
    const item = new vscode.TreeItem(`${incident.id}: ${incident.title}`, vscode.TreeItemCollapsibleState.None);
    item.id = node.key;
    item.description = [incident.severity ?? 'no severity', incident.status ?? 'no status'].join(' · ');
    item.iconPath = new vscode.ThemeIcon(node.active ? 'flame' : 'pass', new vscode.ThemeColor(node.active ? 'problemsErrorIcon.foreground' : 'testing.iconPassed'));
    item.contextValue = node.active ? 'incident.active' : 'incident.resolved';
    const tip = new vscode.MarkdownString(undefined, true);
    tip.appendMarkdown(`**${escape(incident.id)}**: ${escape(incident.title)}\n\n`);
    const rows: Array<[string, string | null]> = [
      ['Severity', incident.severity],
      ['Status', incident.status],
      ['Detected', incident.detected],
      ['Resolved', incident.resolved],
      ['Commander', incident.roles.commander],
      ['Technical lead', incident.roles.techLead],
      ['Comms lead', incident.roles.commsLead],
    ];
    for (const [k, v] of rows) if (v) tip.appendMarkdown(`- ${k}: ${escape(v)}\n`);
    tip.appendMarkdown(`\nLine ${incident.line}, ${incident.timeline.length} timeline entr${incident.timeline.length === 1 ? 'y' : 'ies'}`);
    item.tooltip = tip;
    item.accessibilityInformation = { label: `${incident.id}: ${incident.title}, ${item.description}` };
    item.command = { command: 'incidentPlaybook.open', title: 'Open Incident', arguments: [incident.id] };
    return item;
  }

  async getChildren(node?: IncidentNode): Promise<IncidentNode[]> {
    if (node) return [];
    const state = await this.store.read();
    this.lastState = state;
    this.updateMessage(state);
    if (state.kind !== 'ok') return [];
    const seen = new Set<string>();
    return state.index.incidents.map((i) => {
      const key = seen.has(i.id) ? `${i.id}@${i.line}` : i.id;
      seen.add(i.id);
      return new IncidentNode(i, isActive(i, state.policy), state.uri, key);
    });
  }

  /** The incidents (for commands and tests), in the order the view shows them. */
  async incidents(): Promise<{ incidents: Incident[]; policy: Policy } | undefined> {
    const state = await this.store.read();
    return state.kind === 'ok' ? { incidents: state.index.incidents, policy: state.policy } : undefined;
  }

  getParent(): undefined {
    return undefined;
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
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

export function registerTree(store: LogStore): { provider: IncidentTreeProvider; view: vscode.TreeView<IncidentNode>; disposables: vscode.Disposable[] } {
  const provider = new IncidentTreeProvider(store);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: false });
  provider.attach(view);
  return { provider, view, disposables: [provider, view] };
}
