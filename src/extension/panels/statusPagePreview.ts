// The status page's preview: a webview beside the log showing index.html as the site's renderer
// writes it, from the log as the editor has it (unsaved edits included), redrawn when the log
// changes. The page runs no script: the webview has scripts and command links off and loads
// nothing (no resource root), and the page's policy allows only its own inline stylesheet, by
// hash. The incident pages are inlined after the index as sections its links lead to (a
// webview follows in-page anchors without a script; a link to another file would lead nowhere).
// Every string of the log in it is escaped by the renderer (src/core/statuspage/html.ts).
import * as vscode from 'vscode';
import { buildStatusPage } from '../../core/statuspage/model';
import { renderPreview } from '../../core/statuspage/preview';
import { STYLE_HASH } from '../../core/statuspage/style';
import { esc } from '../../core/statuspage/words';
import type { LogStore } from '../logStore';
import { staticPageContentSecurityPolicy } from './csp';
import { panelColumn } from './panelRegistry';
import { type PublishOutcome, type PublishUi, StatusPagePublisher } from './statusPagePublish';

/** The preview's view type (`incidentPlaybook.<kind>Panel`: it shares the panels' column). */
export const STATUS_PAGE_VIEW_TYPE = 'incidentPlaybook.statusPagePanel';

/** How long the log must be quiet before the page is drawn again. */
const REDRAW_DELAY_MS = 250;

export interface StatusPageContext {
  extensionUri: vscode.Uri;
  store: LogStore;
  output: vscode.OutputChannel;
}

/** A page saying why there is no status page to show; `message` is escaped. */
function messagePage(message: string, policy: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(policy)}">
<title>${esc(vscode.l10n.t('Status page'))}</title>
</head>
<body>
<p>${esc(message)}</p>
</body>
</html>
`;
}

/** The start of the current minute: the page's "as of" time, so that a redraw within it changes nothing. */
function thisMinute(): Date {
  return new Date(Math.floor(Date.now() / 60_000) * 60_000);
}

export class StatusPagePreview implements vscode.Disposable {
  /** The page shown now. */
  html = '';
  private readonly rendered = new vscode.EventEmitter<string>();
  /** Fires with the page each time it is drawn anew. */
  readonly onDidRender = this.rendered.event;
  private readonly closed = new vscode.EventEmitter<void>();
  readonly onDidClose = this.closed.event;
  private readonly disposables: vscode.Disposable[] = [this.rendered, this.closed];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stale = false;
  private disposed = false;
  private drawing: Promise<void> = Promise.resolve();

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly ctx: StatusPageContext,
    /** Publish, whose button is in the panel's title bar; the preview uses the title the site was last generated with. */
    readonly publisher: StatusPagePublisher,
  ) {
    panel.webview.options = { enableScripts: false, enableCommandUris: false, localResourceRoots: [] };
    panel.iconPath = vscode.Uri.joinPath(ctx.extensionUri, 'media', 'incidents.svg');
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      ctx.store.onDidChange(() => this.schedule()),
      // A hidden panel is drawn when it is shown again, not on every change while hidden.
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.stale) this.schedule();
      }),
    );
  }

  /** The policy of the preview's page (csp.ts): no script, the page's own style by its hash. */
  private policy(): string {
    return staticPageContentSecurityPolicy(this.panel.webview.cspSource, STYLE_HASH);
  }

  private schedule(): void {
    if (this.disposed) return;
    this.stale = true;
    if (!this.panel.visible) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.draw();
    }, REDRAW_DELAY_MS);
  }

  /** Draws the page from the log as it is now (one draw at a time); unchanged, the webview is left alone. */
  draw(): Promise<void> {
    this.drawing = this.drawing.then(
      () => this.drawNow(),
      () => this.drawNow(),
    );
    return this.drawing;
  }

  private async drawNow(): Promise<void> {
    if (this.disposed) return;
    this.stale = false;
    // Read before the log is: the panel may be closed while it is.
    const policy = this.policy();
    let html: string;
    try {
      const state = await this.ctx.store.read();
      html =
        state.kind === 'ok'
          ? renderPreview(buildStatusPage(state.index, state.policy, thisMinute(), { title: this.publisher.lastTitle() }), policy)
          : messagePage(state.kind === 'unreadable' ? state.message : vscode.l10n.t('There is no incident log yet: the status page is made from it.'), policy);
    } catch (e) {
      this.ctx.output.appendLine(`Status page preview: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      html = messagePage(vscode.l10n.t('The status page cannot be shown: {0}', e instanceof Error ? e.message : String(e)), policy);
    }
    if (this.disposed || html === this.html) return;
    this.html = html;
    this.panel.webview.html = html;
    this.rendered.fire(html);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.closed.fire();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

/** The preview (one at a time) and Publish. */
export class StatusPageFeature implements vscode.Disposable {
  private preview: StatusPagePreview | undefined;
  readonly publisher: StatusPagePublisher;

  constructor(private readonly ctx: StatusPageContext) {
    this.publisher = new StatusPagePublisher(ctx.store);
  }

  /** What Publish asks and shows (tests answer it). */
  get ui(): PublishUi {
    return this.publisher.ui;
  }

  set ui(ui: PublishUi) {
    this.publisher.ui = ui;
  }

  /** Opens the preview beside the log (or reveals it), drawn from the log as it is now. */
  async open(): Promise<StatusPagePreview> {
    if (this.preview) {
      this.preview.panel.reveal(undefined, true);
      await this.preview.draw();
      return this.preview;
    }
    const panel = vscode.window.createWebviewPanel(STATUS_PAGE_VIEW_TYPE, vscode.l10n.t('Status Page Preview'), { viewColumn: panelColumn(), preserveFocus: true }, { enableFindWidget: true });
    const preview = new StatusPagePreview(panel, this.ctx, this.publisher);
    this.preview = preview;
    preview.onDidClose(() => {
      if (this.preview === preview) this.preview = undefined;
    });
    await preview.draw();
    return preview;
  }

  /** Shows what changed since the site was last generated, and writes it when asked to. */
  async publish(): Promise<PublishOutcome> {
    const outcome = await this.publisher.publish();
    // The site's title may be new: the preview follows it.
    if (outcome.kind === 'written') await this.preview?.draw();
    return outcome;
  }

  dispose(): void {
    this.preview?.dispose();
    this.publisher.dispose();
  }
}
