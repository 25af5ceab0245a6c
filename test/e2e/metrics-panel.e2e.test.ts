// The metrics dashboard in the browser, on the demo workspace: opened from the palette, it shows
// the figures with what they measure and the chart's canvas; a listed incident, and a bar of
// one incident, open the log at its heading. It fits a 1400 px and a 1000 px window (no sideways
// scrolling, the Durations table on few lines, its figures on one), and its bars stand out from
// the background (3:1 or more) in Dark Modern and Light Modern.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { ROOT } from '../../scripts/vscode/config.mjs';
import { contrastRatio, inPage, overflowProblem, pageOverflow, paintedColours } from './layout';
import { E2E_ARTIFACTS, openSession, useSession } from './session';

const ID = 'INC-2026-1102-001';

/** The lines each cell of the Durations table takes (its text's line boxes): row headers, then figures. */
async function durationLines(frame: FrameLocator): Promise<{ label: string; lines: number; figures: number[] }[]> {
  return frame.locator('table[aria-label="Durations"]').evaluate(measureLines);
}

const measureLines = inPage<[], { label: string; lines: number; figures: number[] }[]>(`(table) => {
  const lines = (cell) => {
    const range = cell.ownerDocument.createRange();
    range.selectNodeContents(cell);
    return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
  };
  return [...table.tBodies[0].rows].map((row) => ({
    label: row.cells[0].textContent.replace(/\\s+/g, ' ').trim(),
    lines: lines(row.cells[0]),
    figures: [...row.cells].slice(1).map(lines),
  }));
}`);

/** Whether the chart has taken the width of its box (it follows it with a ResizeObserver). */
const chartFits = inPage<[], boolean>(`(host) => {
  const plot = host.querySelector('.uplot');
  return !!plot && plot.getBoundingClientRect().width <= Math.max(240, host.clientWidth) + 1;
}`);

const markerColour = inPage<[], string>('(m) => m.ownerDocument.defaultView.getComputedStyle(m).backgroundColor');

/** The colour of each severity's bars, as its legend marker shows it. */
async function barColours(frame: FrameLocator): Promise<Record<string, string>> {
  const rows = frame.locator('.frequency-chart .u-legend .u-series');
  const out: Record<string, string> = {};
  for (let i = 0; i < (await rows.count()); i++) {
    const label = (await rows.nth(i).innerText()).trim();
    out[label] = await rows.nth(i).locator('.u-marker').evaluate(markerColour);
  }
  return out;
}

describe('Metrics dashboard (code-server + Chromium)', function () {
  this.timeout(180_000);
  const s = useSession(() => openSession(join(ROOT, 'samples', 'demo'), 'metrics-panel', { 'workbench.colorTheme': 'Default Dark Modern' }));

  it('shows the figures and the chart; a listed incident and a bar open the log at the incident', async () => {
    // The extension is active once the view lists the incidents.
    await s.wb.openActivity('Incidents');
    await s.wb.treeRows('incidentPlaybook').filter({ hasText: 'INC-2026-1120-001' }).first().waitFor({ timeout: 30_000 });
    await s.wb.runCommand('Incident: Show Metrics');
    const frame = await s.wb.webview('Incident metrics');
    await frame.getByRole('rowheader', { name: 'Time to resolve: Detected → Resolved' }).waitFor({ timeout: 20_000 });
    await frame.getByText('Time to detect: Started (impact began) → Detected').waitFor();
    await frame.locator('.frequency-chart canvas').first().waitFor({ timeout: 20_000 });
    for (const name of ['Period', 'Severity']) await frame.getByRole('combobox', { name }).waitFor();
    await frame.getByRole('button', { name: 'Export CSV' }).waitFor();
    // Away from the tab, whose hover would cover the panel's heading.
    await s.page.mouse.move(300, 600);
    await s.page.waitForTimeout(300);
    await s.wb.screenshot(E2E_ARTIFACTS, '40-metrics-dashboard');

    await frame.getByRole('button', { name: `Open ${ID}` }).first().click();
    await s.page.locator('.tabs-container .tab', { hasText: 'INCIDENT_LOG.md' }).waitFor({ timeout: 20_000 });
    const line = readFileSync(join(s.workspace, 'docs', 'INCIDENT_LOG.md'), 'utf8').split('\n').findIndex((l) => l.startsWith(`## ${ID}`)) + 1;
    assert.ok(line > 0);
    await s.page.locator('.statusbar-item', { hasText: new RegExp(`^Ln ${line}, Col 1`) }).first().waitFor({ timeout: 20_000 });

    // A bar holding one incident opens it: the demo's only October incident, a SEV-1, is the
    // first of three bars (SEV-1, SEV-2, SEV-3) in the first of two months.
    await s.wb.runCommand('Incident: Show Metrics');
    const again = await s.wb.webview('Incident metrics');
    const plot = again.locator('.frequency-chart .u-over');
    await plot.waitFor({ timeout: 20_000 });
    const box = await plot.boundingBox();
    assert.ok(box);
    // x runs from -0.5 to 1.5; the group of bars spans 0.8 around each month: the first bar's middle is at -0.4 + 0.8 / 6.
    await plot.click({ position: { x: ((-0.4 + 0.8 / 6 + 0.5) / 2) * box.width, y: box.height * 0.75 } });
    const october = readFileSync(join(s.workspace, 'docs', 'INCIDENT_LOG.md'), 'utf8').split('\n').findIndex((l) => l.startsWith('## INC-2026-1015-001')) + 1;
    await s.page.locator('.statusbar-item', { hasText: new RegExp(`^Ln ${october}, Col 1`) }).first().waitFor({ timeout: 20_000 });
  });

  it('fits 1400 px and 1000 px windows with the Durations table readable; its bars reach 3:1 against Dark Modern and Light Modern', async () => {
    await s.wb.runCommand('View: Close All Editor Groups');
    const problems: string[] = [];
    const open = async () => {
      await s.wb.runCommand('Incident: Show Metrics');
      const frame = await s.wb.webview('Incident metrics');
      await frame.locator('.frequency-chart canvas').first().waitFor({ timeout: 20_000 });
      await frame.getByRole('rowheader', { name: 'Time to resolve: Detected → Resolved' }).waitFor({ timeout: 20_000 });
      return frame;
    };
    const fits = async (frame: FrameLocator, what: string) => {
      const chart = frame.locator('.frequency-chart');
      for (let i = 0; i < 50 && !(await chart.evaluate(chartFits)); i++) await s.page.waitForTimeout(100);
      const o = await pageOverflow(frame);
      console.log(`      ${what}: scrollWidth ${o.scrollWidth}, clientWidth ${o.clientWidth}${o.beyond.length ? `, beyond: ${o.beyond.join(', ')}` : ''}`);
      const problem = overflowProblem(o);
      if (problem) problems.push(`${what}: ${problem}`);
      for (const row of await durationLines(frame)) {
        console.log(`      ${what}: "${row.label}" on ${row.lines} line(s), figures on ${row.figures.join('/')}`);
        if (row.lines > 3) problems.push(`${what}: "${row.label}" takes ${row.lines} lines`);
        if (row.figures.some((n) => n > 1)) problems.push(`${what}: a figure of "${row.label}" wraps (${row.figures.join('/')} lines)`);
      }
    };

    // 1400 px with the side bar open (as the session left it).
    await s.page.setViewportSize({ width: 1400, height: 900 });
    let frame = await open();
    await fits(frame, '1400 px, side bar open');

    // The bars in Dark Modern: each severity's colour, drawn on the page's background, at 3:1 or more.
    const contrasts = async (theme: string) => {
      for (const [severity, colour] of Object.entries(await barColours(frame))) {
        const painted = await paintedColours(frame, colour);
        const ratio = contrastRatio(painted.colour, painted.background);
        console.log(`      ${theme}: ${severity} bars ${colour} → rgb(${painted.colour.join(', ')}) on rgb(${painted.background.join(', ')}): ${ratio.toFixed(2)}:1`);
        if (ratio < 3) problems.push(`${theme}: the ${severity} bars have a contrast of ${ratio.toFixed(2)}:1 against the background`);
      }
    };
    assert.ok(Object.keys(await barColours(frame)).includes('SEV-2'), 'the demo has SEV-2 bars');
    await contrasts('Dark Modern');
    await s.wb.screenshot(E2E_ARTIFACTS, '41-metrics-dashboard-1400px');

    // 1000 px, the side bar still open: the dashboard gets about 310 px.
    await s.page.setViewportSize({ width: 1000, height: 800 });
    frame = await open();
    await fits(frame, '1000 px, side bar open');
    await s.wb.screenshot(E2E_ARTIFACTS, '42-metrics-dashboard-1000px');

    await s.wb.runCommandAndPick('Preferences: Color Theme', 'Light Modern');
    await s.page.locator('.monaco-workbench.vs').waitFor({ timeout: 15_000 });
    const dark = await barColours(frame);
    frame = await open();
    await frame.locator('body.vscode-light').waitFor({ timeout: 15_000 });
    // The chart redraws in the theme's colours when the page's theme class changes.
    for (let i = 0; i < 50 && (await barColours(frame))['SEV-1'] === dark['SEV-1']; i++) await s.page.waitForTimeout(100);
    await contrasts('Light Modern');
    assert.deepEqual(problems, []);
  });
});
