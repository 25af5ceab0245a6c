// The log's editor in a real VS Code: CodeLens over incident headings, the "Incidents" outline,
// working a checklist (one undoable edit), and starting the post-incident review.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { findIncident, indexLog, plainIncident } from '../../src/core';
import { Commands } from '../../src/extension/commandIds';
import { EXTENSION_ID, diskText, logUri, resetLog, waitFor } from './helpers';

describe('In the log’s editor', () => {
  let original = '';

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    original = await diskText();
  });

  afterEach(async () => {
    await resetLog(original);
    const pir = vscode.Uri.joinPath(logUri(), '..', 'pir');
    await vscode.workspace.fs.delete(pir, { recursive: true }).then(undefined, () => undefined);
  });

  const headingLine = (text: string, id: string) => text.split('\n').findIndex((l) => l.startsWith(`## ${id}`));

  it('shows Add entry · status · Checklist n/m · Open checklist · Post-incident review over each incident heading', async () => {
    const doc = await vscode.workspace.openTextDocument(logUri());
    await vscode.window.showTextDocument(doc);
    const lenses = await waitFor('our CodeLenses', async () => {
      const all = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri)) ?? [];
      const ours = all.filter((l) => l.command?.command.startsWith('incidentPlaybook.'));
      return ours.length === 15 && ours;
    });
    const at = (id: string) =>
      lenses
        .filter((l) => l.range.start.line === headingLine(original, id))
        .map((l) => [l.command!.title, l.command!.command, l.command!.arguments?.[0]]);
    assert.deepEqual(at('INC-2026-1120-001'), [
      ['$(add) Add entry', 'incidentPlaybook.addTimelineEntry', { incident: 'INC-2026-1120-001' }],
      ['$(pulse) Mitigating', 'incidentPlaybook.setStatus', { incident: 'INC-2026-1120-001' }],
      ['$(checklist) Checklist 1/2', 'incidentPlaybook.checklist', { incident: 'INC-2026-1120-001' }],
      ['$(preview) Open checklist', 'incidentPlaybook.openChecklist', { incident: 'INC-2026-1120-001' }],
      ['$(notebook) Post-incident review', 'incidentPlaybook.openReview', { incident: 'INC-2026-1120-001' }],
    ]);
    assert.equal(at('INC-2026-1102-001')[2][0], '$(checklist) Add checklist');
  });

  it('lists the incidents in the outline, with severity and status, timeline and checklist', async () => {
    const doc = await vscode.workspace.openTextDocument(logUri());
    const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri)) ?? [];
    const incidents = symbols.filter((s) => s.kind === vscode.SymbolKind.Event);
    assert.deepEqual(
      incidents.map((s) => [s.name, s.detail]),
      [
        ['INC-2026-1121-001: Payment webhooks delayed', 'SEV-2 · Investigating'],
        ['INC-2026-1120-001: Checkout API returning 500s', 'SEV-1 · Mitigating'],
        ['INC-2026-1102-001: Search index lagging behind catalog', 'SEV-3 · Resolved'],
      ],
    );
    assert.deepEqual(incidents[1].children.map((c) => [c.name, c.detail]), [
      ['Timeline', '2 entries'],
      ['Checklist', '1/2'],
    ]);
    assert.equal(incidents[1].selectionRange.start.line, headingLine(original, 'INC-2026-1120-001'));
  });

  it('Tick Checklist Items ticks and unticks items in one edit that one Undo reverts', async () => {
    const doc = await vscode.workspace.openTextDocument(logUri());
    await vscode.window.showTextDocument(doc);
    // Item 0 done → not done, item 1 not done → done.
    const result = await vscode.commands.executeCommand(Commands.checklist, { incident: 'INC-2026-1120-001', done: [1] });
    assert.deepEqual(result, { done: 1, total: 2 });
    const text = await diskText();
    assert.equal(text, original.replace('- [x] Declare incident and assign roles', '- [ ] Declare incident and assign roles').replace('- [ ] Post status page update', '- [x] Post status page update'));
    await vscode.commands.executeCommand('undo');
    await waitFor('one undo to revert both boxes', () => doc.getText() === original);
  });

  it('offers the playbook’s checklist to an incident that has none', async () => {
    const result = await vscode.commands.executeCommand<{ done: number; total: number }>(Commands.checklist, { incident: 'INC-2026-1102-001', add: true });
    assert.ok(result && result.total > 3);
    const incident = findIncident(indexLog(await diskText()), 'INC-2026-1102-001')!;
    assert.equal(incident.checklist.length, result.total);
    assert.equal(incident.checklist[0].text, 'Acknowledge the alert and declare the incident');
    // Nothing else moved: the other incidents read as before.
    assert.deepEqual(plainIncident(findIncident(indexLog(await diskText()), 'INC-2026-1120-001')!), plainIncident(findIncident(indexLog(original), 'INC-2026-1120-001')!));
  });

  it('Open Post-Incident Review as Markdown writes docs/pir/<id>.md from the template, links it from the incident, and never overwrites it', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>(Commands.startReview, { incident: 'INC-2026-1102-001' });
    assert.ok(uri);
    assert.ok(uri.path.endsWith('/docs/pir/INC-2026-1102-001.md'), uri.path);
    const review = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.match(review, /^---\nincident: "INC-2026-1102-001"\n/);
    assert.match(review, /^review_due: "2026-11-05"$/m);
    assert.match(review, /^# Post-incident review: INC-2026-1102-001 — Search index lagging behind catalog$/m);
    assert.match(review, /^\| 2026-11-02 10:45 UTC \| Reindex finished; lag back under 1 min \(@sam\) \|/m);
    assert.match(review, /\[INC-2026-1102-001\]\(\.\.\/INCIDENT_LOG\.md#inc-2026-1102-001-search-index-lagging-behind-catalog\)/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    const log = await diskText();
    const incident = findIncident(indexLog(log), 'INC-2026-1102-001')!;
    assert.equal(incident.fields.find((f) => f.key === 'Review')?.value, '[pir/INC-2026-1102-001.md](pir/INC-2026-1102-001.md)');
    // A second run opens the draft as it is (with the reviewer's edits), and writes nothing.
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${review}\nReviewer notes.\n`));
    const again = await vscode.commands.executeCommand<vscode.Uri>(Commands.startReview, { incident: 'INC-2026-1102-001' });
    assert.equal(again?.toString(), uri.toString());
    assert.ok(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)).endsWith('Reviewer notes.\n'));
    assert.equal(await diskText(), log);
  });

  it("Open Post-Incident Review as Markdown drafts from the team's template (.incident/templates/pir.md), as incident review does", async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const templates = vscode.Uri.joinPath(folder, '.incident', 'templates');
    const template = ['---', 'team: payments', '---', '', '# Review', '', '## Summary', '', '## Customer communication', '', 'Who told customers what, and when.', ''].join('\n');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(templates, 'pir.md'), new TextEncoder().encode(template));
    try {
      const uri = await vscode.commands.executeCommand<vscode.Uri>(Commands.startReview, { incident: 'INC-2026-1102-001', open: false });
      assert.ok(uri);
      const review = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      // The template's own text and keys, with the review's keys and facts filled in.
      assert.match(review, /^team: payments$/m);
      assert.match(review, /^incident: "INC-2026-1102-001"$/m);
      assert.match(review, /^## Customer communication\n\nWho told customers what, and when\.$/m);
      assert.doesNotMatch(review, /Contributing factors/, 'not the built-in template');
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, '.incident'), { recursive: true });
    }
  });

  it('Open Post-Incident Review as Markdown writes no draft when the log cannot be written (conflict markers)', async () => {
    const conflicted = original.replace('- **Status:** Resolved\n', '<<<<<<< HEAD\n- **Status:** Resolved\n=======\n- **Status:** Monitoring\n>>>>>>> main\n');
    assert.notEqual(conflicted, original);
    await vscode.workspace.fs.writeFile(logUri(), new TextEncoder().encode(conflicted));
    const result = await vscode.commands.executeCommand(Commands.startReview, { incident: 'INC-2026-1102-001' });
    assert.equal(result, undefined);
    const pir = vscode.Uri.joinPath(logUri(), '..', 'pir', 'INC-2026-1102-001.md');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(pir)));
    assert.equal(await diskText(), conflicted);
  });

  it('contributes keybindings for the response commands', () => {
    const keys = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.keybindings as Array<{ command: string; key: string }>;
    const byCommand = Object.fromEntries(keys.map((k) => [k.command, k.key]));
    assert.equal(byCommand['incidentPlaybook.addTimelineEntry'], 'alt+i l');
    assert.equal(byCommand['incidentPlaybook.declare'], 'alt+i d');
    assert.equal(Object.keys(byCommand).length, 8);
  });
});
