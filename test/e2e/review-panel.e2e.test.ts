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
      // A date picker: filled as the browser's date input takes it (YYYY-MM-DD).
      await frame.locator('#new-due input[type="date"]').fill(due);
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
    // Every cell shows its whole value: the action wraps in its area, owner and due date fit.
    const long = 'Add consumer-lag alert for inventory-sync with paging on sustained growth';
    const area = frame.getByRole('textbox', { name: 'Action of Canary config changes', exact: true });
    await area.fill(long);
    await area.press('Enter');
    await waitForReview('rename the action', (t) => readReviewActionItems(t).items.some((i) => i.action === long));
    // Leaving the area afterwards sends nothing more: no "changed in the file" error.
    await frame.getByRole('heading', { name: 'Action items', exact: true }).click();
    await s.page.waitForTimeout(1500);
    assert.equal(await s.page.locator('.notification-toast', { hasText: 'changed in the file' }).count(), 0, 'an error after leaving the renamed action');
    const clipped = await frame.locator('td input, td textarea').evaluateAll((els) =>
      els.filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1).map((el) => (el as unknown as { value: string }).value),
    );
    assert.deepEqual(clipped, [], 'cells whose value is cut off');
    assert.ok((await frame.locator('td input[type="date"]').count()) >= 2, 'the due dates are date pickers');

    // Closed and opened again: the text comes back from the file.
    await s.wb.runCommand('View: Close All Editors');
    await s.wb.runCommand('Incident: Open Post-Incident Review');
    await s.wb.pick(ID);
    frame = await s.wb.webview(`Post-incident review: ${ID}`);
    for (const [heading, text] of Object.entries(SECTIONS)) await waitValue(frame, heading, (v) => v === text);
    await frame.getByRole('textbox', { name: 'Owner of Alert on pool saturation', exact: true }).waitFor({ timeout: 10_000 });
    // The incident's row in the view lists the review's open action items.
    const rows = s.wb.treeRows('incidentPlaybook');
    await s.wb.expandRow(rows, 'SEV-1 · Checkout API returning 500s');
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

// Typing over a section's template text the way people do: click in, Ctrl+A, type. In a webview
// VS Code forwards each key to the workbench, whose Select All command sends `selectAll` back to
// the page: it comes after the browser has already selected the text, as late as the workbench is
// busy, and selects what was typed meanwhile, which the next key replaces. On an idle machine it
// comes back within a few milliseconds, mostly before the next key; here it comes 200 ms late, as
// from a busy workbench, so that the race is run every time. The page must keep every character.
describe('Review panel: typing over the template (code-server + Chromium)', function () {
  this.timeout(300_000);
  const s = useSession(() => openSession('basic', 'review-typing', { 'workbench.colorTheme': 'Default Light Modern' }));
  const reviewPath = () => join(s.workspace, 'docs', 'pir', `${ID}.md`);
  const section = (text: string, heading: string) => readReview(text).sections.find((x) => x.heading === heading)?.text;
  let frame: FrameLocator;

  before(async function () {
    this.timeout(120_000);
    await s.wb.openActivity('Incidents');
    await s.wb.treeRows('incidentPlaybook').filter({ hasText: ID }).first().waitFor({ timeout: 30_000 });
    await s.wb.runCommand('Incident: Open Post-Incident Review');
    await s.wb.pick(ID);
    await waitForFile(reviewPath(), 'the review to be drafted', (t) => t.includes('\n## Action items'), 20_000);
    frame = await s.wb.webview(`Post-incident review: ${ID}`);
    await frame.getByRole('textbox', { name: 'Root cause', exact: true }).waitFor({ timeout: 10_000 });
    await answerForwardedSelectAllLate(200);
  });

  /**
   * The workbench's Select All reaches the page `ms` late, as it does while the workbench is busy:
   * the page's document runs `selectAll` that much after VS Code asks for it. (On an idle machine
   * it comes within a few milliseconds, usually before the next key, but not always.)
   */
  async function answerForwardedSelectAllLate(ms: number): Promise<void> {
    await frame.locator('body').evaluate((_body, delay) => {
      const doc = (globalThis as unknown as { document: { execCommand(command: string, ...rest: unknown[]): boolean } }).document;
      const run = doc.execCommand.bind(doc);
      doc.execCommand = (command, ...rest) => {
        if (command !== 'selectAll') return run(command, ...rest);
        setTimeout(() => run(command, ...rest), delay);
        return true;
      };
    }, ms);
  }

  /** What the form and the file hold for the section once the file holds what the form shows (20 s at most). */
  async function saved(heading: string): Promise<{ form: string; file: string | undefined; selection: [number, number] }> {
    const box = frame.getByRole('textbox', { name: heading, exact: true });
    const deadline = Date.now() + 20_000;
    let form = '';
    let file: string | undefined;
    for (;;) {
      form = await box.inputValue();
      // Two reads 50 ms apart agree: VS Code saves in place.
      const text = await waitForFile(reviewPath(), 'the review', () => true);
      file = section(text, heading);
      if ((form && file === form) || Date.now() > deadline) break;
      await s.page.waitForTimeout(100);
    }
    const selection = await box.evaluate((t) => {
      const area = t as unknown as { selectionStart: number; selectionEnd: number };
      return [area.selectionStart, area.selectionEnd] as [number, number];
    });
    return { form, file, selection };
  }

  /** Clicks into the section, presses Ctrl+A and types `text` (`delay` ms between keys). */
  async function typeOver(heading: string, text: string, delay: number): Promise<void> {
    await frame.getByRole('textbox', { name: heading, exact: true }).click();
    await s.page.keyboard.press('Control+A');
    await s.page.keyboard.type(text, { delay });
  }

  it('shows the template’s hints as hint text and placeholders, never in the text areas; times as elsewhere', async () => {
    const root = frame.getByRole('textbox', { name: 'Root cause', exact: true });
    assert.equal(await root.inputValue(), '');
    assert.match((await root.getAttribute('placeholder')) ?? '', /^1\. Why\?\n2\. Why\?\n3\. Why\?\n4\. Why\?\n5\. Why\?$/);
    await frame.getByText('Ask "why?" five times, starting from the symptom.', { exact: false }).first().waitFor({ timeout: 5_000 });
    for (const heading of ['What went well', 'Lessons learned', 'Communication recap']) {
      assert.equal(await frame.getByRole('textbox', { name: heading, exact: true }).inputValue(), '', heading);
    }
    await frame.getByText('Tools, runbooks, people and decisions that helped.').waitFor({ timeout: 5_000 });
    const summary = await frame.getByRole('textbox', { name: 'Incident summary', exact: true }).inputValue();
    assert.ok(!summary.includes('<!--'), summary);
    assert.match(summary, /^- \*\*Date:\*\* 2026-11-20$/m);
    // Detected reads as everywhere else, not as the front matter's ISO value.
    await frame.getByText('2026-11-20 14:30 UTC', { exact: true }).first().waitFor({ timeout: 5_000 });
    assert.equal(await frame.getByText('2026-11-20T14:30:00Z').count(), 0);
  });

  it('Ctrl+A over "Root cause" and typing at full speed: the form and the file hold the whole text', async () => {
    const text = 'The inventory-sync consumer group…';
    await typeOver('Root cause', text, 0);
    const { form, file, selection } = await saved('Root cause');
    assert.equal(form, text, 'the form');
    assert.equal(file, text, 'the file: the whole text, and none of the template');
    // Nothing selected after the typing (a Select All arriving late would have the next key replace it all).
    assert.deepEqual(selection, [text.length, text.length], 'the caret at the end, nothing selected');
  });

  it('Ctrl+A over "Contributing factors" and typing at a normal speed: the form and the file hold the whole text', async () => {
    const text = 'No consumer-lag alert on inventory-sync.';
    await typeOver('Contributing factors', text, 100);
    const { form, file, selection } = await saved('Contributing factors');
    assert.equal(form, text, 'the form');
    assert.equal(file, text, 'the file');
    assert.deepEqual(selection, [text.length, text.length], 'the caret at the end, nothing selected');
  });

  it('typing on while a save is on its way, then leaving the field: nothing typed is lost or put back', async () => {
    const first = 'Paging worked: the on-call was online in two minutes.';
    const more = ' Yes.';
    await frame.getByRole('textbox', { name: 'What went well', exact: true }).click();
    await s.page.keyboard.type(first);
    // The pause sends the first part; the rest is typed while it is written, and Tab leaves at once.
    await s.page.waitForTimeout(520);
    await s.page.keyboard.type(more);
    await s.page.keyboard.press('Tab');
    const { form, file } = await saved('What went well');
    assert.equal(form, first + more, 'the form');
    assert.equal(file, first + more, 'the file');
    await s.page.waitForTimeout(1000);
    assert.equal(await frame.getByRole('textbox', { name: 'What went well', exact: true }).inputValue(), first + more, 'the form a second later');
  });

  it('Mark final while sections are empty asks in a modal naming them; Cancel marks nothing, Mark Final marks it final', async () => {
    const log = join(s.workspace, 'docs', 'INCIDENT_LOG.md');
    const logBefore = readFileSync(log, 'utf8');
    const dialog = s.page.locator('.monaco-dialog-box');
    await frame.getByRole('button', { name: 'Mark final', exact: true }).click();
    await dialog.waitFor({ state: 'visible', timeout: 10_000 });
    const asked = await dialog.innerText();
    assert.match(asked, /3 sections are still empty/);
    assert.match(asked, /What could be improved, Lessons learned and Communication recap/);
    await s.wb.screenshot(E2E_ARTIFACTS, '12-review-mark-final-asks');
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
    await s.page.waitForTimeout(1000);
    assert.match(readFileSync(reviewPath(), 'utf8'), /\nstatus: draft\n/);
    assert.equal(readFileSync(log, 'utf8'), logBefore, 'nothing on the timeline');

    await frame.getByRole('button', { name: 'Mark final', exact: true }).click();
    await dialog.waitFor({ state: 'visible', timeout: 10_000 });
    await dialog.getByRole('button', { name: 'Mark Final', exact: true }).click();
    await waitForFile(reviewPath(), 'the review to be final', (t) => /\nstatus: final\n/.test(t), 20_000);
    await waitForFile(log, 'the timeline entry', (t) => t.includes('Post-incident review completed'), 20_000);
  });
});
