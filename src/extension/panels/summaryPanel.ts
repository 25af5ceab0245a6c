// The executive summary composer: one per incident, opened by "Incident: Compose Executive
// Summary" (palette, tree, the notification after Resolve). It shows the trading template's
// summary and the final update, prefilled from the incident and its review, to edit and copy
// (markdown, Slack text, plain text for an email). It writes nothing.
import * as vscode from 'vscode';
import { findIncident } from '../../core/indexer';
import type { Incident } from '../../core/model';
import { markdownToSlack } from '../../core/statusUpdate';
import { reviewFileName } from '../../core/review';
import { WriteRefused } from '../../core/writer';
import { type SummaryFromWebview, type SummaryToWebview, panelStateSchema, summaryMessageSchema } from '../../shared/protocol';
import { Commands, type IncidentArgs, stringArg } from '../commandIds';
import { chooseIncident } from '../incidentPicker';
import { markdownToPlain, summaryView } from './summaryView';
import { type PanelContext, WebviewPanelHost, panelOptions } from './webviewPanelHost';
import { SUMMARY_VIEW_TYPE } from './registerSummaryPanel';

/**
 * The review beside the log (pir/<id>.md), or undefined: an editor's unsaved text when it has
 * some, else the file on disk (an open, saved editor may not have caught up with the file yet).
 */
async function reviewOf(logUri: vscode.Uri, incident: Incident): Promise<{ text: string; path: string } | undefined> {
  const uri = vscode.Uri.joinPath(logUri, '..', 'pir', reviewFileName(incident));
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.isDirty);
  try {
    const text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    return { text, path: vscode.workspace.asRelativePath(uri) };
  } catch {
    return undefined; // no review yet
  }
}

export class SummaryPanel extends WebviewPanelHost<SummaryFromWebview, SummaryToWebview> {
  private readonly messageSchema;

  constructor(
    panel: vscode.WebviewPanel,
    ctx: PanelContext,
    readonly incidentId: string,
  ) {
    super(panel, ctx, `Executive summary (${incidentId})`);
    this.messageSchema = summaryMessageSchema(incidentId);
    panel.iconPath = vscode.Uri.joinPath(ctx.extensionUri, 'media', 'incidents.svg');
    // The review is a file of its own: a save there refills the summary.
    this.register(
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (d.uri.path.endsWith(`/pir/${reviewFileName({ id: this.incidentId })}`)) void this.refresh();
      }),
    );
    this.load('summary');
  }

  protected schema() {
    return this.messageSchema;
  }

  protected async snapshot(): Promise<SummaryToWebview> {
    const state = await this.ctx.store.read();
    if (state.kind !== 'ok') return { type: 'missing', incident: this.incidentId, message: 'The incident log cannot be read.' };
    const incident = findIncident(state.index, this.incidentId);
    if (!incident) return { type: 'missing', incident: this.incidentId, message: `${this.incidentId} is not in the log any more.` };
    this.panel.title = `Summary: ${incident.id}`;
    return { type: 'state', view: summaryView(incident, state.policy, await reviewOf(state.uri, incident), new Date()) };
  }

  protected async handle(message: Exclude<SummaryFromWebview, { type: 'ready' }>): Promise<void> {
    switch (message.type) {
      case 'copy': {
        const text = message.format === 'slack' ? markdownToSlack(message.text) : message.format === 'text' ? markdownToPlain(message.text) : message.text;
        await vscode.env.clipboard.writeText(text);
        await this.post({ type: 'notice', level: 'info', message: `Copied as ${message.format === 'slack' ? 'Slack text' : message.format === 'text' ? 'plain text' : 'Markdown'}.` });
        return;
      }
      case 'openReview':
        await vscode.commands.executeCommand(Commands.openReview, { incident: this.incidentId } satisfies IncidentArgs);
        return;
    }
  }
}

/** The open summary composers, one per incident. */
export class SummaryPanels implements vscode.WebviewPanelSerializer {
  private readonly open = new Map<string, SummaryPanel>();

  constructor(private readonly ctx: PanelContext) {}

  private track(panel: SummaryPanel): SummaryPanel {
    this.open.set(panel.incidentId, panel);
    panel.onDidClose(() => {
      if (this.open.get(panel.incidentId) === panel) this.open.delete(panel.incidentId);
    });
    return panel;
  }

  async openPanel(args: Partial<IncidentArgs>): Promise<SummaryPanel | undefined> {
    const state = await this.ctx.store.read();
    if (state.kind !== 'ok') throw new WriteRefused('The incident log cannot be read.');
    const incident = await chooseIncident(this.ctx.store, state.index, { given: stringArg(args.incident), title: 'Compose Executive Summary' });
    if (!incident) return undefined;
    const existing = this.open.get(incident.id);
    if (existing) {
      existing.panel.reveal();
      await existing.refresh();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(SUMMARY_VIEW_TYPE, `Summary: ${incident.id}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, panelOptions(this.ctx.extensionUri));
    return this.track(new SummaryPanel(panel, this.ctx, incident.id));
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const parsed = panelStateSchema.safeParse(state);
    if (!parsed.success || this.open.has(parsed.data.incident)) {
      this.ctx.output.appendLine('Executive summary: not restored (its saved state names no incident).');
      panel.dispose();
      return;
    }
    this.track(new SummaryPanel(panel, this.ctx, parsed.data.incident));
  }

  dispose(): void {
    for (const p of [...this.open.values()]) p.dispose();
  }
}
