// The XSS suite of the webview panels (test/e2e/xss-payloads.ts), against the checklist
// panel, the post-incident review form, the status update composer, the executive summary, the
// metrics dashboard and the Incidents tree: every payload shows as its text, no script runs (in
// the panel's frame, the webview's outer frame or the workbench), no request reaches the local
// server the payloads point at, and the webview's Content-Security-Policy reports no violation at all.
//
// Why no violation is expected, not even a blocked one: every payload reaches the page as text
// (Lit bindings), so none of them becomes an element the CSP would have to stop; a violation
// would mean markup was created (a rendering bug the CSP merely contained) or that the panel's
// own assets break the policy. Both fail the suite. The one exception is in the workbench, not
// the webview: see the test's note on VS Code's tooltip sanitizer.
import * as assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { defaultPolicy, indexLog, readReview, readReviewActionItems } from '../../src/core';
import { sanitizeForDisplay } from '../../src/core/format/displayText';
import { sectionContent } from '../../src/core/review/reviewFile';
import { resolveDisplayZone } from '../../src/core/format/time';
import { composeView } from '../../src/extension/panels/composeView';
import { metricsFor, metricsView } from '../../src/extension/panels/metricsView';
import { summaryView } from '../../src/extension/panels/summaryView';
import { E2E_ARTIFACTS, openSession, useSession } from './session';
import { PWNED, XSS_REVIEW_SECTIONS, type XssPayload, writeXssWorkspace, xssLog, xssPayloads, xssReview } from './xss-payloads';

const ID = 'INC-2026-1121-001';

/** An image URL the panel's CSP refuses (img-src is the extension and data: only); the host does not exist. */
const PROBE = 'https://csp-probe.invalid/probe.png';

/** Collects CSP violations in a frame (as an init script it runs first, and is not subject to the page's CSP). */
const CSP_LISTENER = `window.__cspWatched = true;
addEventListener('securitypolicyviolation', (e) => {
  const t = e.target && e.target.outerHTML ? e.target.outerHTML.slice(0, 200) : String(e.target);
  (window.__cspViolations = window.__cspViolations || []).push([e.violatedDirective, e.blockedURI, e.sample, e.sourceFile + ':' + e.lineNumber, t].join(' | '));
}, true);`;

describe('XSS: hostile incident text in the checklist panel, the review form, the composers, the metrics dashboard and the tree (code-server + Chromium)', function () {
  this.timeout(300_000);
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' });
    res.end('pwned');
  });
  const dir = mkdtempSync(join(tmpdir(), 'incident-xss-suite-'));
  let payloads: XssPayload[] = [];
  let log = '';

  // Before the session opens (useSession's hook runs next): the payloads name the server's port.
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    payloads = xssPayloads(origin);
    log = xssLog(ID, payloads);
    writeXssWorkspace(dir, log);
  });
  const s = useSession(async () => {
    const session = await openSession(dir, 'xss', { 'workbench.colorTheme': 'Default Dark Modern' });
    await session.page.addInitScript(CSP_LISTENER);
    // The workbench's page is already loaded: its listener goes in now.
    await session.page.evaluate(CSP_LISTENER);
    return session;
  });
  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows every payload as its text in the checklist panel, runs none, sends no request, and trips no unexpected CSP violation', async () => {
    assert.ok(payloads.length >= 50, `${payloads.length} payloads`);
    const incident = indexLog(log).incidents[0];
    // Raw and escaped forms of each payload are items (a raw one the display text empties is not).
    assert.ok(incident.checklist.length >= payloads.length * 2 - 12, `${incident.checklist.length} items`);
    assert.ok(incident.timeline.length >= payloads.length - 2, `${incident.timeline.length} timeline entries`);
    assert.ok(incident.title.includes('<img src=x onerror='), incident.title);

    await s.wb.openActivity('Incidents');
    const row = s.wb.treeRows('incidentPlaybook').filter({ hasText: ID }).first();
    await row.waitFor({ timeout: 30_000 });
    // The tree shows the title as text (its labels and tooltips are plain strings, not markdown).
    const label = (await row.locator('.label-name').first().innerText()).trim();
    assert.equal(label, sanitizeForDisplay(incident.severity ? `${incident.severity} · ${incident.title}` : incident.title));
    assert.equal(await s.page.locator('.part.sidebar img[src*="127.0.0.1"], .part.sidebar [onerror]').count(), 0);

    // Its tooltip (markdown, escaped by the extension) shows the title's characters, not elements.
    await row.hover();
    const hover = s.page.locator('.monaco-hover, .workbench-hover').filter({ visible: true }).first();
    await hover.getByText('<img src=x onerror=').first().waitFor({ timeout: 10_000 });
    assert.equal(await hover.locator('img:not(.codicon), script, svg[onload], [onerror], [onload], a[href^="javascript"]').count(), 0);
    await s.wb.contextMenu(row, 'Open Checklist');
    const frame = await s.wb.webview('Next update due');
    await frame.getByRole('heading', { name: `${ID}: ${incident.title}`, exact: true }).waitFor({ timeout: 15_000 });
    await frame.getByRole('definition').getByText(incident.roles.commander ?? '(no commander read)', { exact: true }).waitFor();

    // Every item shows its text exactly, in order (light DOM text of each checkbox: what Lit bound).
    const expected = incident.checklist.map((c) => c.text);
    await frame.locator('vscode-checkbox').nth(expected.length - 1).waitFor({ timeout: 15_000 });
    const shown = await frame.locator('vscode-checkbox').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    assert.deepEqual(shown, expected);
    // And each is found by its text, as a person (or a screen reader) finds it: by role and name.
    let named = 0;
    for (const text of new Set(expected)) {
      // Accessible names fold whitespace and drop control characters: those are checked above.
      // eslint-disable-next-line no-control-regex
      if (!text.trim() || /[\u0000-\u001f\u007f\u2028\u2029]/.test(text)) continue;
      assert.ok((await frame.getByRole('checkbox', { name: text.trim(), exact: true }).count()) >= 1, `no checkbox named ${JSON.stringify(text).slice(0, 120)}`);
      named++;
    }
    assert.ok(named >= payloads.length, `${named} items found by name`);
    const withMarkup = expected.filter((t) => /<(script|img|svg|iframe|style)/i.test(t)).length;
    assert.ok(withMarkup >= 25, `only ${withMarkup} items reached the panel with their markup characters`);

    // No element came out of the text (locators pierce shadow roots). The components' own
    // internals (vscode-elements' shadow roots: their codicon stylesheet, the collapsible's icon)
    // render no incident text and are left out.
    const found = await frame
      .locator('#app img, #app script, #app style, #app svg, #app iframe, #app object, #app video, #app math, #app form, #app meta, #app link, #app details, #app [onerror], #app [onload], #app a[href]:not([href="#"])')
      .evaluateAll((els) =>
        els
          .filter((e) => !((e.getRootNode() as unknown as { host?: { tagName: string } }).host?.tagName ?? '').startsWith('VSCODE-'))
          .map((e) => e.outerHTML.slice(0, 160)),
      );
    assert.deepEqual(found, []);

    // Give anything that would run (timers, image errors, fetches) the time to.
    // VS Code writes the panel's page into its frame with document.open(), which drops the
    // listeners the init script added: add it again (once), and prove that both channels see a
    // violation in the panel's frame with a probe the CSP blocks (an image from an origin that
    // does not exist, so nothing reaches any server). Violations from before (the page's load,
    // the first render) reach Chromium's console, which the probe shows is read.
    const inWorkbench = await assertNothingRanOrLeaked(s, 'checklist panel');
    console.log(`      ${payloads.length} payloads, ${expected.length} items; workbench CSP blocks: ${inWorkbench.length}; server hits: ${hits.length}`);
    assert.deepEqual(hits, [], 'requests reached the local server');
    await s.wb.screenshot(E2E_ARTIFACTS, '12-xss-checklist-panel');
  });
  it('shows every payload as its text in the review form (title, sections, action items), runs none, sends no request, and trips no CSP violation', async () => {
    const review = xssReview(ID, payloads);
    // The session's copy of the workspace, which VS Code has open.
    mkdirSync(join(s.workspace, 'docs', 'pir'), { recursive: true });
    writeFileSync(join(s.workspace, 'docs', 'pir', `${ID}.md`), review);
    const doc = readReview(review);
    const items = readReviewActionItems(review).items;
    assert.equal(items.length, 24, 'action items read from the table');
    await s.wb.runCommand('View: Close All Editors');
    await s.wb.runCommand('Incident: Open Post-Incident Review');
    await s.wb.pick(ID);
    const frame = await s.wb.webview(`Post-incident review: ${ID}`);

    // The title (hostile in the front matter and in the log) shows as its characters.
    const heading = frame.getByRole('heading', { level: 1 });
    await heading.waitFor({ timeout: 20_000 });
    assert.ok((await heading.innerText()).includes('<img src=x onerror='), await heading.innerText());
    // Each section's text area holds the section's text exactly (the value Lit bound), less its
    // HTML comments: those are the template's hints, shown apart from the text (as text too).
    for (const heading of XSS_REVIEW_SECTIONS) {
      const written = doc.sections.find((x) => x.heading === heading)?.text;
      assert.ok(written && /<(script|img|svg)/i.test(written), `the fixture's ${heading} holds markup`);
      const want = sectionContent(written).text;
      assert.ok(/<(script|img|svg)/i.test(want), `${heading} still holds markup once its hints are apart`);
      const box = frame.getByRole('textbox', { name: heading, exact: true });
      await box.waitFor({ timeout: 20_000 });
      assert.equal(await box.inputValue(), want, heading);
    }
    // Each action item's action (a text area) and owner (a text field), as their values, in order.
    const cells = async (column: string) => frame.locator('vscode-textfield, vscode-textarea.action').evaluateAll((els, c) => els.filter((e) => (e as unknown as { label?: string }).label?.startsWith(`${c} of `)).map((e) => (e as unknown as { value: string }).value), column);
    await frame.locator('vscode-textfield').nth(items.length * 3).waitFor({ timeout: 20_000 });
    assert.deepEqual(await cells('Action'), items.map((i) => i.action));
    assert.deepEqual(await cells('Owner'), items.map((i) => i.owner));
    assert.ok(items.filter((i) => /<(script|img|svg|iframe)/i.test(i.action)).length >= 10, 'actions reached the form with their markup characters');

    // No element came out of the text (the components' own shadow internals and the form's own
    // "add action item" form aside).
    const found = await frame
      .locator('#app img, #app script, #app style, #app svg, #app iframe, #app object, #app video, #app math, #app form:not(.add), #app meta, #app link, #app details, #app [onerror], #app [onload], #app a[href]:not([href="#"])')
      .evaluateAll((els) =>
        els
          .filter((e) => !((e.getRootNode() as unknown as { host?: { tagName: string } }).host?.tagName ?? '').startsWith('VSCODE-'))
          .map((e) => e.outerHTML.slice(0, 160)),
      );
    assert.deepEqual(found, []);
    await assertNothingRanOrLeaked(s, 'review form');
    console.log(`      review form: ${XSS_REVIEW_SECTIONS.length} sections, ${items.length} action items; server hits: ${hits.length}`);
    assert.deepEqual(hits, [], 'requests reached the local server');
    await s.wb.screenshot(E2E_ARTIFACTS, '13-xss-review-panel');
  });

  it('shows the status update composer\'s text exactly as the core composes it, runs none, sends no request, and trips no CSP violation', async () => {
    const policy = defaultPolicy();
    const index = indexLog(log, { policy });
    const incident = index.incidents.find((i) => i.id === ID)!;
    // The update names its next due time (now + the cadence): the minute may turn while it opens.
    const expected = (now: Date) => composeView(index, incident, policy, 'internal', now, resolveDisplayZone(undefined, policy.timeZone)).markdown;
    const before = expected(new Date());
    assert.ok(/<(img|script)/i.test(before), 'the update holds markup characters');
    await s.wb.runCommand('View: Close All Editors');
    await s.wb.runCommand('Incident: Compose Status Update');
    await s.wb.pick(ID);
    const frame = await s.wb.webview(`Status update: ${ID}`);
    // The text area by its id, its value as Lit bound it (its `label` attribute does not give the inner box an accessible name).
    const box = frame.locator('vscode-textarea#update-text');
    await box.waitFor({ timeout: 20_000 });
    const shown = await box.evaluate((e) => (e as unknown as { value: string }).value);
    assert.ok(shown === before || shown === expected(new Date()), `the text area differs from the core's update:\n${shown.slice(0, 600)}`);
    // The title paragraph shows the title's characters.
    assert.ok((await frame.locator('#app p').first().innerText()).includes('<img src=x onerror='));
    assert.deepEqual(await markupElements(frame), []);
    await assertNothingRanOrLeaked(s, 'status update composer');
    console.log(`      composer: ${shown.length} characters; server hits: ${hits.length}`);
    assert.deepEqual(hits, [], 'requests reached the local server');
    await s.wb.screenshot(E2E_ARTIFACTS, '14-xss-compose-panel');
  });

  it('shows the executive summary and the update exactly as the core composes them, runs none, sends no request, and trips no CSP violation', async () => {
    const policy = defaultPolicy();
    const incident = indexLog(log, { policy }).incidents.find((i) => i.id === ID)!;
    // The hostile review (as the review form's test wrote it) feeds the summary's root cause and more.
    const review = xssReview(ID, payloads);
    mkdirSync(join(s.workspace, 'docs', 'pir'), { recursive: true });
    writeFileSync(join(s.workspace, 'docs', 'pir', `${ID}.md`), review);
    // The duration of an incident still open runs to now: the minute may turn while it opens.
    const expected = (now: Date) => summaryView(incident, policy, { text: review, path: '' }, now);
    const before = expected(new Date());
    assert.ok(/<(img|script)/i.test(before.summary), 'the summary holds markup characters');
    await s.wb.runCommand('View: Close All Editors');
    await s.wb.runCommand('Incident: Compose Executive Summary');
    await s.wb.pick(ID);
    const frame = await s.wb.webview(`Executive summary: ${ID}`);
    const summaryBox = frame.getByRole('textbox', { name: 'Executive summary', exact: true });
    const updateBox = frame.getByRole('textbox', { name: before.incident.active ? 'Update' : 'Final update', exact: true });
    await summaryBox.waitFor({ timeout: 20_000 });
    const [summary, update] = [await summaryBox.inputValue(), await updateBox.inputValue()];
    const after = expected(new Date());
    assert.ok(summary === before.summary || summary === after.summary, `the summary differs from the core's:\n${summary.slice(0, 600)}`);
    assert.ok(update === before.finalUpdate || update === after.finalUpdate, `the update differs from the core's:\n${update.slice(0, 600)}`);
    assert.deepEqual(await markupElements(frame), []);
    await assertNothingRanOrLeaked(s, 'executive summary');
    console.log(`      executive summary: ${summary.length} + ${update.length} characters; server hits: ${hits.length}`);
    assert.deepEqual(hits, [], 'requests reached the local server');
    await s.wb.screenshot(E2E_ARTIFACTS, '15-xss-summary-panel');
  });

  it('shows the metrics dashboard\'s owners and incidents as text, runs none, sends no request, and trips no CSP violation', async () => {
    const policy = defaultPolicy();
    // The hostile review's action items (hostile owners) are what the dashboard counts by owner.
    const review = xssReview(ID, payloads);
    mkdirSync(join(s.workspace, 'docs', 'pir'), { recursive: true });
    writeFileSync(join(s.workspace, 'docs', 'pir', `${ID}.md`), review);
    const index = indexLog(log, { policy });
    const view = metricsView(metricsFor(index.incidents, policy, { period: 'all', severity: null }, new Date(), (i) => (i.id === ID ? review : undefined)), policy, { period: 'all', severity: null });
    const owners = view.actionItems.byOwner.map((o) => o.owner);
    // The owners as the core reads them from the review's table: handlers and script text are left in them.
    assert.ok(owners.filter((o) => /xsspwned|onmouseover=|javascript:|import\(/.test(o)).length >= 5, `owners with hostile text: ${owners.join(' | ').slice(0, 400)}`);
    assert.ok(view.list.length >= 2, `${view.list.length} incidents listed`);
    await s.wb.runCommand('View: Close All Editors');
    await s.wb.runCommand('Incident: Show Metrics');
    const frame = await s.wb.webview('Incident metrics');
    await frame.getByRole('rowheader', { name: 'Time to resolve: Detected → Resolved' }).waitFor({ timeout: 20_000 });

    // The owners, in the order the core counts them, each shown as its characters.
    const byOwner = frame.getByRole('table', { name: 'Action items by owner' });
    await byOwner.locator('tbody th').nth(owners.length - 1).waitFor({ timeout: 20_000 });
    assert.deepEqual(await byOwner.locator('tbody th').evaluateAll((els) => els.map((e) => e.textContent ?? '')), owners);
    // The incidents, by id (the titles are not listed), each a button that opens it.
    const listed = frame.getByRole('table', { name: 'Incidents' }).locator('tbody button');
    assert.deepEqual(await listed.evaluateAll((els) => els.map((e) => e.textContent ?? '')), view.list.map((r) => r.id));
    for (const f of view.figures) for (const id of f.unknownIds) assert.ok((await frame.getByRole('button', { name: `Open ${id}`, exact: true }).count()) >= 1, `unknown ${f.key}: ${id}`);

    assert.deepEqual(await markupElements(frame), []);
    await assertNothingRanOrLeaked(s, 'metrics dashboard');
    console.log(`      metrics dashboard: ${owners.length} owners, ${view.list.length} incidents; server hits: ${hits.length}`);
    assert.deepEqual(hits, [], 'requests reached the local server');
    await s.wb.screenshot(E2E_ARTIFACTS, '16-xss-metrics-panel');
  });
});

/** Elements that came out of incident text in a panel (the components' own shadow internals aside). */
async function markupElements(frame: FrameLocator): Promise<string[]> {
  return frame
    .locator('#app img, #app script, #app style, #app svg, #app iframe, #app object, #app video, #app math, #app form, #app meta, #app link, #app details, #app [onerror], #app [onload], #app a[href]:not([href="#"])')
    .evaluateAll((els) =>
      els
        .filter((e) => !((e.getRootNode() as unknown as { host?: { tagName: string } }).host?.tagName ?? '').startsWith('VSCODE-'))
        .map((e) => e.outerHTML.slice(0, 160)),
    );
}

/**
 * After a panel rendered the payloads: nothing ran (in the workbench, the webview's outer frame or
 * the panel's frame), the webview's CSP reported no violation but a probe's (which proves the
 * listener hears it), and the workbench reported only what VS Code's own tooltip sanitizer trips.
 * Returns the workbench's blocked inline handlers.
 */
async function assertNothingRanOrLeaked(s: { page: Page; console: string[] }, panel: string): Promise<string[]> {
  const inner = await innerFrame(s.page.frames());
  assert.ok(inner, `the ${panel}'s frame was found`);
  await inner.evaluate(`if (!window.__cspListener) { window.__cspListener = true; ${CSP_LISTENER} }`);
  // A probe of its own per panel, so the console check below is not met by an earlier panel's.
  const probe = `${PROBE}?${panel.replace(/\W+/g, '-')}`;
  await inner.evaluate(`new Image().src = '${probe}'`);
  await s.page.waitForTimeout(1500);
  const read = (f: Frame) =>
    f.evaluate((k) => {
      const w = globalThis as unknown as Record<string, unknown> & { __cspViolations?: string[]; __cspWatched?: boolean };
      return [w[k], w.__cspViolations ?? [], w.__cspWatched === true] as const;
    }, PWNED);
  const results = [['workbench', await read(s.page.mainFrame())], ...(await Promise.all(webviewFrames(s.page.frames()).map(async (f) => [f.url().replace(/[?#].*/, "").slice(-90), await read(f)] as const)))] as const;
  for (const [where, [pwned, , watched]] of results) {
    assert.equal(pwned, undefined, `a payload ran in ${where}`);
    assert.ok(watched, `no CSP listener in ${where}; frames: ${results.map(([w, [, , ok]]) => `${w} ${ok}`).join(", ")}`);
  }
  assert.ok(results.length >= 3, 'the workbench, the webview and the panel frame were read');
  assert.ok(inner && results.some(([where]) => where.endsWith('fake.html')), 'the panel frame was read');
  // The webview (its outer frame and the panel's page): no violation at all.
  const [[, [, inWorkbench]], ...frames] = results;
  const all = frames.flatMap(([where, [, v]]) => (v as string[]).map((x) => `${where}: ${x}`));
  assert.ok(all.some((v) => v.includes(probe)), `the probe's violation was not seen in the ${panel}: ${all.join('; ')}`);
  assert.ok(s.console.some((l) => l.includes(probe)), `the ${panel}'s probe did not reach the console`);
  const inWebview = all.filter((v) => !v.includes(PROBE));
  assert.deepEqual(inWebview, [], `CSP violations in the ${panel}'s webview`);
  // The workbench itself: VS Code turns the tree's markdown tooltip into plain text (an aria
  // label) through its HTML sanitizer, which unescapes the title first; parsing it trips the
  // workbench's CSP on the payloads' inline handlers, which it blocks. Expected, and nothing
  // else is: only blocked inline handlers, from VS Code's sanitizer.
  const unexpected = (inWorkbench as string[]).filter((v) => !/^script-src-attr \| inline \|.*workbench\.js:\d+ \|/.test(v));
  assert.deepEqual(unexpected, [], 'unexpected CSP violations in the workbench');
  // The same from Chromium's console: no CSP message names the panel's policy (nonce-only
  // scripts, no 'unsafe-eval'); the workbench's blocked handlers above name its own.
  const refused = s.console.filter((l) => /Refused to|Content Security Policy/i.test(l) && !l.includes(PROBE) && !/Executing inline event handler violates .*'unsafe-eval'/.test(l));
  assert.deepEqual(refused, [], 'CSP messages on the console');
  return inWorkbench as string[];
}

/** The webview frames of the workbench (the outer `iframe.webview` documents and their `#active-frame`). */
function webviewFrames(frames: Frame[]): Frame[] {
  return frames.filter((f) => f.parentFrame() !== null && f.url().includes('/contrib/webview/'));
}

/** The frame behind a frame locator: the one whose body holds the panel's app. */
async function innerFrame(frames: Frame[]): Promise<Frame | undefined> {
  for (const f of webviewFrames(frames)) if (await f.evaluate(() => !!(globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('body[data-app]')).catch(() => false)) return f;
  return undefined;
}
