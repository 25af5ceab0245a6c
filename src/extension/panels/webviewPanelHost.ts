// The base of every webview panel: one HTML/CSP builder, the ready handshake, message
// validation, restore after a reload, and live updates from the log store.
//
// - The host posts nothing until the page says `ready`; every `ready` (the first, and each one
//   after the page was reloaded or shown again) gets a full snapshot.
// - Every message from the page is parsed with the panel's schema (src/shared/protocol.ts). A
//   message that fails is logged to the output channel and ignored: nothing is written.
// - The page may load scripts only by nonce, and styles, fonts and images only from the
//   extension's built webview assets and media/ (its only local resource roots).
// - Incident text never goes into the HTML: it travels as message data and is rendered as text.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { z } from 'zod';
import { type HostToPage, type MissingMessage, parseMessage } from '../../shared/protocol';
import type { LogStore } from '../logStore';
import { contentSecurityPolicy } from './csp';

/** Where the webview bundle and its assets are built (scripts/build.mjs). */
export const WEBVIEW_ASSETS = ['dist', 'webview'] as const;

export interface PanelContext {
  extensionUri: vscode.Uri;
  store: LogStore;
  output: vscode.OutputChannel;
}

/** Options for new panels: scripts on, resources limited to the bundle and media/. */
export function panelOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { ...webviewOptions(extensionUri), enableFindWidget: true };
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, ...WEBVIEW_ASSETS), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/**
 * The page of a panel: no incident text in it, only the app's name, its script, the codicon
 * stylesheet and the app's own stylesheets (files of the built webview assets).
 */
export function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri, app: string, title: string, styles: readonly string[] = []): string {
  const nonce = randomBytes(18).toString('base64');
  const asset = (...p: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...WEBVIEW_ASSETS, ...p)).toString();
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(webview.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" id="vscode-codicon-stylesheet" href="${attr(asset('codicons', 'codicon.css'))}" nonce="${nonce}">
<link rel="stylesheet" href="${attr(asset('webview.css'))}">
${styles.map((f) => `<link rel="stylesheet" href="${attr(asset(f))}">\n`).join('')}<title>${attr(title)}</title>
</head>
<body data-app="${attr(app)}">
<main id="app" aria-live="polite"></main>
<script nonce="${nonce}" src="${attr(asset('webview.js'))}"></script>
</body>
</html>`;
}

/**
 * What a panel shows now: its view, and the panel's title for it (none: the title stays as it
 * is); or the page's `missing` message saying why there is nothing to show.
 */
export type Shown<View, Missing extends MissingMessage = MissingMessage> = Missing | { readonly type: 'shown'; readonly view: View; readonly title?: string };

/**
 * One open panel. Subclasses say what the page may send (`messages`, a schema of
 * src/shared/protocol.ts), what it shows (`shown`) and what each valid message does (`handle`).
 * `View` is what the page shows; `Missing` the message saying why it shows nothing.
 */
export abstract class WebviewPanelHost<In extends { type: string }, View, Missing extends MissingMessage = MissingMessage> implements vscode.Disposable {
  private ready = false;
  private disposed = false;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly closed = new vscode.EventEmitter<void>();
  /** Fires once, when the panel is closed or disposed. */
  readonly onDidClose = this.closed.event;

  protected constructor(
    readonly panel: vscode.WebviewPanel,
    protected readonly ctx: PanelContext,
    /** Names the panel in the output channel. */
    protected readonly label: string,
    /** What the page may send. */
    private readonly messages: z.ZodType<In>,
  ) {
    panel.webview.options = webviewOptions(ctx.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(ctx.extensionUri, 'media', 'incidents.svg');
    this.register(panel.onDidDispose(() => this.dispose()));
    this.register(panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)));
    // Hidden webviews are unloaded; shown again, the page loads anew and says `ready` again.
    this.register(
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
    );
    this.register(ctx.store.onDidChange(() => void this.refresh()));
  }

  /** Loads the page: call at the end of the subclass's constructor. */
  protected load(app: string, styles: readonly string[] = []): void {
    this.ready = false;
    this.panel.webview.html = panelHtml(this.panel.webview, this.ctx.extensionUri, app, this.panel.title, styles);
  }

  /** Refreshes the page every `ms` while it is visible (its clocks and countdowns). */
  protected refreshEvery(ms: number): void {
    const timer = setInterval(() => {
      if (this.panel.visible) void this.refresh();
    }, ms);
    this.register({ dispose: () => clearInterval(timer) });
  }

  protected register<T extends vscode.Disposable>(d: T): T {
    if (this.disposed) d.dispose();
    else this.disposables.push(d);
    return d;
  }

  /** What the page shows now, read afresh for each snapshot. */
  protected abstract shown(): Promise<Shown<View, Missing>>;

  /** The full snapshot the page is sent after `ready` and on each change. */
  protected async snapshot(): Promise<HostToPage<View, Missing>> {
    const shown = await this.shown();
    if (shown.type !== 'shown') return shown;
    // A snapshot begun before the panel was closed ends after it: a closed panel takes no title.
    if (shown.title !== undefined && !this.disposed) this.panel.title = shown.title;
    return { type: 'state', view: shown.view };
  }
  /** Acts on a valid message other than `ready`. */
  protected abstract handle(message: Exclude<In, { type: 'ready' }>): Promise<void>;

  /**
   * Every message from the page enters here (also what tests call to play a hostile page).
   * Returns whether the message was accepted.
   */
  async receive(raw: unknown): Promise<boolean> {
    if (this.disposed) return false;
    const parsed = parseMessage(this.messages, raw);
    if (!parsed.ok) {
      this.ctx.output.appendLine(`${this.label}: ignored a message from the panel: ${parsed.reason}`);
      return false;
    }
    const message = parsed.message;
    if (message.type === 'ready') {
      this.ready = true;
      await this.refresh();
      return true;
    }
    try {
      await this.handle(message as Exclude<In, { type: 'ready' }>);
    } catch (e) {
      this.ctx.output.appendLine(`${this.label}: ${message.type} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      const text = e instanceof Error ? e.message : String(e);
      void vscode.window.showErrorMessage(text.startsWith('Incident Playbook') ? text : vscode.l10n.t('Incident Playbook: {0}', text));
      await this.refresh();
    }
    return true;
  }

  /** Sends a fresh snapshot, when the page is listening. */
  async refresh(): Promise<void> {
    if (!this.ready || this.disposed) return;
    const out = await this.snapshot();
    await this.post(out);
  }

  /** Posts to the page; dropped before `ready` (the page gets a snapshot when it is). */
  protected async post(message: HostToPage<View, Missing>): Promise<boolean> {
    if (!this.ready || this.disposed) return false;
    return this.panel.webview.postMessage(message);
  }

  get isReady(): boolean {
    return this.ready;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.closed.fire();
    this.closed.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
