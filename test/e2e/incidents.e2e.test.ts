// Browser end-to-end: a person's view of the extension in code-server, in Chromium.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/vscode/config.mjs';
import { E2E_ARTIFACTS, type Session, openSession } from './session';

const ENTRY = /^- \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC — (.*)$/m;

describe('Incident Playbook in the browser (code-server + Chromium)', function () {
  this.timeout(120_000);
  let s: Session;
  const logPath = () => join(s.workspace, 'docs', 'INCIDENT_LOG.md');
  const readLog = () => readFileSync(logPath(), 'utf8');

  async function waitForLog(what: string, ok: (text: string) => boolean, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = readLog();
      if (ok(text)) return text;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for the log to ${what}.`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  before(async function () {
    this.timeout(300_000); // the first run installs the harness
    s = await openSession('basic', 'incidents');
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await s.onFailure(this.currentTest.fullTitle());
  });

  after(async () => {
    await s?.close();
  });

  it('shows the incidents of docs/INCIDENT_LOG.md in the Incidents view', async () => {
    await s.wb.openActivity('Incidents');
    const rows = s.wb.treeRows('incidentPlaybook');
    await rows.filter({ hasText: 'INC-2026-1102-001' }).waitFor({ timeout: 30_000 });
    const labels = await s.wb.rowLabels(rows);
    assert.deepEqual(labels, [
      'INC-2026-1121-001: Payment webhooks delayed, SEV-2 · Investigating',
      'INC-2026-1120-001: Checkout API returning 500s, SEV-1 · Mitigating',
      'INC-2026-1102-001: Search index lagging behind catalog, SEV-3 · Resolved',
    ]);
    // What a person sees: ID and title, severity and status beside it.
    const row = rows.filter({ hasText: 'INC-2026-1120-001' });
    assert.match(await row.innerText(), /INC-2026-1120-001: Checkout API returning 500s\s*SEV-1 · Mitigating/);
    await s.wb.screenshot(E2E_ARTIFACTS, '01-incidents-view');
  });

  it('adds a timeline entry from the command palette', async () => {
    const before = readLog();
    await s.wb.runCommand('Incident: Add Timeline Entry');
    // No editor and no selection: it asks which active incident.
    await s.wb.quickRows.filter({ hasText: 'INC-2026-1121-001' }).waitFor();
    const offered = await s.wb.quickRows.allInnerTexts();
    assert.ok(offered.some((t) => t.includes('INC-2026-1121-001')) && offered.some((t) => t.includes('INC-2026-1120-001')), `offered: ${offered.join(' | ')}`);
    assert.ok(!offered.some((t) => t.includes('INC-2026-1102-001')), 'a resolved incident was offered');
    await s.wb.pick('INC-2026-1120-001');
    await s.wb.screenshot(E2E_ARTIFACTS, '02-timeline-input');
    const prompt = await s.wb.answerInput('Failover to the secondary payment provider complete');
    assert.match(prompt, /INC-2026-1120-001/);
    const after = await waitForLog('gain the entry', (t) => t.includes('Failover to the secondary payment provider complete'));
    const added = after.split('\n').filter((l) => !before.split('\n').includes(l));
    assert.equal(added.length, 1);
    assert.match(added[0], ENTRY);
    // Right after the incident's last entry, nothing else touched.
    assert.equal(after, before.replace('Rolled back deploy 7f3c (@sam)\n', `Rolled back deploy 7f3c (@sam)\n${added[0]}\n`));
  });

  it('opens an incident from the palette, and the markdown preview (a webview) renders it', async () => {
    await s.wb.runCommand('Incident: Open Incident');
    await s.wb.pick('INC-2026-1102-001');
    const editor = s.page.locator('.editor-instance .monaco-editor').first();
    await editor.waitFor({ state: 'visible' });
    await s.page.locator('.tabs-container .tab', { hasText: 'INCIDENT_LOG.md' }).waitFor();
    await s.wb.runCommand('Markdown: Open Preview to the Side');
    const preview = await s.wb.webview('Payment webhooks delayed');
    const heading = preview.locator('h2', { hasText: 'INC-2026-1120-001: Checkout API returning 500s' });
    await heading.waitFor({ timeout: 20_000 });
    await preview.getByText('Rolled back deploy 7f3c', { exact: false }).waitFor();
    assert.equal(await preview.locator('h2').count(), 3);
    // Edits show up live: the preview renders the open document, not a copy.
    await s.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await s.page.keyboard.press('Control+End');
    await s.page.keyboard.type('\n## INC-2026-1122-009: Typed in the editor\n');
    await preview.locator('h2', { hasText: 'INC-2026-1122-009: Typed in the editor' }).waitFor({ timeout: 20_000 });
    await s.wb.screenshot(E2E_ARTIFACTS, '03-markdown-preview');
    // Throw the typing away: revert, then close.
    await s.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await s.wb.runCommand('File: Revert File');
    await s.wb.runCommand('View: Close All Editors');
  });

  it('runs the CLI in the integrated terminal, and the view picks up the new incident', async () => {
    const cli = join(ROOT, 'dist', 'cli.js');
    const { exitCode, screen } = await s.wb.runInTerminal(`node ${cli} declare --title "Login latency above 2s" --severity SEV-2 --commander "Lee Park"`);
    assert.equal(exitCode, 0, `the CLI failed:\n${screen}`);
    const log = readLog();
    const id = /^## (INC-\S+): Login latency above 2s$/m.exec(log)?.[1];
    assert.ok(id, 'the CLI did not write the incident to the log');
    assert.ok(screen.includes(id), `the terminal does not show the new id ${id}:\n${screen}`);
    const rows = s.wb.treeRows('incidentPlaybook');
    await rows.filter({ hasText: id }).waitFor({ timeout: 20_000 });
    assert.equal(await rows.count(), 4);
    await s.wb.screenshot(E2E_ARTIFACTS, '04-terminal-and-view');
  });
});
