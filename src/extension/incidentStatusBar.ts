// The status bar: the most severe active incident, how long it has run, and the countdown to its
// next status update (the policy's cadence). Warning colour within 5 minutes, error colour once
// overdue. A click opens the status update composer while an update is due within 5 minutes or
// overdue (that is what the colour asks for), else the incident.
import * as vscode from 'vscode';
import { type ActiveClock, activeClocks, formatElapsed, updateUrgency } from '../core/clock';
import { Commands, type IncidentArgs } from './commandIds';
import type { LogStore } from './logStore';
import { isDrill } from '../core/oncall';

/** The text shown for a clock, e.g. "SEV-1 INC-2026-1120-001 · 42 min · update in 8 min" ("DRILL SEV-2 …" for a drill). */
export function statusText(clock: ActiveClock): string {
  const parts = [`${isDrill(clock.incident) ? 'DRILL ' : ''}${clock.incident.severity ?? '?'} ${clock.incident.id}`];
  if (clock.elapsedMinutes !== null) parts.push(formatElapsed(clock.elapsedMinutes));
  const due = clock.updateDueInMinutes;
  if (due !== null) parts.push(due < 0 ? `update overdue ${formatElapsed(-due)}` : `update in ${formatElapsed(due)}`);
  return parts.join(' · ');
}

export class IncidentStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('incidentPlaybook.status', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private readonly timer: ReturnType<typeof setInterval>;
  private running: Promise<void> | undefined;
  private shown = false;

  constructor(private readonly store: LogStore) {
    this.item.name = 'Incident Playbook';
    this.disposables.push(store.onDidChange(() => void this.refresh()));
    // The first read happens just after activation, never inside it; then the clock ticks.
    setTimeout(() => void this.refresh(), 0);
    this.timer = setInterval(() => void this.refresh(), 30_000);
  }

  refresh(): Promise<void> {
    this.running ??= this.render().finally(() => (this.running = undefined));
    return this.running;
  }

  private async render(): Promise<void> {
    const state = await this.store.read();
    const all = state.kind === 'ok' ? activeClocks(state.index, state.policy, new Date()) : [];
    // A drill never hides a real incident: real ones first, each group by severity as before.
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
    const others = clocks.length > 1 ? `\n\n${clocks.length - 1} more active: ${clocks.slice(1).map((c) => `${c.incident.severity ?? '?'} ${c.incident.id}`).join(', ')}` : '';
    const compose = urgency === 'overdue' || urgency === 'soon';
    this.item.tooltip = `${top.incident.id}: ${top.incident.title}\nStatus: ${top.incident.status ?? '—'} · Commander: ${top.incident.roles.commander ?? 'unassigned'}${others}\n\n${compose ? 'Click to compose the status update.' : 'Click to open the incident.'}`;
    this.item.command = compose
      ? { title: 'Compose Status Update', command: Commands.composeUpdate, arguments: [{ incident: top.incident.id, audience: 'internal' } satisfies IncidentArgs & { audience: 'internal' }] }
      : { title: 'Open Incident', command: Commands.open, arguments: [{ incident: top.incident.id } satisfies IncidentArgs] };
    this.item.show();
    this.shown = true;
  }

  /** What is shown now (for tests and other extensions). */
  get current(): { text: string; background: string | undefined; visible: boolean; command: vscode.Command | undefined } {
    const bg = this.item.backgroundColor as vscode.ThemeColor | undefined;
    const command = typeof this.item.command === 'string' ? { title: '', command: this.item.command } : this.item.command;
    return { text: this.item.text, background: bg ? (bg as unknown as { id: string }).id : undefined, visible: this.shown, command };
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
