// Activation only wires registrations: each feature registers itself in its own module and
// hands back disposables. Nothing is read or parsed here; the log is indexed just after, when
// the log-state context key, the view or a command first asks for it. The extension reads logs
// with the core's line index only: no markdown parser is loaded (mdast-util-from-markdown
// serves the CLI's `show`).
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { registerDiagnostics } from './incidentDiagnostics';
import { type IncidentStatusBar, registerStatusBar } from './incidentStatusBar';
import { type IncidentReminders, registerReminders } from './reminders';
import { registerResponseCommands } from './responseCommands';
import { registerLogEditorFeatures } from './logEditorFeatures';
import { registerLogStateContext } from './logStateContext';
import { LogStore } from './logStore';
import { registerPanels } from './panels/lazyPanels';
import { registerStatusPage } from './panels/statusPage';
import { ReviewDiagnostics } from './reviewDiagnostics';
import { ReviewReminderStatusBar } from './reviewReminderStatusBar';
import { type IncidentTreeProvider, registerTree } from './tree';
import { registerHealthChecks } from './terminal/healthCheckCommands';
import { type OnCallTreeProvider, registerOnCall } from './oncall';
import { type Runbooks, registerRunbooks } from './terminal/runbookCommands';
import { registerCreatePlaybook } from './createPlaybook';
import { registerGitCommands } from './git/register';
import { useAuthorPolicy } from './gitUser';
import { registerLanguageModelTools } from './agents/languageModelTools';

/** What the extension exposes to other extensions (and to its integration tests). */
export interface IncidentPlaybookApi {
  /** Milliseconds spent in activate(). */
  activationMs: number;
  incidentTree: IncidentTreeProvider;
  statusBar: IncidentStatusBar;
  reminders: IncidentReminders;
  reviewReminder: ReviewReminderStatusBar;
  oncall: OnCallTreeProvider;
  /** Open Runbook and Run Step (their `ui` answers the modal and the input boxes). */
  runbooks: Runbooks;
  logUri(): vscode.Uri | undefined;
}

export function activate(context: vscode.ExtensionContext): IncidentPlaybookApi {
  const started = performance.now();
  const output = vscode.window.createOutputChannel('Incident Playbook');
  const store = new LogStore(output);
  const tree = registerTree(store, context.workspaceState);
  const status = registerStatusBar(store);
  const reminders = registerReminders(store, output);
  const reviewReminder = new ReviewReminderStatusBar(store);
  const oncall = registerOnCall(store, output);
  const health = registerHealthChecks({ store, view: tree.view, output });
  const runbooks = registerRunbooks(health.checks, output);
  context.subscriptions.push(
    output,
    store,
    // Entries are by the git user as the folder's playbook knows them (its people's handles).
    useAuthorPolicy((folder) => store.policy(folder)),
    ...tree.disposables,
    ...registerCommands({ store, tree: tree.provider, view: tree.view, output }),
    ...registerResponseCommands(store, output),
    ...status.disposables,
    ...registerDiagnostics(store),
    ...reminders.disposables,
    ...registerLogEditorFeatures(store),
    ...registerLogStateContext(store),
    ...registerPanels(context.extensionUri, store, output, context.secrets),
    ...registerStatusPage(context.extensionUri, store, output),
    new ReviewDiagnostics(store),
    reviewReminder,
    ...health.disposables,
    ...runbooks.disposables,
    ...registerCreatePlaybook(store, output),
    ...oncall.disposables,
    ...registerGitCommands(store, output),
    ...registerLanguageModelTools(store, output, context.extension.packageJSON),
  );
  const activationMs = performance.now() - started;
  output.appendLine(`Incident Playbook activated in ${activationMs.toFixed(1)} ms (target ≤ 30 ms)`);
  return { activationMs, incidentTree: tree.provider, statusBar: status.statusBar, reminders: reminders.reminders, reviewReminder, oncall: oncall.provider, runbooks: runbooks.runbooks, logUri: () => store.logUri() };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
