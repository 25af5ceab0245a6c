// The status page of the demo workspace (samples/demo with its times moved to now, as `npm start`
// opens it), in Chromium from file:// with its own Content-Security-Policy in force, light and
// dark at 1200 × 800: the page says what the demo announced (its public titles, components and
// updates) and none of the log's internal words. The screenshots are docs/STATUSPAGE.md's (and
// the README's): artifacts/e2e/statuspage/demo-*.png, copied to docs/images/statuspage-*.png
// with `UPDATE_IMAGES=1`. No code-server: the site is static.
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../scripts/vscode/browser.mjs';
import { ARTIFACTS, ROOT } from '../../scripts/vscode/config.mjs';
import { prepareDemoWorkspace } from '../../scripts/demoWorkspace';
import { indexLog, loadPolicy } from '../../src/core';
import { buildStatusPage } from '../../src/core/statuspage/model';
import { renderSite } from '../../src/core/statuspage/site';

const SHOTS = join(ARTIFACTS, 'e2e', 'statuspage');
/** What a README picture may weigh. */
const MAX_BYTES = 150 * 1024;

describe('The demo workspace’s status page (Chromium, light and dark, 1200 × 800)', function () {
  this.timeout(120_000);
  let browser: Browser;
  let demo: string;
  let site: string;
  let log: string;

  before(async () => {
    // As `npm start` opens it: every time moved so that the newest incident began 40 minutes ago.
    demo = prepareDemoWorkspace(join(ROOT, 'samples', 'demo'), new Date()).dir;
    const policy = loadPolicy(readFileSync(join(demo, '.incident', 'playbook.yml'), 'utf8'));
    log = readFileSync(join(demo, 'docs', 'INCIDENT_LOG.md'), 'utf8');
    site = mkdtempSync(join(tmpdir(), 'incident-statuspage-demo-'));
    for (const f of renderSite(buildStatusPage(indexLog(log, { policy }), policy, new Date(), { title: 'Shop status' }))) {
      mkdirSync(dirname(join(site, f.path)), { recursive: true });
      writeFileSync(join(site, f.path), f.text);
    }
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    for (const dir of [site, demo && dirname(demo)]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`status page of the demo, ${scheme}: its announcements and components, no internal word, saved for the docs`, async () => {
      const context = await browser.newContext({ viewport: { width: 1200, height: 800 }, colorScheme: scheme });
      const page = await context.newPage();
      const blocked: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) blocked.push(m.text());
      });
      try {
        await page.goto(pathToFileURL(join(site, 'index.html')).href);
        const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        assert.equal(background, scheme === 'dark' ? 'rgb(18, 19, 22)' : 'rgb(255, 255, 255)');
        const text = await page.evaluate(() => document.body.innerText);
        for (const shown of ['Shop status', 'Major outage', 'Checkout errors', 'Delayed order confirmations', 'Order confirmations', 'Sign-in failures in the mobile apps', 'Degraded performance of Search']) {
          assert.ok(text.includes(shown), `the page shows "${shown}"`);
        }
        for (const internal of ['Checkout API returning 500s', 'Payment webhooks delayed', 'webhook-dispatcher', 'Priya', 'Dana', 'Rolled back deploy 7f3c']) {
          assert.ok(log.includes(internal), `the demo log has "${internal}"`);
          assert.ok(!text.includes(internal), `the page shows the internal "${internal}"`);
        }
        assert.deepEqual(blocked, []);
        const shot = join(SHOTS, `demo-${scheme}.png`);
        await page.screenshot({ path: shot });
        const bytes = statSync(shot).size;
        console.log(`      ${shot}: ${(bytes / 1024).toFixed(1)} KB`);
        assert.ok(bytes < MAX_BYTES, `${(bytes / 1024).toFixed(1)} KB`);
        if (process.env.UPDATE_IMAGES === '1') copyFileSync(shot, join(ROOT, 'docs', 'images', `statuspage-${scheme}.png`));
      } finally {
        await context.close();
      }
    });
  }
});
