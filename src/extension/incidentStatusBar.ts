// The status bar: the most urgent active incident (an overdue status update first, then the
// soonest due; see byUrgency), how long it has run, and the countdown to its next status update
// (the policy's cadence). Warning colour within 5 minutes, error colour once overdue. Its tooltip
// lists every active incident with its due state. A click opens the status update composer while
// an update is due within 5 minutes or overdue (that is what the colour asks for), else the incident.
import * as vscode from 'vscode';
import { type ActiveClock, clocksByUrgency, formatElapsed, updateDueText, updateUrgency } from '../core/response/clock';
import { sanitizeForDisplay } from '../core/format/displayText';
import { Commands, type IncidentArgs } from './commandIds';
import type { LogStore } from './logStore';
import { isDrill } from '../core/oncall/oncall';
import { SerialRefresh } from './serialRefresh';

/** "SEV-1 INC-2026-1120-001" ("DRILL SEV-2 …" for a drill). */
function clockName(clock: ActiveClock): string {
  return sanitizeForDisplay(`${isDrill(clock.incident) ? 'DRILL ' : ''}${clock.incident.severity ?? '?'} ${clock.incident.id}`);
}

/** The text shown for a clock, e.g. "SEV-1 INC-2026-1120-001 · 42 min · update in 8 min" ("DRILL SEV-2 …" for a drill). */
export function statusText(clock: ActiveClock): string {
  const parts = [clockName(clock)];
  if (clock.elapsedMinutes !== null) parts.push(formatElapsed(clock.elapsedMinutes));
  const due = updateDueText(clock.updateDueInMinutes);
  if (due !== null) parts.push(due);
  return parts.join(' · ');
}

/**
 * The tooltip: the shown incident, then every active incident, most urgent first, with its due
 * state ("SEV-2 INC-… — update overdue 12 min"), then what a click does.
 */
export function statusTooltip(clocks: readonly ActiveClock[], compose: boolean): string {
  const [top] = clocks;
  const head = sanitizeForDisplay(vscode.l10n.t('{0}: {1}\nStatus: {2} · Commander: {3}', top.incident.id, top.incident.title, top.incident.status ?? '—', top.incident.roles.commander ?? vscode.l10n.t('unassigned')), { multiline: true });
  const list =
    clocks.length > 1
      ? `\n\n${vscode.l10n.t('{0} active, most urgent first:', clocks.length)}\n${clocks.map((c) => `${clockName(c)} — ${updateDueText(c.updateDueInMinutes) ?? vscode.l10n.t('no status updates required')}`).join('\n')}`
      : '';
  return `${head}${list}\n\n${compose ? vscode.l10n.t('Click to compose the status update.') : vscode.l10n.t('Click to open the incident.')}`;
}

export class IncidentStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('incidentPlaybook.status', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly serial = new SerialRefresh(() => this.render());
  private shown = false;

  constructor(private readonly store: LogStore) {
    this.item.name = vscode.l10n.t('Incident Playbook');
    this.disposables.push(store.onDidChange(() => void this.refresh()));
    // The first read happens just after activation, never inside it; then the clock ticks.
    setTimeout(() => void this.refresh(), 0);
    this.timer = setInterval(() => void this.refresh(), 30_000);
  }

  refresh(): Promise<void> {
    return this.serial.request();
  }

  private async render(): Promise<void> {
    const state = await this.store.read();
    const all = state.kind === 'ok' ? clocksByUrgency(state.index, state.policy, new Date()) : [];
    // A drill never hides a real incident: real ones first, each group most urgent first.
    const clocks = [...all.filter((c) => !isDrill(c.incident)), ...all.filter((c) => isDrill(c.incident))];
    const top = clocks[0];
    if (!top) {
      this.item.hide();
      this.shown = false;
      return;
    }
    const urgency = updateUrgency(top);
    this.item.text = `${isDrill(top.incident) ? '$(beaker)' : '$(flame)'} ${statusText(top)}`;
    this.item.backgroundColor = urgency === 'overdue' ? new vscode.ThemeColor('statusBarItem.errorBackground') : urgency === 'soon' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const compose = urgency === 'overdue' || urgency === 'soon';
    this.item.tooltip = statusTooltip(clocks, compose);
    this.item.command = compose
      ? { title: vscode.l10n.t('Compose Status Update'), command: Commands.composeUpdate, arguments: [{ incident: top.incident.id, audience: 'internal' } satisfies IncidentArgs & { audience: 'internal' }] }
      : { title: vscode.l10n.t('Open Incident'), command: Commands.open, arguments: [{ incident: top.incident.id } satisfies IncidentArgs] };
    this.item.show();
    this.shown = true;
  }

  /** What is shown now (for tests and other extensions). */
  get current(): { text: string; tooltip: string; background: string | undefined; visible: boolean; command: vscode.Command | undefined } {
    const bg = this.item.backgroundColor as vscode.ThemeColor | undefined;
    const command = typeof this.item.command === 'string' ? { title: '', command: this.item.command } : this.item.command;
    const tooltip = typeof this.item.tooltip === 'string' ? this.item.tooltip : (this.item.tooltip?.value ?? '');
    return { text: this.item.text, tooltip, background: bg ? (bg as unknown as { id: string }).id : undefined, visible: this.shown, command };
  }

  dispose(): void {
    clearInterval(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

export function registerStatusBar(store: LogStore): { statusBar: IncidentStatusBar; disposables: vscode.Disposable[] } {
  const statusBar = new IncidentStatusBar(store);
  return { statusBar, disposables: [statusBar] };
}
