// The executive summary composer: one per incident, opened by "Incident: Compose Executive
// Summary" (palette, tree, the notification after Resolve). It shows the trading template's
// summary and the final update, prefilled from the incident and its review, to edit and copy
// (markdown, Slack text, plain text for an email). It writes nothing.
import * as vscode from 'vscode';
import type { Incident } from '../../core/model';
import { markdownToSlack } from '../../core/comms/statusUpdate';
import { reviewFileName } from '../../core/review/review';
import { WriteRefused } from '../../core/log/writer';
import { type SummaryFromWebview, type SummaryView, summaryMessageSchema } from '../../shared/protocol';
import { Commands, type IncidentArgs, stringArg } from '../commandIds';
import { chooseIncident } from '../incidentPicker';
import { markdownToPlain, summaryView } from './summaryView';
import { IncidentPanelHost } from './incidentPanel';
import { PanelRegistry, incidentPanelKind } from './panelRegistry';
import { PANEL_VIEW_TYPES } from './panelTable';
import type { LogSnapshot } from '../logStore';
import type { PanelContext } from './webviewPanelHost';

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

const title = (incidentId: string) => vscode.l10n.t('Summary: {0}', incidentId);

export class SummaryPanel extends IncidentPanelHost<SummaryFromWebview, SummaryView> {
  constructor(panel: vscode.WebviewPanel, ctx: PanelContext, incidentId: string) {
    super(panel, ctx, `Executive summary (${incidentId})`, summaryMessageSchema(incidentId), incidentId, title);
    // The review is a file of its own: a save there refills the summary.
    this.register(
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (d.uri.path.endsWith(`/pir/${reviewFileName({ id: this.incidentId })}`)) void this.refresh();
      }),
    );
    this.load('summary');
  }

  protected async incidentView(log: LogSnapshot, incident: Incident): Promise<SummaryView> {
    return summaryView(incident, log.policy, await reviewOf(log.uri, incident), new Date());
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
export class SummaryPanels extends PanelRegistry<SummaryPanel> {
  constructor(ctx: PanelContext) {
    super(ctx, incidentPanelKind(PANEL_VIEW_TYPES.summary, 'Executive summary', (panel, id) => new SummaryPanel(panel, ctx, id)));
  }

  async openPanel(args: Partial<IncidentArgs>): Promise<SummaryPanel | undefined> {
    const state = await this.ctx.store.read();
    if (state.kind !== 'ok') throw new WriteRefused(vscode.l10n.t('The incident log cannot be read.'));
    const incident = await chooseIncident(this.ctx.store, state.index, { given: stringArg(args.incident), title: vscode.l10n.t('Compose Executive Summary') });
    if (!incident) return undefined;
    return this.show(incident.id, title(incident.id), { whenOpen: (existing) => existing.refresh() });
  }
}
