// What the panels of one incident share: the incident as the log reads now (or the page's
// `missing` message), the time zone its times are shown in, and a host that shows the incident.
import * as vscode from 'vscode';
import type { z } from 'zod';
import { readSetting } from '../settings';
import { findIncident } from '../../core/indexer';
import type { Incident } from '../../core/model';
import type { Policy } from '../../core/playbook/policy';
import { resolveDisplayZone } from '../../core/format/time';
import type { LogSnapshot, LogStore } from '../logStore';
import type { MissingIncidentMessage } from '../../shared/protocol';
import { type PanelContext, type Shown, WebviewPanelHost } from './webviewPanelHost';

/** The log and the incident `id` in it, or the page's `missing` message saying why not. */
export async function readIncident(store: LogStore, id: string): Promise<MissingIncidentMessage | { type: 'found'; log: LogSnapshot; incident: Incident }> {
  const state = await store.read();
  if (state.kind !== 'ok') return { type: 'missing', incident: id, message: vscode.l10n.t('The incident log cannot be read.') };
  const incident = findIncident(state.index, id);
  if (!incident) return { type: 'missing', incident: id, message: vscode.l10n.t('{0} is not in the log any more.', id) };
  return { type: 'found', log: state, incident };
}

/** The zone a panel shows times in: the user's setting, else the playbook's. */
export function displayZone(policy: Policy): string {
  return resolveDisplayZone(readSetting('displayTimeZone'), policy.timeZone);
}

/**
 * A panel showing one incident as the log reads it: each snapshot finds the incident (else the
 * page is told why not), titles the panel `title(id)`, and sends what `incidentView` makes of it.
 */
export abstract class IncidentPanelHost<In extends { type: string }, View> extends WebviewPanelHost<In, View, MissingIncidentMessage> {
  protected constructor(
    panel: vscode.WebviewPanel,
    ctx: PanelContext,
    label: string,
    messages: z.ZodType<In>,
    readonly incidentId: string,
    private readonly title: (incidentId: string) => string,
  ) {
    super(panel, ctx, label, messages);
  }

  /** What the page shows of `incident`, found in `log`. */
  protected abstract incidentView(log: LogSnapshot, incident: Incident): View | Promise<View>;

  protected async shown(): Promise<Shown<View, MissingIncidentMessage>> {
    const found = await readIncident(this.ctx.store, this.incidentId);
    if (found.type === 'missing') return found;
    return { type: 'shown', view: await this.incidentView(found.log, found.incident), title: this.title(found.incident.id) };
  }
}
