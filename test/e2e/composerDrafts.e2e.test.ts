// The status update composer's drafts on the demo workspace. After "Incident: Run Health
// Check…" logs `Health check checkout-api: PASS (…) — output: …` on the incident, the customers'
// draft takes its Impact from what the team wrote for the status page, never from the check's
// output, and the team's draft says where its Impact came from. Then each audience keeps its own
// edited draft: edit, switch audience, switch back, and the edit is there, with a note saying so;
// the drafts outlive the panel being hidden behind another tab and a window reload.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { ROOT } from '../../scripts/vscode/config.mjs';
import { waitForText } from './composerText';
import { waitForFile } from './files';
import { E2E_ARTIFACTS, openSession, useSession } from './session';

const ID = 'INC-2026-1121-001';
const TITLE = 'Payment webhooks delayed up to 20 minutes';
/** What the demo's team posted on the status page for this incident (a timeline entry). */
const POSTED = 'Order confirmations delayed';

const isInternal = (t: string) => t.includes(`- **Incident ID:** ${ID}`);
const isCustomers = (t: string) => t.startsWith(`**Identified: ${TITLE}**`);

describe('Status update composer drafts (demo workspace)', function () {
  this.timeout(240_000);
  const s = useSession(() => openSession(join(ROOT, 'samples', 'demo'), 'composer-drafts'));
  const logPath = () => join(s.workspace, 'docs', 'INCIDENT_LOG.md');

  async function openComposer(): Promise<FrameLocator> {
    await s.wb.runCommandAndPick('Incident: Compose Status Update', ID);
    const frame = await s.wb.webview(`Status update: ${ID}`);
    await frame.locator('vscode-textarea#update-text').waitFor({ timeout: 20_000 });
    return frame;
  }

  it("the customers' draft after a health check carries no command output", async () => {
    await s.wb.openActivity('Incidents');
    await s.wb.treeRows('incidentPlaybook').filter({ hasText: ID }).first().waitFor({ timeout: 30_000 });
    // The check that passes and captures its output, run on the incident from the palette.
    await s.wb.runCommand('Incident: Run Health Check…');
    await s.wb.pick('checkout-api');
    await s.wb.pick(ID);
    const log = await waitForFile(logPath(), 'the log to gain the check', (t) => /Health check checkout-api: PASS \(exit 0, [^)]*\) — output: checkout-api: OK/.test(t), 30_000);
    const section = log.slice(log.indexOf(`## ${ID}`), log.indexOf('\n## ', log.indexOf(`## ${ID}`) + 1));
    assert.match(section, /Health check checkout-api: PASS/, 'the check is logged on the picked incident');
    await s.wb.dismissNotifications();

    const frame = await openComposer();
    await waitForText(frame, 'fill in for the team', (t) => isInternal(t) && t.includes('Health check checkout-api'));

    // The customers' draft: what the team posted, and no command output, host or internal name anywhere.
    await frame.locator('vscode-radio', { hasText: 'Status page (customers)' }).click();
    const customers = await waitForText(frame, 'switch to the status page', isCustomers);
    for (const leak of ['Health check', 'output:', 'checkout-api', 'exit 0', 'error rate', ID, '@'])
      assert.ok(!customers.includes(leak), `the customers' draft holds "${leak}":\n${customers}`);
    assert.match(customers, new RegExp(`^- \\*\\*Impact:\\*\\* ${POSTED}$`, 'm'), customers);

    // The team's draft: the check is among the actions, but not the Impact, which names its source.
    await frame.locator('vscode-radio', { hasText: 'Internal (team)' }).click();
    const internal = await waitForText(frame, 'switch back to the team draft', isInternal);
    assert.match(internal, /^ {2}- \d\d:\d\d UTC Health check checkout-api: PASS \(exit 0, /m, internal);
    const impact = /^- \*\*Impact:\*\* (.*)$/m.exec(internal)?.[1] ?? '';
    assert.equal(impact, `${POSTED} (from the status page post at 00:20 UTC)`, internal);
    await s.wb.screenshot(E2E_ARTIFACTS, '43-compose-customers-after-health-check');
  });

  it("keeps each audience's edited draft when the audience is switched and back", async () => {
    const frame = await openComposer();
    const radio = (label: string) => frame.locator('vscode-radio', { hasText: label });
    const box = frame.locator('vscode-textarea#update-text textarea');
    const note = frame.locator('p.drafts-note');
    await radio('Internal (team)').click();
    await waitForText(frame, 'show the team draft', isInternal);
    assert.equal(await note.count(), 0, 'no note while no draft is edited');

    // Edit the team's draft, switch to the customers' one (its own prefilled text) and back: the edit is there.
    const teamEdit = `**[SEV-2] ${ID}: Identified**\n- Impact: order confirmations up to 20 min late\n- Next: scale the dispatcher`;
    await box.fill(teamEdit);
    await waitForText(frame, 'take the team edit', (t) => t === teamEdit);
    await radio('Status page (customers)').click();
    await waitForText(frame, 'switch to the customers draft', isCustomers);
    await radio('Internal (team)').click();
    await waitForText(frame, 'bring the team edit back', (t) => t === teamEdit);

    // On the customers' draft, a note says the team's draft holds edits.
    await radio('Status page (customers)').click();
    await waitForText(frame, 'switch to the customers draft again', isCustomers);
    await note.filter({ hasText: 'Your edits to the Internal (team) draft are kept' }).waitFor({ timeout: 10_000 });

    // Edit that one too, switch back: the team's edit is there, and the note names the other.
    const customersEdit = `**Identified: ${TITLE}**\n- Order confirmation emails are arriving late; orders are not affected.`;
    await box.fill(customersEdit);
    await waitForText(frame, 'take the customers edit', (t) => t === customersEdit);
    await radio('Internal (team)').click();
    await waitForText(frame, 'restore the team edit', (t) => t === teamEdit);
    await note.filter({ hasText: 'Your edits to the Status page (customers) draft are kept' }).waitFor({ timeout: 10_000 });
    await radio('Status page (customers)').click();
    await waitForText(frame, 'restore the customers edit', (t) => t === customersEdit);
    await s.wb.screenshot(E2E_ARTIFACTS, '44-compose-drafts-kept');

    // "Refill from the log" drops this audience's edits only.
    await frame.getByRole('button', { name: 'Refill from the log' }).click();
    await waitForText(frame, 'refill the customers draft', (t) => isCustomers(t) && t !== customersEdit);
    await radio('Internal (team)').click();
    await waitForText(frame, 'keep the team edit', (t) => t === teamEdit);
  });

  it('keeps the edited draft when the panel is hidden behind another tab and shown again, and after a reload', async () => {
    const teamEdit = `**[SEV-2] ${ID}: Identified**\n- Impact: order confirmations up to 20 min late\n- Next: drain the backlog`;
    let frame = await openComposer();
    // The team's draft (edited by the test before: a new edit replaces it).
    await frame.locator('vscode-radio', { hasText: 'Internal (team)' }).click();
    await waitForText(frame, 'show the team draft', (t) => t.startsWith(`**[SEV-2] ${ID}`) || isInternal(t));
    await frame.locator('vscode-textarea#update-text textarea').fill(teamEdit);
    await waitForText(frame, 'take the edit', (t) => t === teamEdit);

    // Another editor in the composer's group hides it: VS Code drops a hidden panel's page.
    await s.wb.runCommand('File: New Untitled Text File');
    await s.page.locator('.tabs-container .tab.active', { hasText: 'Untitled' }).waitFor({ timeout: 10_000 });
    await s.page.locator('.tabs-container .tab', { hasText: `Update: ${ID}` }).first().click();
    frame = await s.wb.webview(`Status update: ${ID}`);
    await waitForText(frame, 'show the edit again after the panel was hidden', (t) => t === teamEdit);

    // Reloaded, the panel comes back with the draft as it was.
    await s.wb.runCommand('Developer: Reload Window');
    await s.page.waitForLoadState('domcontentloaded');
    await s.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    frame = await s.wb.webview(`Status update: ${ID}`, 60_000);
    await waitForText(frame, 'show the edit again after a reload', (t) => t === teamEdit, 30_000);
  });
});
