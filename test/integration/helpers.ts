// Shared by the integration test files (bundled into each; not a test file itself).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { IncidentPlaybookApi } from '../../src/extension/extension';

export const EXTENSION_ID = 'incident-playbook.incident-playbook';

/** The fixture workspace's log. */
export function logUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite needs the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, 'docs', 'INCIDENT_LOG.md');
}

export async function diskText(): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(logUri()));
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Puts the log back as the fixture had it: no dirty document, no editors, disk = original. */
export async function resetLog(original: string): Promise<void> {
  const uri = logUri();
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (doc && !doc.isClosed && doc.getText() !== original) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(0, 0, doc.lineCount, 0), original);
    assert.ok(await vscode.workspace.applyEdit(edit));
  }
  if (doc && !doc.isClosed && doc.isDirty) await doc.save();
  if ((await diskText()) !== original) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(original));
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * For a suite that edits the fixture's log: activates the extension before the suite, keeps the
 * log's text as it was (`original`) and the extension's API (`api`), and puts the log back after
 * each test.
 */
export function useFixtureLog(): { readonly original: string; readonly api: IncidentPlaybookApi } {
  const fixture = { original: '', api: undefined as unknown as IncidentPlaybookApi };
  before(async () => {
    const ext = vscode.extensions.getExtension<IncidentPlaybookApi>(EXTENSION_ID);
    assert.ok(ext, 'the extension is installed');
    fixture.api = await ext.activate();
    fixture.original = await diskText();
  });
  afterEach(() => resetLog(fixture.original));
  return fixture;
}
