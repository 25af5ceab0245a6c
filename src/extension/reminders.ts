// Reminders: a notification when an active incident's status update is due (the policy's
// cadence), and when one has gone past its response time without a commander. Each occasion is
// shown once; "Snooze" logs a timeline entry saying so, which quiets the reminder for everyone
// who reads the log. `incidentPlaybook.reminders.enabled` turns them off.
import * as vscode from 'vscode';
import { readSetting } from './settings';
import { type AddTimelineEntryArgs, type AssignRoleArgs, Commands, type IncidentArgs } from './commandIds';
import { snoozeEntryText } from '../core/response/check';
import { type Reminder, dueReminders } from '../core/response/reminders';
import { resolveDisplayZone } from '../core/format/time';
import type { LogStore } from './logStore';

const CHECK_EVERY_MS = 30_000;
/** Reminders shown one by one in a single check; the rest are counted in one notification. */
const MAX_TOASTS = 3;

/** What a reminder notification offered and what the responder chose (for tests and logs). */
export interface ShownReminder {
  reminder: Reminder;
  actions: string[];
  choice?: Promise<string | undefined>;
}

export class IncidentReminders implements vscode.Disposable {
  private readonly shown = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly firstCheck: ReturnType<typeof setTimeout>;
  private running: Promise<ShownReminder[]> | undefined;
  /** Every reminder shown in this window, newest last. */
  readonly history: ShownReminder[] = [];
  /** Every summary notification shown (for the reminders past the first few), newest last. */
  readonly summaries: string[] = [];

  constructor(
    private readonly store: LogStore,
    private readonly output: vscode.OutputChannel,
  ) {
    this.disposables.push(store.onDidChange(() => void this.check()));
    this.timer = setInterval(() => void this.check(), CHECK_EVERY_MS);
    // A first look shortly after start-up, never inside activate().
    this.firstCheck = setTimeout(() => void this.check(), 3000);
  }

  private get settings(): { enabled: boolean; snoozeMinutes: number } {
    return { enabled: readSetting('remindersEnabled'), snoozeMinutes: Math.round(readSetting('remindersSnoozeMinutes')) };
  }

  /** Shows what is due now and not shown before; returns what it showed. */
  check(now = new Date()): Promise<ShownReminder[]> {
    this.running ??= this.run(now).finally(() => (this.running = undefined));
    return this.running;
  }

  private async run(now: Date): Promise<ShownReminder[]> {
    if (!this.settings.enabled) return [];
    const state = await this.store.read();
    if (state.kind !== 'ok' || state.index.hasConflicts) return [];
    const zone = resolveDisplayZone(readSetting('displayTimeZone'), state.policy.timeZone);
    const fresh = dueReminders(state.index, state.policy, now, zone).filter((r) => !this.shown.has(r.key));
    // A hand-kept log can hold many incidents nobody closed: a few toasts, then one summary,
    // never a wall of them.
    const individually = fresh.slice(0, MAX_TOASTS);
    const rest = fresh.slice(MAX_TOASTS);
    for (const r of rest) this.shown.add(r.key);
    if (rest.length) this.summarize(rest);
    // Toasts stack newest on top: show the least severe first so the most severe ends up on top.
    const out: ShownReminder[] = [];
    for (const reminder of [...individually].reverse()) {
      this.shown.add(reminder.key);
      out.unshift(this.show(reminder));
    }
    return out;
  }

  private summarize(rest: Reminder[]): void {
    const ids = [...new Set(rest.map((r) => r.incident.id))];
    const named = `${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''}`;
    const message =
      ids.length === 1
        ? vscode.l10n.t('1 more active incident needs attention ({0}): status updates due or no commander. Resolve the ones that are over, or turn reminders off in the settings.', named)
        : vscode.l10n.t('{0} more active incidents need attention ({1}): status updates due or no commander. Resolve the ones that are over, or turn reminders off in the settings.', ids.length, named);
    this.output.appendLine(`Reminder: ${message}`);
    this.summaries.push(message);
    void Promise.resolve(vscode.window.showWarningMessage(message, vscode.l10n.t('Show Problems'))).then((picked) => {
      if (picked) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
  }

  private show(reminder: Reminder): ShownReminder {
    const { snoozeMinutes } = this.settings;
    const id = reminder.incident.id;
    // Entries and fields can only be written into an incident's own section (not a table row).
    const writable = reminder.incident.source === 'section';
    const open = vscode.l10n.t('Open');
    const addUpdate = vscode.l10n.t('Add Update');
    const snooze = vscode.l10n.t('Snooze {0} min', snoozeMinutes);
    const assignCommander = vscode.l10n.t('Assign Commander');
    const actions = !writable ? [open] : reminder.kind !== 'response-time' ? [addUpdate, snooze, open] : [assignCommander, open];
    this.output.appendLine(`Reminder: ${reminder.message}`);
    const show = reminder.kind === 'response-time' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
    // The notification names its source (Incident Playbook) itself.
    const choice = Promise.resolve(show(reminder.message, ...actions));
    const shown: ShownReminder = { reminder, actions, choice };
    this.history.push(shown);
    void choice.then(async (picked) => {
      try {
        if (picked === addUpdate) await vscode.commands.executeCommand(Commands.composeUpdate, { incident: id, audience: reminder.kind === 'statuspage-due' ? 'statuspage' : 'internal' });
        else if (picked === snooze) await this.snooze(id, snoozeMinutes);
        else if (picked === assignCommander) await vscode.commands.executeCommand(Commands.assignRole, { incident: id, role: 'commander' } satisfies AssignRoleArgs);
        else if (picked === open) await vscode.commands.executeCommand(Commands.open, { incident: id } satisfies IncidentArgs);
      } catch (e) {
        this.output.appendLine(`Reminder action "${picked}" on ${id} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    });
    return shown;
  }

  /** Logs "Status update reminder snoozed for N min" in the incident's timeline. */
  async snooze(id: string, minutes = this.settings.snoozeMinutes): Promise<unknown> {
    return vscode.commands.executeCommand(Commands.addTimelineEntry, { incident: id, text: snoozeEntryText(minutes) } satisfies AddTimelineEntryArgs);
  }

  dispose(): void {
    clearInterval(this.timer);
    clearTimeout(this.firstCheck);
    for (const d of this.disposables) d.dispose();
  }
}

export function registerReminders(store: LogStore, output: vscode.OutputChannel): { reminders: IncidentReminders; disposables: vscode.Disposable[] } {
  const reminders = new IncidentReminders(store, output);
  return { reminders, disposables: [reminders] };
}
