// Registers the metrics dashboard's command and its serializer (restore after a reload). The
// panel's code loads on first use (lazyPanels.ts).
import type * as vscode from 'vscode';
import { Commands } from '../commandIds';
import type { LogStore } from '../logStore';
import { registerLazyPanels } from './lazyPanels';

/** The view type the dashboard is created and restored under (package.json activates on it). */
export const METRICS_VIEW_TYPE = 'incidentPlaybook.metricsPanel';

export function registerMetricsPanel(extensionUri: vscode.Uri, store: LogStore, output: vscode.OutputChannel): vscode.Disposable[] {
  return registerLazyPanels<object>(output, {
    command: Commands.showMetrics,
    what: 'Opening the metrics dashboard',
    viewType: METRICS_VIEW_TYPE,
    load: async () => new (await import('./metricsPanel')).MetricsPanels({ extensionUri, store, output }),
  });
}
