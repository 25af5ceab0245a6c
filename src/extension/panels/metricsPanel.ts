// The metrics dashboard: one panel, opened by "Incident: Show Metrics" (palette, the Incidents
// view's title bar). It shows the core's figures (the same computeMetrics as `incident
// metrics`) over a period and severity the page picks, recomputed by the host; it follows the
// log as it changes; a listed incident opens in the log; "Export CSV" saves the core's CSV.
// In a multi-root workspace where several folders hold a log, it covers every one of them (each
// read under its own playbook, its service the playbook's `service:` or the folder's name), with
// a service filter.
import { lstatSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';
import type { Incident } from '../../core/model';
import { metricsCsv } from '../../core/metrics/csv';
import { reviewFileName } from '../../core/review/review';
import { indexLog, policyOf } from '../../core/indexer';
import { LogFileError, linkedFileReader, repositoryRoot } from '../../core/log/logFile';
import { RepositoryFiles } from '../../core/log/repositoryFiles';
import { containedPath } from '../../core/log/paths';
import { serviceOfLog } from '../../core/log/logGlob';
import { type LogStore, readText } from '../logStore';
import { type MetricsFromWebview, type MetricsView, metricsMessageSchema } from '../../shared/protocol';
import { Commands, type IncidentArgs } from '../commandIds';
import { type MetricsFilter, type ServiceLog, metricsFor, metricsForLogs, metricsView } from './metricsView';
import { PanelRegistry, documentColumn } from './panelRegistry';
import { PANEL_VIEW_TYPES } from './panelTable';
import { type PanelContext, type Shown, WebviewPanelHost } from './webviewPanelHost';

/** What the dashboard asks of the user (tests answer the save dialog). */
export interface MetricsUi {
  showSaveDialog(options: vscode.SaveDialogOptions): Thenable<vscode.Uri | undefined>;
}

const vscodeUi: MetricsUi = { showSaveDialog: (o) => vscode.window.showSaveDialog(o) };

/** The review files beside the log (pir/*.md), read once per snapshot: the review figures need them. */
async function reviewTexts(logUri: vscode.Uri): Promise<(incident: Incident) => string | undefined> {
  const dir = vscode.Uri.joinPath(logUri, '..', 'pir');
  const texts = new Map<string, string>();
  let entries: [string, vscode.FileType][] = [];
  try {
    entries = await vscode.workspace.fs.readDirectory(dir);
  } catch {
    // No review folder yet: no review is done.
  }
  const decoder = new TextDecoder();
  await Promise.all(
    entries
      .filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.md'))
      .map(async ([name]) => {
        const uri = vscode.Uri.joinPath(dir, name);
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.isDirty);
        try {
          texts.set(name, open ? open.getText() : decoder.decode(await vscode.workspace.fs.readFile(uri)));
        } catch {
          // Unreadable: counted as no review.
        }
      }),
  );
  return (incident) => texts.get(reviewFileName(incident));
}

/** A folder's log, read as the store reads the one it follows (an open editor's text wins). */
interface FolderLog extends ServiceLog {
  uri: vscode.Uri;
}

/**
 * Every workspace folder's log when more than one folder holds one (else none: the dashboard
 * follows the store's one log). A log linked out of its repository, or unreadable, is left out.
 */
async function folderLogs(store: Pick<LogStore, 'logUriIn' | 'policy'>): Promise<FolderLog[]> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length < 2) return [];
  const logs: FolderLog[] = [];
  for (const folder of folders) {
    const uri = store.logUriIn(folder);
    if (uri.scheme !== 'file') continue;
    const root = repositoryRoot(uri.fsPath, { workspaceFolder: folder.uri.fsPath });
    if ('reason' in containedPath(root, uri.fsPath)) continue;
    const text = await readText(uri);
    if (text.kind !== 'ok') continue;
    const given = await store.policy(folder);
    const index = indexLog(text.text, { policy: given, readFile: linkedFileReader(uri.fsPath, root) });
    const policy = policyOf(index, given);
    // The same name `incident list --log …` gives it: the playbook's service:, else the folder in its repository.
    logs.push({ uri, service: serviceOfLog(uri.fsPath, root, policy), incidents: index.incidents, policy, reviewText: await reviewTexts(uri) });
  }
  return logs.length > 1 ? logs : [];
}

export class MetricsPanel extends WebviewPanelHost<MetricsFromWebview, MetricsView> {
  filter: MetricsFilter = { period: 'all', severity: null, service: null };
  ui: MetricsUi = vscodeUi;
  /** The ids the page last listed: the only ones it may ask to open. */
  private listed = new Set<string>();
  /** Over several logs, the logs the page last showed: a listed incident opens in its own. */
  private logs: readonly FolderLog[] | undefined;

  constructor(panel: vscode.WebviewPanel, ctx: PanelContext) {
    super(panel, ctx, 'Metrics dashboard', metricsMessageSchema);
    this.load('metrics', ['uplot.css']);
  }

  /** The core's result for the current filter, or why there is none. */
  private async compute() {
    const state = await this.ctx.store.read();
    const logs = await folderLogs(this.ctx.store);
    if (logs.length) return { result: metricsForLogs(logs, this.filter, new Date()), policy: logs[0].policy, uri: state.kind === 'ok' ? state.uri : logs[0].uri, logs } as const;
    if (state.kind !== 'ok') return { error: vscode.l10n.t('The incident log cannot be read.') } as const;
    const result = metricsFor(state.index.incidents, state.policy, this.filter, new Date(), await reviewTexts(state.uri));
    return { result, policy: state.policy, uri: state.uri, logs: undefined } as const;
  }

  protected async shown(): Promise<Shown<MetricsView>> {
    const c = await this.compute();
    if ('error' in c) return { type: 'missing', message: c.error ?? '' };
    const view = metricsView(c.result, c.policy, this.filter, c.logs);
    this.logs = c.logs;
    this.listed = new Set([...view.list.map((r) => r.id), ...view.figures.flatMap((f) => f.unknownIds)]);
    return { type: 'shown', view };
  }

  protected async handle(message: Exclude<MetricsFromWebview, { type: 'ready' }>): Promise<void> {
    switch (message.type) {
      case 'filter':
        this.filter = { period: message.period, severity: message.severity, service: message.service ?? null };
        await this.refresh();
        return;
      case 'open':
        if (!this.listed.has(message.incident)) {
          this.ctx.output.appendLine(`${this.label}: ignored a request to open ${message.incident}, which it does not list.`);
          return;
        }
        if (this.logs && (await this.openInFolderLog(message.incident, message.service))) return;
        await this.showLog();
        await vscode.commands.executeCommand(Commands.open, { incident: message.incident } satisfies IncidentArgs);
        return;
      case 'exportCsv':
        await this.exportCsv();
        return;
    }
  }

  /** Over several logs: opens the folder's log that holds the incident (of `service` when given) at its heading. */
  private async openInFolderLog(id: string, service: string | undefined): Promise<boolean> {
    const log = this.logs?.find((l) => (service === undefined || l.service === service) && l.incidents.some((i) => i.id === id));
    const incident = log?.incidents.find((i) => i.id === id);
    if (!log || !incident) return false;
    const at = new vscode.Position(Math.max(0, incident.line - 1), 0);
    await vscode.window.showTextDocument(log.uri, { viewColumn: documentColumn(log.uri), preview: false, selection: new vscode.Range(at, at) });
    return true;
  }

  /**
   * Brings the log forward in its own column (not the dashboard's): Open Incident, run next,
   * shows the incident in the active column, which is then the log's.
   */
  private async showLog(): Promise<void> {
    const log = this.ctx.store.logUri();
    if (log) await vscode.window.showTextDocument(log, { viewColumn: documentColumn(log), preview: false, preserveFocus: false });
  }

  /** Saves the core's CSV (one row per incident) where the user picks. Returns the file, or undefined when cancelled. */
  async exportCsv(): Promise<vscode.Uri | undefined> {
    const c = await this.compute();
    if ('error' in c) throw new Error(c.error);
    const folder = vscode.Uri.joinPath(c.uri, '..');
    const target = await this.ui.showSaveDialog({ title: vscode.l10n.t('Export Incident Metrics'), defaultUri: vscode.Uri.joinPath(folder, 'incident-metrics.csv'), filters: { CSV: ['csv'] }, saveLabel: vscode.l10n.t('Export') });
    if (!target) return undefined;
    // The dialog's filter is a suggestion: a name typed without .csv (the log, a review, the
    // playbook) would be overwritten with figures. Only a .csv file is written.
    if (!/\.csv$/i.test(target.path)) {
      await this.post({ type: 'notice', level: 'error', message: vscode.l10n.t('Not exported: {0} is not a .csv file. The metrics are written only to a .csv file, never over the log, a review or the playbook.', vscode.workspace.asRelativePath(target)) });
      return undefined;
    }
    // Nor through a link: `metrics.csv` linked to the log would land the figures in the log.
    const existing = target.scheme === 'file' ? lstatSync(target.fsPath, { throwIfNoEntry: false }) : undefined;
    if (existing && !existing.isFile()) {
      await this.post({ type: 'notice', level: 'error', message: vscode.l10n.t('Not exported: {0} is a link or not a regular file; nothing was written through it.', vscode.workspace.asRelativePath(target)) });
      return undefined;
    }
    const csv = metricsCsv(c.result.rows);
    if (target.scheme === 'file') {
      // Through the one writer, bounded to the chosen folder: locked, and landed by rename, so a
      // link or a second hard link planted at the name after the look above is replaced, never
      // written through.
      try {
        await new RepositoryFiles(dirname(target.fsPath)).update(basename(target.fsPath), () => csv);
      } catch (e) {
        if (!(e instanceof LogFileError)) throw e;
        await this.post({ type: 'notice', level: 'error', message: vscode.l10n.t('Not exported: {0}', e.message) });
        return undefined;
      }
    } else await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(csv));
    await this.post({ type: 'notice', level: 'info', message: `Exported ${c.result.rows.length} incident${c.result.rows.length === 1 ? '' : 's'} to ${vscode.workspace.asRelativePath(target)}.` });
    return target;
  }
}

/** The one key of the dashboard: one at a time. */
const DASHBOARD = 'dashboard';

/** The dashboard: one at a time; a second one restored after a reload is closed. */
export class MetricsPanels extends PanelRegistry<MetricsPanel> {
  constructor(ctx: PanelContext) {
    super(ctx, {
      viewType: PANEL_VIEW_TYPES.metrics,
      create: (panel) => new MetricsPanel(panel, ctx),
      restoredKey: () => DASHBOARD,
    });
  }

  async openPanel(): Promise<MetricsPanel> {
    return this.show(DASHBOARD, vscode.l10n.t('Incident Metrics'), { whenOpen: (existing) => existing.refresh() });
  }
}
