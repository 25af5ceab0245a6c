// "Incident: Preview Status Page" in the browser, on the demo workspace: the webview shows the
// page with its own stylesheet in force under the preview's policy (no script, the style by its
// hash), an incident's link on the index leads to its page below without a script, and the
// preview's title bar carries the Publish button.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT } from '../../scripts/vscode/config.mjs';
import { inPage } from './layout';
import { E2E_ARTIFACTS, openSession, useSession } from './session';

const background = inPage<[], string>('(body) => body.ownerDocument.defaultView.getComputedStyle(body).backgroundColor');
/** Where an element's top is in its frame's viewport, and the viewport's height. */
const place = inPage<[], { top: number; height: number }>('(el) => ({ top: el.getBoundingClientRect().top, height: el.ownerDocument.defaultView.innerHeight })');

describe('The status page preview (code-server + Chromium)', function () {
  this.timeout(180_000);
  const s = useSession(() => openSession(join(ROOT, 'samples', 'demo'), 'statuspage-preview', { 'workbench.colorTheme': 'Default Light Modern' }));

  it('status page preview: styled under its policy, an incident link leads to its page, Publish in the title bar', async () => {
    await s.wb.openActivity('Incidents');
    await s.wb.treeRows('incidentPlaybook').filter({ hasText: 'INC-2026-1120-001' }).first().waitFor({ timeout: 30_000 });
    await s.wb.runCommand('Incident: Preview Status Page');
    const frame = await s.wb.webview('Current status');
    await frame.getByRole('heading', { level: 1, name: 'Service status' }).waitFor({ timeout: 20_000 });
    // The page's stylesheet ran (its light or dark background, not a bare page's transparent one).
    assert.match(await frame.locator('body').evaluate(background), /^rgb\((255, 255, 255|18, 19, 22)\)$/);
    assert.equal(await frame.locator('script').count(), 0);
    await frame.getByText('Delayed order confirmations').first().waitFor();

    const section = frame.locator('#incident-INC-2026-1015-001');
    const before = await section.evaluate(place);
    assert.ok(before.top > before.height, `the incident's page starts below the fold (${before.top} of ${before.height})`);
    await frame.getByRole('link', { name: 'Sign-in failures in the mobile apps' }).click();
    const deadline = Date.now() + 5_000;
    let after = await section.evaluate(place);
    while (!(after.top >= -2 && after.top < after.height / 2) && Date.now() < deadline) {
      await s.page.waitForTimeout(100);
      after = await section.evaluate(place);
    }
    assert.ok(after.top >= -2 && after.top < after.height / 2, `scrolled to the incident's page (${after.top} of ${after.height})`);

    await s.page.locator('.editor-actions .action-label[aria-label^="Publish Status Page"]').first().waitFor({ timeout: 10_000 });
    await s.page.mouse.move(300, 600);
    await s.wb.screenshot(E2E_ARTIFACTS, '45-statuspage-preview');
  });
});
