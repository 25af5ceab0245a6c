// The executive summary composer in a real VS Code: the command opens it, its page loads under
// the CSP and says `ready`, hostile messages are refused, the summary reads the incident and
// its review file, and copies go to the clipboard as Markdown, Slack text or plain text.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../src/extension/commandIds';
import type { SummaryToWebview } from '../../src/shared/protocol';
import { EXTENSION_ID, diskText, logUri, waitFor } from './helpers';

const ID = 'INC-2026-1102-001';

interface SummaryHandle {
  incidentId: string;
  isReady: boolean;
  panel: vscode.WebviewPanel;
  receive(raw: unknown): Promise<boolean>;
}

async function open(incident: string): Promise<SummaryHandle> {
  const panel = await vscode.commands.executeCommand<SummaryHandle>(Commands.composeSummary, { incident });
  assert.ok(panel, 'the command returns the panel');
  return panel;
}

/** What the host would send the page now (its snapshot, read the way the host builds it). */
async function shown(panel: SummaryHandle): Promise<Extract<SummaryToWebview, { type: 'state' }>['view']> {
  const message = await (panel as unknown as { snapshot(): Promise<SummaryToWebview> }).snapshot();
  assert.equal(message.type, 'state');
  return (message as Extract<SummaryToWebview, { type: 'state' }>).view;
}

describe('Executive summary composer', () => {
  let original = '';
  const review = () => vscode.Uri.joinPath(logUri(), '..', 'pir', `${ID}.md`);

  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await ext.activate();
    original = await diskText();
  });

  // Only this suite's review file: other suites' reviews are theirs.
  const removeReview = () => Promise.resolve(vscode.workspace.fs.delete(review(), { useTrash: false })).then(undefined, () => undefined);
  beforeEach(removeReview);
  after(removeReview);

  it('opens from "Incident: Compose Executive Summary" and its page says ready', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes('incidentPlaybook.composeSummary'));
    const panel = await open(ID);
    assert.equal(panel.panel.viewType, 'incidentPlaybook.summaryPanel');
    assert.equal(panel.panel.title, `Summary: ${ID}`);
    await waitFor('the page to say ready', () => panel.isReady, 20_000);
    const html = panel.panel.webview.html;
    assert.match(html, /data-app="summary"/);
    assert.ok(!html.includes('Search index'), 'no incident text in the HTML');
    const view = await shown(panel);
    assert.ok(view.summary.startsWith('Subject: [SEV-3] Incident Summary - Search index lagging behind catalog\n'), view.summary);
    assert.match(view.summary, /\n\*\*Duration:\*\* 2 h 45 min\n/);
    assert.equal(view.review, null);
    assert.match(view.finalUpdate, /^Resolved: Search index lagging behind catalog\nThe incident is resolved as of 2026-11-02 10:45 UTC\./);
  });

  it('reads the review file: its root cause and action items', async () => {
    await vscode.workspace.fs.writeFile(
      review(),
      new TextEncoder().encode('---\nstatus: final\n---\n\n## Root cause\nThe catalog consumer lost its partition lease.\n\n## Action items\n| Action | Owner | Due date | Status |\n|---|---|---|---|\n| Alert on consumer lag | @sam | 2026-11-20 | Open |\n'),
    );
    const view = await shown(await open(ID));
    assert.match(view.summary, /\n\*\*Root cause:\*\* The catalog consumer lost its partition lease\.\n/);
    assert.match(view.summary, /\n- Alert on consumer lag \(owner: sam, due 2026-11-20\)\n/);
    assert.match(view.summary, /- Post-incident review: due .+ \(completed\)/);
    assert.ok(view.review?.endsWith(`pir/${ID}.md`), String(view.review));
  });

  it('refuses hostile messages; copies as Markdown, Slack text and plain text', async () => {
    const panel = await open(ID);
    for (const m of [
      null,
      { type: 'copy', incident: 'INC-2026-1120-001', format: 'text', text: 'x' },
      { type: 'copy', incident: ID, format: 'pdf', text: 'x' },
      { type: 'copy', incident: ID, format: 'text', text: 'x\u001b[2J' },
      { type: 'copy', incident: ID, format: 'text', text: 'x', to: 'clipboard' },
      { type: 'markSent', incident: ID, audience: 'internal', text: 'x' },
    ])
      assert.equal(await panel.receive(m), false, JSON.stringify(m));
    const text = 'Subject: [SEV-3] Incident Summary - Search\n\n**Impact:** <5% of searches & stale\n- **Next steps:** [review](https://example.com/pir)';
    assert.equal(await panel.receive({ type: 'copy', incident: ID, format: 'markdown', text }), true);
    assert.equal(await vscode.env.clipboard.readText(), text);
    assert.equal(await panel.receive({ type: 'copy', incident: ID, format: 'slack', text }), true);
    assert.equal(await vscode.env.clipboard.readText(), 'Subject: [SEV-3] Incident Summary - Search\n\n*Impact:* &lt;5% of searches &amp; stale\n• *Next steps:* <https://example.com/pir|review>');
    assert.equal(await panel.receive({ type: 'copy', incident: ID, format: 'text', text }), true);
    assert.equal(await vscode.env.clipboard.readText(), 'Subject: [SEV-3] Incident Summary - Search\n\nImpact: <5% of searches & stale\n- Next steps: review');
    assert.equal(await diskText(), original, 'the summary writes nothing');
  });
});
