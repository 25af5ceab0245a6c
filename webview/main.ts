// The webview bundle's entry: the page's <body data-app="…"> names the panel app to start.
// Components of @vscode-elements/elements are imported one by one by the apps (not the whole set).
import { startChecklistApp } from './checklist/checklistApp';
import { startReviewApp } from './review/reviewApp';
import { startComposeApp } from './compose/composeApp';
import { startSummaryApp } from './summary/summaryApp';
import { startMetricsApp } from './metrics/metricsApp';

const apps: Record<string, (root: HTMLElement) => void> = {
  checklist: startChecklistApp,
  review: startReviewApp,
  compose: startComposeApp,
  summary: startSummaryApp,
  metrics: startMetricsApp,
};

const root = document.getElementById('app');
const start = apps[document.body.dataset.app ?? ''];
if (root && start) start(root);
