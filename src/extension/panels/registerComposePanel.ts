// Registers the status update composer's command and its serializer (restore after a reload),
// and the webhook's commands. The panel's code loads on first use (lazyPanels.ts).
import type * as vscode from 'vscode';
import { Commands } from '../commandIds';
import type { LogStore } from '../logStore';
import type { ComposeArgs } from './composePanel';
import { registerLazyPanels } from './lazyPanels';
import { WebhookSecrets, registerWebhookCommands } from './webhookSecret';

/** The view type the composers are created and restored under (package.json activates on it). */
export const COMPOSE_VIEW_TYPE = 'incidentPlaybook.composePanel';

export function registerComposePanel(extensionUri: vscode.Uri, store: LogStore, output: vscode.OutputChannel, secrets: vscode.SecretStorage): vscode.Disposable[] {
  const webhooks = new WebhookSecrets(secrets, store);
  return [
    ...registerLazyPanels<ComposeArgs>(output, {
      command: Commands.composeUpdate,
      what: 'Opening the status update composer',
      viewType: COMPOSE_VIEW_TYPE,
      load: async () => new (await import('./composePanel')).ComposePanels({ extensionUri, store, output }, webhooks),
    }),
    ...registerWebhookCommands(webhooks, output),
    webhooks,
  ];
}
