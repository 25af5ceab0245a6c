// The response checklist panel in the browser: opened from the palette and the tree, ticked,
// unticked and skipped with the markdown checked on disk, following a hand edit of the log, restored after a
// window reload; incident text that looks like markup is shown as text and runs nothing.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameLocator, Locator } from 'playwright-core';
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
    await row.getByRole('button', { name: `Skip: ${ITEM}…`, exact: true }).click();
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

/** Whether the element `locator` names has the keyboard focus (inside the shadow roots too). */
async function hasFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => (el as unknown as { matches(selector: string): boolean }).matches(':focus'));
}

async function waitFocus(locator: Locator, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await hasFocus(locator).catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what} did not get the focus.`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('Checklist panel asks before Resolve; Skip… works from the keyboard (code-server + Chromium)', function () {
  this.timeout(240_000);
  const OPEN = [
    'Mitigate and verify recovery',
    'Post status page update',
    'Notify customer support',
    'Check error budget burn',
    'Confirm queue depth back to normal',
  ];
  const TREE_ID = 'INC-2026-1120-001';
  const dir = mkdtempSync(join(tmpdir(), 'incident-resolve-'));
  mkdirSync(join(dir, 'docs'), { recursive: true });
  writeFileSync(
    join(dir, 'docs', 'INCIDENT_LOG.md'),
    [
      '# Incident Log',
      '',
      `## ${ID}: Payment webhooks delayed`,
      '- **Severity:** SEV-2',
      '- **Status:** Identified',
      '- **Detected:** 2026-11-21 09:12 UTC',
      '- **Incident Commander:** Priya Natarajan',
      '',
      '### Timeline',
      '- 2026-11-21 09:12 UTC — Queue depth alert on webhook-dispatcher (@priya)',
      '',
      '### Checklist',
      '- [x] Acknowledge the alert and declare the incident',
      ...OPEN.map((t) => `- [ ] ${t}`),
      '',
      `## ${TREE_ID}: Checkout API returning 500s`,
      '- **Severity:** SEV-1',
      '- **Status:** Mitigating',
      '- **Detected:** 2026-11-20 14:30 UTC',
      '- **Incident Commander:** Dana Reyes',
      '',
      '### Timeline',
      '- 2026-11-20 14:30 UTC — Alerts fired for checkout 5xx rate (@dana)',
      '',
      '### Checklist',
      '- [x] Declare incident and assign roles',
      '- [ ] Post status page update',
      '',
    ].join('\n'),
  );
  const s = useSession(() => openSession(dir, 'checklist-resolve', { 'workbench.colorTheme': 'Default Light Modern' }));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const logPath = () => join(s.workspace, 'docs', 'INCIDENT_LOG.md');
  const dialog = () => s.page.locator('.monaco-dialog-box');
  let frame: FrameLocator;

  it('Skip… moves the focus to the reason field, Escape and Cancel close it, and each Skip button names its item', async () => {
    await s.wb.openActivity('Incidents');
    await s.wb.treeRows('incidentPlaybook').filter({ hasText: ID }).first().waitFor({ timeout: 30_000 });
    await s.wb.runCommandAndPick('Incident: Open Checklist', ID);
    frame = await s.wb.webview('Payment webhooks delayed');
    await frame.getByRole('checkbox', { name: OPEN[0], exact: true }).waitFor({ timeout: 10_000 });
    // One Skip button per open item, each named after its item.
    for (const text of OPEN) await frame.getByRole('button', { name: `Skip: ${text}…`, exact: true }).waitFor({ timeout: 10_000 });
    assert.equal(await frame.getByRole('button', { name: 'Skip…', exact: true }).count(), 0, 'no Skip button is named only "Skip…"');
    // They line up in one column whatever the length of their item's text.
    const lefts = new Set<number>();
    for (const text of OPEN) lefts.add(Math.round((await frame.getByRole('button', { name: `Skip: ${text}…`, exact: true }).boundingBox())!.x));
    assert.equal(lefts.size, 1, `Skip… buttons at x = ${[...lefts].join(', ')}`);

    const skip = frame.getByRole('button', { name: `Skip: ${OPEN[1]}…`, exact: true });
    const reason = frame.getByRole('textbox', { name: /Reason for skipping/ });
    // Opening it puts the focus in the reason field; Escape closes it and gives the focus back.
    await skip.click();
    await waitFocus(reason, 'The reason field');
    await s.page.keyboard.type('not needed');
    await s.page.keyboard.press('Escape');
    await reason.waitFor({ state: 'detached', timeout: 5_000 });
    await waitFocus(skip, `The button "Skip: ${OPEN[1]}…" (after Escape)`);
    // From the keyboard again (Enter on the focused button), then Cancel.
    await s.page.keyboard.press('Enter');
    await waitFocus(reason, 'The reason field (opened with Enter)');
    await frame.getByRole('button', { name: 'Cancel', exact: true }).click();
    await reason.waitFor({ state: 'detached', timeout: 5_000 });
    await waitFocus(skip, `The button "Skip: ${OPEN[1]}…" (after Cancel)`);
    assert.ok(!readFileSync(logPath(), 'utf8').includes('skipped'), 'nothing was skipped');
  });

  it('Resolve in the panel asks once, naming the open items; Cancel writes nothing; Resolve with Note… logs the note', async () => {
    const before = readFileSync(logPath(), 'utf8');
    await frame.getByRole('button', { name: 'Resolve', exact: true }).click();
    await dialog().waitFor({ state: 'visible', timeout: 10_000 });
    const asked = await dialog().innerText();
    assert.match(asked, new RegExp(`Resolve ${ID} with 5 of 6 checklist items open\\?`), asked);
    for (const text of OPEN.slice(0, 3)) assert.ok(asked.includes(text), `the question names "${text}": ${asked}`);
    assert.match(asked, /and 2 more/, asked);
    for (const name of ['Resolve', 'Resolve with Note…', 'Cancel']) await dialog().getByRole('button', { name, exact: true }).waitFor();
    await s.wb.screenshot(E2E_ARTIFACTS, '12-checklist-resolve-asks');

    await dialog().getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog().waitFor({ state: 'hidden', timeout: 10_000 });
    assert.equal(readFileSync(logPath(), 'utf8'), before, 'Cancel leaves the log as it was');
    await frame.getByRole('button', { name: 'Resolve', exact: true }).waitFor();

    // Asked again, resolved with a note: the status, the time and the note as the resolution's entry.
    await frame.getByRole('button', { name: 'Resolve', exact: true }).click();
    await dialog().waitFor({ state: 'visible', timeout: 10_000 });
    await dialog().getByRole('button', { name: 'Resolve with Note…', exact: true }).click();
    await dialog().waitFor({ state: 'hidden', timeout: 10_000 });
    const prompt = await s.wb.answerInput('Rolled back the dispatcher; queue drained');
    assert.match(prompt, /note/i, prompt);
    const log = await waitForFile(logPath(), 'the incident to be resolved', (t) => /- \*\*Status:\*\* Resolved/.test(t.split(`## ${TREE_ID}`)[0]), 20_000);
    const section = log.split(`## ${TREE_ID}`)[0];
    assert.match(section, /- \*\*Resolved:\*\* \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
    assert.match(section, /^- \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC — Incident resolved: Rolled back the dispatcher; queue drained/m);
    assert.equal(section.match(/Incident resolved/g)?.length, 1, 'one resolution entry: the cancelled question wrote none');
    // The open items stay open: resolving does not tick them.
    for (const text of OPEN) assert.ok(section.includes(`- [ ] ${text}\n`), text);
    // The panel follows: the incident's duration and resolution time, no running clock.
    await frame.getByText(/^Duration$/).waitFor({ timeout: 15_000 });
    const facts = await frame.locator('dl.facts').innerText();
    assert.match(facts, /resolved \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/, facts);
    assert.doesNotMatch(facts, /Elapsed|Next update due/, facts);
  });

  it('Resolve on an Incidents view row asks too; confirming resolves it', async () => {
    const rows = s.wb.treeRows('incidentPlaybook');
    // The view redraws once for the resolution the panel just wrote, and a redraw closes a context
    // menu opened under it: right-click once the view shows that incident resolved.
    const stillActive = rows.filter({ hasText: ID }).filter({ hasText: 'Identified' });
    const deadline = Date.now() + 20_000;
    while ((await stillActive.count()) > 0) {
      if (Date.now() > deadline) throw new Error(`The Incidents view still shows ${ID} active after it was resolved.`);
      await s.page.waitForTimeout(100);
    }
    const row = rows.filter({ hasText: TREE_ID }).first();
    await row.waitFor({ timeout: 10_000 });
    await s.wb.contextMenu(row, 'Resolve Incident');
    await dialog().waitFor({ state: 'visible', timeout: 10_000 });
    const asked = await dialog().innerText();
    assert.match(asked, new RegExp(`Resolve ${TREE_ID} with 1 of 2 checklist items open\\?`), asked);
    assert.ok(asked.includes('Post status page update'), asked);
    await dialog().getByRole('button', { name: 'Resolve', exact: true }).click();
    const log = await waitForFile(logPath(), 'the tree row\'s incident to be resolved', (t) => /- \*\*Status:\*\* Resolved/.test(t.split(`## ${TREE_ID}`)[1] ?? ''), 20_000);
    assert.match(log.split(`## ${TREE_ID}`)[1], /UTC — Incident resolved(?: \([^)]*\))?$/m);
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
