// The status update composer in the browser, on the basic workspace: opened from the palette for
// the SEV-1 incident, prefilled from the log (its id, the war-room channel named from the
// detection time); the audience toggled to the status page and back; "Copy as Markdown" puts
// the text on the clipboard; "Mark as sent" logs the update on the timeline on disk, and the
// status bar's countdown restarts from that entry. Then "Post to webhook" against an HTTP server
// on 127.0.0.1: the URL typed into "Incident: Set Status Update Webhook"'s password box, the
// button shown while it is set, the server receiving the Slack text, the timeline the entry; a
// 500 shown as an error with nothing logged; "Clear" hiding the button again.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { markdownToSlack, statusUpdateEntryText } from '../../src/core/comms/statusUpdate';
import { waitForText } from './composerText';
import { waitForFile } from './files';
import { E2E_ARTIFACTS, openSession, useSession } from './session';

const ID = 'INC-2026-1120-001';
/** Detected 2026-11-20 14:30 UTC in the fixture; the default playbook's zone is UTC. */
const WAR_ROOM = '#incident-2026-11-20-14-30';
/** The default policy's internal cadence for SEV-1. */
const CADENCE_MIN = 30;

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

    // The SEV-1's countdown restarts from the entry: a full cadence, less the minute begun. The
    // status bar moves on to the most urgent incident, the SEV-2 whose update is still overdue,
    // and its hover lists the SEV-1's countdown.
    const next = s.page.locator('.statusbar-item').filter({ hasText: 'INC-2026-1121-001' }).first();
    await next.filter({ hasText: 'update overdue' }).waitFor({ timeout: 30_000 });
    await next.hover();
    const hover = s.page.locator('.workbench-hover, .monaco-hover').filter({ hasText: ID }).filter({ visible: true }).first();
    await hover.waitFor({ timeout: 10_000 });
    const shown = /SEV-1 INC-2026-1120-001 — update in (\d+) min/.exec(await hover.innerText());
    const minutes = Number(shown?.[1]);
    assert.ok(minutes >= CADENCE_MIN - 5 && minutes <= CADENCE_MIN, `the countdown shows ${shown?.[0]}`);
    await s.page.keyboard.press('Escape');
    await s.page.mouse.move(900, 300);
    await s.wb.screenshot(E2E_ARTIFACTS, '41-compose-update');
  });
  it('posts the update to the webhook set in the password box, shows a failure without logging, and hides the button once cleared', async () => {
    const received: { method?: string; type?: string; path?: string; body: string }[] = [];
    let answer = 200;
    const server = http.createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        received.push({ method: req.method, type: req.headers['content-type'], path: req.url, body });
        res.statusCode = answer;
        res.end(answer === 200 ? 'ok' : 'channel_is_archived');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const secretPath = '/services/T0E2E/B0OPS/e2eS3cr3tT0ken';
    try {
      // The URL goes in through the command's password box, never a setting.
      await s.wb.runCommand('Incident: Set Status Update Webhook');
      const prompt = await s.wb.answerInput(`http://127.0.0.1:${port}${secretPath}`);
      assert.match(prompt, /secret storage/, prompt);
      await s.wb.notification(`posted to http://127.0.0.1:${port}/[REDACTED]`);

      // The open composer gains the button; the panel never shows the secret path.
      await s.wb.runCommand('Incident: Compose Status Update');
      await s.wb.pick(ID);
      const frame = await s.wb.webview(`Status update: ${ID}`);
      const post = frame.getByRole('button', { name: 'Post to webhook' });
      await post.waitFor({ timeout: 20_000 });
      assert.ok(!(await frame.locator('body').innerText()).includes('e2eS3cr3t'), 'the secret path is not shown');
      await waitForText(frame, 'fill in', (t) => t.includes('**Incident ID:**'));
      // The responder's own words (the prefilled text moves with the clock: its Next Update line).
      const text = '**Mitigating: checkout 5xx > 2%**\n- Rolled back 7f3c; the error rate is falling\n- Next update by 22:30 UTC';
      await frame.locator('vscode-textarea#update-text textarea').fill(text);
      await waitForText(frame, 'take the edit', (t) => t === text);
      const entry = statusUpdateEntryText('internal', text);
      const count = (t: string) => t.split('\n').filter((l) => l.includes(` — ${entry}`)).length;
      const before = count(readFileSync(logPath(), 'utf8'));

      // A failing channel: the error is shown, the URL redacted, and the timeline is untouched.
      answer = 500;
      await post.click();
      const failed = frame.getByRole('status').filter({ hasText: 'answered 500' });
      await failed.waitFor({ timeout: 20_000 });
      const failure = await failed.innerText();
      assert.match(failure, /Nothing was logged\./, failure);
      assert.ok(!failure.includes('e2eS3cr3t'), failure);
      assert.equal(received.length, 1, 'the server was asked once');
      assert.equal(count(readFileSync(logPath(), 'utf8')), before, 'nothing logged on failure');
      await s.wb.dismissNotifications();

      // The channel answers: it receives the Slack text as JSON, and the entry is logged.
      answer = 200;
      await post.click();
      await frame.getByRole('status').filter({ hasText: `Posted to http://127.0.0.1:${port}/[REDACTED] and logged on the timeline: ${entry}` }).waitFor({ timeout: 20_000 });
      assert.equal(received.length, 2);
      const ok = received[1];
      assert.equal(ok.method, 'POST');
      assert.equal(ok.path, secretPath);
      assert.match(ok.type ?? '', /^application\/json/);
      assert.deepEqual(JSON.parse(ok.body), { text: markdownToSlack(text) });
      await waitForFile(logPath(), 'the log to gain the posted update', (t) => count(t) === before + 1, 20_000);
      await s.wb.screenshot(E2E_ARTIFACTS, '42-compose-update-webhook');

      // Cleared: the button goes away from the open panel.
      await s.wb.runCommand('Incident: Clear Status Update Webhook');
      await s.wb.notification('removed from this workspace');
      await post.waitFor({ state: 'detached', timeout: 20_000 });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
