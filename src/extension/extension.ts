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
import { registerChecklistPanel } from './panels/registerChecklistPanel';
import { registerReviewPanel } from './panels/registerReviewPanel';
import { registerComposePanel } from './panels/registerComposePanel';
import { registerSummaryPanel } from './panels/registerSummaryPanel';
import { ReviewDiagnostics } from './reviewDiagnostics';
import { type IncidentTreeProvider, registerTree } from './tree';
import { registerHealthChecks } from './terminal/healthCheckCommands';

/** What the extension exposes to other extensions (and to its integration tests). */
export interface IncidentPlaybookApi {
  /** Milliseconds spent in activate(). */
  activationMs: number;
  incidentTree: IncidentTreeProvider;
  statusBar: IncidentStatusBar;
  reminders: IncidentReminders;
  logUri(): vscode.Uri | undefined;
}

export function activate(context: vscode.ExtensionContext): IncidentPlaybookApi {
  const started = performance.now();
  const output = vscode.window.createOutputChannel('Incident Playbook');
  const store = new LogStore(output);
  const tree = registerTree(store, context.workspaceState);
  const status = registerStatusBar(store);
  const reminders = registerReminders(store, output);
  context.subscriptions.push(
    output,
    store,
    ...tree.disposables,
    ...registerCommands({ store, tree: tree.provider, view: tree.view, output }),
    ...registerResponseCommands(store, output),
    ...status.disposables,
    ...registerDiagnostics(store),
    ...reminders.disposables,
    ...registerLogEditorFeatures(store),
    ...registerLogStateContext(store),
    ...registerChecklistPanel(context.extensionUri, store, output),
    ...registerReviewPanel(context.extensionUri, store, output),
    ...registerComposePanel(context.extensionUri, store, output),
    ...registerSummaryPanel(context.extensionUri, store, output),
    new ReviewDiagnostics(store),
    ...registerHealthChecks({ store, view: tree.view, output }),
  );
  const activationMs = performance.now() - started;
  output.appendLine(`Incident Playbook activated in ${activationMs.toFixed(1)} ms (target ≤ 30 ms)`);
  return { activationMs, incidentTree: tree.provider, statusBar: status.statusBar, reminders: reminders.reminders, logUri: () => store.logUri() };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
