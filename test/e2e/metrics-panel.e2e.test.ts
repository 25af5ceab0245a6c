// The metrics dashboard in the browser, on the demo workspace: opened from the palette, it shows
// the figures with what they measure and the chart's canvas; a listed incident, and a bar of
// one incident, open the log at its heading.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/vscode/config.mjs';
import { E2E_ARTIFACTS, openSession, useSession } from './session';

const ID = 'INC-2026-1102-001';

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
});
