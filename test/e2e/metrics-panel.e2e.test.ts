// The metrics dashboard in the browser, on the demo workspace: opened from the palette, it shows
// the figures with what they measure and the chart's canvas; a listed incident opens the log
// at its heading.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/vscode/config.mjs';
import { E2E_ARTIFACTS, openSession, useSession } from './session';

const ID = 'INC-2026-1102-001';

describe('Metrics dashboard (code-server + Chromium)', function () {
  this.timeout(180_000);
  const s = useSession(() => openSession(join(ROOT, 'samples', 'demo'), 'metrics-panel', { 'workbench.colorTheme': 'Default Dark Modern' }));

  it('shows the figures and the chart; a listed incident opens the log at it', async () => {
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
    await s.wb.screenshot(E2E_ARTIFACTS, '40-metrics-dashboard');

    await frame.getByRole('button', { name: `Open ${ID}` }).first().click();
    await s.page.locator('.tabs-container .tab', { hasText: 'INCIDENT_LOG.md' }).waitFor({ timeout: 20_000 });
    const line = readFileSync(join(s.workspace, 'docs', 'INCIDENT_LOG.md'), 'utf8').split('\n').findIndex((l) => l.startsWith(`## ${ID}`)) + 1;
    assert.ok(line > 0);
    await s.page.locator('.statusbar-item', { hasText: new RegExp(`^Ln ${line}, Col 1`) }).first().waitFor({ timeout: 20_000 });
  });
});
