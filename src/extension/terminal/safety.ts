// What stands between a repository's commands and the user's shell: workspace trust (commands
// of a playbook run only in a trusted workspace) and a modal naming the exact command of a
// `dangerous: true` step. The UI calls are injectable so that tests can reach Restricted Mode,
// which the test harness (started with --disable-workspace-trust) cannot.
import * as vscode from 'vscode';

export interface TrustUi {
  isTrusted(): boolean;
  warn(message: string, ...items: string[]): Thenable<string | undefined>;
  execute(command: string): Thenable<unknown>;
}

export const MANAGE_TRUST = vscode.l10n.t('Manage Workspace Trust');

const vscodeUi: TrustUi = {
  isTrusted: () => vscode.workspace.isTrusted,
  warn: (message, ...items) => vscode.window.showWarningMessage(message, ...items),
  execute: (command) => vscode.commands.executeCommand(command),
};

/**
 * True when the workspace is trusted. Otherwise says why nothing runs, offers "Manage Workspace
 * Trust" (and opens it when chosen), and returns false.
 */
export async function requireTrust(what: string, ui: TrustUi = vscodeUi): Promise<boolean> {
  if (ui.isTrusted()) return true;
  const choice = await ui.warn(
    vscode.l10n.t("Incident Playbook: {0} runs commands defined in this repository's playbook, so it is disabled in Restricted Mode. Trust the workspace to run them.", what),
    MANAGE_TRUST,
  );
  if (choice === MANAGE_TRUST) await ui.execute('workbench.trust.manage');
  return false;
}

export const RUN_ANYWAY = vscode.l10n.t('Run');

/** Asks, in a modal that shows the exact command, before a dangerous step runs; true to run it. */
export async function confirmDangerous(title: string, command: string, ask: (message: string, options: vscode.MessageOptions, ...items: string[]) => Thenable<string | undefined> = vscode.window.showWarningMessage): Promise<boolean> {
  const choice = await ask(vscode.l10n.t('"{0}" is marked dangerous. Run this command?', title), { modal: true, detail: command }, RUN_ANYWAY);
  return choice === RUN_ANYWAY;
}
