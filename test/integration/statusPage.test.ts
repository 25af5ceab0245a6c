// The status page in a real VS Code: "Incident: Preview Status Page" opens a script-less
// webview with the site's index (the incident pages inlined) made from the log as the editor
// has it, public words in, internal ones out; it is drawn again after an edit of the log; and
// "Publish…" shows the dry-run diff, writes the site into site/status/ when asked, says nothing
// changed when nothing did, and writes nothing when declined.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../src/extension/commandIds';
import { logUri, usePlaybook, waitFor } from './helpers';

interface PublishUi {
  showDiff(left: vscode.Uri, right: vscode.Uri, title: string): Thenable<unknown>;
  confirmWrite(message: string, write: string): Thenable<boolean>;
  info(message: string): Thenable<unknown>;
}

interface PreviewHandle {
  html: string;
  panel: vscode.WebviewPanel;
  publisher: { ui: PublishUi };
}

type Outcome = { kind: 'unchanged' | 'cancelled' | 'written'; written?: string[]; changed?: string[] };

const PLAYBOOK = `preset: sev
timeZone: UTC
components:
  - id: checkout
    name: Checkout
    group: Storefront
  - id: payments
    name: Payments
    group: Storefront
`;

/** Internal words of the fixture's SEV-1 that the public must never read. */
const INTERNAL = ['Checkout API returning 500s', 'Rolled back deploy 7f3c', 'Dana Reyes', 'Sam Okafor', 'Lee Park'];

/** Announces the fixture's SEV-1 in the editor (unsaved): its public title, what it affects, a status page update. */
async function announce(): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(logUri());
  await vscode.window.showTextDocument(doc);
  const text = doc.getText();
  const edit = new vscode.WorkspaceEdit();
  const role = '- **Communications Lead:** Lee Park\n';
  edit.insert(doc.uri, doc.positionAt(text.indexOf(role) + role.length), '- **Affected:** checkout\n- **Public title:** Checkout errors\n');
  const entry = '- 2026-11-20 14:42 UTC — Rolled back deploy 7f3c (@sam)\n';
  edit.insert(doc.uri, doc.positionAt(text.indexOf(entry) + entry.length), '- 2026-11-20 14:45 UTC — Status update (status page): Identified: Some checkouts fail; a fix is rolling out (@lee)\n');
  assert.ok(await vscode.workspace.applyEdit(edit));
  return doc;
}

/** Adds a status page update at the end of the SEV-1's timeline (unsaved). */
async function update(doc: vscode.TextDocument, words: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  const after = '- 2026-11-20 14:45 UTC — Status update (status page): Identified: Some checkouts fail; a fix is rolling out (@lee)\n';
  edit.insert(doc.uri, doc.positionAt(doc.getText().indexOf(after) + after.length), `- 2026-11-20 15:05 UTC — Status update (status page): Monitoring: ${words} (@lee)\n`);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

function siteUri(...path: string[]): vscode.Uri {
  return vscode.Uri.joinPath(logUri(), '..', '..', 'site', 'status', ...path);
}

async function text(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

describe('The status page preview and Publish', function () {
  this.timeout(60_000);
  const fixture = usePlaybook();

  before(async () => {
    await fixture.writePlaybook(PLAYBOOK);
  });

  after(async () => {
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(logUri(), '..', '..', 'site'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  it('status page: the command opens a script-less page of the public words only, drawn again after an edit of the log', async () => {
    const doc = await announce();
    const preview = await vscode.commands.executeCommand<PreviewHandle>(Commands.previewStatusPage);
    assert.ok(preview, 'the command returns the preview');
    // The playbook's components arrive with a file event: wait for the page that lists them.
    await waitFor('the page with the components and the unsaved announcement', () => preview.html.includes('<h3 id="group-1">Storefront</h3>') && preview.html.includes('Checkout errors'), 20_000);
    const html = preview.panel.webview.html;
    assert.equal(html, preview.html);
    assert.equal(preview.panel.viewType, 'incidentPlaybook.statusPagePanel');
    assert.equal(preview.panel.webview.options.enableScripts, false);
    assert.equal(preview.panel.webview.options.enableCommandUris, false);
    assert.doesNotMatch(html, /<script|script-src/);
    assert.match(html, /http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-/);
    // The index and the incident's own page (inlined), linked by anchor.
    assert.ok(html.includes('<a href="#incident-INC-2026-1120-001">Checkout errors</a>'));
    assert.ok(html.includes('<section id="incident-INC-2026-1120-001"'));
    assert.ok(html.includes('Some checkouts fail; a fix is rolling out'));
    assert.ok(html.includes('<span class="label">Checkout</span> <span class="state state-major_outage">Major outage</span>'));
    for (const s of INTERNAL) assert.ok(!html.includes(s), `the page holds the internal "${s}"`);

    await update(doc, 'Checkout has recovered; we are watching it');
    const redrawn = await waitFor('the page drawn again', () => preview.html.includes('Checkout has recovered; we are watching it') && preview.html, 10_000);
    assert.equal(preview.panel.webview.html, redrawn);
    assert.ok(redrawn.includes('<span class="stage">Monitoring</span>'));
  });

  it('status page: Publish shows the dry-run diff and writes the site; again with no change, nothing changed; declined, nothing is written', async () => {
    const doc = await announce();
    const preview = await vscode.commands.executeCommand<PreviewHandle>(Commands.previewStatusPage);
    assert.ok(preview);
    const diffs: Array<{ left: string; right: string; title: string }> = [];
    const infos: string[] = [];
    const asked: string[] = [];
    let answer = true;
    preview.publisher.ui = {
      showDiff: async (left, right, title) => {
        diffs.push({ left: (await vscode.workspace.openTextDocument(left)).getText(), right: (await vscode.workspace.openTextDocument(right)).getText(), title });
      },
      confirmWrite: async (message) => {
        asked.push(message);
        return answer;
      },
      info: async (message) => infos.push(message),
    };

    const first = await vscode.commands.executeCommand<Outcome>(Commands.publishStatusPage);
    assert.equal(first?.kind, 'written');
    assert.equal(diffs.length, 1);
    assert.match(diffs[0].left, /^No status page has been generated in site\/status\/ yet\.\n$/);
    assert.match(diffs[0].right, /^Service status: Major outage \(as of /);
    assert.ok(diffs[0].right.includes('    Title: Checkout errors') && diffs[0].right.includes('Identified: Some checkouts fail; a fix is rolling out'));
    assert.match(asked[0], /^Write the status page to site\/status\/\? 5 of its 5 files change\.$/);
    assert.match(infos[0], /^Status page in site\/status\/: 5 written, 0 unchanged\.$/);
    const index = await text(siteUri('index.html'));
    assert.ok(index.includes('<a href="incidents/INC-2026-1120-001.html">Checkout errors</a>'));
    for (const s of INTERNAL) assert.ok(!index.includes(s), `index.html holds the internal "${s}"`);
    assert.ok((await text(siteUri('incidents', 'INC-2026-1120-001.html'))).includes('Some checkouts fail; a fix is rolling out'));
    assert.deepEqual(JSON.parse(await text(siteUri('.statuspage-manifest.json'))).files, ['index.html', 'incidents/INC-2026-1120-001.html', 'feed.atom', 'feed.rss', 'status.json']);

    // Nothing changed: said so, no diff, no question, nothing written.
    const written = await vscode.workspace.fs.stat(siteUri('index.html'));
    const second = await vscode.commands.executeCommand<Outcome>(Commands.publishStatusPage);
    assert.equal(second?.kind, 'unchanged');
    assert.equal(diffs.length, 1);
    assert.equal(asked.length, 1);
    assert.match(infos[1], /^Status page: nothing changed since the site in site\/status\/ was generated \(/);
    assert.equal((await vscode.workspace.fs.stat(siteUri('index.html'))).mtime, written.mtime);

    // A new update: the diff shows it on the right only; declined, the site stays as it was.
    await update(doc, 'Checkout has recovered; we are watching it');
    answer = false;
    const third = await vscode.commands.executeCommand<Outcome>(Commands.publishStatusPage);
    assert.equal(third?.kind, 'cancelled');
    assert.ok(diffs[1].left.includes('Identified: Some checkouts fail') && !diffs[1].left.includes('Checkout has recovered'));
    assert.ok(diffs[1].right.includes('Monitoring: Checkout has recovered; we are watching it'));
    assert.ok(third.changed?.includes('index.html'));
    assert.equal(await text(siteUri('index.html')), index);
  });
});
