// "Incident: Preview Status Page" and "Incident: Publish Status Page…": their commands, while
// their code (the status page's renderer, the site's writer) stays unloaded until first used.
import * as vscode from 'vscode';
import { Commands } from '../commandIds';
import type { LogStore } from '../logStore';
import { guarded } from '../report';
import type { StatusPageFeature } from './statusPagePreview';

export function registerStatusPage(extensionUri: vscode.Uri, store: LogStore, output: vscode.OutputChannel): vscode.Disposable[] {
  let feature: Promise<StatusPageFeature> | undefined;
  let loaded: StatusPageFeature | undefined;
  const get = () =>
    (feature ??= import('./statusPagePreview').then((m) => {
      loaded = new m.StatusPageFeature({ extensionUri, store, output });
      return loaded;
    }));
  const guard = guarded(output);
  return [
    vscode.commands.registerCommand(
      Commands.previewStatusPage,
      guard(vscode.l10n.t('Opening the status page preview'), async () => (await get()).open()),
    ),
    vscode.commands.registerCommand(
      Commands.publishStatusPage,
      guard(vscode.l10n.t('Publishing the status page'), async () => (await get()).publish()),
    ),
    { dispose: () => loaded?.dispose() },
  ];
}
