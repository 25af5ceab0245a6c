// The response checklist panel: one per incident, opened by "Incident: Open Checklist" (palette,
// tree, CodeLens), restored after a reload. It shows the incident's phases and items, its
// severity, status, roles and clocks; ticks go to the log as one WorkspaceEdit each.
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { findIncident, isActive } from '../../core/indexer';
import type { Incident, LogIndex, Splice } from '../../core/model';
import type { Policy } from '../../core/playbook/policy';
import { type Actor, addPlaybookChecklist, skipChecklistItem, tickChecklistItem } from '../../core/response/operations';
import { WriteRefused, requireIncident } from '../../core/log/writer';
import { type ChecklistFromWebview, type ChecklistView, checklistMessageSchema } from '../../shared/protocol';
import { Commands, type IncidentArgs, type ResolveArgs, type RunStepArgs, stringArg } from '../commandIds';
import { type ResolveUi, confirmResolve, vscodeResolveUi } from '../responseCommands';
import { applyIncidentEdit } from '../logEdit';
import { chooseIncident } from '../incidentPicker';
import { panelView, readOnlyReason } from './checklistView';
import { logContext, writerOf } from '../logContext';
import { IncidentPanelHost, displayZone, readIncident } from './incidentPanel';
import { linkTarget } from './links';
import { PanelRegistry, documentColumn, incidentPanelKind } from './panelRegistry';
import { PANEL_VIEW_TYPES } from './panelTable';
import type { LogSnapshot } from '../logStore';
import type { PanelContext } from './webviewPanelHost';

/** How often the clocks (elapsed time, next update) are refreshed while the panel is open. */
const CLOCK_MS = 30_000;

const title = (incidentId: string) => vscode.l10n.t('Checklist: {0}', incidentId);

export class ChecklistPanel extends IncidentPanelHost<ChecklistFromWebview, ChecklistView> {
  /** How Resolve asks (a modal naming the open items, then the note); tests replace it. */
  resolveUi: ResolveUi = vscodeResolveUi;

  constructor(panel: vscode.WebviewPanel, ctx: PanelContext, incidentId: string) {
    super(panel, ctx, `Checklist panel (${incidentId})`, checklistMessageSchema(incidentId), incidentId, title);
    this.refreshEvery(CLOCK_MS);
    this.load('checklist');
  }

  protected incidentView(log: LogSnapshot, incident: Incident): ChecklistView {
    return panelView(log.index, incident, log.policy, new Date(), displayZone(log.policy));
  }

  protected async handle(message: Exclude<ChecklistFromWebview, { type: 'ready' }>): Promise<void> {
    switch (message.type) {
      case 'setDone':
        return this.edit(`${message.done ? 'ticked' : 'unticked'} "${message.item.text}"`, (index, id, policy, actor) => tickChecklistItem(index, id, itemAt(index, id, message.item).line, message.done, actor, policy));
      case 'skip':
        return this.edit(`skipped "${message.item.text}"`, (index, id, policy, actor) => skipChecklistItem(index, id, itemAt(index, id, message.item).line, message.reason, actor, policy));
      case 'run': {
        // Run Step checks the item again (position and text) and asks what it must ask (trust,
        // parameters, a dangerous step's confirmation); the page follows the log's change.
        const args: RunStepArgs = { incident: this.incidentId, item: message.item.index, text: message.item.text };
        this.ctx.output.appendLine(`${this.label}: run "${message.item.text}"`);
        await vscode.commands.executeCommand(Commands.runStep, args);
        return;
      }
      case 'command': {
        if (message.command === 'resolve') return this.resolve();
        const args: IncidentArgs = { incident: this.incidentId };
        await vscode.commands.executeCommand(Commands[message.command], args);
        return;
      }
      case 'openLink':
        return this.openLink(message.href);
    }
  }

  /**
   * The Resolve button: asks once here (a modal naming the open checklist items, offering a
   * resolution note), then runs Resolve Incident with the answer, which writes it.
   */
  private async resolve(): Promise<void> {
    const found = await readIncident(this.ctx.store, this.incidentId);
    if (found.type === 'missing') throw new WriteRefused(vscode.l10n.t('{0} Nothing was written.', found.message));
    const answer = await confirmResolve(found.incident, this.resolveUi);
    if (!answer) {
      this.ctx.output.appendLine(`${this.label}: Resolve cancelled; nothing was written.`);
      return;
    }
    // The log may have changed while the question was open.
    const now = await readIncident(this.ctx.store, this.incidentId);
    if (now.type === 'missing') throw new WriteRefused(vscode.l10n.t('{0} Nothing was written.', now.message));
    if (!isActive(now.incident, now.log.policy)) throw new WriteRefused(vscode.l10n.t('{0} was resolved meanwhile; nothing was written.', this.incidentId));
    const args: ResolveArgs = { incident: this.incidentId, ...(answer.note ? { note: answer.note } : {}) };
    await vscode.commands.executeCommand(Commands.resolve, args);
  }

  private async openLink(href: string): Promise<void> {
    const log = this.ctx.store.logUri();
    const folder = log ? vscode.workspace.getWorkspaceFolder(log) : undefined;
    if (!log || !folder) return;
    const target = linkTarget(href, dirname(log.fsPath), folder.uri.fsPath);
    if (target.kind === 'refused') {
      this.ctx.output.appendLine(`${this.label}: did not open a link: ${target.reason}.`);
      return;
    }
    if (target.kind === 'url') await vscode.env.openExternal(vscode.Uri.parse(target.url, true));
    else await vscode.window.showTextDocument(vscode.Uri.file(target.path), { preview: true, viewColumn: documentColumn(log) });
  }

  /** Makes one change to the incident (with its timeline entry), as one WorkspaceEdit; then the page gets the new state. */
  private async edit(what: string, make: (index: LogIndex, id: string, policy: Policy, actor: Actor) => Splice[]): Promise<void> {
    const { doc, policy, index, owner } = await writerOf(this.ctx.store);
    const incident = findIncident(index, this.incidentId);
    if (!incident) throw new WriteRefused(vscode.l10n.t('{0} is not in the log any more; nothing was written.', this.incidentId));
    const refused = readOnlyReason(index, incident);
    if (refused) throw new WriteRefused(vscode.l10n.t('{0} Nothing was written.', refused));
    const actor: Actor = { at: new Date(), owner };
    await applyIncidentEdit(this.ctx.store, doc, policy, incident, (i, id) => make(i, id, policy, actor));
    this.ctx.output.appendLine(`${this.label}: ${what}`);
    this.ctx.store.invalidate(0);
  }
}

/** The item the page meant: at its index, with the text it showed; refused when the log moved. */
function itemAt(index: LogIndex, id: string, ref: { index: number; text: string }) {
  const incident = requireIncident(index, id);
  const item = incident.checklist[ref.index];
  if (!item || item.text !== ref.text) throw new WriteRefused(vscode.l10n.t('The checklist of {0} changed while the panel showed it; nothing was written. Try again.', id));
  return item;
}

/** The open panels, one per incident. */
export class ChecklistPanels extends PanelRegistry<ChecklistPanel> {
  constructor(ctx: PanelContext) {
    super(ctx, incidentPanelKind(PANEL_VIEW_TYPES.checklist, 'Checklist panel', (panel, id) => new ChecklistPanel(panel, ctx, id)));
  }

  /**
   * Opens (or reveals) the panel of the incident named by `args`, the one under the cursor, or
   * one picked from a list. An incident without a checklist first gets the playbook's, in one edit.
   * Returns the panel (tests drive it; commands may return values).
   */
  async openPanel(args: Partial<IncidentArgs>): Promise<ChecklistPanel | undefined> {
    const { doc, policy, index } = await logContext(this.ctx.store);
    const incident = await chooseIncident(this.ctx.store, index, { given: stringArg(args.incident), title: vscode.l10n.t('Open Checklist') });
    if (!incident) return undefined;
    if (incident.checklist.length === 0 && readOnlyReason(index, incident) === null && policy.checklist.length > 0) {
      await applyIncidentEdit(this.ctx.store, doc, policy, incident, (i, id) => addPlaybookChecklist(i, id, policy));
      this.ctx.output.appendLine(`Checklist panel (${incident.id}): added the playbook's checklist (${policy.checklist.length} items)`);
      this.ctx.store.invalidate(0);
    }
    return this.show(incident.id, title(incident.id));
  }
}
