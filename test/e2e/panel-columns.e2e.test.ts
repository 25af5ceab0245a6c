// The panels beside the log, in a 1000 px window: the checklist, the review form, the status
// update composer (from the status-bar clock), the executive summary and the metrics dashboard
// open as tabs of ONE column beside the log, never a third; a panel's link to a file opens it in
// the log's column; and each panel fits its column: no sideways scrolling, no table cut off.
import * as assert from 'node:assert/strict';
import type { FrameLocator, Locator } from 'playwright-core';
import { editorGroups, overflowProblem, pageOverflow } from './layout';
import { E2E_ARTIFACTS, openSession, useSession } from './session';

const CHECKLIST_ID = 'INC-2026-1121-001';
const REVIEW_ID = 'INC-2026-1120-001';
const RESOLVED_ID = 'INC-2026-1102-001';

describe('Panels share one column beside the log (code-server + Chromium)', function () {
  this.timeout(300_000);
  const s = useSession(() => openSession('basic', 'panel-columns', { 'workbench.colorTheme': 'Default Light Modern' }));

  it('opens every panel as a tab of one column beside the log (2 editor groups), and each fits a 1000 px window', async () => {
    await s.page.setViewportSize({ width: 1000, height: 800 });
    // The extension is active once the view lists the incidents.
    await s.wb.openActivity('Incidents');
    await s.wb.treeRows('incidentPlaybook').filter({ hasText: CHECKLIST_ID }).first().waitFor({ timeout: 30_000 });
    // The fixture's incidents are days old: the clock offers to compose the overdue update.
    const clock = s.page.locator('.statusbar-item').filter({ hasText: /INC-\d{4}-\d{4}-\d{3}/ }).filter({ hasText: 'update overdue' }).first();
    await clock.waitFor({ timeout: 30_000 });

    // The log, alone, in the whole width of the window (the side bar closed).
    await s.wb.runCommandAndPick('Incident: Open Incident', CHECKLIST_ID);
    const logTab = s.page.locator('.tabs-container .tab', { hasText: 'INCIDENT_LOG.md' });
    await logTab.waitFor({ timeout: 20_000 });
    await s.wb.runCommand('View: Close Primary Side Bar');
    assert.equal(await editorGroups(s.page), 1, 'the log alone');

    const problems: string[] = [];
    const groupsAfter = async (what: string) => {
      const n = await editorGroups(s.page);
      if (n !== 2) problems.push(`after ${what}: ${n} editor groups, not 2`);
    };

    await s.wb.runCommandAndPick('Incident: Open Checklist', CHECKLIST_ID);
    await (await s.wb.webview('Payment webhooks delayed')).getByText('Next update due').first().waitFor({ timeout: 20_000 });
    await groupsAfter('the checklist');

    // From the checklist (the active editor), the review form.
    await s.wb.runCommandAndPick('Incident: Open Post-Incident Review', REVIEW_ID);
    const review = await s.wb.webview(`Post-incident review: ${REVIEW_ID}`);
    await review.getByRole('textbox', { name: 'Root cause', exact: true }).waitFor({ timeout: 20_000 });
    await groupsAfter('the review form');
    // Its "Open file" opens the review's markdown in the log's column.
    await review.getByRole('button', { name: 'Open file' }).click();
    const reviewFileTab = s.page.locator('.editor-group-container').filter({ has: logTab }).locator('.tabs-container .tab', { hasText: `${REVIEW_ID}.md` });
    await reviewFileTab.waitFor({ timeout: 20_000 }).catch(() => problems.push(`"Open file" did not open ${REVIEW_ID}.md in the log's column`));
    await groupsAfter('"Open file" of the review form');

    // The status-bar clock: the composer of its incident.
    const clockId = /INC-\d{4}-\d{4}-\d{3}/.exec(await clock.innerText())![0];
    await clock.click();
    await (await s.wb.webview(`Status update: ${clockId}`)).getByRole('button', { name: 'Mark as sent' }).waitFor({ timeout: 20_000 });
    await groupsAfter('the composer (from the status-bar clock)');

    await s.wb.runCommandAndPick('Incident: Compose Executive Summary', RESOLVED_ID);
    await (await s.wb.webview(`Executive summary: ${RESOLVED_ID}`)).getByRole('button', { name: 'Copy as Markdown' }).first().waitFor({ timeout: 20_000 });
    await groupsAfter('the executive summary');

    await s.wb.runCommand('Incident: Show Metrics');
    await (await s.wb.webview('Incident metrics')).locator('.frequency-chart canvas').first().waitFor({ timeout: 20_000 });
    await groupsAfter('the metrics dashboard');
    await s.page.mouse.move(500, 700);
    await s.wb.screenshot(E2E_ARTIFACTS, '50-panels-one-column-1000px');

    // Each panel shown in its column beside the log: it fits (no sideways scrolling, nothing cut off).
    const panels: { tab: string; text: string; ready: (f: FrameLocator) => Locator }[] = [
      { tab: `Checklist: ${CHECKLIST_ID}`, text: 'Payment webhooks delayed', ready: (f) => f.getByText('Next update due').first() },
      { tab: `Review: ${REVIEW_ID}`, text: `Post-incident review: ${REVIEW_ID}`, ready: (f) => f.getByRole('textbox', { name: 'Root cause', exact: true }) },
      { tab: `Update: ${clockId}`, text: `Status update: ${clockId}`, ready: (f) => f.getByRole('button', { name: 'Mark as sent' }) },
      { tab: `Summary: ${RESOLVED_ID}`, text: `Executive summary: ${RESOLVED_ID}`, ready: (f) => f.getByRole('button', { name: 'Copy as Markdown' }).first() },
      { tab: 'Incident Metrics', text: 'Incident metrics', ready: (f) => f.locator('.frequency-chart canvas').first() },
    ];
    for (const p of panels) {
      await s.page.getByRole('tab', { name: new RegExp(p.tab) }).first().click();
      const frame = await s.wb.webview(p.text);
      await p.ready(frame).waitFor({ timeout: 20_000 });
      const o = await pageOverflow(frame);
      console.log(`      ${p.tab}: scrollWidth ${o.scrollWidth}, clientWidth ${o.clientWidth}${o.beyond.length ? `, beyond: ${o.beyond.join(', ')}` : ''}`);
      const problem = overflowProblem(o);
      if (problem) problems.push(`${p.tab}: ${problem}`);
    }
    assert.deepEqual(problems, []);
  });
});
