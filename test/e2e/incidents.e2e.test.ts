// Browser end-to-end: a person's view of the extension in code-server, in Chromium.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/vscode/config.mjs';
import { waitForFile } from './files';
import { E2E_ARTIFACTS, openSession, useSession } from './session';

const ENTRY = /^- \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC — (.*)$/m;

describe('Incident Playbook in the browser (code-server + Chromium)', function () {
  this.timeout(120_000);
  const s = useSession(() => openSession('basic', 'incidents'));
  const logPath = () => join(s.workspace, 'docs', 'INCIDENT_LOG.md');
  const readLog = () => readFileSync(logPath(), 'utf8');

  const waitForLog = (what: string, ok: (text: string) => boolean, timeoutMs?: number) => waitForFile(logPath(), `the log to ${what}`, ok, timeoutMs);

  it('shows the incidents of docs/INCIDENT_LOG.md in the Incidents view, grouped, with their details', async () => {
    await s.wb.openActivity('Incidents');
    const rows = s.wb.treeRows('incidentPlaybook');
    await rows.filter({ hasText: 'INC-2026-1120-001' }).waitFor({ timeout: 30_000 });
    const incidentLabels = async () => (await s.wb.rowLabels(rows)).filter((l) => l.startsWith('INC-'));
    // Active first (expanded), newest first; resolved ones wait in a collapsed group.
    const active = await incidentLabels();
    assert.equal(active.length, 2, active.join('\n'));
    // The fixture is days old: both status updates are overdue, and the rows say so.
    assert.match(active[0], /^INC-2026-1121-001: Payment webhooks delayed, SEV-2 · Investigating · update overdue \d+ d \d+ h$/);
    assert.match(active[1], /^INC-2026-1120-001: Checkout API returning 500s, SEV-1 · Mitigating · update overdue \d+ d \d+ h$/);
    // What a person sees: severity and title, then status, the overdue update and the id.
    const row = rows.filter({ hasText: 'INC-2026-1120-001' });
    assert.match(await row.innerText(), /SEV-1 · Checkout API returning 500s\s*Mitigating · update overdue \d+ d \d+ h · INC-2026-1120-001/);
    await s.wb.expandRow(rows, 'Resolved');
    await rows.filter({ hasText: 'INC-2026-1102-001' }).waitFor({ timeout: 10_000 });
    assert.deepEqual((await incidentLabels()).slice(2), ['INC-2026-1102-001: Search index lagging behind catalog, SEV-3 · Resolved · 2026-11-02']);
    // An incident's children: its timeline and checklist progress.
    await s.wb.expandRow(rows, 'SEV-1 · Checkout API returning 500s');
    await s.wb.expandRow(rows, 'Timeline');
    await rows.filter({ hasText: 'Rolled back deploy 7f3c' }).waitFor();
    const texts = await rows.allInnerTexts();
    assert.ok(texts.some((t) => /^Checklist\s*1\/2$/.test(t.trim())), texts.join(' | '));
    assert.ok(texts.some((t) => /14:42\s+Rolled back deploy 7f3c\s*@sam/.test(t)), texts.join(' | '));
    await s.wb.screenshot(E2E_ARTIFACTS, '01-incidents-view');
    // Collapse back what this test opened (the next tests count rows).
    await s.page.keyboard.press('Escape');
  });

  it('filters the view by severity from the palette and clears the filter from the title bar', async () => {
    const rows = s.wb.treeRows('incidentPlaybook');
    await s.wb.runCommand('Incident: Filter Incidents…');
    await s.wb.pick('SEV-1');
    await s.wb.quickInput.locator('input.input').press('Enter');
    await s.wb.quickInput.waitFor({ state: 'hidden' });
    const sidebar = s.page.locator('.part.sidebar');
    const message = sidebar.getByText('Showing only SEV-1.');
    await message.waitFor({ timeout: 10_000 });
    await rows.filter({ hasText: 'INC-2026-1121-001' }).waitFor({ state: 'detached', timeout: 10_000 });
    assert.deepEqual((await s.wb.rowLabels(rows)).filter((l) => l.startsWith('INC-')).map((l) => l.split(':')[0]), ['INC-2026-1120-001']);
    await s.wb.screenshot(E2E_ARTIFACTS, '01b-filtered-view');
    await sidebar.locator('.action-label[aria-label="Clear Incident Filter"]').filter({ visible: true }).first().click();
    await rows.filter({ hasText: 'INC-2026-1121-001' }).waitFor({ timeout: 10_000 });
    await message.waitFor({ state: 'hidden', timeout: 10_000 });
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

  it('works the checklist from the CodeLens over the incident heading, and Alt+I L adds an entry there', async () => {
    await s.wb.runCommand('View: Close All Editors');
    await s.wb.runCommand('Incident: Open Incident');
    await s.wb.pick('INC-2026-1120-001');
    await s.page.locator('.editor-instance .monaco-editor.focused').waitFor({ timeout: 20_000 });
    // (Sticky scroll keeps hidden copies of the lenses: only the visible ones count.)
    const lens = s.page.locator('.monaco-editor .codelens-decoration a', { hasText: 'Checklist 1/2' }).filter({ visible: true }).first();
    await lens.waitFor({ timeout: 20_000 });
    const lenses = (await s.page.locator('.monaco-editor .codelens-decoration', { hasText: 'Checklist 1/2' }).filter({ visible: true }).first().innerText()).replace(/\s+/g, ' ');
    assert.match(lenses, /Add entry \| Mitigating \| Checklist 1\/2 \| Open checklist \| Post-incident review/);
    await s.wb.screenshot(E2E_ARTIFACTS, '03-codelens');
    const before = readLog();
    await lens.click();
    await s.wb.quickRows.filter({ hasText: 'Post status page update' }).waitFor();
    await s.wb.quickRows.filter({ hasText: 'Post status page update' }).click();
    await s.wb.quickInput.locator('input.input').press('Enter');
    const after = await waitForLog('tick the item', (t) => t !== before);
    assert.equal(after, before.replace('- [ ] Post status page update', '- [x] Post status page update'));
    await s.page.locator('.monaco-editor .codelens-decoration a', { hasText: 'Checklist 2/2' }).filter({ visible: true }).first().waitFor({ timeout: 20_000 });

    // The keybinding: Alt+I then L, with the cursor in the incident, asks for the entry at once.
    await s.page.locator('.editor-instance .monaco-editor').first().click({ position: { x: 200, y: 60 } });
    await s.page.keyboard.press('Alt+i');
    await s.page.keyboard.press('l');
    const input = s.wb.quickInput.locator('input.input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    assert.match(await s.wb.quickInput.innerText(), /Timeline entry for INC-2026-1\d{3}-\d{3}/);
    await input.press('Escape');
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
    // Detected just now: the newest, at the top of the Active group.
    const ids = (await s.wb.rowLabels(rows)).filter((l) => l.startsWith('INC-')).map((l) => l.split(':')[0]);
    assert.deepEqual(ids.slice(0, 3), [id, 'INC-2026-1121-001', 'INC-2026-1120-001']);
    await s.wb.screenshot(E2E_ARTIFACTS, '04-terminal-and-view');
  });
});
