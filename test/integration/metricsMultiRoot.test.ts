// The metrics dashboard in a real VS Code over a multi-root workspace (the multiservice fixture:
// payments/ and search/, each with its own log, search/ with its own playbook naming its
// service): its figures are those of both logs together (each count the sum of the parts, each
// median over all the incidents), and the service filter narrows them to one log's own figures.
// Runs when the suite is opened on that workspace (INCIDENT_INTEGRATION_WORKSPACE=multiservice);
// skipped in a single-folder workspace.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { defaultPolicy, indexLog } from '../../src/core';
import { DURATION_FIGURES, type MetricsResult, computeMetrics } from '../../src/core/metrics/metrics';
import { loadPolicy } from '../../src/core/playbook/playbook';
import { Commands } from '../../src/extension/commandIds';
import type { MetricsToWebview, MetricsView } from '../../src/shared/protocol';
import { waitFor } from './helpers';

interface MetricsHandle {
  isReady: boolean;
  receive(raw: unknown): Promise<boolean>;
  snapshot(): Promise<MetricsToWebview>;
}

async function shown(panel: MetricsHandle): Promise<MetricsView> {
  const message = await panel.snapshot();
  assert.equal(message.type, 'state');
  return (message as Extract<MetricsToWebview, { type: 'state' }>).view;
}

async function text(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** Each folder's figures by the core alone, as `incident metrics --log` computes them for that log. */
async function parts(): Promise<Record<string, MetricsResult>> {
  const [payments, search] = vscode.workspace.workspaceFolders!;
  const log = (f: vscode.WorkspaceFolder) => vscode.Uri.joinPath(f.uri, 'docs', 'INCIDENT_LOG.md');
  const searchPolicy = loadPolicy(await text(vscode.Uri.joinPath(search.uri, '.incident', 'playbook.yml')));
  const now = new Date();
  return {
    payments: computeMetrics(indexLog(await text(log(payments))).incidents, defaultPolicy(), { now }),
    'search-team': computeMetrics(indexLog(await text(log(search)), { policy: searchPolicy }).incidents, searchPolicy, { now }),
  };
}

function sum(...rs: Array<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rs) for (const [k, n] of Object.entries(r)) out[k] = (out[k] ?? 0) + n;
  return out;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? null : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

describe('Metrics dashboard, multi-root', function () {
  before(function () {
    if ((vscode.workspace.workspaceFolders?.length ?? 0) < 2) this.skip();
  });

  it('covers every folder’s log: counts the sum of the parts, medians over all, a service filter that narrows to one', async () => {
    const panel = await vscode.commands.executeCommand<MetricsHandle>(Commands.showMetrics);
    assert.ok(panel);
    await waitFor('the page to say ready', () => panel.isReady, 20_000);
    const byService = await parts();
    const [p, s] = [byService.payments, byService['search-team']];
    const view = await shown(panel);
    assert.deepEqual(view.services, ['payments', 'search-team'], 'a folder’s name, or its playbook’s service:');
    assert.equal(view.service, null);
    assert.equal(view.incidents, p.metrics.incidents + s.metrics.incidents);
    assert.equal(view.incidents, 5);
    assert.deepEqual(view.bySeverity, sum(p.metrics.bySeverity, s.metrics.bySeverity));
    const resolve = view.figures.find((f) => f.key === 'timeToResolve')!;
    const all = [...p.rows, ...s.rows].map((r) => r.timeToResolve).filter((x): x is number => x !== null);
    assert.deepEqual([resolve.n, resolve.median], [all.length, median(all)]);
    assert.equal(resolve.median, 60, 'the median of 120, 40, 60, 240 and 20 minutes');
    // The same id in both services is listed twice, each with its service.
    assert.deepEqual(view.list.filter((r) => r.id === 'INC-2026-1120-001').map((r) => r.service).sort(), ['payments', 'search-team']);

    // The filter: one service's own figures, as its log alone gives them.
    assert.equal(await panel.receive({ type: 'filter', period: 'all', severity: null, service: 'search-team' }), true);
    const one = await shown(panel);
    assert.equal(one.service, 'search-team');
    assert.equal(one.incidents, s.metrics.incidents);
    assert.deepEqual(one.bySeverity, s.metrics.bySeverity);
    for (const f of DURATION_FIGURES) {
      const figure = one.figures.find((x) => x.key === f)!;
      const core = s.metrics[`${f}Minutes`];
      assert.deepEqual([figure.mean, figure.median, figure.p90, figure.n, figure.unknown], [core.mean, core.median, core.p90, core.n, core.unknown], f);
    }
    assert.ok(one.list.every((r) => r.service === 'search-team'));
    // A service and a severity together; then all again.
    assert.equal(await panel.receive({ type: 'filter', period: 'all', severity: 'SEV-3', service: 'payments' }), true);
    assert.deepEqual((await shown(panel)).list.map((r) => `${r.service} ${r.id}`), ['payments INC-2026-1002-001']);
    assert.equal(await panel.receive({ type: 'filter', period: 'all', severity: null, service: 'a\nb' }), false, 'a service is one line');
    assert.equal(await panel.receive({ type: 'filter', period: 'all', severity: null, service: null }), true);
    assert.equal((await shown(panel)).incidents, 5);

    // A listed incident opens in its own folder's log, at its heading: the same id in the other service's log.
    const searchLog = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![1].uri, 'docs', 'INCIDENT_LOG.md');
    assert.equal(await panel.receive({ type: 'open', incident: 'INC-2026-1120-001', service: 'search-team' }), true);
    const editor = await waitFor('the search log to open', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.toString() === searchLog.toString() ? e : undefined;
    });
    assert.equal(editor.document.lineAt(editor.selection.active.line).text, '## INC-2026-1120-001: Search results stale');
  });
});
