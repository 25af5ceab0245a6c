// The status update composer in the browser, on the basic workspace: opened from the palette for
// the SEV-1 incident, prefilled from the log (its id, the war-room channel named from the
// detection time); the audience toggled to the status page and back; "Copy as Markdown" puts
// the text on the clipboard; "Mark as sent" logs the update on the timeline on disk, and the
// status bar's countdown restarts from that entry.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { statusUpdateEntryText } from '../../src/core/statusUpdate';
import { waitForFile } from './files';
import { E2E_ARTIFACTS, openSession, useSession } from './session';

const ID = 'INC-2026-1120-001';
/** Detected 2026-11-20 14:30 UTC in the fixture; the default playbook's zone is UTC. */
const WAR_ROOM = '#incident-2026-11-20-14-30';
/** The default policy's internal cadence for SEV-1. */
const CADENCE_MIN = 30;

/** The text area's value as Lit bound it (its label does not name the inner box). */
const updateText = (frame: FrameLocator) => frame.locator('vscode-textarea#update-text').evaluate((e) => (e as unknown as { value: string }).value);

async function waitForText(frame: FrameLocator, what: string, ok: (text: string) => boolean, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await updateText(frame).catch(() => '');
    if (ok(text)) return text;
    if (Date.now() > deadline) throw new Error(`The update text did not ${what}:\n${text.slice(0, 800)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('Status update composer (code-server + Chromium)', function () {
  this.timeout(240_000);
  const s = useSession(() => openSession('basic', 'composer', { 'workbench.colorTheme': 'Default Dark Modern' }));
  const logPath = () => join(s.workspace, 'docs', 'INCIDENT_LOG.md');

  it('prefills the update, toggles the audience, copies it as markdown, and logs it as sent, restarting the countdown', async () => {
    const original = readFileSync(logPath(), 'utf8');
    // The extension is active once the view lists the incident.
    await s.wb.openActivity('Incidents');
    await s.wb.treeRows('incidentPlaybook').filter({ hasText: ID }).first().waitFor({ timeout: 30_000 });
    // The fixture's incidents are days old: before the update, the SEV-1's countdown is overdue.
    const statusItem = s.page.locator('.statusbar-item').filter({ hasText: ID }).first();
    await statusItem.filter({ hasText: 'update overdue' }).waitFor({ timeout: 30_000 });

    await s.wb.runCommand('Incident: Compose Status Update');
    await s.wb.pick(ID);
    const frame = await s.wb.webview(`Status update: ${ID}`);
    await frame.locator('vscode-textarea#update-text').waitFor({ timeout: 20_000 });

    // Prefilled for the team: the incident id, its status and severity, the war-room channel.
    const internal = await waitForText(frame, 'fill in', (t) => t.includes('**Incident ID:**'));
    assert.ok(internal.includes(`- **Incident ID:** ${ID}`), internal);
    assert.ok(internal.includes('- **Status:** Mitigating (SEV-1)'), internal);
    assert.ok(internal.includes(`- **War room:** ${WAR_ROOM}`), internal);
    assert.ok(internal.includes('Rolled back deploy 7f3c (@sam)'), 'the newest entry is among the actions');
    await frame.locator('dd code', { hasText: WAR_ROOM }).waitFor();

    // The status page: customer wording, no ids or internal actions; then back to the team's.
    await frame.locator('vscode-radio', { hasText: 'Status page (customers)' }).click();
    const customers = await waitForText(frame, 'switch to the status page', (t) => t !== internal && t.length > 0);
    assert.ok(customers.startsWith('**Mitigating: Checkout API returning 500s**'), customers);
    assert.ok(customers.includes('Mitigating: a fix is being applied.'), customers);
    assert.ok(!customers.includes(ID) && !customers.includes('@sam') && !customers.includes(WAR_ROOM), customers);
    await frame.locator('vscode-radio', { hasText: 'Internal (team)' }).click();
    const back = await waitForText(frame, 'switch back to the team update', (t) => t.includes('**Incident ID:**'));
    assert.ok(back.includes(`- **War room:** ${WAR_ROOM}`), back);

    // Copy as Markdown: the panel says so, and the page's clipboard holds the text when it can be read.
    await s.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(s.page.url()).origin });
    await frame.getByRole('button', { name: 'Copy as Markdown' }).click();
    await frame.getByRole('status').filter({ hasText: 'Copied as Markdown.' }).waitFor({ timeout: 15_000 });
    const clipboard = await s.page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText()).catch((e: Error) => `(unread: ${e.message})`);
    if (clipboard.startsWith('(unread:')) console.log(`      clipboard ${clipboard}; the panel's notice was checked`);
    else assert.equal(clipboard, back, 'the clipboard holds the update as shown');

    // Mark as sent: one timeline entry on disk, with the update's first line.
    const entry = statusUpdateEntryText('internal', back);
    assert.ok(entry.startsWith(`Status update (internal): [SEV-1] ${ID} Checkout API returning 500s: Mitigating`), entry);
    await frame.getByRole('button', { name: 'Mark as sent' }).click();
    const line = new RegExp(`^- \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC — ${entry.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm');
    const log = await waitForFile(logPath(), 'the log to gain the update', (t) => line.test(t), 20_000);
    assert.equal(log.split('\n').length, original.split('\n').length + 1, 'one entry added');
    const at = log.split('\n').findIndex((l) => line.test(l));
    assert.ok(log.split('\n')[at - 1].includes('Rolled back deploy 7f3c'), 'the entry follows the incident\'s newest one');
    await frame.getByRole('status').filter({ hasText: `Logged on the timeline: ${entry}` }).waitFor({ timeout: 15_000 });

    // The status bar's countdown restarts from the entry: a full cadence, less the minute begun.
    await statusItem.filter({ hasText: /update in \d+ min/ }).waitFor({ timeout: 30_000 });
    const shown = (await statusItem.innerText()).trim();
    const minutes = Number(/update in (\d+) min/.exec(shown)?.[1]);
    assert.ok(minutes >= CADENCE_MIN - 5 && minutes <= CADENCE_MIN, `the countdown shows ${shown}`);
    await s.wb.screenshot(E2E_ARTIFACTS, '41-compose-update');
  });
});
