// The generated status page in Chromium, opened from file:// with its own Content-Security-Policy
// in force: axe-core finds no serious or critical violation (WCAG 2.x A and AA) on the index and
// an incident page, in light and dark (prefers-color-scheme), at 375 px and 1280 px; the inline
// style is allowed by its hash (the page is styled), nothing is requested from anywhere, and a
// phone's width needs no sideways scrolling. No code-server: the site is static.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';
import { launchBrowser } from '../../scripts/vscode/browser.mjs';
import { ARTIFACTS, ROOT } from '../../scripts/vscode/config.mjs';
import { indexLog, loadPolicy } from '../../src/core';
import { buildStatusPage } from '../../src/core/statuspage/model';
import { renderSite } from '../../src/core/statuspage/site';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'statuspage', 'repo');
const SHOTS = join(ARTIFACTS, 'e2e', 'statuspage');

const describeViolation = (v: Result) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.slice(0, 4).map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n')}`;

describe('The generated status page (axe-core in Chromium, from file://)', function () {
  this.timeout(180_000);
  let browser: Browser;
  let site: string;

  before(async () => {
    const policy = loadPolicy(readFileSync(join(FIXTURE, '.incident', 'playbook.yml'), 'utf8'));
    const index = indexLog(readFileSync(join(FIXTURE, 'docs', 'INCIDENT_LOG.md'), 'utf8'), { policy });
    site = mkdtempSync(join(tmpdir(), 'incident-statuspage-e2e-'));
    for (const f of renderSite(buildStatusPage(index, policy, new Date('2026-11-21T10:00:00Z')))) {
      mkdirSync(dirname(join(site, f.path)), { recursive: true });
      writeFileSync(join(site, f.path), f.text);
    }
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    if (site) rmSync(site, { recursive: true, force: true });
  });

  for (const scheme of ['light', 'dark'] as const) {
    for (const width of [375, 1280]) {
      for (const [name, path] of [['index', 'index.html'], ['incident page', 'incidents/INC-2026-1121-001.html']] as const) {
        it(`status page ${name}, ${scheme}, ${width} px: no serious or critical violation, styled, nothing requested`, async () => {
          const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
          const page = await context.newPage();
          const requests: string[] = [];
          const blocked: string[] = [];
          page.on('request', (r) => requests.push(r.url()));
          page.on('console', (m) => {
            if (/Content Security Policy|Refused to/i.test(m.text())) blocked.push(m.text());
          });
          try {
            const url = pathToFileURL(join(site, path)).href;
            await page.goto(url);
            await page.emulateMedia({ colorScheme: scheme });
            // The style ran under the page's CSP: the scheme's background, not the browser's default.
            const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
            assert.equal(background, scheme === 'dark' ? 'rgb(18, 19, 22)' : 'rgb(255, 255, 255)');
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
            assert.ok(overflow <= 0, `scrolls sideways by ${overflow} px`);
            await page.evaluate(AXE_SOURCE);
            const { violations } = await page.evaluate(
              new Function(`return window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] })`) as () => Promise<AxeResults>,
            );
            const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
            const minor = violations.filter((v) => !blocking.includes(v));
            if (minor.length) console.log(`      ${name} (${scheme}, ${width} px), not blocking:\n${minor.map(describeViolation).join('\n')}`);
            await page.screenshot({ path: join(SHOTS, `${name.replace(/\s+/g, '-')}-${scheme}-${width}.png`), fullPage: true });
            assert.deepEqual(blocking.map(describeViolation), []);
            assert.deepEqual(blocked, []);
            assert.deepEqual(requests, [url]);
          } finally {
            await context.close();
          }
        });
      }
    }
  }
});
