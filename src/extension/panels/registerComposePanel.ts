// Registers the status update composer's command and its serializer (restore after a reload).
// The panel's code (zod schemas included) loads on first use, never at activation.
import * as vscode from 'vscode';
import { Commands, commandArgs } from '../commandIds';
import type { LogStore } from '../logStore';
import { guarded } from '../report';
import type { ComposeArgs, ComposePanels } from './composePanel';
import { WebhookSecrets, registerWebhookCommands } from './webhookSecret';

/** The view type the composers are created and restored under (package.json activates on it). */
export const COMPOSE_VIEW_TYPE = 'incidentPlaybook.composePanel';

export function registerComposePanel(extensionUri: vscode.Uri, store: LogStore, output: vscode.OutputChannel, secrets: vscode.SecretStorage): vscode.Disposable[] {
  const webhooks = new WebhookSecrets(secrets, store);
  let panels: Promise<ComposePanels> | undefined;
  let loaded: ComposePanels | undefined;
  const get = () =>
    (panels ??= import('./composePanel').then((m) => {
      loaded = new m.ComposePanels({ extensionUri, store, output }, webhooks);
      return loaded;
    }));
  const guard = guarded(output);
  return [
    vscode.commands.registerCommand(Commands.composeUpdate, guard('Opening the status update composer', async (a?: ComposeArgs) => (await get()).openPanel(commandArgs<ComposeArgs>(a)))),
    vscode.window.registerWebviewPanelSerializer(COMPOSE_VIEW_TYPE, { deserializeWebviewPanel: async (panel, state) => (await get()).deserializeWebviewPanel(panel, state) }),
    ...registerWebhookCommands(webhooks, output),
    { dispose: () => loaded?.dispose() },
    webhooks,
  ];
}
