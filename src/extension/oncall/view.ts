// The On Call view (a second view in the Incidents container): the nodes of model.ts as tree
// items. Rebuilt when the playbook (or the log) changes, and at the next handover or override
// edge, so that it never shows last week's primary.
import * as vscode from 'vscode';
import { type Team, emptyTeam, teamOf } from '../../core/oncall/oncall';
import type { LogStore } from '../logStore';
import { type OnCallNode, buildOnCallTree, nextChange } from './model';
import { useTranslation } from '../l10n';

export const ONCALL_VIEW_ID = 'incidentPlaybook.oncall';
// The nodes' text (model.ts) in the display language.
useTranslation((message, ...args) => vscode.l10n.t(message, ...args));

/** Commands the view's items run (contributed in package.json, see commandIds.ts). */
export interface OnCallItemCommands {
  copyContact: string;
  openLink: string;
}

// setTimeout takes at most 2^31-1 ms (about 24.8 days); a later handover is re-armed on the way.
const MAX_TIMER_MS = 2_147_000_000;

export class OnCallTreeProvider implements vscode.TreeDataProvider<OnCallNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<OnCallNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private roots: Promise<OnCallNode[]> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the shown nodes were built (tests read it). */
  builtAt: Date | undefined;

  constructor(
    private readonly store: LogStore,
    private readonly commands: OnCallItemCommands,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.disposables.push(store.onDidChange(() => this.refresh()));
  }

  refresh(): void {
    this.roots = undefined;
    this.changed.fire(undefined);
  }

  /** The playbook's team (empty without a playbook or a folder). */
  async team(): Promise<Team> {
    const folder = this.store.logFolder();
    return folder ? teamOf(await this.store.policy(folder)) : emptyTeam();
  }

  /** The top-level nodes as shown now. */
  items(): Promise<OnCallNode[]> {
    this.roots ??= this.build();
    return this.roots;
  }

  private async build(): Promise<OnCallNode[]> {
    const team = await this.team();
    const now = this.clock();
    this.builtAt = now;
    this.schedule(nextChange(team, now), now);
    return buildOnCallTree(team, now);
  }

  private schedule(at: Date | undefined, now: Date): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!at) return;
    // A little after the edge, so that the rebuild reads the new shift.
    const delay = Math.min(Math.max(at.getTime() - now.getTime() + 1000, 1000), MAX_TIMER_MS);
    this.timer = setTimeout(() => this.refresh(), delay);
  }

  async getChildren(node?: OnCallNode): Promise<OnCallNode[]> {
    if (node) return node.children ?? [];
    return this.items();
  }

  getTreeItem(node: OnCallNode): vscode.TreeItem {
    const state = node.children?.length ? (node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed) : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.key;
    item.description = node.description;
    item.tooltip = node.tooltip;
    if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon);
    if (node.contact) {
      item.contextValue = node.contact.openable ? 'oncallContact.openable' : 'oncallContact';
      // A click copies (harmless); dialing or mailing is the explicit Open action.
      item.command = { command: this.commands.copyContact, title: vscode.l10n.t('Copy'), arguments: [node] };
    } else if (node.link) {
      item.contextValue = 'oncallLink';
      item.command = { command: this.commands.openLink, title: vscode.l10n.t('Open Link'), arguments: [node] };
    } else if (node.drill) item.contextValue = 'oncallDrill';
    else item.contextValue = `oncall.${node.kind}`;
    return item;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
