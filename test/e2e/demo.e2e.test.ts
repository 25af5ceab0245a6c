// The demo workspace `npm start` opens: its log fills the Incidents view, its playbook loads
// without complaint, and its health checks run in the integrated terminal (one passes, one fails).
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT } from '../../scripts/vscode/config.mjs';
import { E2E_ARTIFACTS, openSession, useSession } from './session';

describe('The demo workspace (samples/demo)', function () {
  this.timeout(120_000);
  const s = useSession(() => openSession(join(ROOT, 'samples', 'demo'), 'demo'));

  it('fills the Incidents view, with a badge for the active ones', async () => {
    await s.wb.openActivity('Incidents');
    const rows = s.wb.treeRows('incidentPlaybook');
    await rows.filter({ hasText: 'INC-2026-1120-001' }).waitFor({ timeout: 30_000 });
    await s.wb.expandRow(rows, 'Resolved');
    await rows.filter({ hasText: 'INC-2026-1015-001' }).waitFor({ timeout: 10_000 });
    const labels = (await s.wb.rowLabels(rows)).filter((l) => l.startsWith('INC-'));
    assert.deepEqual(
      labels.map((l) => l.split(':')[0]),
      ['INC-2026-1121-001', 'INC-2026-1120-001', 'INC-2026-1102-001', 'INC-2026-1015-001'],
    );
    // The demo's incidents are days old: the SEV-1's status update is overdue.
    assert.match(labels[1], /SEV-1 · Mitigating · update overdue \d+ d \d+ h$/);
    const activity = s.page.locator('.activitybar .action-item [aria-label^="Incidents"]').first();
    // The badge reaches the activity bar a moment after the rows.
    const deadline = Date.now() + 10_000;
    let badge = (await activity.getAttribute('aria-label')) ?? '';
    while (!/2 active incidents/.test(badge) && Date.now() < deadline) {
      await s.page.waitForTimeout(100);
      badge = (await activity.getAttribute('aria-label')) ?? '';
    }
    assert.match(badge, /2 active incidents/);
    // The playbook is valid: no warning about it.
    const toasts = (await s.page.locator('.notifications-toasts .notification-toast').allInnerTexts()).join('\n');
    assert.doesNotMatch(toasts, /playbook\.yml/);
    await s.wb.screenshot(E2E_ARTIFACTS, '00-demo-workspace');
  });

  it('runs its health checks in the integrated terminal: one passes, one fails', async () => {
    const ok = await s.wb.runInTerminal('bash scripts/health/checkout-api.sh');
    assert.equal(ok.exitCode, 0, ok.screen);
    assert.match(ok.screen, /checkout-api: OK/);
    const bad = await s.wb.runInTerminal('bash scripts/health/payment-webhooks.sh');
    assert.equal(bad.exitCode, 1, bad.screen);
    assert.match(bad.screen, /payment-webhooks: UNHEALTHY/);
    await s.wb.screenshot(E2E_ARTIFACTS, '05-health-checks-in-terminal');
  });
});
