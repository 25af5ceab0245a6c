// Registers every panel of the table (panelTable.ts): its command and its serializer (restore
// after a reload) while its code stays unloaded: the panel's module (zod schemas included) loads
// on first use, never at activation. Also the composer's webhook commands.
import * as vscode from 'vscode';
import { commandArgs } from '../commandIds';
import { useTranslation } from '../l10n';
import type { LogStore } from '../logStore';
import { guarded } from '../report';
import { PANELS, type PanelDeps, type PanelRow } from './panelTable';
import { WebhookSecrets, registerWebhookCommands } from './webhookSecret';

// The table's texts (what a failed command is reported as) are VS Code's translation.
useTranslation((message, ...args) => vscode.l10n.t(message, ...args));

/** The open panels of one kind, as the command and the serializer drive them. */
export interface PanelCollection<A extends object> extends vscode.WebviewPanelSerializer, vscode.Disposable {
  openPanel(args: Partial<A>): Promise<unknown>;
}

/** Registers every panel of the table, and the webhook's commands. */
export function registerPanels(extensionUri: vscode.Uri, store: LogStore, output: vscode.OutputChannel, secrets: vscode.SecretStorage): vscode.Disposable[] {
  const webhooks = new WebhookSecrets(secrets, store);
  const deps = { ctx: { extensionUri, store, output }, webhooks };
  return [...PANELS.flatMap((row) => registerRow(row, deps)), ...registerWebhookCommands(webhooks, output), webhooks];
}

/** A row's command and serializer; its collection is built on first use, and disposed with them. */
function registerRow(row: PanelRow, deps: PanelDeps): vscode.Disposable[] {
  let panels: Promise<PanelCollection<object>> | undefined;
  let loaded: PanelCollection<object> | undefined;
  const get = () =>
    (panels ??= row.load(deps).then((p) => {
      loaded = p;
      return p;
    }));
  const guard = guarded(deps.ctx.output);
  return [
    vscode.commands.registerCommand(row.command, guard(row.what(), async (a?: object) => (await get()).openPanel(commandArgs<object>(a)))),
    vscode.window.registerWebviewPanelSerializer(row.viewType, { deserializeWebviewPanel: async (panel, state) => (await get()).deserializeWebviewPanel(panel, state) }),
    { dispose: () => loaded?.dispose() },
  ];
}
