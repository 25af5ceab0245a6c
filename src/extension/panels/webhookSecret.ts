// The status update webhook: a Slack-compatible incoming-webhook URL per workspace folder, kept in
// SecretStorage (the OS keychain), never in settings or the repository — anyone holding the URL
// can post to the channel. The key names the folder that holds the log, so two repositories open
// one after the other keep their own webhooks. Commands "Incident: Set / Clear Status Update
// Webhook"; the composer shows "Post to webhook" only while one is set.
import * as vscode from 'vscode';
import { redactUrl } from '../../core/health/redact';
import { validateWebhookUrl } from '../../core/comms/webhook';
import { WriteRefused } from '../../core/log/writer';
import { Commands } from '../commandIds';
import type { LogStore } from '../logStore';
import { guarded } from '../report';

const KEY_PREFIX = 'incidentPlaybook.statusUpdateWebhook:';

export interface SetWebhookArgs {
  /** The URL; asked for (as a password field) when absent. */
  url?: string;
}

export class WebhookSecrets implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly store: LogStore,
  ) {
    this.subscription = secrets.onDidChange((e) => {
      if (e.key.startsWith(KEY_PREFIX)) this.changed.fire();
    });
  }

  /** The folder whose webhook applies: the one holding the log, else the first. */
  folder(): vscode.WorkspaceFolder | undefined {
    const log = this.store.logUri();
    return (log && vscode.workspace.getWorkspaceFolder(log)) || vscode.workspace.workspaceFolders?.[0];
  }

  private key(folder: vscode.WorkspaceFolder): string {
    return KEY_PREFIX + folder.uri.toString();
  }

  /** The URL set for this workspace, or undefined. */
  async get(): Promise<string | undefined> {
    const folder = this.folder();
    if (!folder) return undefined;
    const url = await this.secrets.get(this.key(folder));
    return url || undefined;
  }

  async set(url: string): Promise<vscode.WorkspaceFolder> {
    const folder = this.folder();
    if (!folder) throw new WriteRefused(vscode.l10n.t('Open a folder first: the webhook is kept per workspace folder.'));
    await this.secrets.store(this.key(folder), url);
    return folder;
  }

  /** Forgets this workspace's URL; whether there was one. */
  async clear(): Promise<boolean> {
    const folder = this.folder();
    if (!folder) return false;
    const had = (await this.secrets.get(this.key(folder))) !== undefined;
    await this.secrets.delete(this.key(folder));
    return had;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

export function registerWebhookCommands(webhooks: WebhookSecrets, output: vscode.OutputChannel): vscode.Disposable[] {
  const guard = guarded(output);
  return [
    vscode.commands.registerCommand(
      Commands.setStatusUpdateWebhook,
      guard(vscode.l10n.t('Setting the status update webhook'), async (a?: SetWebhookArgs): Promise<boolean> => {
        const given = a && typeof a === 'object' && typeof a.url === 'string' ? a.url : undefined;
        let url = given;
        if (url === undefined) {
          url = await vscode.window.showInputBox({
            title: vscode.l10n.t('Status Update Webhook'),
            prompt: vscode.l10n.t('A Slack-compatible incoming-webhook URL. It is kept in VS Code’s secret storage for this workspace, never in settings or the repository.'),
            placeHolder: 'https://hooks.slack.com/services/…',
            password: true,
            ignoreFocusOut: true,
            validateInput: (v) => {
              const r = validateWebhookUrl(v);
              return r.ok ? null : r.message;
            },
          });
          if (url === undefined) return false;
        }
        const valid = validateWebhookUrl(url);
        if (!valid.ok) throw new WriteRefused(vscode.l10n.t('The webhook was not set: {0}', valid.message));
        const folder = await webhooks.set(valid.url.href);
        void vscode.window.showInformationMessage(vscode.l10n.t('Status updates can now be posted to {0} from the composer ({1}).', redactUrl(valid.url.href), folder.name));
        return true;
      }),
    ),
    vscode.commands.registerCommand(
      Commands.clearStatusUpdateWebhook,
      guard(vscode.l10n.t('Clearing the status update webhook'), async (): Promise<boolean> => {
        const had = await webhooks.clear();
        void vscode.window.showInformationMessage(had ? vscode.l10n.t('The status update webhook was removed from this workspace.') : vscode.l10n.t('This workspace has no status update webhook.'));
        return had;
      }),
    ),
  ];
}
