// The CLI writing the log while it is open in a real VS Code (issue 19, section 1): a clean editor
// picks the write up and stays clean; a dirty editor's save meets VS Code's own "file is newer"
// conflict ("Failed to save 'INCIDENT_LOG.md': The content of the file is newer…", with Compare and
// Overwrite) and the CLI's entry stays on disk until the user chooses.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, delimiter, join } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, diskText, logUri, useFixtureLog, waitFor } from './helpers';

const ID = 'INC-2026-1121-001';

/** A plain Node to run the CLI with: the extension host's own when it is one, else `node` on PATH. */
function plainNode(): string {
  if (!process.versions.electron && /^node(\.exe)?$/i.test(basename(process.execPath))) return process.execPath;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, process.platform === 'win32' ? 'node.exe' : 'node');
    if (dir && existsSync(candidate)) return candidate;
  }
  throw new Error(`No plain node to run the CLI with (the extension host runs ${process.execPath}, and PATH has no node).`);
}

/** Runs the built CLI (dist/cli.js) from the workspace folder, as a responder in a terminal would. */
function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext);
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder);
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  delete env.NODE_OPTIONS;
  return new Promise((resolve) => {
    execFile(plainNode(), [join(ext.extensionPath, 'dist', 'cli.js'), ...args], { cwd: folder.uri.fsPath, env, timeout: 20_000, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

async function cliLog(message: string): Promise<void> {
  const r = await cli('log', ID, message, '--owner', 'cli', '--log', join('docs', 'INCIDENT_LOG.md'));
  assert.equal(r.code, 0, `incident log exited ${r.code}: ${r.stderr}${r.stdout}`);
  assert.match(r.stderr, new RegExp(`^Logged to ${ID}\\.$`, 'm'));
}

const entryLine = (message: string) => new RegExp(`^- \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC — ${message} \\(@cli\\)$`, 'm');

async function openLog(): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(logUri());
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** Watches the log: `seen()` turns true once the file watcher reports a change to it (an atomic rename shows as a change or a create). */
function nextLogChange(): { seen: () => boolean; dispose: () => void } {
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(logUri(), '..'), 'INCIDENT_LOG.md'));
  let seen = false;
  const mark = () => (seen = true);
  watcher.onDidChange(mark);
  watcher.onDidCreate(mark);
  return { seen: () => seen, dispose: () => watcher.dispose() };
}

describe('CLI writes to a log open in the editor', () => {
  // Registered before useFixtureLog's clean-up, so it runs first: a test that failed half-way
  // leaves no dirty log behind (closing it would ask to save) and no save-conflict notification.
  afterEach(async () => {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === logUri().toString());
    if (doc && !doc.isClosed && doc.isDirty) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('notifications.clearAll');
  });
  const fixture = useFixtureLog();

  it('a CLI entry shows up in the open, clean document, which stays clean', async () => {
    const doc = await openLog();
    assert.equal(doc.isDirty, false);
    assert.equal(doc.getText(), fixture.original);

    await cliLog('Entry from the CLI while the log is open');
    const disk = await diskText();
    assert.match(disk, entryLine('Entry from the CLI while the log is open'));
    await waitFor('the open document to pick up the CLI entry', () => doc.getText() === disk);
    assert.equal(doc.isDirty, false, 'the reloaded document is not dirty');
    assert.equal(doc.isClosed, false);
    assert.equal(vscode.window.activeTextEditor?.document, doc, 'the same editor shows it');
  });

  it('a dirty document never silently overwrites a CLI entry: its save meets VS Code’s "file is newer" conflict', async () => {
    // VS Code's default: a save over a newer file on disk asks the user (Compare / Overwrite).
    assert.equal(vscode.workspace.getConfiguration('files', logUri()).get('saveConflictResolution'), 'askUser');
    const doc = await openLog();
    assert.equal(doc.isDirty, false);
    assert.equal(doc.getText(), fixture.original);

    // The responder types a line at the end and has not saved yet.
    const typed = 'Typed in the editor, not saved yet.';
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, doc.lineAt(doc.lineCount - 1).range.end, `${typed}\n`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(doc.isDirty, true);
    const edited = doc.getText();

    // Meanwhile the CLI logs an entry on disk.
    const change = nextLogChange();
    try {
      await cliLog('Entry from the CLI while the editor is dirty');
      await waitFor('the file watcher to report the CLI write', change.seen);
    } finally {
      change.dispose();
    }
    const cliText = await diskText();
    assert.match(cliText, entryLine('Entry from the CLI while the editor is dirty'));
    assert.ok(!cliText.includes(typed));
    // The dirty document is not reloaded: the user's unsaved line is still there.
    assert.equal(doc.isDirty, true);
    assert.equal(doc.getText(), edited);

    // Saving is refused (the "file is newer" conflict): false, nothing written, nothing lost.
    assert.equal(await doc.save(), false);
    assert.equal(await diskText(), cliText, 'the CLI entry is still on disk, and the editor’s text was not written');
    assert.equal(doc.isDirty, true, 'the user’s edit is kept, unsaved');
    assert.equal(doc.getText(), edited);
    // Saving again (workspace.save) is refused the same way.
    assert.equal(await vscode.workspace.save(doc.uri), undefined);
    assert.equal(await diskText(), cliText);
    assert.equal(doc.isDirty, true);

    // Revert: the editor shows the file as the CLI left it.
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.equal(doc.isDirty, false);
    assert.equal(doc.getText(), cliText);

    // Typed again over the reverted document, the line saves normally, next to the CLI entry.
    const retype = new vscode.WorkspaceEdit();
    retype.insert(doc.uri, doc.lineAt(doc.lineCount - 1).range.end, `${typed}\n`);
    assert.ok(await vscode.workspace.applyEdit(retype));
    assert.equal(await doc.save(), true);
    const saved = await diskText();
    assert.equal(saved, `${cliText}${typed}\n`);
    assert.match(saved, entryLine('Entry from the CLI while the editor is dirty'));
  });
});
