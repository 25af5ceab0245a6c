// Every webview panel of the extension, one row each: the view type it is created and restored
// under (package.json activates on it), the command that opens it, and how its code loads. Pure
// (no vscode import), so a unit test holds the rows to package.json. registerPanels
// (lazyPanels.ts) registers every row; each row names its module with a literal import(), so
// the bundler keeps the panel's code (zod schemas included) out of activation.
import { Commands } from '../commandIds';
import { l10n } from '../l10n';
import type { PanelCollection } from './lazyPanels';
import type { WebhookSecrets } from './webhookSecret';
import type { PanelContext } from './webviewPanelHost';

/** The view types of the panels (all read `incidentPlaybook.<kind>Panel`: panelRegistry.ts). */
export const PANEL_VIEW_TYPES = {
  checklist: 'incidentPlaybook.checklistPanel',
  review: 'incidentPlaybook.reviewPanel',
  compose: 'incidentPlaybook.composePanel',
  summary: 'incidentPlaybook.summaryPanel',
  metrics: 'incidentPlaybook.metricsPanel',
} as const;

/** What a row's panels are built with. */
export interface PanelDeps {
  readonly ctx: PanelContext;
  /** The workspace's status update webhook (the composer posts to it). */
  readonly webhooks: WebhookSecrets;
}

export interface PanelRow {
  readonly viewType: (typeof PANEL_VIEW_TYPES)[keyof typeof PANEL_VIEW_TYPES];
  /** The command that opens (or reveals) a panel. */
  readonly command: string;
  /**
   * What a failure of the command is reported as ("Opening the checklist"), translated (l10n.ts:
   * vscode.l10n.t once lazyPanels.ts is loaded).
   */
  what(): string;
  /** Loads the panel's module and builds its collection; called once, on first use. */
  load(deps: PanelDeps): Promise<PanelCollection<object>>;
}

export const PANELS: readonly PanelRow[] = [
  {
    viewType: PANEL_VIEW_TYPES.checklist,
    command: Commands.openChecklist,
    what: () => l10n.t('Opening the checklist'),
    load: async ({ ctx }) => new (await import('./checklistPanel')).ChecklistPanels(ctx),
  },
  {
    viewType: PANEL_VIEW_TYPES.review,
    command: Commands.openReview,
    what: () => l10n.t('Opening the post-incident review'),
    load: async ({ ctx }) => new (await import('./reviewPanel')).ReviewPanels(ctx),
  },
  {
    viewType: PANEL_VIEW_TYPES.compose,
    command: Commands.composeUpdate,
    what: () => l10n.t('Opening the status update composer'),
    load: async ({ ctx, webhooks }) => new (await import('./composePanel')).ComposePanels(ctx, webhooks),
  },
  {
    viewType: PANEL_VIEW_TYPES.summary,
    command: Commands.composeSummary,
    what: () => l10n.t('Opening the executive summary'),
    load: async ({ ctx }) => new (await import('./summaryPanel')).SummaryPanels(ctx),
  },
  {
    viewType: PANEL_VIEW_TYPES.metrics,
    command: Commands.showMetrics,
    what: () => l10n.t('Opening the metrics dashboard'),
    load: async ({ ctx }) => new (await import('./metricsPanel')).MetricsPanels(ctx),
  },
];
