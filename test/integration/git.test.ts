// The git commands in a real VS Code, on the fixture workspace (a git repository the harness
// creates): team merging, timeline order, recent changes (list, diff, Add to timeline) and
// committing the record. Commits are made here with set dates, inside and outside the window.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../../src/extension/commandIds';
import type { CommitOutcome } from '../../src/core/git/commitRecord';
import type { Change } from '../../src/core/git/repo';
import type { NormalizeResult } from '../../src/extension/git/normalize';
import { diskText, logUri, useFixtureLog, waitFor, writeLogOnDisk } from './helpers';

const ID = 'INC-2026-1120-001';

/** Which of the named texts `text` is, for a failure message. */
function describeText(text: string, named: Record<string, string>): string {
  return Object.entries(named).find(([, t]) => t === text)?.[0] ?? `other text (${text.length} chars)`;
}

function root(): string {
  return vscode.workspace.workspaceFolders![0].uri.fsPath;
}

function git(args: string[], date?: string): string {
  const env = date ? { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : process.env;
  return execFileSync('git', args, { cwd: root(), encoding: 'utf8', env });
}

function commitFile(file: string, message: string, date: string, content = `${message}\n`): string {
  mkdirSync(join(root(), file, '..'), { recursive: true });
  writeFileSync(join(root(), file), content);
  git(['add', '--', file]);
  git(['commit', '-q', '-m', message, '--', file], date);
  return git(['rev-parse', 'HEAD']).trim();
}

describe('Git: team merging, timeline order, recent changes, committing the record', () => {
  const fixture = useFixtureLog();

  before(async () => {
    git(['config', 'user.email', 'riley@example.com']);
  });

  after(() => rmSync(join(root(), '.gitattributes'), { force: true }));

  it('Set Up Team Merging writes merge=union for the log and the reviews, once', async () => {
    const added = await vscode.commands.executeCommand<string[]>(Commands.setupMerge);
    assert.deepEqual(added, ['docs/INCIDENT_LOG.md merge=union', 'docs/pir/*.md merge=union']);
    assert.equal(git(['check-attr', 'merge', '--', 'docs/INCIDENT_LOG.md']).trim(), 'docs/INCIDENT_LOG.md: merge: union');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.file(join(root(), '.gitattributes'))));
    assert.deepEqual(await vscode.commands.executeCommand<string[]>(Commands.setupMerge), [], 'idempotent');
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.file(join(root(), '.gitattributes')))), text);
  });

  it('the Problems panel shows no-union-merge (information) once the log is shared through a remote, until merging is set up', async () => {
    rmSync(join(root(), '.gitattributes'), { force: true });
    git(['remote', 'add', 'origin', join(root(), '..', 'no-such-remote.git')]);
    try {
      const doc = await vscode.workspace.openTextDocument(logUri());
      const editor = await vscode.window.showTextDocument(doc);
      // An edit re-runs the checks (they read .gitattributes and .git/config, never run git).
      const touch = async () => {
        await editor.edit((b) => b.insert(new vscode.Position(1, 0), ' '));
        await editor.edit((b) => b.delete(new vscode.Range(1, 0, 1, 1)));
      };
      await touch();
      const finding = await waitFor('the no-union-merge finding', () => vscode.languages.getDiagnostics(doc.uri).find((d) => d.code === 'no-union-merge'));
      assert.equal(finding.severity, vscode.DiagnosticSeverity.Information);
      assert.equal(finding.range.start.line, 0);
      assert.match(finding.message, /docs\/INCIDENT_LOG\.md is shared through git without merge=union/);
      await vscode.commands.executeCommand(Commands.setupMerge);
      await touch();
      await waitFor('the finding to go', () => !vscode.languages.getDiagnostics(doc.uri).some((d) => d.code === 'no-union-merge'));
    } finally {
      git(['remote', 'remove', 'origin']);
    }
  });

  it('Normalize Timeline puts merged entries back in time order in one undoable edit', async () => {
    const late = '- 2026-11-20 14:50 UTC — Error rate back to baseline (@sam)\n';
    const first = '- 2026-11-20 14:30 UTC — Alerts fired for checkout 5xx rate (@dana)\n';
    const second = '- 2026-11-20 14:42 UTC — Rolled back deploy 7f3c (@sam)\n';
    const sorted = fixture.original.replace(first + second, first + second + late);
    const merged = fixture.original.replace(first + second, second + first + late);
    assert.notEqual(merged, fixture.original);
    // As git leaves it after a union merge: a new file in the log's place.
    await writeLogOnDisk(merged);
    const doc = await vscode.workspace.openTextDocument(logUri());
    await waitFor('the document to show the merged log', () => doc.getText() === merged);
    const result = await vscode.commands.executeCommand<NormalizeResult>(Commands.normalizeTimeline, { incident: ID });
    assert.equal(result?.moved, 2);
    assert.equal(result?.saved, true, `the command saved the log (document dirty: ${doc.isDirty}; disk holds: ${describeText(await diskText(), { merged, sorted })})`);
    assert.equal(doc.getText(), sorted);
    assert.equal(await diskText(), sorted, 'saved');
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), merged, 'one Undo reverts it');
  });

  it('Show Recent Changes lists the commits landed in the window, opens a diff, and adds a suspect change to the timeline', async () => {
    git(['add', '--', 'docs/INCIDENT_LOG.md']);
    git(['commit', '-q', '-m', 'The incident log', '--', 'docs/INCIDENT_LOG.md'], '2026-11-01T00:00:00Z');
    commitFile('src/cart.ts', 'Cart: new pricing (two days before)', '2026-11-18T10:00:00Z');
    const inside = commitFile('src/checkout.ts', 'Checkout: raise the pool size', '2026-11-20T13:00:00Z', 'export const pool = 64;\n');
    mkdirSync(join(root(), 'config'), { recursive: true });
    writeFileSync(join(root(), 'config/app.yml'), 'timeout: 5s\n');
    writeFileSync(join(root(), 'config/flags.json'), '{"newCheckout": true}\n');
    git(['add', '--', 'config']);
    git(['commit', '-q', '-m', 'Config: shorter timeouts, new checkout flag', '--', 'config'], '2026-11-20T14:10:00Z');
    const two = git(['rev-parse', 'HEAD']).trim();

    const list = await vscode.commands.executeCommand<Change[]>(Commands.showRecentChanges, { incident: ID, action: 'list' });
    assert.deepEqual(list?.map((c) => c.hash), [two, inside]);
    assert.deepEqual(list?.[0].files, ['config/app.yml', 'config/flags.json']);
    assert.equal(list?.[1].author, 'Riley Oncall');
    assert.equal(list?.[1].subject, 'Checkout: raise the pool size');
    assert.deepEqual((await vscode.commands.executeCommand<Change[]>(Commands.showRecentChanges, { incident: ID, action: 'list', hours: 72 }))?.length, 3);

    // The harness turns the git extension off (git.enabled: false): without it, the commit opens as text.
    const asText = await vscode.commands.executeCommand<{ view: string; files: number }>(Commands.showRecentChanges, { incident: ID, action: 'open', hash: inside });
    assert.deepEqual(asText, { view: 'text', files: 1 });
    assert.match(vscode.window.activeTextEditor?.document.getText() ?? '', /Checkout: raise the pool size[\s\S]*\+export const pool = 64;/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('git').update('enabled', true, vscode.ConfigurationTarget.Workspace);
    const opened = await vscode.commands.executeCommand<{ view: string; files: number }>(Commands.showRecentChanges, { incident: ID, action: 'open', hash: inside });
    assert.deepEqual(opened, { view: 'git', files: 1 });
    const tab = await waitFor('the diff tab', () => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputTextDiff && input;
    });
    assert.equal(tab.original.scheme, 'git');
    assert.equal(tab.modified.scheme, 'git');
    const right = await vscode.workspace.openTextDocument(tab.modified);
    assert.equal(right.getText(), 'export const pool = 64;\n', "the diff's right side is the commit's file");
    const many = await vscode.commands.executeCommand<{ view: string; files: number }>(Commands.showRecentChanges, { incident: ID, action: 'open', hash: two });
    assert.deepEqual(many, { view: 'git', files: 2 });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('git').update('enabled', undefined, vscode.ConfigurationTarget.Workspace);

    await vscode.commands.executeCommand(Commands.showRecentChanges, { incident: ID, action: 'addToTimeline', hash: inside.slice(0, 7) });
    const text = await waitFor('the suspect change on disk', async () => {
      const t = await diskText();
      return t.includes(`Suspect change ${list![1].short}: Checkout: raise the pool size`) && t;
    });
    assert.match(text, new RegExp(`^- \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC — Suspect change ${list![1].short}: Checkout: raise the pool size \\(Riley Oncall\\)$`, 'm'));
  });

  it('Commit Incident Record commits only the log, with what changed', async () => {
    writeFileSync(join(root(), 'src/checkout.ts'), 'export const pool = 128; // not for this commit\n');
    await vscode.commands.executeCommand(Commands.addTimelineEntry, { incident: ID, text: 'Pool size reverted' });
    await vscode.commands.executeCommand(Commands.addTimelineEntry, { incident: ID, text: 'Error rate normal' });
    const outcome = await vscode.commands.executeCommand<CommitOutcome>(Commands.commitRecord, { incident: ID, push: false });
    assert.equal(outcome?.committed, true);
    assert.match(git(['log', '-1', '--format=%s']).trim(), /^incident\(INC-2026-1120-001\): \d+ entr(y|ies)$/);
    assert.deepEqual(git(['show', '--name-only', '--format=', 'HEAD']).trim().split('\n'), ['docs/INCIDENT_LOG.md']);
    assert.equal(git(['status', '--porcelain', '--', 'src/checkout.ts']).trim(), 'M src/checkout.ts', 'the other change stays uncommitted');
    const again = await vscode.commands.executeCommand<CommitOutcome>(Commands.commitRecord, { incident: ID, push: false });
    assert.equal(again?.committed, false);
  });
});
