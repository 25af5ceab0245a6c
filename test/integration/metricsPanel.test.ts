// The metrics dashboard in a real VS Code: the command opens it, its page loads under the CSP
// and says `ready`, its figures are the core's computeMetrics for the log (the same code as
// `incident metrics`), the period and severity filters recompute, it follows a change of the
// log, a listed incident opens in the log, hostile messages are refused, and "Export CSV"
// writes the core's CSV where the save dialog says.
import * as assert from 'node:assert/strict';
import { linkSync, readFileSync, symlinkSync, unlinkSync } from 'node:fs';
import * as vscode from 'vscode';
import { defaultPolicy, indexLog } from '../../src/core';
import { DURATION_FIGURES, computeMetrics } from '../../src/core/metrics/metrics';
import { metricsCsv } from '../../src/core/metrics/csv';
import { Commands } from '../../src/extension/commandIds';
import type { MetricsToWebview, MetricsView } from '../../src/shared/protocol';
import { diskText, logUri, useFixtureLog, waitFor } from './helpers';

interface MetricsHandle {
  isReady: boolean;
  panel: vscode.WebviewPanel;
  ui: { showSaveDialog(options: vscode.SaveDialogOptions): Thenable<vscode.Uri | undefined> };
  receive(raw: unknown): Promise<boolean>;
  exportCsv(): Promise<vscode.Uri | undefined>;
}

async function open(): Promise<MetricsHandle> {
  const panel = await vscode.commands.executeCommand<MetricsHandle>(Commands.showMetrics);
  assert.ok(panel, 'the command returns the panel');
  await waitFor('the page to say ready', () => panel.isReady, 20_000);
  return panel;
}

/** What the host would send the page now. */
async function shown(panel: MetricsHandle): Promise<MetricsView> {
  const message = await (panel as unknown as { snapshot(): Promise<MetricsToWebview> }).snapshot();
  assert.equal(message.type, 'state');
  return (message as Extract<MetricsToWebview, { type: 'state' }>).view;
}

/** The core's figures for the log on disk (the fixture has no playbook: the default policy). */
async function core(options: { since?: Date; severity?: string } = {}) {
  return computeMetrics(indexLog(await diskText()).incidents, defaultPolicy(), { now: new Date(), ...options });
}

function assertSameFigures(view: MetricsView, result: Awaited<ReturnType<typeof core>>): void {
  const m = result.metrics;
  assert.equal(view.incidents, m.incidents);
  assert.equal(view.drills, m.drills);
  assert.deepEqual(view.bySeverity, m.bySeverity);
  for (const f of DURATION_FIGURES) {
    const shownFigure = view.figures.find((x) => x.key === f);
    assert.ok(shownFigure, f);
    const s = m[`${f}Minutes`];
    assert.deepEqual([shownFigure.mean, shownFigure.median, shownFigure.p90, shownFigure.n, shownFigure.unknown], [s.mean, s.median, s.p90, s.n, s.unknown], f);
    assert.deepEqual(shownFigure.unknownIds, m.unknownIncidents[f], f);
  }
  assert.deepEqual(
    view.compliance.map((c) => c.share),
    [m.responseTimeCompliance, m.updateCadenceCompliance, m.reviewCompliance],
  );
  assert.deepEqual([view.actionItems.open, view.actionItems.overdue], [m.openActionItems, m.overdueActionItems]);
  assert.deepEqual(view.frequency.months, Object.keys(m.byMonth));
  assert.deepEqual(view.list.map((r) => r.id).sort(), result.rows.map((r) => r.id).sort());
}

describe('Metrics dashboard', () => {
  const fixture = useFixtureLog();

  it('opens from "Incident: Show Metrics" with the core’s figures, each labelled', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes('incidentPlaybook.showMetrics'));
    const panel = await open();
    assert.equal(panel.panel.viewType, 'incidentPlaybook.metricsPanel');
    const html = panel.panel.webview.html;
    assert.match(html, /data-app="metrics"/);
    assert.match(html, /uplot\.css"/, 'the chart stylesheet is a file');
    assert.ok(!html.includes('Payment webhooks'), 'no incident text in the HTML');
    const view = await shown(panel);
    assertSameFigures(view, await core());
    // The fixture, by hand: three incidents, one resolved in 2 h 45 min.
    assert.equal(view.incidents, 3);
    const resolve = view.figures.find((f) => f.key === 'timeToResolve')!;
    assert.equal(resolve.label, 'Time to resolve: Detected → Resolved');
    assert.deepEqual([resolve.median, resolve.n, resolve.unknown], [165, 1, 2]);
    assert.deepEqual([...resolve.unknownIds].sort(), ['INC-2026-1120-001', 'INC-2026-1121-001']);
    assert.deepEqual(view.frequency.months, ['2026-11']);
    assert.deepEqual(view.severities, defaultPolicy().severities.map((s) => s.id));
  });

  it('recomputes for a period and a severity, as the core does', async () => {
    const panel = await open();
    assert.equal(await panel.receive({ type: 'filter', period: '30d', severity: 'SEV-1' }), true);
    const view = await shown(panel);
    assert.equal(view.period, '30d');
    assert.equal(view.severity, 'SEV-1');
    assertSameFigures(view, await core({ since: new Date(Date.now() - 30 * 86_400_000), severity: 'SEV-1' }));
    assert.deepEqual(view.list.map((r) => r.id), ['INC-2026-1120-001']);
    assert.equal(await panel.receive({ type: 'filter', period: 'all', severity: null }), true);
    assert.equal((await shown(panel)).incidents, 3);
  });

  it('follows the log: a new incident reaches the page', async () => {
    const panel = await open();
    const posted: MetricsToWebview[] = [];
    const host = panel as unknown as { post(m: MetricsToWebview): Promise<boolean> };
    const post = host.post.bind(panel);
    host.post = (m) => {
      posted.push(m);
      return post(m);
    };
    const added = '## INC-2026-1125-001: Login page slow\n- **Severity:** SEV-2\n- **Status:** Resolved\n- **Detected:** 2026-11-25 10:00 UTC\n- **Resolved:** 2026-11-25 11:30 UTC\n\n';
    await vscode.workspace.fs.writeFile(logUri(), new TextEncoder().encode(fixture.original.replace('## INC-2026-1121-001', `${added}## INC-2026-1121-001`)));
    const state = await waitFor('a snapshot with the new incident', () => posted.find((m) => m.type === 'state' && m.view.incidents === 4), 20_000);
    assert.ok(state.type === 'state' && state.view.list.some((r) => r.id === 'INC-2026-1125-001'));
    delete (host as { post?: unknown }).post;
  });

  it('opens a listed incident in the log; refuses hostile messages', async () => {
    const panel = await open();
    for (const m of [
      null,
      'open',
      { type: 'open' },
      { type: 'open', incident: '<img src=x onerror=alert(1)>' },
      { type: 'open', incident: '../../etc/passwd' },
      { type: 'open', incident: 'INC-2026-1120-001', line: 3 },
      { type: 'filter', period: '7d', severity: null },
      { type: 'filter', period: 'all', severity: 'SEV-1\nSEV-2' },
      { type: 'filter', period: 'all' },
      { type: 'exportCsv', path: '/tmp/metrics.csv' },
      { type: 'copy', incident: 'INC-2026-1120-001', format: 'text', text: 'x' },
    ])
      assert.equal(await panel.receive(m), false, JSON.stringify(m));
    // An id the dashboard does not list is not opened (the previous test closed every editor).
    const logShown = () => vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === logUri().toString());
    assert.equal(logShown(), false);
    assert.equal(await panel.receive({ type: 'open', incident: 'INC-1999-0101-001' }), true);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(logShown(), false);

    assert.equal(await panel.receive({ type: 'open', incident: 'INC-2026-1120-001' }), true);
    const editor = await waitFor('the log to open', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.toString() === logUri().toString() ? e : undefined;
    });
    await waitFor('the cursor at the incident', () => editor.document.lineAt(editor.selection.active.line).text.startsWith('## INC-2026-1120-001'));
    assert.equal(await diskText(), fixture.original, 'the dashboard writes nothing to the log');
  });

  it('exports the core’s CSV where the save dialog says', async () => {
    const panel = await open();
    const target = vscode.Uri.joinPath(logUri(), '..', '..', 'metrics-export.csv');
    let asked: vscode.SaveDialogOptions | undefined;
    panel.ui = {
      showSaveDialog: async (options) => {
        asked = options;
        return target;
      },
    };
    try {
      assert.equal(await panel.receive({ type: 'exportCsv' }), true);
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.equal(text, metricsCsv((await core()).rows));
      assert.match(text, /^id,severity,status,detected,resolved,time_to_detect_minutes,/);
      assert.match(text, /\r\nINC-2026-1102-001,SEV-3,Resolved,2026-11-02T08:00:00Z,2026-11-02T10:45:00Z,[^,]*,[^,]*,165,/);
      assert.deepEqual(asked?.filters, { CSV: ['csv'] });
      // Cancelled: nothing written.
      await vscode.workspace.fs.delete(target);
      panel.ui = { showSaveDialog: async () => undefined };
      assert.equal(await panel.exportCsv(), undefined);
      await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(target)));
      // A name that is not .csv (here the log itself) is refused: the log is left as it is.
      const before = await diskText();
      panel.ui = { showSaveDialog: async () => logUri() };
      assert.equal(await panel.exportCsv(), undefined);
      assert.equal(await diskText(), before, 'the log is never overwritten by an export');
      // Nor through a .csv name linked to it.
      const link = vscode.Uri.joinPath(logUri(), '..', 'linked-metrics.csv');
      symlinkSync(logUri().fsPath, link.fsPath);
      try {
        panel.ui = { showSaveDialog: async () => link };
        assert.equal(await panel.exportCsv(), undefined);
        assert.equal(await diskText(), before, 'nothing written through a link');
      } finally {
        unlinkSync(link.fsPath);
      }
      // A second hard link to the log under a .csv name is a regular file: the export replaces
      // that name by rename and leaves the log's own bytes alone.
      const hard = vscode.Uri.joinPath(logUri(), '..', 'hard-metrics.csv');
      linkSync(logUri().fsPath, hard.fsPath);
      try {
        panel.ui = { showSaveDialog: async () => hard };
        assert.equal((await panel.exportCsv())?.toString(), hard.toString());
        assert.equal(await diskText(), before, 'the log is not written through a hard link');
        assert.equal(readFileSync(hard.fsPath, 'utf8'), metricsCsv((await core()).rows));
      } finally {
        unlinkSync(hard.fsPath);
      }
    } finally {
      await Promise.resolve(vscode.workspace.fs.delete(target)).then(undefined, () => undefined);
    }
  });
});
