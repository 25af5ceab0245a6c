// Registers the metrics dashboard's command and its serializer (restore after a reload). The
// panel's code loads on first use, never at activation.
import * as vscode from 'vscode';
import { Commands } from '../commandIds';
import type { LogStore } from '../logStore';
import { guarded } from '../report';
import type { MetricsPanels } from './metricsPanel';

/** The view type the dashboard is created and restored under (package.json activates on it). */
export const METRICS_VIEW_TYPE = 'incidentPlaybook.metricsPanel';

export function registerMetricsPanel(extensionUri: vscode.Uri, store: LogStore, output: vscode.OutputChannel): vscode.Disposable[] {
  let panels: Promise<MetricsPanels> | undefined;
  let loaded: MetricsPanels | undefined;
  const get = () =>
    (panels ??= import('./metricsPanel').then((m) => {
      loaded = new m.MetricsPanels({ extensionUri, store, output });
      return loaded;
    }));
  const guard = guarded(output);
  return [
    vscode.commands.registerCommand(Commands.showMetrics, guard('Opening the metrics dashboard', async () => (await get()).openPanel())),
    vscode.window.registerWebviewPanelSerializer(METRICS_VIEW_TYPE, { deserializeWebviewPanel: async (panel) => (await get()).deserializeWebviewPanel(panel) }),
    { dispose: () => loaded?.dispose() },
  ];
}
