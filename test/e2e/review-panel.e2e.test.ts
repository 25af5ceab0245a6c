// The post-incident review form in the browser: opened from the palette (the draft written
// first), every section filled and two action items added with the markdown checked on disk,
// the text back after the form is closed and reopened, a hand edit of the file followed, and
// the form restored after a window reload.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { readReview, readReviewActionItems } from '../../src/core';
import { waitForFile } from './files';
import { E2E_ARTIFACTS, openSession, useSession } from './session';

const ID = 'INC-2026-1120-001';

/** What each section gets, by the heading that names its text area. */
const SECTIONS: Record<string, string> = {
  'Incident summary': 'Checkout returned 500s for 42 minutes; about 8% of orders failed.',
  Timeline: '| Time | Event | Action taken |\n| --- | --- | --- |\n| 14:18 | Alert fired | Paged the on-call |',
  'Root cause': 'A connection-pool limit lowered in release 4.2.',
  'Contributing factors': 'No alert on pool saturation.',
  'What went well': 'The rollback took four minutes.',
  'What could be improved': 'Config changes skipped the canary.',
  'Lessons learned': 'Treat pool limits as code.',
  'Communication recap': 'Status page updated twice; support briefed at 14:40.',
};

async function waitValue(frame: FrameLocator, name: string, ok: (v: string) => boolean, timeoutMs = 20_000): Promise<string> {
  const box = frame.getByRole('textbox', { name, exact: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await box.inputValue().catch(() => '');
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`The text area "${name}" did not get the expected text; it holds:\n${v}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('Review panel (code-server + Chromium)', function () {
  this.timeout(300_000);
  const s = useSession(() => openSession('basic', 'review-panel', { 'workbench.colorTheme': 'Default Light Modern' }));
  const reviewPath = () => join(s.workspace, 'docs', 'pir', `${ID}.md`);
  const waitForReview = (what: string, ok: (text: string) => boolean) => waitForFile(reviewPath(), `the review to ${what}`, ok, 20_000);
  const section = (text: string, heading: string) => readReview(text).sections.find((x) => x.heading === heading)?.text;

  it('fills every section and adds two action items; reopens with the text back; follows a hand edit; comes back after a reload', async () => {
    await s.wb.openActivity('Incidents');
    await s.wb.treeRows('incidentPlaybook').filter({ hasText: ID }).first().waitFor({ timeout: 30_000 });
    await s.wb.runCommand('Incident: Open Post-Incident Review');
    await s.wb.pick(ID);
    const draft = await waitForReview('be drafted', (t) => t.includes('\n## Action items'));
    let frame = await s.wb.webview(`Post-incident review: ${ID}`);
    for (const text of ['Review due', 'draft', 'SEV-1']) await frame.getByText(text).first().waitFor({ timeout: 10_000 });

    // Every section, by its text area's accessible name: each one lands in its own section only.
    for (const [heading, text] of Object.entries(SECTIONS)) {
      const box = frame.getByRole('textbox', { name: heading, exact: true });
      await box.fill(text);
      // Leaving the field saves at once (typing alone saves after a pause).
      await box.blur();
      await waitForReview(`get "${heading}"`, (t) => section(t, heading) === text);
    }
    let review = readFileSync(reviewPath(), 'utf8');
    for (const [heading, text] of Object.entries(SECTIONS)) assert.equal(section(review, heading), text, heading);
    // The front matter and the headings are as the draft wrote them.
    assert.equal(review.slice(0, review.indexOf('\n---\n', 4)), draft.slice(0, draft.indexOf('\n---\n', 4)));
    assert.deepEqual(
      readReview(review).sections.map((x) => x.heading),
      readReview(draft).sections.map((x) => x.heading),
    );

    // Two action items, the second without an owner (the git user, when there is one).
    const before = readReviewActionItems(review).items.length;
    const add = async (action: string, owner: string, due: string) => {
      await frame.getByRole('textbox', { name: 'New action item', exact: true }).fill(action);
      await frame.getByRole('textbox', { name: 'Owner', exact: true }).fill(owner);
      await frame.getByRole('textbox', { name: 'Due date', exact: true }).fill(due);
      await frame.getByRole('button', { name: 'Add action item', exact: true }).click();
      await waitForReview(`list "${action}"`, (t) => readReviewActionItems(t).items.some((i) => i.action === action));
    };
    await add('Alert on pool saturation', 'Priya Natarajan', '2026-12-15');
    await add('Canary config changes', '', '2026-12-20');
    review = readFileSync(reviewPath(), 'utf8');
    const items = readReviewActionItems(review).items;
    assert.equal(items.length, before + 2);
    assert.deepEqual(
      items.slice(-2).map((i) => [i.action, i.due, i.done]),
      [
        ['Alert on pool saturation', '2026-12-15', false],
        ['Canary config changes', '2026-12-20', false],
      ],
    );
    assert.equal(items[items.length - 2].owner, 'Priya Natarajan');
    assert.match(review, /^\| Alert on pool saturation \| Priya Natarajan \| 2026-12-15 \| Open \|$/m);
    await frame.getByRole('textbox', { name: 'Action of Canary config changes', exact: true }).waitFor({ timeout: 10_000 });

    // Closed and opened again: the text comes back from the file.
    await s.wb.runCommand('View: Close All Editors');
    await s.wb.runCommand('Incident: Open Post-Incident Review');
    await s.wb.pick(ID);
    frame = await s.wb.webview(`Post-incident review: ${ID}`);
    for (const [heading, text] of Object.entries(SECTIONS)) await waitValue(frame, heading, (v) => v === text);
    await frame.getByRole('textbox', { name: 'Owner of Alert on pool saturation', exact: true }).waitFor({ timeout: 10_000 });
    // The incident's row in the view lists the review's open action items.
    const rows = s.wb.treeRows('incidentPlaybook');
    await s.wb.expandRow(rows, `${ID}: Checkout API returning 500s`);
    await s.wb.expandRow(rows, 'Review action items');
    await rows.filter({ hasText: 'Alert on pool saturation' }).waitFor({ timeout: 20_000 });
    await s.wb.screenshot(E2E_ARTIFACTS, '11-review-panel-light');

    // A hand edit of the file (git, the CLI, another editor): the form follows.
    writeFileSync(reviewPath(), review.replace(SECTIONS['Lessons learned'], 'Pool limits are code now.'));
    await waitValue(frame, 'Lessons learned', (v) => v === 'Pool limits are code now.');
    await waitValue(frame, 'Root cause', (v) => v === SECTIONS['Root cause']);

    // Reload the window: the form is restored with its incident and the file's text.
    await s.wb.runCommand('Developer: Reload Window');
    await s.page.waitForLoadState('domcontentloaded');
    await s.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    const restored = await s.wb.webview(`Post-incident review: ${ID}`, 60_000);
    await waitValue(restored, 'Lessons learned', (v) => v === 'Pool limits are code now.');
  });
});
