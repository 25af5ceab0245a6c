// The Incidents view in a real VS Code over a multi-root workspace (the multiservice fixture:
// payments/ and search/, each with its own log): it starts on the first folder holding a log,
// Choose Log Folder… moves it (and every command that works on "the log") to another folder's,
// opening a folder's log in the editor shows that log, and the other folders' active incidents
// show below the followed log's groups (and count in the badge). Runs when the suite is opened on that
// workspace (INCIDENT_INTEGRATION_WORKSPACE=multiservice); skipped in a single-folder workspace.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../src/extension/commandIds';
import type { FolderLogNode, OtherIncidentNode, OtherLogsNode } from '../../src/extension/tree/otherLogs';
import type { IncidentPlaybookApi } from '../../src/extension/extension';
import { EXTENSION_ID, waitFor } from './helpers';

const logOf = (folder: vscode.WorkspaceFolder) => vscode.Uri.joinPath(folder.uri, 'docs', 'INCIDENT_LOG.md');

async function titlesShown(api: IncidentPlaybookApi): Promise<string[]> {
  return ((await api.incidentTree.incidents())?.incidents ?? []).map((i) => i.title);
}

describe('Incidents view, multi-root', function () {
  let api: IncidentPlaybookApi;
  before(async function () {
    if ((vscode.workspace.workspaceFolders?.length ?? 0) < 2) this.skip();
    api = (await vscode.extensions.getExtension<IncidentPlaybookApi>(EXTENSION_ID)!.activate()) as IncidentPlaybookApi;
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('multi-root: Choose Log Folder… shows another folder’s log, a folder not in the workspace changes nothing, and opening a log follows it', async () => {
    const [payments, search] = vscode.workspace.workspaceFolders!;
    await waitFor('the first folder’s log', async () => api.logUri()?.toString() === logOf(payments).toString() && (await titlesShown(api)).includes('Card payments declined'));

    assert.equal(await vscode.commands.executeCommand(Commands.chooseLogFolder, { folder: 'search' }), 'search');
    assert.equal(api.logUri()?.toString(), logOf(search).toString());
    await waitFor('the search log’s incidents in the view', async () => {
      const titles = await titlesShown(api);
      return titles.includes('Search results stale') && !titles.includes('Card payments declined');
    });

    assert.equal(await vscode.commands.executeCommand(Commands.chooseLogFolder, { folder: 'billing' }), undefined);
    assert.equal(api.logUri()?.toString(), logOf(search).toString(), 'an unknown folder leaves the view where it was');

    // Opening the payments log in an editor shows it in the view.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(logOf(payments)));
    await waitFor('the view to follow the opened log', async () => api.logUri()?.toString() === logOf(payments).toString() && (await titlesShown(api)).includes('Card payments declined'));
  });

  it('multi-root: another folder’s active incident shows under Other folders and counts in the badge; choosing it shows that log and opens the incident', async () => {
    const [payments, search] = vscode.workspace.workspaceFolders!;
    assert.equal(await vscode.commands.executeCommand(Commands.chooseLogFolder, { folder: 'payments' }), 'payments');
    const searchLog = logOf(search);
    const before = await vscode.workspace.fs.readFile(searchLog);
    const active = [
      '',
      '## INC-2026-1206-001: Search timeouts',
      '- **Severity:** SEV-1',
      '- **Status:** Investigating',
      '- **Detected:** 2026-12-06 09:00 UTC',
      '',
    ].join('\n');
    const otherRows = async () => {
      const roots = await api.incidentTree.getChildren();
      // By kind: this test's bundle has its own copy of the classes, not the extension's.
      const other = roots.find((r): r is OtherLogsNode => r.kind === 'otherLogs');
      if (!other) return undefined;
      const folders = (await api.incidentTree.getChildren(other)) as FolderLogNode[];
      const rows = await Promise.all(folders.map(async (f) => [f.folder, ((await api.incidentTree.getChildren(f)) as OtherIncidentNode[]).map((c) => c.id)] as const));
      return { other, rows };
    };
    try {
      await waitFor('the payments log in the view, search under Other folders with nothing active', async () => {
        const found = await otherRows();
        return api.logUri()?.toString() === logOf(payments).toString() && JSON.stringify(found?.rows) === JSON.stringify([['search', []]]);
      });
      await vscode.workspace.fs.writeFile(searchLog, Buffer.concat([Buffer.from(before), Buffer.from(active)]));
      const shown = await waitFor('the search log’s active incident under Other folders', async () => {
        const found = await otherRows();
        return JSON.stringify(found?.rows) === JSON.stringify([['search', ['INC-2026-1206-001']]]) && found;
      });
      const heading = api.incidentTree.getTreeItem(shown.other);
      assert.equal(heading.label, 'Other folders');
      assert.equal(heading.description, '1 active');
      const [folderRow] = shown.other.children;
      assert.equal(api.incidentTree.getTreeItem(folderRow).description, '1 active · 4 incidents');
      const row = api.incidentTree.getTreeItem(folderRow.children[0]);
      assert.equal(row.label, 'INC-2026-1206-001: Search timeouts');
      assert.deepEqual(row.command?.arguments, [{ folder: 'search', incident: 'INC-2026-1206-001' }]);
      // The payments log has nothing active: the badge is the other folder's incident, and says where it is.
      await waitFor('the badge to count the other folder’s incident', () => api.incidentTree.badge?.value === 1 && api.incidentTree.badge.tooltip === '1 active incident (1 in other folders)');

      // Choosing the row follows the search log and opens the incident at its heading.
      await vscode.commands.executeCommand(row.command!.command, ...row.command!.arguments!);
      assert.equal(api.logUri()?.toString(), searchLog.toString());
      const editor = await waitFor('an editor on the search log at the incident', () => {
        const e = vscode.window.activeTextEditor;
        return e?.document.uri.toString() === searchLog.toString() && e.document.lineAt(e.selection.active.line).text === '## INC-2026-1206-001: Search timeouts' && e;
      });
      assert.ok(editor);
      await waitFor('payments under Other folders now', async () => JSON.stringify((await otherRows())?.rows) === JSON.stringify([['payments', []]]));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.writeFile(searchLog, before);
      await vscode.commands.executeCommand(Commands.chooseLogFolder, { folder: 'payments' });
    }
  });
});
