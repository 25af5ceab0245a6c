// The Incidents view's own commands in a real VS Code: group by severity and back, filter by
// severity and status (kept per workspace), clear the filter; and Create Incident Log.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { IncidentPlaybookApi } from '../../src/extension/extension';
import { Commands } from '../../src/extension/commandIds';
import type { GroupNode } from '../../src/extension/tree';
import { EXTENSION_ID, diskText, logUri, resetLog, waitFor } from './helpers';

describe('Incidents view: grouping and filters', () => {
  let api: IncidentPlaybookApi;
  let original = '';
  const labels = async () => (await api.incidentTree.getChildren()).map((g) => String(api.incidentTree.getTreeItem(g).label));

  before(async () => {
    const ext = vscode.extensions.getExtension<IncidentPlaybookApi>(EXTENSION_ID)!;
    api = await ext.activate();
    original = await diskText();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand(Commands.clearFilter);
    await vscode.workspace.getConfiguration('incidentPlaybook').update('groupBy', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('incidentPlaybook').update('displayTimeZone', undefined, vscode.ConfigurationTarget.Global);
    await resetLog(original);
  });

  it('groups by severity, most severe first, active before resolved, and back', async () => {
    await vscode.commands.executeCommand(Commands.groupBySeverity);
    assert.equal(vscode.workspace.getConfiguration('incidentPlaybook').get('groupBy'), 'severity');
    await waitFor('severity groups', async () => (await labels()).join() === 'SEV-1,SEV-2,SEV-3');
    const groups = (await api.incidentTree.getChildren()) as GroupNode[];
    assert.equal(api.incidentTree.getTreeItem(groups[0]).description, 'Full outage: the site or a critical path (checkout, payments) is down for all customers · 1 active');
    assert.deepEqual(groups.map((g) => g.children.map((n) => n.id)), [['INC-2026-1120-001'], ['INC-2026-1121-001'], ['INC-2026-1102-001']]);
    await vscode.commands.executeCommand(Commands.groupByStatus);
    await waitFor('Active / Resolved groups', async () => (await labels()).join() === 'Active,Resolved');
  });

  it('filters by severity and status, says so in the view, and clears', async () => {
    const result = await vscode.commands.executeCommand(Commands.filter, { severities: ['SEV-1', 'SEV-3'], statuses: [] });
    assert.deepEqual(result, { severities: ['SEV-1', 'SEV-3'], statuses: [] });
    assert.deepEqual((await api.incidentTree.incidentNodes()).map((n) => n.id), ['INC-2026-1120-001', 'INC-2026-1102-001']);
    await vscode.commands.executeCommand(Commands.filter, { severities: ['SEV-1', 'SEV-3'], statuses: ['resolved'] });
    assert.deepEqual((await api.incidentTree.incidentNodes()).map((n) => n.id), ['INC-2026-1102-001']);
    assert.deepEqual(await labels(), ['Resolved']);
    // Nothing matches: the tree is empty, not an error.
    await vscode.commands.executeCommand(Commands.filter, { severities: ['SEV-2'], statuses: ['Resolved'] });
    assert.deepEqual(await api.incidentTree.incidentNodes(), []);
    await vscode.commands.executeCommand(Commands.clearFilter);
    assert.equal((await api.incidentTree.incidentNodes()).length, 3);
    assert.deepEqual(api.incidentTree.filter, { severities: [], statuses: [] });
  });

  it('Refresh Incidents re-reads the log and redraws the view', async () => {
    let fired = 0;
    const sub = api.incidentTree.onDidChangeTreeData(() => fired++);
    try {
      await vscode.commands.executeCommand(Commands.refresh);
      await waitFor('the view to redraw', () => fired > 0);
      assert.equal((await api.incidentTree.incidentNodes()).length, 3);
    } finally {
      sub.dispose();
    }
  });

  it('redraws when the log’s text changes, not when the same text is written again (rows keep their handles)', async () => {
    await api.incidentTree.incidentNodes();
    let fired = 0;
    const sub = api.incidentTree.onDidChangeTreeData(() => fired++);
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.workspace.workspaceFolders![0], 'docs/INCIDENT_LOG.md'));
    let events = 0;
    watcher.onDidChange(() => events++);
    try {
      // The same bytes again (a re-save, a checkout of the same commit): the store re-reads, the view stays.
      await vscode.workspace.fs.writeFile(logUri(), new TextEncoder().encode(original));
      await waitFor('the file event', () => events > 0);
      await new Promise((r) => setTimeout(r, 600));
      assert.equal(fired, 0, 'the view was redrawn for an unchanged log');
      const changed = original.replace('- **Status:** Investigating', '- **Status:** Identified');
      assert.notEqual(changed, original);
      await vscode.workspace.fs.writeFile(logUri(), new TextEncoder().encode(changed));
      await waitFor('the view to redraw', () => fired > 0);
      const node = (await api.incidentTree.incidentNodes()).find((n) => n.id === 'INC-2026-1121-001')!;
      assert.match(String(api.incidentTree.getTreeItem(node).description), /^Identified · /);
    } finally {
      sub.dispose();
      watcher.dispose();
    }
  });

  it('shows times in the display time zone the setting names', async () => {
    await vscode.workspace.getConfiguration('incidentPlaybook').update('displayTimeZone', 'Europe/Berlin', vscode.ConfigurationTarget.Global);
    const node = (await api.incidentTree.incidentNodes()).find((n) => n.id === 'INC-2026-1120-001')!;
    const [timeline] = await api.incidentTree.getChildren(node);
    const first = await waitFor('Berlin times', async () => {
      const [entry] = await api.incidentTree.getChildren(timeline);
      const label = String(api.incidentTree.getTreeItem(entry).label);
      return label.startsWith('15:30') && label;
    });
    assert.equal(first, '15:30  Alerts fired for checkout 5xx rate');
  });
});

describe('Create Incident Log', () => {
  it('creates the configured log with a title, opens it, and never overwrites an existing one', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const config = vscode.workspace.getConfiguration('incidentPlaybook', folder);
    await config.update('logPath', 'ops/incidents/LOG.md', vscode.ConfigurationTarget.Workspace);
    const created = vscode.Uri.joinPath(folder, 'ops', 'incidents', 'LOG.md');
    try {
      const uri = await vscode.commands.executeCommand<vscode.Uri>(Commands.createLog);
      assert.equal(uri?.toString(), created.toString());
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(created));
      assert.match(text, /^# Incident Log\n\nIncidents, newest first\./);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), created.toString());
      // Declaring now writes into the new log.
      const id = await vscode.commands.executeCommand<string>(Commands.declare, { severity: 'SEV-2', title: 'Cache cluster failover', commander: 'Lee' });
      const after = new TextDecoder().decode(await vscode.workspace.fs.readFile(created));
      assert.ok(after.startsWith(text.trimEnd()), 'the title and intro stay as they were');
      assert.ok(after.includes(`## ${id}: Cache cluster failover`));
      // A second run opens what is there.
      await vscode.commands.executeCommand(Commands.createLog);
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(created)), after);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await config.update('logPath', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, 'ops'), { recursive: true });
      assert.equal(logUri().path.endsWith('docs/INCIDENT_LOG.md'), true);
    }
  });
});
