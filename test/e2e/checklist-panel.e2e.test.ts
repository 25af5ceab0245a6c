// The response checklist panel in the browser: opened from the palette and the tree, ticked,
// unticked and skipped with the markdown checked on disk, following a hand edit of the log, restored after a
// window reload; incident text that looks like markup is shown as text and runs nothing.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { indexLog } from '../../src/core';
import { waitForFile } from './files';
import { E2E_ARTIFACTS, openSession, useSession } from './session';

const ID = 'INC-2026-1121-001';
const ITEM = 'Assign incident commander, technical lead and communications lead';

async function waitChecked(frame: FrameLocator, name: string, checked: boolean, timeoutMs = 20_000): Promise<void> {
  const box = frame.getByRole('checkbox', { name, exact: true });
  const deadline = Date.now() + timeoutMs;
  while ((await box.isChecked().catch(() => !checked)) !== checked) {
    if (Date.now() > deadline) throw new Error(`The checkbox "${name}" did not become ${checked ? 'checked' : 'unchecked'}.`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Clicks an item as a person does: on its label (the box's input sits under it). */
async function tick(frame: FrameLocator, name: string): Promise<void> {
  await frame.locator('vscode-checkbox').filter({ has: frame.getByRole('checkbox', { name, exact: true }) }).click();
}

describe('Checklist panel (code-server + Chromium)', function () {
  this.timeout(240_000);
  const s = useSession(() => openSession('basic', 'checklist-panel', { 'workbench.colorTheme': 'Default Light Modern' }));
  const logPath = () => join(s.workspace, 'docs', 'INCIDENT_LOG.md');
  const waitForLog = (what: string, ok: (text: string) => boolean) => waitForFile(logPath(), `the log to ${what}`, ok, 20_000);

  it('opens from the palette; ticks, unticks and skips with the markdown written; follows a hand edit; comes back after a reload', async () => {
    const original = readFileSync(logPath(), 'utf8');
    // The extension is active once the view lists the incident.
    await s.wb.openActivity('Incidents');
    await s.wb.treeRows('incidentPlaybook').filter({ hasText: ID }).first().waitFor({ timeout: 30_000 });
    await s.wb.runCommand('Incident: Open Checklist');
    await s.wb.pick(ID);
    const frame = await s.wb.webview('Payment webhooks delayed');
    // What the panel shows: facts, clocks, buttons, the phase's progress and the items by name.
    for (const text of ['SEV-2', 'Investigating', 'Priya Natarajan', 'Next update due', '1 of 2 done']) await frame.getByText(text).first().waitFor({ timeout: 10_000 });
    for (const name of ['Add Timeline Entry', 'Set Status', 'Resolve']) await frame.getByRole('button', { name, exact: true }).waitFor();
    await waitChecked(frame, 'Acknowledge the alert and declare the incident', true);
    await waitChecked(frame, ITEM, false);
    assert.equal(await frame.getByRole('button', { name: 'Run' }).count(), 0, 'no Run button without a runnable step');

    // Tick: the box flips and the timeline says so, in one change.
    const entry = (what: string) => new RegExp(`^- \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC — Checklist: ${ITEM} — ${what}`, 'm');
    await tick(frame, ITEM);
    let log = await waitForLog('tick the item', (t) => t.includes(`- [x] ${ITEM}\n`) && entry('done').test(t));
    assert.equal(log.split('\n').length, original.split('\n').length + 1, 'the box and one entry');
    await frame.getByText('2 of 2 done').waitFor({ timeout: 10_000 });

    // Untick: logged too.
    await tick(frame, ITEM);
    log = await waitForLog('untick the item', (t) => t.includes(`- [ ] ${ITEM}\n`) && entry('reopened').test(t));
    await frame.getByText('1 of 2 done').waitFor({ timeout: 10_000 });

    // Skip with a reason: written on the item and logged.
    const row = frame.locator('li').filter({ has: frame.getByRole('checkbox', { name: ITEM, exact: true }) });
    await row.getByRole('button', { name: 'Skip…', exact: true }).click();
    await row.getByRole('textbox', { name: 'Reason for skipping' }).fill('Roles come from the on-call rota');
    await row.getByRole('button', { name: 'Skip', exact: true }).click();
    log = await waitForLog('skip the item', (t) => t.includes(`- [x] ${ITEM} — skipped: Roles come from the on-call rota\n`) && entry('skipped: Roles come from the on-call rota').test(t));
    await frame.getByText('1 of 2 done, 1 skipped').waitFor({ timeout: 10_000 });
    await frame.getByText('skipped: Roles come from the on-call rota').waitFor();
    await s.wb.screenshot(E2E_ARTIFACTS, '10-checklist-panel-light');

    // A hand edit of the log (as git or the CLI would make it): the panel follows.
    writeFileSync(logPath(), log.replace('- [x] Acknowledge the alert', '- [ ] Acknowledge the alert'));
    await waitChecked(frame, 'Acknowledge the alert and declare the incident', false);
    await frame.getByText('0 of 2 done, 1 skipped').waitFor({ timeout: 10_000 });

    // Reload the window (VS Code saves its editors first): the panel is restored with its incident.
    await s.wb.runCommand('Developer: Reload Window');
    await s.page.waitForLoadState('domcontentloaded');
    await s.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    const restored = await s.wb.webview('Payment webhooks delayed', 60_000);
    await waitChecked(restored, 'Acknowledge the alert and declare the incident', false);
    await restored.getByRole('checkbox', { name: ITEM, exact: true }).waitFor();
  });
});

/** Text that looks like markup, written (as entities) so that it reaches the panel as those characters. */
const PAYLOADS: Array<{ md: string }> = [
  { md: '&lt;img src=x onerror="window.__pwned=1"&gt;' },
  { md: '&lt;script&gt;window.__pwned=2&lt;/script&gt;' },
  { md: '&lt;svg onload="window.__pwned=3"&gt;&lt;/svg&gt;' },
  { md: "${window.__pwned=4} {{constructor.constructor('window.__pwned=4')()}}" },
  { md: '&lt;!--?lit$1234$--&gt;&lt;/vscode-checkbox&gt;&lt;img src=x onerror=window.__pwned=5&gt;' },
  { md: '&lt;a href="javascript:window.__pwned=6"&gt;x&lt;/a&gt;' },
  { md: '&lt;style&gt;*{display:none}&lt;/style&gt;&lt;link rel=stylesheet href=https://127.0.0.1:9/x.css&gt;' },
];

describe('Checklist panel shows hostile incident text as text (code-server + Chromium)', function () {
  this.timeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), 'incident-xss-'));
  mkdirSync(join(dir, 'docs'), { recursive: true });
  const log = [
    '# Incident Log',
    '',
    `## INC-2026-1121-001: ${PAYLOADS[0].md} ${PAYLOADS[1].md}`,
    '- **Severity:** SEV-2',
    '- **Status:** Investigating',
    '- **Detected:** 2026-11-21 09:12 UTC',
    `- **Incident Commander:** ${PAYLOADS[2].md}`,
    '',
    '### Checklist',
    ...PAYLOADS.map((p) => `- [ ] ${p.md}`),
    '',
  ].join('\n');
  writeFileSync(join(dir, 'docs', 'INCIDENT_LOG.md'), log);
  // What the panel must show: the text as the reader reads it (entities decoded, markdown
  // emphasis such as __x__ removed), character for character.
  const incident = indexLog(log).incidents[0];
  const s = useSession(() => openSession(dir, 'checklist-xss', { 'workbench.colorTheme': 'Default Dark Modern' }));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('opens from the tree context menu and renders every payload as text, running none', async () => {
    await s.wb.openActivity('Incidents');
    const row = s.wb.treeRows('incidentPlaybook').filter({ hasText: ID }).first();
    await row.waitFor({ timeout: 30_000 });
    await s.wb.contextMenu(row, 'Open Checklist');
    const frame = await s.wb.webview('Next update due');
    assert.ok(incident.title.includes('<img src=x onerror='), incident.title);
    await frame.getByRole('heading', { name: `${ID}: ${incident.title}`, exact: true }).waitFor({ timeout: 10_000 });
    await frame.getByRole('definition').getByText(incident.roles.commander ?? '(no commander read)', { exact: true }).waitFor();
    assert.equal(incident.checklist.length, PAYLOADS.length);
    for (const item of incident.checklist) {
      assert.match(item.text, /[<{$]/, 'the payload reaches the panel as markup-like text');
      await frame.getByRole('checkbox', { name: item.text, exact: true }).waitFor({ timeout: 10_000 });
    }
    const body = frame.locator('body');
    // Nothing ran, and no element came out of the text (locators pierce the shadow roots).
    assert.equal(await body.evaluate(() => (globalThis as unknown as { __pwned?: unknown }).__pwned), undefined);
    assert.equal(await frame.locator('img').count(), 0);
    assert.equal(await frame.locator('a[href^="javascript"]').count(), 0);
    const found = await frame.locator('#app script, #app style, #app svg[onload], #app iframe, #app link:not([href*="vscode-resource"])').evaluateAll((els) => els.map((e) => e.outerHTML.slice(0, 120)));
    assert.deepEqual(found, []);
    assert.equal(await frame.locator('script', { hasText: 'pwned' }).count(), 0);
    await s.wb.screenshot(E2E_ARTIFACTS, '11-checklist-panel-dark');
    assert.equal(await body.evaluate(() => (globalThis as unknown as { __pwned?: unknown }).__pwned), undefined);
  });
});
