// A responder's whole incident, in the browser, with only the palette: declare, log, escalate,
// hand over, resolve. Each step is checked in the log file on disk.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { waitForFile } from './files';
import { E2E_ARTIFACTS, openSession, useSession } from './session';

describe('Responding to an incident from the palette (code-server + Chromium)', function () {
  this.timeout(180_000);
  const s = useSession(() => openSession('basic', 'response'));

  const waitForLog = (what: string, ok: (text: string) => boolean, timeoutMs?: number) => waitForFile(join(s.workspace, 'docs', 'INCIDENT_LOG.md'), `the log to ${what}`, ok, timeoutMs);

  it('declares, logs, escalates, hands over and resolves', async () => {
    await s.wb.openActivity('Incidents');
    // Declare: a severity from the policy (with its response time), then the title.
    await s.wb.runCommand('Incident: Declare Incident');
    await s.wb.quickRows.filter({ hasText: 'SEV-1' }).waitFor();
    const offered = (await s.wb.quickRows.allInnerTexts()).join(' | ');
    assert.match(offered, /SEV-1.*Commander within 15 min/s, `severities offered: ${offered}`);
    await s.wb.pick('SEV-2');
    await s.wb.answerInput('Cart totals wrong after coupon');
    let log = await waitForLog('gain the new incident', (t) => /^## INC-\d{4}-\d{4}-\d{3}: Cart totals wrong after coupon$/m.test(t));
    const id = /^## (INC-\S+): Cart totals wrong after coupon$/m.exec(log)![1];
    await s.wb.treeRows('incidentPlaybook').filter({ hasText: id }).waitFor({ timeout: 20_000 });
    // Declare ends by opening the log at the new heading; let that editor take focus first.
    await s.page.locator('.tabs-container .tab.active', { hasText: 'INCIDENT_LOG.md' }).waitFor({ timeout: 20_000 });
    await s.page.locator('.editor-instance .monaco-editor.focused').waitFor({ timeout: 20_000 });

    // The log is open at the new heading: the next commands act on the incident under the cursor.
    await s.wb.runCommand('Incident: Add Timeline Entry');
    await s.wb.answerInput('Coupon service returns stale totals');
    await waitForLog('gain the entry', (t) => t.includes('— Coupon service returns stale totals'));

    await s.wb.runCommand('Incident: Set Severity');
    await s.wb.pick('SEV-1');
    await waitForLog('record the escalation', (t) => t.includes('— Escalated: SEV-2 → SEV-1'));

    await s.wb.runCommand('Incident: Assign Role');
    await s.wb.pick('Incident Commander');
    await s.wb.answerInput('Dana Reyes');
    await waitForLog('name the commander', (t) => t.includes('- **Incident Commander:** Dana Reyes'));
    await s.wb.runCommand('Incident: Assign Role');
    await s.wb.pick('Incident Commander');
    await s.wb.answerInput('Sam Okafor');
    await waitForLog('record the handoff', (t) => t.includes('— Incident Commander handed over from Dana Reyes to Sam Okafor'));

    await s.wb.runCommand('Incident: Resolve Incident');
    log = await waitForLog('resolve the incident', (t) => t.includes('— Incident resolved'));
    const section = log.slice(log.indexOf(`## ${id}`), log.indexOf('## INC-2026-1121-001'));
    assert.match(section, /- \*\*Severity:\*\* SEV-1\n/);
    assert.match(section, /- \*\*Status:\*\* Resolved\n/);
    assert.match(section, /- \*\*Resolved:\*\* \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\n/);
    assert.equal((section.match(/^- \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC — /gm) ?? []).length, 7, `timeline:\n${section}`);
    // The view follows: the incident moves to the Resolved group and reads as resolved.
    const rows = s.wb.treeRows('incidentPlaybook');
    // The view redraws for the resolution: a redraw that lands between the click on the group and
    // VS Code telling the extension it was expanded sends the group's state from before the click,
    // so the group is opened again until the row shows.
    const resolvedRow = rows.filter({ hasText: id }).filter({ hasText: 'Resolved' });
    for (let attempt = 0; ; attempt++) {
      await s.wb.expandRow(rows, 'Resolved');
      const shown = await resolvedRow.waitFor({ timeout: 5_000 }).then(() => true, () => false);
      if (shown) break;
      assert.ok(attempt < 3, `${id} did not show in the Resolved group`);
    }
    await s.wb.screenshot(E2E_ARTIFACTS, '06-response-flow');

    // Resolving offers the post-incident review: one click drafts it from the incident and opens its form.
    const offer = await s.wb.notification(`${id} is resolved`);
    await offer.locator('.monaco-button', { hasText: 'Open Post-Incident Review' }).click();
    const reviewPath = join(s.workspace, 'docs', 'pir', `${id}.md`);
    // The draft can be seen between its creation and its contents being written: wait for the text.
    const review = await waitForFile(reviewPath, 'the review draft', (t) => t.includes('\n## '), 20_000);
    assert.match(review, new RegExp(`^# Post-incident review: ${id} — Cart totals wrong after coupon$`, 'm'));
    assert.match(review, /\| Escalated: SEV-2 → SEV-1 \(Riley Oncall\) \|/);
    await s.page.locator('.tabs-container .tab', { hasText: `Review: ${id}` }).waitFor({ timeout: 20_000 });
    log = await waitForLog('link the review', (t) => t.includes(`- **Review:** [pir/${id}.md](pir/${id}.md)`));
    await s.wb.screenshot(E2E_ARTIFACTS, '08-post-incident-review');
  });

  it('works an incident from the tree: the inline Add Timeline Entry and the context menu’s Set Status', async () => {
    await s.wb.runCommand('View: Close All Editors');
    await s.wb.openActivity('Incidents');
    const row = s.wb.treeRows('incidentPlaybook').filter({ hasText: 'INC-2026-1121-001' }).first();
    await row.waitFor({ timeout: 20_000 });
    await row.hover();
    await row.locator('.action-label[aria-label^="Add Timeline Entry"]').click();
    const prompt = await s.wb.answerInput('Provider raised our webhook rate limit');
    assert.match(prompt, /INC-2026-1121-001/);
    let log = await waitForLog('gain the entry', (t) => t.includes('— Provider raised our webhook rate limit (Riley Oncall)'));
    const section = () => log.slice(log.indexOf('## INC-2026-1121-001'), log.indexOf('## INC-2026-1120-001'));
    assert.ok(section().includes('Provider raised our webhook rate limit'), 'the entry went to another incident');
    // The view shows the new entry before the next step: a context menu opened while the view is
    // being redrawn would run its command without the row's incident.
    const rows = s.wb.treeRows('incidentPlaybook');
    await s.wb.expandRow(rows, 'SEV-2 · Payment webhooks delayed');
    await rows.filter({ hasText: 'Timeline' }).filter({ hasText: '2 entries' }).first().waitFor({ timeout: 20_000 });

    await s.wb.contextMenu(row, 'Set Status', { whenOpen: () => s.wb.screenshot(E2E_ARTIFACTS, '09-tree-context-menu') });
    await s.wb.pick('Monitoring');
    log = await waitForLog('set the status', (t) => t.includes('- **Status:** Monitoring'));
    assert.match(section(), /- \*\*Status:\*\* Monitoring\n/);
    assert.match(section(), /— Status: Investigating → Monitoring/);
    await row.filter({ hasText: 'Monitoring' }).waitFor({ timeout: 20_000 });
  });
});
