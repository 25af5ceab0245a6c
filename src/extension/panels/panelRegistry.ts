// The open panels of one kind, by key (an incident's id, or one key for a single dashboard):
// at most one panel per key, opening an open key reveals its panel, a panel VS Code restores
// after a reload is rebuilt from its saved state, and closing the extension closes them all.
//
// Where they open: all the extension's panels share one column beside the log. A new panel opens
// as a tab of the column that already shows one of them (of any kind); with none open, in the
// column to the right of the active editor. Files a panel opens (a runbook link, the review's
// markdown) go to the log's column, not the panels'.
import * as vscode from 'vscode';
import { panelStateSchema } from '../../shared/protocol';
import { type PanelContext, panelOptions } from './webviewPanelHost';

/** What the registry needs of a panel's host (WebviewPanelHost gives it all). */
export interface RegisteredPanel extends vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  readonly onDidClose: vscode.Event<void>;
}

export interface PanelKind<P extends RegisteredPanel> {
  /** The view type panels are created and restored under (package.json activates on it). */
  viewType: string;
  /** The host of a webview panel, new or restored, showing `key`. */
  create(panel: vscode.WebviewPanel, key: string): P;
  /** The key a restored panel's saved state names; undefined when it names none. */
  restoredKey(state: unknown): string | undefined;
  /** Logged when a restored panel is closed (its state names nothing, or its key is open already). */
  notRestored?: string;
}

/** The view types of the extension's panels all read `incidentPlaybook.<kind>Panel`. */
const PANEL_VIEW_TYPE = /^incidentPlaybook\.\w+Panel$/;

/**
 * Whether a tab shows one of the extension's panels, of any kind, open or restored (VS Code may
 * give a webview tab's view type with a `mainThreadWebview-` prefix).
 */
export function isPanelTab(tab: vscode.Tab): boolean {
  return tab.input instanceof vscode.TabInputWebview && PANEL_VIEW_TYPE.test(tab.input.viewType.replace(/^mainThreadWebview-/, ''));
}

/** Every open panel of every kind (their columns are known before VS Code lists their tabs). */
const everyPanel = new Set<vscode.WebviewPanel>();

/**
 * Where a new panel opens: the column that shows the extension's panels (the active one if it
 * does, else one whose visible tab is a panel, else the first that holds one, else the column of
 * a panel opened a moment ago, whose tab VS Code has not listed yet); with none open, the column
 * to the right of the active editor (a new one when it is the last), or the active column when
 * it is empty.
 */
export function panelColumn(groups: readonly vscode.TabGroup[] = vscode.window.tabGroups.all, opened: Iterable<vscode.WebviewPanel> = everyPanel): vscode.ViewColumn {
  const holding = groups.filter((g) => g.tabs.some(isPanelTab));
  const group = holding.find((g) => g.isActive) ?? holding.find((g) => g.activeTab !== undefined && isPanelTab(g.activeTab)) ?? holding[0];
  if (group) return group.viewColumn;
  for (const p of opened) if (p.viewColumn !== undefined && p.viewColumn > 0) return p.viewColumn;
  // Beside, as a column number: a panel opened next, before VS Code lists this one's tab, finds it.
  // An empty editor area has nothing to be beside: the panel takes its column.
  const active = groups.find((g) => g.isActive);
  if (!active) return vscode.ViewColumn.Beside;
  return active.tabs.length === 0 ? active.viewColumn : active.viewColumn + 1;
}

/**
 * Where a panel opens a file: the column showing the log (`logUri`), else the first column
 * without the extension's panels, else the first.
 */
export function documentColumn(logUri: vscode.Uri | undefined, groups: readonly vscode.TabGroup[] = vscode.window.tabGroups.all): vscode.ViewColumn {
  const isLog = (t: vscode.Tab) => logUri !== undefined && t.input instanceof vscode.TabInputText && t.input.uri.toString() === logUri.toString();
  const group = groups.find((g) => g.activeTab !== undefined && isLog(g.activeTab)) ?? groups.find((g) => g.tabs.some(isLog)) ?? groups.find((g) => !g.tabs.some(isPanelTab));
  return group?.viewColumn ?? vscode.ViewColumn.One;
}

/**
 * Panels keyed by incident. A restored one is keyed by the incident its page saved
 * (`{ incident }`, validated); `label` names the kind in the output channel.
 */
export function incidentPanelKind<P extends RegisteredPanel>(viewType: string, label: string, create: (panel: vscode.WebviewPanel, incidentId: string) => P): PanelKind<P> {
  return {
    viewType,
    create,
    restoredKey: (state) => {
      const parsed = panelStateSchema.safeParse(state);
      return parsed.success ? parsed.data.incident : undefined;
    },
    notRestored: `${label}: not restored (its saved state names no incident).`,
  };
}

export class PanelRegistry<P extends RegisteredPanel> implements vscode.WebviewPanelSerializer, vscode.Disposable {
  private readonly open = new Map<string, P>();

  constructor(
    protected readonly ctx: PanelContext,
    private readonly kind: PanelKind<P>,
  ) {}

  /** The open panel of `key`. */
  protected opened(key: string): P | undefined {
    return this.open.get(key);
  }

  protected openPanels(): IterableIterator<P> {
    return this.open.values();
  }

  /**
   * Reveals the open panel of `key` (then `whenOpen` runs on it), or opens a new one titled
   * `title`, built by `create` (the kind's by default), in the panels' column (panelColumn). Returns the panel (tests drive it;
   * commands may return values).
   */
  protected async show(key: string, title: string, how: { whenOpen?: (existing: P) => Promise<void>; create?: (panel: vscode.WebviewPanel) => P } = {}): Promise<P> {
    const existing = this.open.get(key);
    if (existing) {
      existing.panel.reveal();
      await how.whenOpen?.(existing);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(this.kind.viewType, title, { viewColumn: panelColumn(), preserveFocus: false }, panelOptions(this.ctx.extensionUri));
    return this.track(key, how.create ? how.create(panel) : this.kind.create(panel, key));
  }

  private track(key: string, panel: P): P {
    this.open.set(key, panel);
    everyPanel.add(panel.panel);
    panel.onDidClose(() => {
      if (this.open.get(key) === panel) this.open.delete(key);
      everyPanel.delete(panel.panel);
    });
    return panel;
  }

  /** After a reload: the panel's saved state names its key; anything else (or a key open already) closes it. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const key = this.kind.restoredKey(state);
    if (key === undefined || this.open.has(key)) {
      if (this.kind.notRestored) this.ctx.output.appendLine(this.kind.notRestored);
      panel.dispose();
      return;
    }
    this.track(key, this.kind.create(panel, key));
  }

  dispose(): void {
    for (const p of [...this.open.values()]) p.dispose();
  }
}
