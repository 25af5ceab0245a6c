// The Incidents view in a real VS Code over a multi-root workspace (the multiservice fixture:
// payments/ and search/, each with its own log): it starts on the first folder holding a log,
// Choose Log Folder… moves it (and every command that works on "the log") to another folder's,
// and opening a folder's log in the editor shows that log. Runs when the suite is opened on that
// workspace (INCIDENT_INTEGRATION_WORKSPACE=multiservice); skipped in a single-folder workspace.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../src/extension/commandIds';
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
});
