// Shared by the integration test files (bundled into each; not a test file itself).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { IncidentPlaybookApi } from '../../src/extension/extension';
import { RepositoryFiles } from '../../src/core/log/repositoryFiles';
import { repositoryRoot } from '../../src/core/log/paths';

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

/**
 * Writes the log as the CLI and git do: a new file renamed over it. A write in place (truncate,
 * then write, as `workspace.fs.writeFile` does) can be caught half-way by VS Code's reload, which
 * then keeps the file's size and time from the moment it was truncated and refuses the next save
 * as "modified since".
 */
export async function writeLogOnDisk(text: string): Promise<void> {
  const path = logUri().fsPath;
  await new RepositoryFiles(repositoryRoot(path)).update(path, () => text);
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
  if ((await diskText()) !== original) await writeLogOnDisk(original);
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

/** How long the log store must report no change to count as settled: longer than its 1 s re-check after a playbook event. */
const STORE_QUIET_MS = 1500;

/**
 * Resolves once the extension's log store has reported no change for STORE_QUIET_MS. Changes on
 * disk reach the store late (file events, a 100 ms debounce, and a re-check 1 s after a playbook
 * event); waiting them out keeps one suite's changes from re-reading the log, and writing to the
 * output channel, in the middle of the next suite. The On Call view refreshes on every change of
 * the store, so its event stands for the store's.
 */
export async function storeSettled(api: IncidentPlaybookApi, timeoutMs = 10_000): Promise<void> {
  let last = Date.now();
  const sub = api.oncall.onDidChangeTreeData(() => (last = Date.now()));
  try {
    await waitFor('the log store to settle', () => Date.now() - last >= STORE_QUIET_MS, timeoutMs);
  } finally {
    sub.dispose();
  }
}

/**
 * For a suite that writes the team playbook: the fixture log as `useFixtureLog` keeps it, and
 * `writePlaybook(yaml)` writing .incident/playbook.yml. After the suite, the .incident folder is
 * deleted, the log put back, and the store left to settle, so the next suite starts on the
 * built-in policy with nothing of this one still arriving.
 */
export function usePlaybook(): { readonly original: string; readonly api: IncidentPlaybookApi; writePlaybook(yaml: string): Thenable<void> } {
  const fixture = useFixtureLog();
  const playbook = () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the suite needs the fixture workspace open');
    return vscode.Uri.joinPath(folder.uri, '.incident', 'playbook.yml');
  };
  after(async () => {
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(playbook(), '..'), { recursive: true });
    await resetLog(fixture.original);
    await storeSettled(fixture.api);
  });
  return {
    get original() {
      return fixture.original;
    },
    get api() {
      return fixture.api;
    },
    writePlaybook: (yaml: string) => vscode.workspace.fs.writeFile(playbook(), new TextEncoder().encode(yaml)),
  };
}
