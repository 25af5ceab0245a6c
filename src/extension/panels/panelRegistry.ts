// The open panels of one kind, by key (an incident's id, or one key for a single dashboard):
// at most one panel per key, opening an open key reveals its panel, a panel VS Code restores
// after a reload is rebuilt from its saved state, and closing the extension closes them all.
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
  /** Where a new panel opens. */
  viewColumn: vscode.ViewColumn;
  /** The host of a webview panel, new or restored, showing `key`. */
  create(panel: vscode.WebviewPanel, key: string): P;
  /** The key a restored panel's saved state names; undefined when it names none. */
  restoredKey(state: unknown): string | undefined;
  /** Logged when a restored panel is closed (its state names nothing, or its key is open already). */
  notRestored?: string;
}

/**
 * Panels keyed by incident, opened beside the editor. A restored one is keyed by the incident
 * its page saved (`{ incident }`, validated); `label` names the kind in the output channel.
 */
export function incidentPanelKind<P extends RegisteredPanel>(viewType: string, label: string, create: (panel: vscode.WebviewPanel, incidentId: string) => P): PanelKind<P> {
  return {
    viewType,
    viewColumn: vscode.ViewColumn.Beside,
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
   * `title`, built by `create` (the kind's by default). Returns the panel (tests drive it;
   * commands may return values).
   */
  protected async show(key: string, title: string, how: { whenOpen?: (existing: P) => Promise<void>; create?: (panel: vscode.WebviewPanel) => P } = {}): Promise<P> {
    const existing = this.open.get(key);
    if (existing) {
      existing.panel.reveal();
      await how.whenOpen?.(existing);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(this.kind.viewType, title, { viewColumn: this.kind.viewColumn, preserveFocus: false }, panelOptions(this.ctx.extensionUri));
    return this.track(key, how.create ? how.create(panel) : this.kind.create(panel, key));
  }

  private track(key: string, panel: P): P {
    this.open.set(key, panel);
    panel.onDidClose(() => {
      if (this.open.get(key) === panel) this.open.delete(key);
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
