// Both panels under the P1..P4 preset (the trading playbook's phases, response times and review
// periods), and both following the user's unsaved edits: what a panel shows is what the editor
// holds, saved or not. A panel's view is read with the same snapshot the page is posted.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { findIncident, indexLog, priorityPolicy } from '../../src/core';
import { Commands } from '../../src/extension/commandIds';
import type { IncidentTreeProvider } from '../../src/extension/tree/render';
import type { ChecklistToWebview, ReviewToWebview } from '../../src/shared/protocol';
import { EXTENSION_ID, diskText, logUri, resetLog, waitFor } from './helpers';

interface PanelHandle<T> {
  incidentId: string;
  isReady: boolean;
  panel: vscode.WebviewPanel;
  /** Protected in the host; read here the way the host reads it before posting. */
  snapshot(): Promise<T>;
}

const P1 = 'INC-2026-1130-101';
const P2 = 'INC-2026-1129-102';
const incidents = [
  `## ${P1}: Order matching halted`,
  '- **Priority:** P1',
  '- **Status:** Investigating',
  `- **Detected:** ${new Date(Date.now() - 20 * 60_000).toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  '',
  `## ${P2}: Market data feed delayed`,
  '- **Priority:** P2',
  '- **Status:** Resolved',
  '- **Detected:** 2026-11-29 08:40 UTC',
  '- **Resolved:** 2026-11-29 10:00 UTC',
  '',
].join('\n');

const openChecklist = (incident: string) => vscode.commands.executeCommand<PanelHandle<ChecklistToWebview>>(Commands.openChecklist, { incident });
const openReview = (incident: string) => vscode.commands.executeCommand<PanelHandle<ReviewToWebview>>(Commands.openReview, { incident });
const checklistState = async (p: PanelHandle<ChecklistToWebview>) => {
  const m = await p.snapshot();
  assert.equal(m.type, 'state');
  return (m as Extract<ChecklistToWebview, { type: 'state' }>).view;
};
const reviewState = async (p: PanelHandle<ReviewToWebview>) => {
  const m = await p.snapshot();
  assert.equal(m.type, 'state');
  return (m as Extract<ReviewToWebview, { type: 'state' }>).view;
};

describe('Panels on the P1..P4 playbook, following unsaved edits', () => {
  let original = '';
  let tree: IncidentTreeProvider;
  const folder = () => vscode.workspace.workspaceFolders![0].uri;
  const pirDir = () => vscode.Uri.joinPath(logUri(), '..', 'pir');

  before(async () => {
    tree = ((await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as { incidentTree: IncidentTreeProvider }).incidentTree;
    original = await diskText();
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder(), '.incident', 'playbook.yml'), new TextEncoder().encode('preset: p1-p4\n'));
    await vscode.workspace.fs.writeFile(logUri(), new TextEncoder().encode(original.replace(/\n## /, `\n${incidents}\n## `)));
    await waitFor(
      'the P1 incident read under the preset',
      async () => {
        const node = (await tree.incidentNodes()).find((n) => n.id === P1);
        return node && String(tree.getTreeItem(node).label).startsWith('P1 · ') && String(tree.getTreeItem(node).description).startsWith('Investigating');
      },
      15_000,
    );
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder(), '.incident'), { recursive: true });
    await vscode.workspace.fs.delete(pirDir(), { recursive: true }).then(undefined, () => undefined);
    await resetLog(original);
    // The next suites read the fixture under the built-in policy again.
    await waitFor(
      'the built-in policy again',
      async () => {
        const node = (await tree.incidentNodes()).find((n) => n.id === 'INC-2026-1120-001');
        return node && String(tree.getTreeItem(node).label).startsWith('SEV-1 · ');
      },
      15_000,
    );
  });

  it("the checklist panel gives a P1 the trading playbook's six phases, its 15-minute response time and 15-minute update cadence", async () => {
    const panel = await openChecklist(P1);
    await waitFor('the page to say ready', () => panel.isReady, 20_000);
    const view = await checklistState(panel);
    assert.deepEqual(
      view.phases.map((p) => p.title),
      ['Initial assessment', 'P1 response', 'Investigation', 'Fix implementation', 'Recovery verification', 'Closure'],
    );
    // Items show as text: the war-room item's code span shows without its backticks.
    const asShown = priorityPolicy().checklist.map((t) => t.replace(/`/g, ''));
    assert.deepEqual(view.phases.flatMap((p) => p.items.map((i) => i.text)), asShown);
    assert.equal(view.incident.severity, 'P1');
    assert.equal(view.clock.responseTime, '15 min');
    // No commander 20 minutes in: past the P1 response time.
    assert.equal(view.clock.breached, true);
    // Every 15 minutes, and none posted yet (the first was due 15 minutes after detection).
    assert.ok(view.clock.nextUpdate, 'a next update is due');
    assert.equal(view.clock.nextUpdate.overdue, true, JSON.stringify(view.clock.nextUpdate));
    // The checklist the panel gave it is in the log, read back the same under the preset.
    const written = findIncident(indexLog(await diskText(), { policy: priorityPolicy() }), P1)!;
    assert.deepEqual(
      written.checklist.map((c) => c.text),
      asShown,
    );
    assert.match(await diskText(), /^- \[ \] Create the war room `#incident-YYYY-MM-DD-HH-MM`$/m);
  });

  it('the checklist panel follows an unsaved tick in the editor, and an unsaved undo of it', async () => {
    const panel = await openChecklist(P1);
    const doc = await vscode.workspace.openTextDocument(logUri());
    await vscode.window.showTextDocument(doc);
    const item = 'Confirm the incident is real';
    const line = doc.getText().split('\n').findIndex((l) => l.endsWith(`[ ] ${item}`));
    assert.ok(line > 0, 'the item is in the log');
    const at = doc.lineAt(line).text.indexOf('[ ]') + 1;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(line, at, line, at + 1), 'x');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(doc.isDirty, 'the edit is not saved');
    const done = async () => (await checklistState(panel)).phases[0].items.find((i) => i.text === item)?.done;
    await waitFor('the panel to show the unsaved tick', async () => (await done()) === true, 10_000);
    assert.equal((await checklistState(panel)).phases[0].done, 1);
    await vscode.commands.executeCommand('undo');
    await waitFor('the panel to show the undo', async () => (await done()) === false, 10_000);
  });

  it('the review form of a P2 is due 48 hours after resolution, and follows unsaved edits of the review in the editor', async () => {
    const panel = await openReview(P2);
    await waitFor('the page to say ready', () => panel.isReady, 20_000);
    let view = await reviewState(panel);
    assert.equal(view.facts.severity, 'P2');
    assert.equal(view.facts.reviewDue, '2026-12-01 10:00 UTC', 'due 48 h after resolution, shown as the rest of the extension shows times');
    const reviewUri = vscode.Uri.joinPath(pirDir(), `${P2}.md`);
    const doc = await vscode.workspace.openTextDocument(reviewUri);
    await vscode.window.showTextDocument(doc);
    const heading = doc.getText().split('\n').findIndex((l) => l === '## What went well');
    assert.ok(heading > 0);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(reviewUri, new vscode.Position(heading + 1, 0), '\nThe feed failover took two minutes.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(doc.isDirty, 'the edit is not saved');
    await waitFor(
      'the form to show the unsaved section text',
      async () => {
        view = await reviewState(panel);
        return view.sections.find((s) => s.heading === 'What went well')?.text.includes('The feed failover took two minutes.');
      },
      10_000,
    );
    // The file on disk does not have it yet: the form showed the editor's text.
    assert.ok(!new TextDecoder().decode(await vscode.workspace.fs.readFile(reviewUri)).includes('two minutes'));
  });
});
