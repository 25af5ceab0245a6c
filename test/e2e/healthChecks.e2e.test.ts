// "Incident: Run Health Check…" on the demo workspace, from the palette: the check runs in the
// "Incident checks" terminal (bash with shell integration), its result shows in a notification
// and lands as one timeline entry on the incident picked (seen in the view's Timeline too); Run
// All adds one summary entry.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/vscode/config.mjs';
import { waitForFile } from './files';
import { E2E_ARTIFACTS, openSession, useSession } from './session';

describe('Health checks from the palette (demo workspace)', function () {
  this.timeout(180_000);
  const s = useSession(() => openSession(join(ROOT, 'samples', 'demo'), 'health-checks'));
  const log = () => join(s.workspace, 'docs', 'INCIDENT_LOG.md');
  const entries = (text: string) => (text.match(/ — Health checks?\b.*$/gm) ?? []).length;

  it('Run Health Check runs the picked check in the terminal and logs its result on the picked incident', async () => {
    await s.wb.openActivity('Incidents');
    await s.wb.treeRows('incidentPlaybook').filter({ hasText: 'INC-2026-1121-001' }).waitFor({ timeout: 30_000 });
    const before = entries(readFileSync(log(), 'utf8'));
    await s.wb.runCommand('Incident: Run Health Check…');
    await s.wb.pick('payment-webhooks');
    // Two incidents are active: it asks which one.
    await s.wb.pick('INC-2026-1121-001');
    const text = await waitForFile(log(), 'the log to gain the result', (t) => /Health check payment-webhooks: FAIL \(exit 1, [^)]*\)/.test(t));
    assert.equal(entries(text), before + 1);
    const toast = await s.wb.notification('Health check payment-webhooks: FAIL');
    assert.match(await toast.innerText(), /INC-2026-1121-001/);
    // The check ran in the dedicated terminal, visible to the user.
    const deadline = Date.now() + 15_000;
    let screen = await s.wb.terminalText();
    while (!/payment-webhooks: UNHEALTHY/.test(screen) && Date.now() < deadline) {
      await s.page.waitForTimeout(100);
      screen = await s.wb.terminalText();
    }
    assert.match(screen, /payment-webhooks: UNHEALTHY/);
    // And its entry on the incident's timeline in the view, beside the terminal that ran it.
    const rows = s.wb.treeRows('incidentPlaybook');
    await s.wb.expandRow(rows, 'SEV-2 · Payment webhooks delayed up to 20 minutes');
    await s.wb.expandRow(rows, 'Timeline');
    await rows.filter({ hasText: /Health check payment-webhooks: FAIL \(exit 1/ }).first().waitFor({ timeout: 15_000 });
    await s.wb.screenshot(E2E_ARTIFACTS, '07-run-health-check');
  });

  it('Run All Health Checks logs one summary entry', async () => {
    await s.wb.dismissNotifications();
    const before = entries(readFileSync(log(), 'utf8'));
    await s.wb.runCommand('Incident: Run All Health Checks');
    await s.wb.pick('INC-2026-1121-001');
    const text = await waitForFile(log(), 'the log to gain the summary', (t) => t.includes('Health checks: 1 of 2 passed (payment-webhooks FAIL)'));
    assert.equal(entries(text), before + 1);
  });
});
