// The post-incident review form in a real VS Code: the command drafts the review when absent and
// opens the panel; a section change splices only that section; hostile messages are refused with
// nothing written; Mark final writes the front matter and the incident's timeline entry, after
// asking (a modal naming them) while sections hold nothing but the template.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { findIncident, indexLog, readReview, readReviewActionItems } from '../../src/core';
import { sectionContent } from '../../src/core/review/reviewFile';
import { Commands } from '../../src/extension/commandIds';
import { MARK_FINAL } from '../../src/extension/panels/reviewPanel';
import type { IncidentTreeProvider } from '../../src/extension/tree/render';
import { EXTENSION_ID, diskText, logUri, resetLog, waitFor } from './helpers';

const ID = 'INC-2026-1120-001';

interface PanelHandle {
  incidentId: string;
  isReady: boolean;
  panel: vscode.WebviewPanel;
  receive(raw: unknown): Promise<boolean>;
  ask: (message: string, options: vscode.MessageOptions, ...items: string[]) => Thenable<string | undefined>;
}

/** Answers the panel's questions with `answer`, keeping what was asked. */
function answer(panel: PanelHandle, answer: string | undefined): Array<{ message: string; options: vscode.MessageOptions; items: string[] }> {
  const asked: Array<{ message: string; options: vscode.MessageOptions; items: string[] }> = [];
  panel.ask = (message, options, ...items) => {
    asked.push({ message, options, items });
    return Promise.resolve(answer);
  };
  return asked;
}

const pirDir = () => vscode.Uri.joinPath(logUri(), '..', 'pir');
const reviewUri = () => vscode.Uri.joinPath(pirDir(), `${ID}.md`);
const reviewText = async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(reviewUri()));

async function open(): Promise<PanelHandle> {
  const panel = await vscode.commands.executeCommand<PanelHandle>(Commands.openReview, { incident: ID });
  assert.ok(panel, 'the command returns the panel');
  return panel;
}

/** The section's text as the file holds it. */
const sectionText = (text: string, heading: string) => readReview(text).sections.find((s) => s.heading === heading)?.text ?? '';
/** The section's text as the form shows it (without the template's hints): a write's base. */
const shownText = (text: string, heading: string) => sectionContent(sectionText(text, heading)).text;

describe('Review panel', () => {
  let original = '';
  let tree: IncidentTreeProvider;

  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    tree = ((await ext.activate()) as { incidentTree: IncidentTreeProvider }).incidentTree;
    original = await diskText();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(pirDir(), { recursive: true }).then(undefined, () => undefined);
    await resetLog(original);
  });

  it('Open Post-Incident Review drafts the review when absent and opens the form; its page says ready', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes(Commands.openReview));
    await vscode.workspace.fs.delete(pirDir(), { recursive: true }).then(undefined, () => undefined);
    const panel = await open();
    assert.equal(panel.incidentId, ID);
    assert.equal(panel.panel.viewType, 'incidentPlaybook.reviewPanel');
    assert.equal(panel.panel.title, `Review: ${ID}`);
    const draft = await reviewText();
    assert.match(draft, /^---\n[\s\S]*?\nstatus: draft\n/);
    assert.ok(readReview(draft).sections.some((s) => s.heading === 'Root cause'));
    await waitFor('the page to say ready', () => panel.isReady, 20_000);
    assert.match(panel.panel.webview.html, /default-src 'none'; script-src 'nonce-[^']+'/);
    assert.ok(!panel.panel.webview.html.includes('Cart totals'), 'no incident text in the HTML');
    // No editor for the draft: the form is the way in.
    assert.ok(!vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === reviewUri().toString()));
    assert.equal(await open(), panel, 'opening it again reveals the same panel');
  });

  it('a section change splices only that section: the rest of the file stays byte for byte', async () => {
    const panel = await open();
    const before = await reviewText();
    const base = shownText(before, 'Root cause');
    assert.equal(base, '', 'the draft\'s Root cause holds only the template');
    const text = 'A coupon rule applied twice.\n\n- Added in release 4.2\n- No test covered stacked coupons';
    assert.equal(await panel.receive({ type: 'setSection', incident: ID, section: 'rootCause', base, text }), true);
    const after = await reviewText();
    assert.equal(sectionText(after, 'Root cause'), text);
    const doc = readReview(before);
    const root = doc.sections.find((s) => s.heading === 'Root cause')!;
    const headEnd = root.bodyStart;
    assert.equal(after.slice(0, headEnd), before.slice(0, headEnd), 'everything before the section is unchanged');
    const next = before.slice(root.bodyEnd);
    assert.ok(after.endsWith(next), 'everything after the section is unchanged');
    // One Undo reverts it.
    const editor = await vscode.window.showTextDocument(reviewUri());
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), before);
    await editor.document.save();
  });

  it('never overwrites text it did not show: a section changed in the file is left alone', async () => {
    const panel = await open();
    const before = await reviewText();
    const handEdited = before.replace(/## What went well\n\n[^\n#]*/, '## What went well\n\nWritten by hand.');
    await vscode.workspace.fs.writeFile(reviewUri(), new TextEncoder().encode(handEdited));
    await panel.receive({ type: 'setSection', incident: ID, section: 'wentWell', base: shownText(before, 'What went well'), text: 'From a stale form.', seq: 1 });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await reviewText(), handEdited);
  });

  it('refuses hostile messages and writes nothing', async () => {
    const panel = await open();
    const before = await reviewText();
    const log = await diskText();
    const hostile: unknown[] = [
      42,
      null,
      'markFinal',
      { type: 'markFinal', incident: 'INC-2026-1121-001' },
      { type: 'markFinal', incident: '../../etc/passwd' },
      { type: 'markFinal', incident: ID, file: '/etc/passwd' },
      { type: 'setSection', incident: ID, section: 'actionItems', base: '', text: 'x' },
      { type: 'setSection', incident: ID, section: '../../../README', base: '', text: 'x' },
      { type: 'setSection', incident: ID, section: 'summary', base: '', text: 'x'.repeat(200_000) },
      { type: 'setSection', incident: ID, section: 'summary', base: '', text: 'nul\u0000' },
      { type: 'addActionItem', incident: ID, action: 'x', owner: '', due: '/etc/passwd' },
      { type: 'addActionItem', incident: 'INC-2026-1121-001', action: 'x', owner: '', due: '' },
      { type: 'editActionItem', incident: ID, item: { line: 3, action: 'x' }, column: 'path', value: '/tmp/x' },
      { type: 'openFile', incident: ID, path: '/etc/passwd' },
      { type: 'writeFile', incident: ID, path: 'docs/INCIDENT_LOG.md', text: '' },
    ];
    for (const m of hostile) assert.equal(await panel.receive(m), false, JSON.stringify(m)?.slice(0, 120));
    // Well-formed, but about an item the page never showed: refused when acted on.
    await panel.receive({ type: 'editActionItem', incident: ID, item: { line: 1, action: 'Not an item' }, column: 'owner', value: 'Mallory' });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await reviewText(), before, 'the review is unchanged');
    assert.equal(await diskText(), log, 'the log is unchanged');
  });

  it('adds, edits and closes action items; the owner defaults to the git user', async () => {
    const panel = await open();
    assert.equal(await panel.receive({ type: 'addActionItem', incident: ID, action: 'Test stacked coupons', owner: 'Priya', due: '2026-12-10' }), true);
    let items = readReviewActionItems(await reviewText()).items;
    const added = items.find((i) => i.action === 'Test stacked coupons');
    assert.ok(added, JSON.stringify(items));
    assert.equal(added.owner, 'Priya');
    assert.equal(added.due, '2026-12-10');
    assert.equal(await panel.receive({ type: 'editActionItem', incident: ID, item: { line: added.line, action: added.action }, column: 'owner', value: 'Sam' }), true);
    assert.equal(await panel.receive({ type: 'setActionItemDone', incident: ID, item: { line: added.line, action: added.action }, done: true }), true);
    items = readReviewActionItems(await reviewText()).items;
    const edited = items.find((i) => i.action === 'Test stacked coupons')!;
    assert.equal(edited.owner, 'Sam');
    assert.equal(edited.done, true);
  });

  it('a section written from the form loses the template\'s hints: the file holds what the text area held', async () => {
    const panel = await open();
    const before = await reviewText();
    assert.match(sectionText(before, 'Root cause'), /<!--[\s\S]*-->\n\n1\. Why\?/);
    assert.equal(await panel.receive({ type: 'setSection', incident: ID, section: 'rootCause', base: '', text: 'The inventory-sync consumer group fell behind.', seq: 5 }), true);
    assert.equal(sectionText(await reviewText(), 'Root cause'), 'The inventory-sync consumer group fell behind.');
  });

  it('Mark final while sections hold only the template asks in a modal naming them; cancelled, nothing is written', async () => {
    const panel = await open();
    const before = await reviewText();
    const logBefore = await diskText();
    const asked = answer(panel, undefined);
    assert.equal(await panel.receive({ type: 'markFinal', incident: ID }), true);
    assert.equal(asked.length, 1);
    assert.equal(asked[0].options.modal, true);
    assert.deepEqual(asked[0].items, [MARK_FINAL]);
    assert.match(asked[0].message, new RegExp(`Mark the review of ${ID} final\\? 6 sections are still empty\\.`));
    assert.equal(asked[0].options.detail, "Still empty (or holding only the template's hints): Root cause, Contributing factors, What went well, What could be improved, Lessons learned and Communication recap.");
    assert.equal(await reviewText(), before, 'the review is unchanged');
    assert.equal(await diskText(), logBefore, 'the log is unchanged');
    // Written sections are not named again; with none left empty, nothing is asked.
    for (const [section, heading] of [['rootCause', 'Root cause'], ['contributingFactors', 'Contributing factors'], ['wentWell', 'What went well'], ['couldImprove', 'What could be improved'], ['lessons', 'Lessons learned']] as const) {
      await panel.receive({ type: 'setSection', incident: ID, section, base: shownText(await reviewText(), heading), text: `${heading}: written.` });
    }
    await panel.receive({ type: 'markFinal', incident: ID });
    assert.match(asked[1].message, /"Communication recap" is still empty\./);
    await panel.receive({ type: 'setSection', incident: ID, section: 'communication', base: '', text: 'Status page twice.' });
    await panel.receive({ type: 'markFinal', incident: ID });
    assert.equal(asked.length, 2, 'nothing empty: no question');
    assert.match(await reviewText(), /\nstatus: final\n/);
  });

  it('Mark final writes status: final and "Post-incident review completed" on the timeline, in one edit', async () => {
    const panel = await open();
    // The last test left this review final and it was deleted; on a busy machine VS Code's model
    // of the file can still hold that text for a moment after the new draft is written.
    await waitFor('the new draft in VS Code', async () => /\nstatus: draft\n/.test((await vscode.workspace.openTextDocument(reviewUri())).getText()) || undefined, 15_000);
    const logBefore = await diskText();
    const asked = answer(panel, MARK_FINAL);
    assert.equal(await panel.receive({ type: 'markFinal', incident: ID }), true);
    assert.equal(asked.length, 1, 'asked once: the draft\'s sections hold only the template');
    assert.match(await reviewText(), /\nstatus: final\n/);
    const log = await diskText();
    const incident = findIncident(indexLog(log), ID)!;
    assert.ok(
      incident.timeline.some((e) => e.text === 'Post-incident review completed'),
      JSON.stringify(incident.timeline.map((e) => e.text)),
    );
    assert.equal(log.split('\n').length, logBefore.split('\n').length + 1, 'one timeline entry');
    // Final already: nothing more is asked or written.
    await panel.receive({ type: 'markFinal', incident: ID });
    assert.equal(await diskText(), log);
    assert.equal(asked.length, 1);
  });

  it('overdue review action items show under the incident in the tree and as problems on the review', async () => {
    const panel = await open();
    assert.equal(await panel.receive({ type: 'addActionItem', incident: ID, action: 'Backfill the coupon audit', owner: 'Priya', due: '2020-01-31' }), true);
    // The tree lists the review's open items under the incident, the overdue one marked.
    const row = await waitFor(
      'the review action items under the incident',
      async () => {
        const node = (await tree.incidentNodes()).find((n) => n.id === ID);
        const section = node ? (await tree.getChildren(node)).find((c) => c.kind === 'detail' && c.detail === 'reviewActions') : undefined;
        if (!section) return undefined;
        const items = await tree.getChildren(section);
        return items.map((i) => tree.getTreeItem(i)).find((i) => i.label === 'Backfill the coupon audit');
      },
      10_000,
    );
    assert.match(String(row.description), /@Priya · due 2020-01-31 · overdue/);
    // The review open in an editor: the Problems panel says so on the item's line.
    const editor = await vscode.window.showTextDocument(reviewUri());
    const diagnostic = await waitFor('the overdue-action-item diagnostic', () => vscode.languages.getDiagnostics(reviewUri()).find((d) => d.code === 'overdue-action-item'));
    assert.ok(editor.document.lineAt(diagnostic.range.start.line).text.includes('Backfill the coupon audit'));
  });
});
