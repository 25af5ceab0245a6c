// The log's editor and the status bar, in a real VS Code: diagnostics from `incident check` on the
// right lines, their quick fixes as single undoable edits, and the status-bar clock.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { type AddTimelineEntryArgs, Commands } from '../../src/extension/commandIds';
import { logUri, useFixtureLog, waitFor } from './helpers';

function lineOf(doc: vscode.TextDocument, prefix: string): number {
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.startsWith(prefix)) return i;
  throw new Error(`no line starting with ${prefix}`);
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Incident Playbook');
}

describe('Editor: diagnostics, quick fixes and the status bar', () => {
  const fixture = useFixtureLog();

  it('the status bar shows the most severe active incident with its update clock', async () => {
    await fixture.api.statusBar.refresh();
    const shown = fixture.api.statusBar.current;
    assert.equal(shown.visible, true);
    assert.match(shown.text, /^\$\(flame\) SEV-1 INC-2026-1120-001 · .+ · update overdue /);
    // The fixture's last SEV-1 update is days old: its 30-minute cadence is long overdue.
    assert.equal(shown.background, 'statusBarItem.errorBackground');
  });

  it('check findings appear on the incident heading lines in the Problems panel', async () => {
    const doc = await vscode.workspace.openTextDocument(logUri());
    await vscode.window.showTextDocument(doc);
    const heading = lineOf(doc, '## INC-2026-1120-001');
    const diags = await waitFor('diagnostics', () => {
      const d = ours(doc.uri);
      return d.some((x) => x.code === 'update-overdue' && x.range.start.line === heading) && d;
    });
    const overdue = diags.find((d) => d.code === 'update-overdue' && d.range.start.line === heading)!;
    assert.match(overdue.message, /INC-2026-1120-001 \(SEV-1\) status update is overdue by .+ \(every 30 min\)/);
    assert.equal(overdue.severity, vscode.DiagnosticSeverity.Warning);
  });

  it('"Assign an incident commander" fixes a missing commander in one undoable edit, keeping unsaved edits', async () => {
    const doc = await vscode.workspace.openTextDocument(logUri());
    const editor = await vscode.window.showTextDocument(doc);
    // The user's own unsaved edit: drop the commander of INC-2026-1121-001, and type a note.
    const commanderLine = lineOf(doc, '- **Incident Commander:** Priya Natarajan');
    await editor.edit((b) => {
      b.delete(doc.lineAt(commanderLine).rangeIncludingLineBreak);
      b.insert(new vscode.Position(2, 0), 'Unsaved note from the responder.\n');
    });
    assert.ok(doc.isDirty);
    const heading = lineOf(doc, '## INC-2026-1121-001');
    const diag = await waitFor('a missing-commander finding', () =>
      ours(doc.uri).find((d) => (d.code === 'response-time-breach' || d.code === 'missing-commander') && d.range.start.line === heading),
    );
    assert.equal(diag.code, 'response-time-breach', 'SEV-2 must have a commander within 30 minutes');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Assign an incident commander to INC-2026-1121-001…');
    assert.ok(fix?.command, `quick fixes offered: ${actions.map((a) => a.title).join(' | ')}`);
    const before = doc.getText();
    assert.equal(await vscode.commands.executeCommand(fix.command.command, { ...(fix.command.arguments?.[0] as object), name: 'Ana Souza' }), true);
    const after = doc.getText();
    assert.ok(after.includes('- **Incident Commander:** Ana Souza\n'), 'the field is inserted');
    // Logged with the git user as its owner when there is one, as every command does.
    assert.match(after, /- \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC — Incident Commander: Ana Souza(?: \(@[^)\n]+\)| \(Riley Oncall\))?\n/);
    assert.ok(after.includes('Unsaved note from the responder.'), "the user's unsaved edit is still there");
    assert.ok(doc.isDirty, 'a log with unsaved user edits is not saved behind their back');
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), before, 'one Undo reverts the whole fix');
  });

  it('"##1 Title" is reported as no heading, and the quick fix makes it one in one undoable edit', async () => {
    const doc = await vscode.workspace.openTextDocument(logUri());
    const editor = await vscode.window.showTextDocument(doc);
    const before = doc.getText();
    const at = lineOf(doc, '## INC-2026-1121-001');
    await editor.edit((b) => b.insert(new vscode.Position(at, 0), '##9 Webhook retries flooded the queue\n\n'));
    const diag = await waitFor('a not-a-heading finding', () => ours(doc.uri).find((d) => d.code === 'not-a-heading' && d.range.start.line === at));
    assert.equal(diag.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(diag.message, /is not a heading to Markdown: it needs a space after ##/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === `Make line ${at + 1} a heading (a space after ##)`);
    assert.ok(fix?.edit, `quick fixes offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(doc.lineAt(at).text, '## 9 Webhook retries flooded the queue');
    await waitFor('the finding to clear', () => !ours(doc.uri).some((d) => d.code === 'not-a-heading'));
    await vscode.commands.executeCommand('undo');
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), before, 'two Undos take back the fix and the inserted line');
  });

  it('follows unsaved edits of the log: the tree reads the new entry and status', async () => {
    const doc = await vscode.workspace.openTextDocument(logUri());
    const editor = await vscode.window.showTextDocument(doc);
    await fixture.api.incidentTree.incidentNodes(); // an index to start from
    const statusLine = lineOf(doc, '- **Status:** Mitigating');
    const entryAfter = lineOf(doc, '- 2026-11-20 14:42 UTC');
    await editor.edit((b) => {
      b.replace(doc.lineAt(statusLine).range, '- **Status:** Monitoring');
      b.insert(new vscode.Position(entryAfter + 1, 0), '- 2026-11-20 15:05 UTC — Error rate falling (@sam)\n');
    });
    assert.ok(doc.isDirty);
    const node = await waitFor('the tree to follow the edit', async () => {
      const nodes = await fixture.api.incidentTree.incidentNodes();
      const n = nodes.find((x) => x.id === 'INC-2026-1120-001');
      return n && n.incident.status === 'Monitoring' && n;
    });
    assert.deepEqual(node.incident.timeline.at(-1), { at: '2026-11-20T15:05:00Z', text: 'Error rate falling', owner: 'sam', line: entryAfter + 1 });
    // Offsets after the edit are right: a command writes at the right place in the edited text.
    await vscode.commands.executeCommand(Commands.addTimelineEntry, { incident: 'INC-2026-1120-001', text: 'Monitoring for 30 minutes', owner: 'dana' } satisfies AddTimelineEntryArgs);
    assert.match(doc.lineAt(entryAfter + 2).text, /^- \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC — Monitoring for 30 minutes \(@dana\)$/);
  });

  it('"Renumber" fixes a duplicate id', async () => {
    const doc = await vscode.workspace.openTextDocument(logUri());
    const editor = await vscode.window.showTextDocument(doc);
    const heading = lineOf(doc, '## INC-2026-1121-001');
    const at = doc.lineAt(heading).text.indexOf('INC-2026-1121-001');
    await editor.edit((b) => b.replace(new vscode.Range(heading, at, heading, at + 17), 'INC-2026-1120-001'));
    const second = lineOf(doc, '## INC-2026-1120-001: Checkout');
    const diag = await waitFor('a duplicate-id finding', () => ours(doc.uri).find((d) => d.code === 'duplicate-id' && d.range.start.line === second));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title.startsWith('Renumber this incident to '));
    assert.ok(fix?.edit, `quick fixes offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.title, 'Renumber this incident to INC-2026-1120-002');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(doc.lineAt(second).text.startsWith('## INC-2026-1120-002: Checkout'));
    await waitFor('the duplicate finding to clear', () => !ours(doc.uri).some((d) => d.code === 'duplicate-id'));
  });

  it('"Renumber" carries the new id into the review file (renamed) and the links to the heading, in one edit', async () => {
    const pir = vscode.Uri.joinPath(logUri(), '..', 'pir');
    const review = vscode.Uri.joinPath(pir, 'INC-2026-1120-001.md');
    const renamed = vscode.Uri.joinPath(pir, 'INC-2026-1120-002.md');
    const reviewText = '---\nincident: INC-2026-1120-001\nstatus: draft\n---\n\n# Post-incident review: INC-2026-1120-001 — Checkout API returning 500s\n\nIncident log entry: [INC-2026-1120-001](../INCIDENT_LOG.md#inc-2026-1120-001-checkout-api-returning-500s)\n';
    await vscode.workspace.fs.writeFile(review, new TextEncoder().encode(reviewText));
    try {
      const doc = await vscode.workspace.openTextDocument(logUri());
      const editor = await vscode.window.showTextDocument(doc);
      const heading = lineOf(doc, '## INC-2026-1121-001');
      const at = doc.lineAt(heading).text.indexOf('INC-2026-1121-001');
      await editor.edit((b) => {
        b.replace(new vscode.Range(heading, at, heading, at + 17), 'INC-2026-1120-001');
        b.insert(new vscode.Position(3, 0), 'Worst now: [INC-2026-1120-001](#inc-2026-1120-001-checkout-api-returning-500s).\n\n');
      });
      const second = lineOf(doc, '## INC-2026-1120-001: Checkout');
      const diag = await waitFor('a duplicate-id finding', () => ours(doc.uri).find((d) => d.code === 'duplicate-id' && d.range.start.line === second));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => a.title === 'Renumber this incident to INC-2026-1120-002');
      assert.ok(fix?.edit, `quick fixes offered: ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.ok(doc.lineAt(second).text.startsWith('## INC-2026-1120-002: Checkout'));
      assert.equal(doc.lineAt(3).text, 'Worst now: [INC-2026-1120-002](#inc-2026-1120-002-checkout-api-returning-500s).');
      await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(review)), 'the review file was renamed');
      const moved = await vscode.workspace.openTextDocument(renamed);
      assert.equal(moved.getText(), reviewText.replace(/INC-2026-1120-001/g, 'INC-2026-1120-002').replace('#inc-2026-1120-001-', '#inc-2026-1120-002-'));
      await waitFor('the duplicate finding to clear', () => !ours(doc.uri).some((d) => d.code === 'duplicate-id'));
      await vscode.workspace.saveAll(false);
    } finally {
      await vscode.workspace.fs.delete(pir, { recursive: true }).then(undefined, () => undefined);
    }
  });

  it('"Keep line" fixes a field written twice: the shown line stays, the other goes, in one undoable edit', async () => {
    const doc = await vscode.workspace.openTextDocument(logUri());
    const editor = await vscode.window.showTextDocument(doc);
    const status = lineOf(doc, '- **Status:** Investigating');
    const entry = lineOf(doc, '- 2026-11-21 09:12 UTC');
    // What a union merge leaves: both responders' Status lines; the timeline's latest change names Investigating.
    await editor.edit((b) => {
      b.insert(new vscode.Position(status + 1, 0), '- **Status:** Monitoring\n');
      b.insert(new vscode.Position(entry + 1, 0), '- 2026-11-21 09:40 UTC — Status: Monitoring → Investigating (@priya)\n');
    });
    const edited = doc.getText();
    const diag = await waitFor('a duplicate-field finding', () => ours(doc.uri).find((d) => d.code === 'duplicate-field'));
    assert.equal(diag.range.start.line, status + 1, 'on the line that is not shown');
    assert.equal(diag.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(diag.message, /^Status is written twice \(the line above and this line\): "Investigating" on the line above is shown, as the timeline's latest status change names it\./);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title.startsWith('Keep line '));
    assert.ok(fix?.edit, `quick fixes offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.title, `Keep line ${status + 1} (Status: Investigating) and delete the other`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(doc.getText(), edited.replace('- **Status:** Monitoring\n', ''));
    await waitFor('the duplicate-field finding to clear', () => !ours(doc.uri).some((d) => d.code === 'duplicate-field'));
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), edited, 'one Undo brings the line back');
  });
});
