// An index-and-files log in a real VS Code (the fixture test/fixtures/workspaces/linked, copied
// into the open workspace and named by incidentPlaybook.logPath): the view lists the incidents
// of the linked files, a command writes into the linked file (one Undo there reverts it), and a
// link out of the repository is a Problems finding, never read or written.
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { type SetStatusArgs, Commands } from '../../src/extension/commandIds';
import type { IncidentPlaybookApi } from '../../src/extension/extension';
import { EXTENSION_ID, waitFor } from './helpers';

const LOG_PATH = 'linked/docs/INCIDENT_LOG.md';

describe('Index-and-files log: incidents in linked files', () => {
  let api: IncidentPlaybookApi;
  let root = '';
  let victim = '';
  const VICTIM_TEXT = 'not part of the repository\n';

  before(async () => {
    const ext = vscode.extensions.getExtension<IncidentPlaybookApi>(EXTENSION_ID)!;
    api = await ext.activate();
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    root = join(folder, 'linked');
    cpSync(join(ext.extensionPath, 'test', 'fixtures', 'workspaces', 'linked'), root, { recursive: true });
    // The workspace is a git repository: its parent is outside, where the refused link points.
    victim = join(folder, '..', 'outside-victim.md');
    writeFileSync(victim, VICTIM_TEXT);
    await vscode.workspace.getConfiguration('incidentPlaybook').update('logPath', LOG_PATH, vscode.ConfigurationTarget.Workspace);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('incidentPlaybook').update('logPath', undefined, vscode.ConfigurationTarget.Workspace);
    rmSync(root, { recursive: true, force: true });
    if (existsSync(victim)) rmSync(victim);
  });

  it('lists the incidents of the linked files, with what their front matter says', async () => {
    const nodes = await waitFor('the linked incidents in the view', async () => {
      const rows = await api.incidentTree.incidentNodes();
      return rows.some((n) => n.id === 'INC-2026-1120-001') && rows;
    });
    const checkout = nodes.find((n) => n.id === 'INC-2026-1120-001')!;
    assert.equal(checkout.incident.source, 'linked-file');
    const item = api.incidentTree.getTreeItem(checkout);
    assert.equal(item.label, 'SEV-1 · Checkout errors');
    assert.match(String(item.description), /^Mitigating .*· INC-2026-1120-001$/);
    assert.equal(item.contextValue, 'incident.active');
    const resolved = nodes.find((n) => n.id === 'INC-2026-1102-001')!;
    assert.equal(api.incidentTree.getTreeItem(resolved).contextValue, 'incident.resolved');
    // A timeline row shows its line in the linked file, not in the log.
    const [timeline] = await api.incidentTree.getChildren(checkout);
    const [entry] = await api.incidentTree.getChildren(timeline);
    const open = api.incidentTree.getTreeItem(entry).command;
    assert.equal((open?.arguments?.[0] as vscode.Uri).fsPath, join(root, 'docs', 'incidents', 'INC-2026-1120-001.md'));
  });

  it('Open Incident opens the linked file at its heading', async () => {
    await waitFor('the linked incident', async () => (await api.incidentTree.incidentNodes()).some((n) => n.id === 'INC-2026-1120-001'));
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>(Commands.open, { incident: 'INC-2026-1120-001' });
    assert.equal(editor?.document.uri.fsPath, join(root, 'docs', 'incidents', 'INC-2026-1120-001.md'));
    assert.equal(editor?.selection.active.line, 7);
  });

  it('Set Status writes into the linked file, not the log, and one Undo there reverts it', async () => {
    const file = join(root, 'docs', 'incidents', 'INC-2026-1120-001.md');
    const logFile = join(root, 'docs', 'INCIDENT_LOG.md');
    const fileBefore = readFileSync(file, 'utf8');
    const logBefore = readFileSync(logFile, 'utf8');
    await waitFor('the linked incident', async () => (await api.incidentTree.incidentNodes()).some((n) => n.id === 'INC-2026-1120-001'));
    assert.equal(await vscode.commands.executeCommand(Commands.setStatus, { incident: 'INC-2026-1120-001', status: 'Monitoring' } satisfies SetStatusArgs), true);
    const after = readFileSync(file, 'utf8');
    assert.match(after, /^status: Monitoring$/m, 'the front matter field is changed in place');
    assert.match(after, /- \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC — Status: Mitigating → Monitoring/, 'the change is logged in the file’s timeline');
    assert.equal(after.replace(/^status: Monitoring$/m, 'status: Mitigating').split('\n').filter((l) => !fileBefore.includes(l)).length, 1, 'only the entry line is new');
    assert.equal(readFileSync(logFile, 'utf8'), logBefore, 'the index log is untouched');
    await waitFor('the view to show the new status', async () => {
      const node = (await api.incidentTree.incidentNodes()).find((n) => n.id === 'INC-2026-1120-001');
      return node && String(api.incidentTree.getTreeItem(node).description).startsWith('Monitoring');
    });
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === file);
    assert.ok(doc, 'the write went through the linked file’s document');
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), fileBefore);
    await doc.save();
  });

  it('a link out of the repository is a Problems finding, and nothing outside is read or written', async () => {
    const logUri = vscode.Uri.file(join(root, 'docs', 'INCIDENT_LOG.md'));
    await vscode.window.showTextDocument(logUri);
    const finding = await waitFor('the refused link in the Problems panel', () =>
      vscode.languages.getDiagnostics(logUri).find((d) => d.code === 'refused-link' && d.message.includes('../../../outside-victim.md')),
    );
    assert.equal(finding.range.start.line, 8);
    assert.match(finding.message, /outside the repository/);
    const row = (await api.incidentTree.incidentNodes()).find((n) => n.incident.title === 'Outside the repository');
    assert.ok(row, 'the row is still listed from the table');
    assert.equal(row.incident.source, 'table-row');
    assert.notEqual(row.incident.status, 'not part of the repository');
    assert.equal(readFileSync(victim, 'utf8'), VICTIM_TEXT);
  });
});
