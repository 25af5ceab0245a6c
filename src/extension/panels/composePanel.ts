// The status update composer: one per incident, opened by "Incident: Compose Status Update"
// (palette, tree), restored after a reload. It shows the update prefilled from the log for the
// chosen audience, copies it as markdown or Slack text, and "Mark as sent" logs it on the
// timeline as one WorkspaceEdit, which restarts that audience's countdown. "Post to webhook"
// (only while the workspace has one) posts the Slack text, then logs it as "Mark as sent" does.
import * as vscode from 'vscode';
import { findIncident } from '../../core/indexer';
import type { Incident } from '../../core/model';
import { redactUrl } from '../../core/health/redact';
import { markdownToSlack, statusUpdateEntryText, warRoomChannel } from '../../core/comms/statusUpdate';
import { WEBHOOK_TIMEOUT_MS, postToWebhook } from '../../core/comms/webhook';
import { WriteRefused, appendTimelineEntry } from '../../core/log/writer';
import { type ComposeFromWebview, type ComposeView, type UpdateAudience, composeMessageSchema } from '../../shared/protocol';
import { type IncidentArgs, stringArg } from '../commandIds';
import { applyIncidentEdit } from '../logEdit';
import { chooseIncident } from '../incidentPicker';
import { composeReadOnlyReason, composeView } from './composeView';
import { writerOf } from '../logContext';
import { IncidentPanelHost, displayZone } from './incidentPanel';
import { PanelRegistry, incidentPanelKind } from './panelRegistry';
import { PANEL_VIEW_TYPES } from './panelTable';
import type { LogSnapshot } from '../logStore';
import type { PanelContext } from './webviewPanelHost';
import type { WebhookSecrets } from './webhookSecret';

/** How often the countdowns are refreshed while the panel is open. */
const CLOCK_MS = 30_000;

const title = (incidentId: string) => vscode.l10n.t('Update: {0}', incidentId);

export interface ComposeArgs extends IncidentArgs {
  /** `internal` (default) or `statuspage`. */
  audience?: UpdateAudience;
}

export class ComposePanel extends IncidentPanelHost<ComposeFromWebview, ComposeView> {
  /** The audience the page shows; the page's toggle changes it. */
  audience: UpdateAudience;
  /** How long a webhook post may take. */
  webhookTimeoutMs = WEBHOOK_TIMEOUT_MS;

  constructor(
    panel: vscode.WebviewPanel,
    ctx: PanelContext,
    private readonly webhooks: WebhookSecrets,
    incidentId: string,
    audience: UpdateAudience = 'internal',
  ) {
    super(panel, ctx, `Status update composer (${incidentId})`, composeMessageSchema(incidentId), incidentId, title);
    this.audience = audience;
    this.refreshEvery(CLOCK_MS);
    this.load('compose');
  }

  protected async incidentView(log: LogSnapshot, incident: Incident): Promise<ComposeView> {
    const webhook = await this.webhooks.get();
    return composeView(log.index, incident, log.policy, this.audience, new Date(), displayZone(log.policy), webhook ? redactUrl(webhook) : null);
  }

  protected async handle(message: Exclude<ComposeFromWebview, { type: 'ready' }>): Promise<void> {
    switch (message.type) {
      case 'setAudience':
        this.audience = message.audience;
        return this.refresh();
      case 'copy': {
        await vscode.env.clipboard.writeText(message.format === 'slack' ? markdownToSlack(message.text) : message.text);
        await this.post({ type: 'notice', level: 'info', message: message.format === 'slack' ? 'Copied as Slack text.' : 'Copied as Markdown.' });
        return;
      }
      case 'copyWarRoom': {
        const state = await this.ctx.store.read();
        const incident = state.kind === 'ok' ? findIncident(state.index, this.incidentId) : undefined;
        const channel = incident && state.kind === 'ok' ? warRoomChannel(incident, state.policy) : null;
        if (!channel) throw new WriteRefused(vscode.l10n.t('{0} has no detection time to name its war room from.', this.incidentId));
        await vscode.env.clipboard.writeText(channel);
        await this.post({ type: 'notice', level: 'info', message: `Copied ${channel}.` });
        return;
      }
      case 'markSent':
        return this.markSent(message.audience, message.text);
      case 'postWebhook':
        return this.postToWebhook(message.audience, message.text);
    }
  }

  /** Logs `Status update (internal|status page): <first line>` on the timeline, as one edit. */
  async markSent(audience: UpdateAudience, text: string, sentTo?: string): Promise<void> {
    const { doc, policy, owner, incident } = await this.writable();
    const entry = statusUpdateEntryText(audience, text);
    await applyIncidentEdit(this.ctx.store, doc, policy, incident, (i, id) => appendTimelineEntry(i, id, { at: new Date(), text: entry, owner }, policy));
    this.ctx.output.appendLine(`${this.label}: logged "${entry}"`);
    this.ctx.store.invalidate(0);
    await this.post({ type: 'notice', level: 'info', message: sentTo ? `Posted to ${sentTo} and logged on the timeline: ${entry}` : `Logged on the timeline: ${entry}` });
  }

  /**
   * Posts the update as Slack text to the workspace's webhook, then logs it as "Mark as sent"
   * does. The log is checked first, so an update is not posted when it could not be logged; a
   * failed post (status code, timeout, refused) logs nothing and says why, the URL redacted.
   */
  async postToWebhook(audience: UpdateAudience, text: string): Promise<void> {
    const url = await this.webhooks.get();
    if (!url) throw new WriteRefused(vscode.l10n.t('No status update webhook is set for this workspace: run "Incident: Set Status Update Webhook". Nothing was posted.'));
    await this.writable();
    try {
      await postToWebhook(url, markdownToSlack(text), this.webhookTimeoutMs);
    } catch (e) {
      const message = vscode.l10n.t('{0} Nothing was logged.', e instanceof Error ? e.message : String(e));
      await this.post({ type: 'notice', level: 'error', message });
      throw new WriteRefused(message);
    }
    const where = redactUrl(url);
    this.ctx.output.appendLine(`${this.label}: posted the ${audience === 'statuspage' ? 'status page' : 'internal'} update to ${where}`);
    await this.markSent(audience, text, where);
  }

  /** The log and the incident, when "Mark as sent" may write to it; else a WriteRefused saying why. */
  private async writable() {
    const context = await writerOf(this.ctx.store);
    const incident = findIncident(context.index, this.incidentId);
    if (!incident) throw new WriteRefused(vscode.l10n.t('{0} is not in the log any more; nothing was written.', this.incidentId));
    const refused = composeReadOnlyReason(context.index, incident);
    if (refused) throw new WriteRefused(vscode.l10n.t('{0} Nothing was written.', refused));
    return { ...context, incident };
  }
}

/** The open composers, one per incident. */
export class ComposePanels extends PanelRegistry<ComposePanel> {
  private readonly subscription: vscode.Disposable;

  constructor(
    ctx: PanelContext,
    private readonly webhooks: WebhookSecrets,
  ) {
    super(ctx, incidentPanelKind(PANEL_VIEW_TYPES.compose, 'Status update composer', (panel, id) => new ComposePanel(panel, ctx, webhooks, id)));
    // Setting or clearing the webhook shows or hides "Post to webhook" in every open composer.
    this.subscription = webhooks.onDidChange(() => {
      for (const p of this.openPanels()) void p.refresh();
    });
  }

  /** Opens (or reveals) the composer of the incident named by `args`, the one under the cursor, or one picked. */
  async openPanel(args: Partial<ComposeArgs>): Promise<ComposePanel | undefined> {
    const state = await this.ctx.store.read();
    if (state.kind !== 'ok') throw new WriteRefused(vscode.l10n.t('The incident log cannot be read.'));
    const incident = await chooseIncident(this.ctx.store, state.index, { given: stringArg(args.incident), title: vscode.l10n.t('Compose Status Update') });
    if (!incident) return undefined;
    const audience: UpdateAudience = args.audience === 'statuspage' ? 'statuspage' : 'internal';
    const existing = this.opened(incident.id);
    if (existing && args.audience && existing.audience !== audience) {
      existing.audience = audience;
      await existing.refresh();
    }
    return this.show(incident.id, title(incident.id), { create: (panel) => new ComposePanel(panel, this.ctx, this.webhooks, incident.id, audience) });
  }

  dispose(): void {
    this.subscription.dispose();
    super.dispose();
  }
}
