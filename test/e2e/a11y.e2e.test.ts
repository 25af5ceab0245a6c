// An accessibility pass of every panel with axe-core, in Chromium inside code-server, on the demo
// workspace in a dark and a light theme: the checklist, the review form, the status update
// composer, the executive summary and the metrics dashboard. axe runs in the panel's own page (the
// webview's inner frame, with the panel's shadow roots) on the WCAG 2.x A and AA rules; a serious
// or critical violation fails the test, lesser ones are printed.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';
import { ROOT } from '../../scripts/vscode/config.mjs';
import { E2E_ARTIFACTS, type Session, openSession, useSession } from './session';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ACTIVE = 'INC-2026-1121-001';
const RESOLVED = 'INC-2026-1102-001';

/** The panel's own page (the webview's inner frame) showing `text`. */
async function panelFrame(s: Session, text: string, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const outer of await s.page.locator('iframe.webview.ready').elementHandles()) {
      // A webview being replaced (a panel opening in its group) drops its frames under the handle: ask again.
      const inner = await outer
        .contentFrame()
        .then((host) => host?.$('iframe#active-frame'))
        .then((el) => el?.contentFrame())
        .catch(() => null);
      if (inner && (await inner.getByText(text).count().catch(() => 0)) > 0) return inner;
    }
    if (Date.now() > deadline) throw new Error(`No panel showing "${text}" within ${timeoutMs} ms.`);
    await s.page.waitForTimeout(200);
  }
}

/** axe-core's run over the frame's document (shadow roots included), WCAG 2.x A and AA. */
async function audit(frame: Frame): Promise<AxeResults> {
  await frame.evaluate(AXE_SOURCE);
  return frame.evaluate(
    new Function(`return window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })`) as () => Promise<AxeResults>,
  );
}

const describeViolation = (v: Result) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.slice(0, 4).map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n')}`;

/** Opens each panel in turn and audits it. */
function auditEveryPanel(theme: string, label: string): void {
  describe(`Accessibility of every panel, ${theme} (axe-core in code-server + Chromium)`, function () {
    this.timeout(300_000);
    const s = useSession(() => openSession(join(ROOT, 'samples', 'demo'), `a11y-${label}`, { 'workbench.colorTheme': theme }));
    const panels: Array<{ name: string; open: () => Promise<void>; shows: string }> = [
      { name: 'checklist', open: () => s.wb.runCommandAndPick('Incident: Open Checklist', ACTIVE), shows: 'Next update due' },
      { name: 'status update composer', open: () => s.wb.runCommandAndPick('Incident: Compose Status Update', ACTIVE), shows: `Status update: ${ACTIVE}` },
      { name: 'review form', open: () => s.wb.runCommandAndPick('Incident: Open Post-Incident Review', RESOLVED), shows: `Post-incident review: ${RESOLVED}` },
      { name: 'executive summary', open: () => s.wb.runCommandAndPick('Incident: Compose Executive Summary', RESOLVED), shows: 'Executive summary' },
      { name: 'metrics dashboard', open: () => s.wb.runCommand('Incident: Show Metrics'), shows: 'Incident metrics' },
    ];
    for (const panel of panels)
      it(`the ${panel.name}: no serious or critical violation`, async () => {
        if (panel === panels[0]) {
          await s.wb.openActivity('Incidents');
          await s.wb.treeRows('incidentPlaybook').filter({ hasText: ACTIVE }).first().waitFor({ timeout: 30_000 });
        }
        await panel.open();
        const frame = await panelFrame(s, panel.shows);
        // The page has rendered its snapshot (not "Loading…").
        await frame.locator('h1').first().waitFor({ timeout: 20_000 });
        const { violations } = await audit(frame);
        const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        const minor = violations.filter((v) => !blocking.includes(v));
        if (minor.length) console.log(`      ${panel.name} (${theme}), not blocking:\n${minor.map(describeViolation).join('\n')}`);
        await s.wb.screenshot(E2E_ARTIFACTS, `a11y-${label}-${panel.name.replace(/\s+/g, '-')}`);
        assert.deepEqual(blocking.map(describeViolation), [], `${panel.name} in ${theme}`);
      });
  });
}

auditEveryPanel('Default Dark Modern', 'dark');
auditEveryPanel('Default Light Modern', 'light');
