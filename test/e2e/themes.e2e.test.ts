// The panels in the dark and the high-contrast themes: their colours are the theme's (the pages
// use only --vscode-* variables), they follow a theme change while open, and each is
// screenshotted for the README: the checklist and the review form (artifacts/e2e/14..17-*.png),
// then the status update composer, the executive summary and the metrics dashboard (43..48-*.png).
import * as assert from 'node:assert/strict';
import type { FrameLocator } from 'playwright-core';
import { E2E_ARTIFACTS, openSession, useSession } from './session';

const CHECKLIST_ID = 'INC-2026-1121-001';
const REVIEW_ID = 'INC-2026-1120-001';
const RESOLVED_ID = 'INC-2026-1102-001';

/** The page's background and text colours, and the theme's values for them, all as computed rgb(). */
async function colours(frame: FrameLocator) {
  return frame.locator('body').evaluate((body) => {
    const doc = body.ownerDocument;
    const probe = doc.createElement('div');
    // CSSOM, not a style attribute: allowed under the panel's CSP.
    probe.style.backgroundColor = 'var(--vscode-editor-background)';
    probe.style.color = 'var(--vscode-foreground)';
    doc.body.appendChild(probe);
    const theme = doc.defaultView!.getComputedStyle(probe);
    const page = doc.defaultView!.getComputedStyle(body);
    const out = { background: page.backgroundColor, color: page.color, themeBackground: theme.backgroundColor, themeColor: theme.color, kind: body.className };
    probe.remove();
    return out;
  });
}

/** Waits for the page to take the high-contrast theme, then checks it draws in its colours on black. */
async function assertHighContrast(frame: FrameLocator, page: { waitForTimeout(ms: number): Promise<void> }, what: string) {
  let hc = await colours(frame);
  for (let i = 0; i < 50 && !/vscode-high-contrast/.test(hc.kind); i++) {
    await page.waitForTimeout(200);
    hc = await colours(frame);
  }
  assert.match(hc.kind, /vscode-high-contrast/, `${what} took the high-contrast theme`);
  assert.equal(hc.background, 'rgb(0, 0, 0)', `${what}: high contrast draws on black`);
  assert.equal(hc.background, hc.themeBackground, what);
  assert.equal(hc.color, hc.themeColor, what);
}

/** Checks the page draws in the dark theme's colours; returns its background. */
async function assertDark(frame: FrameLocator, what: string): Promise<string> {
  const dark = await colours(frame);
  assert.match(dark.kind, /vscode-dark/, what);
  assert.equal(dark.background, dark.themeBackground, what);
  assert.equal(dark.color, dark.themeColor, what);
  assert.notEqual(dark.background, 'rgb(0, 0, 0)', what);
  return dark.background;
}

describe('Panels in the dark and high-contrast themes (code-server + Chromium)', function () {
  this.timeout(300_000);
  const s = useSession(() => openSession('basic', 'themes', { 'workbench.colorTheme': 'Default Dark Modern' }));

  it('shows both panels in the theme’s colours, dark then high contrast, following the change while open', async () => {
    await s.wb.openActivity('Incidents');
    await s.wb.treeRows('incidentPlaybook').filter({ hasText: CHECKLIST_ID }).first().waitFor({ timeout: 30_000 });
    await s.wb.runCommandAndPick('Incident: Open Checklist', CHECKLIST_ID);
    const checklist = await s.wb.webview('Payment webhooks delayed');
    await checklist.getByText('Next update due').first().waitFor({ timeout: 15_000 });
    const dark = await colours(checklist);
    assert.equal(dark.background, dark.themeBackground);
    assert.equal(dark.color, dark.themeColor);
    assert.match(dark.kind, /vscode-dark/);
    await s.wb.screenshot(E2E_ARTIFACTS, '14-checklist-panel-dark');

    await s.wb.runCommandAndPick('Incident: Open Post-Incident Review', REVIEW_ID);
    const review = await s.wb.webview(`Post-incident review: ${REVIEW_ID}`);
    await review.getByRole('textbox', { name: 'Root cause', exact: true }).waitFor({ timeout: 15_000 });
    const reviewDark = await colours(review);
    assert.equal(reviewDark.background, reviewDark.themeBackground);
    assert.equal(reviewDark.color, reviewDark.themeColor);
    await s.wb.screenshot(E2E_ARTIFACTS, '15-review-panel-dark');

    // Switched while the form is open: the page takes the new theme's colours at once.
    await s.wb.runCommandAndPick('Preferences: Color Theme', 'Dark High Contrast');
    let hc = await colours(review);
    for (let i = 0; i < 50 && !/vscode-high-contrast/.test(hc.kind); i++) {
      await s.page.waitForTimeout(200);
      hc = await colours(review);
    }
    assert.match(hc.kind, /vscode-high-contrast/);
    assert.equal(hc.background, hc.themeBackground);
    assert.equal(hc.color, hc.themeColor);
    assert.equal(hc.background, 'rgb(0, 0, 0)', 'high contrast draws on black');
    assert.notEqual(hc.background, reviewDark.background);
    await s.wb.screenshot(E2E_ARTIFACTS, '17-review-panel-high-contrast');

    await s.page.getByRole('tab', { name: new RegExp(`Checklist: ${CHECKLIST_ID}`) }).first().click();
    const checklistHc = await s.wb.webview('Payment webhooks delayed');
    await checklistHc.getByText('Next update due').first().waitFor({ timeout: 15_000 });
    const c = await colours(checklistHc);
    assert.equal(c.background, 'rgb(0, 0, 0)');
    assert.equal(c.color, c.themeColor);
    await s.wb.screenshot(E2E_ARTIFACTS, '16-checklist-panel-high-contrast');
  });

  it('shows the composer, the executive summary and the metrics dashboard in the theme’s colours, dark then high contrast', async () => {
    // This session switched to high contrast above: back to Dark Modern, with no editor open.
    await s.wb.runCommand('View: Close All Editor Groups');
    await s.wb.runCommandAndPick('Preferences: Color Theme', 'Dark Modern');
    await s.page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: 15_000 });

    await s.wb.runCommandAndPick('Incident: Compose Status Update', REVIEW_ID);
    await s.wb.webview(`Status update: ${REVIEW_ID}`);
    await s.wb.runCommandAndPick('Incident: Compose Executive Summary', RESOLVED_ID);
    await s.wb.webview(`Executive summary: ${RESOLVED_ID}`);
    await s.wb.runCommand('Incident: Show Metrics');
    await s.wb.webview('Incident metrics');
    // One group, so each page is shown at full width when its tab is chosen.
    await s.wb.runCommand('View: Join All Editor Groups');

    const panels = [
      { tab: `Update: ${REVIEW_ID}`, text: `Status update: ${REVIEW_ID}`, what: 'the composer', ready: (f: FrameLocator) => f.getByRole('button', { name: 'Mark as sent' }), shot: 'compose-update' },
      { tab: `Summary: ${RESOLVED_ID}`, text: `Executive summary: ${RESOLVED_ID}`, what: 'the summary', ready: (f: FrameLocator) => f.getByRole('button', { name: 'Copy as Markdown' }).first(), shot: 'summary' },
      { tab: 'Incident Metrics', text: 'Incident metrics', what: 'the dashboard', ready: (f: FrameLocator) => f.locator('.frequency-chart canvas').first(), shot: 'metrics-dashboard' },
    ];
    const show = async (p: (typeof panels)[number]) => {
      await s.page.getByRole('tab', { name: new RegExp(p.tab) }).first().click();
      const frame = await s.wb.webview(p.text);
      await p.ready(frame).waitFor({ timeout: 20_000 });
      return frame;
    };
    let n = 43;
    for (const p of panels) {
      await assertDark(await show(p), p.what);
      await s.wb.screenshot(E2E_ARTIFACTS, `${n++}-${p.shot}-dark`);
    }

    // Switched while all three are open: each has the new theme when shown.
    await s.wb.runCommandAndPick('Preferences: Color Theme', 'Dark High Contrast');
    for (const p of panels) {
      await assertHighContrast(await show(p), s.page, p.what);
      await s.wb.screenshot(E2E_ARTIFACTS, `${n++}-${p.shot}-high-contrast`);
    }
  });
});
