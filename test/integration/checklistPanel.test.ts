// The checklist panel in a real VS Code: the command opens it, its page loads under the CSP and
// says `ready`, hostile messages are refused with nothing written, and a tick, an untick or a
// skip is one edit with its timeline entry.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { defaultPolicy, findIncident, indexLog } from '../../src/core';
import { Commands } from '../../src/extension/commandIds';
import { diskText, logUri, useFixtureLog, waitFor } from './helpers';

const ID = 'INC-2026-1121-001';

/** What the command returns: the panel's host (the same object the page's messages reach). */
interface PanelHandle {
  incidentId: string;
  isReady: boolean;
  panel: vscode.WebviewPanel;
  receive(raw: unknown): Promise<boolean>;
  resolveUi: {
    ask(message: string, options: vscode.MessageOptions, ...items: string[]): Thenable<string | undefined>;
    input(options: vscode.InputBoxOptions): Thenable<string | undefined>;
  };
}

async function open(incident: string): Promise<PanelHandle> {
  const panel = await vscode.commands.executeCommand<PanelHandle>(Commands.openChecklist, { incident });
  assert.ok(panel, 'the command returns the panel');
  return panel;
}

describe('Checklist panel', () => {
  const fixture = useFixtureLog();

  it('opens from "Incident: Open Checklist" and its page says ready', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes('incidentPlaybook.openChecklist'));
    const panel = await open(ID);
    assert.equal(panel.incidentId, ID);
    assert.equal(panel.panel.viewType, 'incidentPlaybook.checklistPanel');
    assert.equal(panel.panel.title, `Checklist: ${ID}`);
    // The page loaded its script under the CSP and posted `ready`.
    await waitFor('the page to say ready', () => panel.isReady, 20_000);
    const html = panel.panel.webview.html;
    assert.match(html, /default-src 'none'; script-src 'nonce-[^']+'; style-src [^;]+; font-src [^;]+; img-src [^;]+ data:/);
    assert.ok(!html.includes('Payment webhooks'), 'no incident text in the HTML');
    const roots = (panel.panel.webview.options.localResourceRoots ?? []).map((u) => u.path);
    assert.equal(roots.length, 2, roots.join(', '));
    assert.ok(roots[0].endsWith('/dist/webview') && roots[1].endsWith('/media'), roots.join(', '));
    // Opening it again reveals the same panel.
    assert.equal(await open(ID), panel);
  });

  it('refuses hostile messages and writes nothing', async () => {
    const panel = await open(ID);
    const item = { index: 1, text: 'Assign incident commander, technical lead and communications lead' };
    const hostile: unknown[] = [
      42,
      'setDone',
      null,
      { type: 'setDone', incident: ID, item, done: 'yes' },
      { type: 'erase', incident: ID },
      { type: 'setDone', incident: 'INC-2026-1120-001', item: { index: 1, text: 'Post status page update' }, done: true },
      { type: 'setDone', incident: '../../etc/passwd', item, done: true },
      { type: 'openLink', incident: ID, href: '/etc/passwd' },
      { type: 'openLink', incident: ID, href: '../../../../etc/passwd' },
      { type: 'openLink', incident: ID, href: 'file:///etc/passwd' },
      { type: 'openLink', incident: ID, href: 'command:workbench.action.terminal.new' },
      { type: 'command', incident: ID, command: 'workbench.action.files.delete' },
      { type: 'setDone', incident: ID, item: { ...item, text: 'x'.repeat(100_000) }, done: true },
      { type: 'setDone', incident: ID, item, done: true, path: '/etc/passwd' },
    ];
    for (const m of hostile) assert.equal(await panel.receive(m), false, JSON.stringify(m)?.slice(0, 120));
    // A well-formed message about an item the page never showed is refused when acted on.
    await panel.receive({ type: 'setDone', incident: ID, item: { index: 1, text: 'Something else' }, done: true });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await diskText(), fixture.original, 'nothing was written');
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === logUri().toString());
    assert.ok(!doc?.isDirty, 'the log is not dirty');
    assert.equal(vscode.window.visibleTextEditors.filter((e) => e.document.uri.path === '/etc/passwd').length, 0);
  });

  it('ticks, unticks and skips with a timeline entry, one edit each: one Undo reverts a tick and its entry', async () => {
    const panel = await open(ID);
    const item = { index: 1, text: 'Assign incident commander, technical lead and communications lead' };
    const section = (t: string) => t.slice(t.indexOf(`## ${ID}`), t.indexOf('## INC-2026-1120-001'));
    assert.equal(await panel.receive({ type: 'setDone', incident: ID, item, done: true }), true);
    const ticked = section(await diskText());
    assert.ok(ticked.includes(`- [x] ${item.text}\n`), ticked);
    assert.match(ticked, new RegExp(`^- \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC — Checklist: ${item.text} — done`, 'm'));
    const doc = await vscode.workspace.openTextDocument(logUri());
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), fixture.original, 'box and entry reverted together');
    await doc.save();
    assert.equal(await panel.receive({ type: 'setDone', incident: ID, item: { index: 0, text: 'Acknowledge the alert and declare the incident' }, done: false }), true);
    let text = section(await diskText());
    assert.ok(text.includes('- [ ] Acknowledge the alert and declare the incident\n'));
    assert.match(text, /— Checklist: Acknowledge the alert and declare the incident — reopened/);
    assert.equal(await panel.receive({ type: 'skip', incident: ID, item, reason: 'Roles come from the on-call rota' }), true);
    text = section(await diskText());
    assert.ok(text.includes(`- [x] ${item.text} — skipped: Roles come from the on-call rota\n`), text);
    assert.match(text, /— Checklist: Assign incident commander, technical lead and communications lead — skipped: Roles come from the on-call rota/);
  });

  it('Resolve asks once, naming the open items: Cancel writes nothing, Resolve with Note… logs the note with the resolution', async () => {
    const panel = await open(ID);
    const asked: Array<{ message: string; detail?: string; items: string[] }> = [];
    let answer: string | undefined = undefined; // what VS Code answers for Cancel
    let note: string | undefined = 'Rolled back the dispatcher';
    panel.resolveUi = {
      ask: async (message, options, ...items) => {
        asked.push({ message, detail: options.detail, items });
        assert.equal(options.modal, true, 'a modal');
        return answer;
      },
      input: async () => note,
    };
    const section = (t: string) => t.slice(t.indexOf(`## ${ID}`), t.indexOf('## INC-2026-1120-001'));
    // Cancel (the modal's own button, or Escape): nothing written.
    assert.equal(await panel.receive({ type: 'command', incident: ID, command: 'resolve' }), true);
    assert.equal(asked.length, 1);
    assert.equal(asked[0].message, `Resolve ${ID} with 1 of 2 checklist items open?`);
    assert.match(asked[0].detail ?? '', /Still open: "Assign incident commander, technical lead and communications lead"\./);
    assert.deepEqual(asked[0].items, ['Resolve', 'Resolve with Note…']);
    assert.equal(await diskText(), fixture.original, 'Cancel writes nothing');
    // Resolve with Note…, then Escape in the note's box: nothing written either.
    answer = 'Resolve with Note…';
    note = undefined;
    await panel.receive({ type: 'command', incident: ID, command: 'resolve' });
    assert.equal(await diskText(), fixture.original, 'no note, no resolution');
    // With a note: resolved, and the note is the resolution's entry.
    note = '  Rolled back the dispatcher  ';
    await panel.receive({ type: 'command', incident: ID, command: 'resolve' });
    const text = section(await diskText());
    assert.match(text, /- \*\*Status:\*\* Resolved/);
    assert.match(text, /- \*\*Resolved:\*\* \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
    assert.match(text, /^- \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC — Incident resolved: Rolled back the dispatcher( \(@[^)]*\)| \(Riley Oncall\))?$/m);
    assert.equal(text.match(/Incident resolved/g)?.length, 1);
    assert.equal(asked.length, 3, 'asked once each time');
  });

  it('Resolve Incident from the palette or with arguments does not ask; a note argument is logged', async () => {
    await open(ID);
    assert.equal(await vscode.commands.executeCommand(Commands.resolve, { incident: 'INC-2026-1120-001', note: 'Rollback of 7f3c held for 30 min' }), true);
    const text = await diskText();
    assert.match(text.slice(text.indexOf('## INC-2026-1120-001')), /UTC — Incident resolved: Rollback of 7f3c held for 30 min/);
  });

  it("gives an incident without a checklist the playbook's on first open, in one edit", async () => {
    const id = 'INC-2026-1102-001';
    assert.equal(findIncident(indexLog(fixture.original), id)?.checklist.length, 0);
    await open(id);
    const text = await diskText();
    const items = findIncident(indexLog(text), id)!.checklist.map((c) => c.text);
    assert.ok(items.length > 0);
    assert.deepEqual(items, defaultPolicy().checklist);
    const doc = await vscode.workspace.openTextDocument(logUri());
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), fixture.original, 'one Undo removes the whole checklist');
  });
});
