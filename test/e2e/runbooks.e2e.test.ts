// A runbook on the demo workspace, in the browser: "Incident: Open Runbook…" from the palette
// writes it into the incident's checklist, and the Run button of one of its steps in the
// checklist panel runs it in the Incident checks terminal: its entry lands on the timeline and
// the step is ticked.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/vscode/config.mjs';
import { waitForFile } from './files';
import { E2E_ARTIFACTS, openSession, useSession } from './session';

const ID = 'INC-2026-1121-001';
const STEP = 'Check the checkout API';

describe('Runbooks (demo workspace)', function () {
  this.timeout(240_000);
  const s = useSession(() => openSession(join(ROOT, 'samples', 'demo'), 'runbooks'));
  const log = () => join(s.workspace, 'docs', 'INCIDENT_LOG.md');

  it("Open Runbook writes the runbook into the checklist; its step's Run in the checklist panel logs the result and ticks it", async () => {
    await s.wb.openActivity('Incidents');
    await s.wb.treeRows('incidentPlaybook').filter({ hasText: ID }).first().waitFor({ timeout: 30_000 });
    const before = readFileSync(log(), 'utf8');

    await s.wb.runCommand('Incident: Open Runbook…');
    await s.wb.pick(ID);
    await s.wb.pick('Payment webhook backlog');
    const opened = await waitForFile(log(), 'the log to gain the runbook', (t) => t.includes('#### Runbook: Payment webhook backlog\n'));
    assert.ok(
      opened.includes(
        '- [ ] Schedule the post-incident review (within 3 business days)\n\n#### Runbook: Payment webhook backlog\n- [ ] Check the dispatcher backlog\n- [ ] Check the checkout API\n- [ ] Check the payment provider\'s status page\n- [ ] Scale the webhook dispatcher\n',
      ),
      opened,
    );
    assert.equal(opened.length - before.length, '\n#### Runbook: Payment webhook backlog\n'.length + ['Check the dispatcher backlog', STEP, "Check the payment provider's status page", 'Scale the webhook dispatcher'].reduce((n, t) => n + `- [ ] ${t}\n`.length, 0));

    await s.wb.dismissNotifications();
    await s.wb.runCommand('Incident: Open Checklist');
    await s.wb.pick(ID);
    const frame = await s.wb.webview('Payment webhooks delayed');
    await frame.getByText('Runbook: Payment webhook backlog').first().waitFor({ timeout: 20_000 });
    const row = frame.locator('li').filter({ has: frame.getByRole('checkbox', { name: STEP, exact: true }) });
    // The notes-only step has no Run button; the dangerous one is marked.
    const notes = frame.locator('li').filter({ has: frame.getByRole('checkbox', { name: "Check the payment provider's status page", exact: true }) });
    assert.equal(await notes.getByRole('button', { name: 'Run', exact: true }).count(), 0);
    await frame.locator('li').filter({ has: frame.getByRole('checkbox', { name: 'Scale the webhook dispatcher', exact: true }) }).getByText('dangerous').waitFor();

    await row.getByRole('button', { name: 'Run', exact: true }).click();
    const text = await waitForFile(log(), 'the log to gain the step result', (t) => /— Runbook step payment-webhooks #2 Check the checkout API: PASS \(exit 0, [^)]*\)/.test(t) && t.includes(`- [x] ${STEP}\n`), 60_000);
    assert.equal(text.split('\n').length, opened.split('\n').length + 1, 'one entry, and the tick on its line');
    await s.wb.notification('Runbook step payment-webhooks #2 Check the checkout API: PASS');
    // The Incidents view: the runbook's own row under the incident, with its steps.
    const rows = s.wb.treeRows('incidentPlaybook');
    await s.wb.expandRow(rows, 'SEV-2 · Payment webhooks delayed up to 20 minutes');
    await s.wb.expandRow(rows, 'Runbook: Payment webhook backlog');
    await rows.filter({ hasText: 'Scale the webhook dispatcher' }).filter({ hasText: 'dangerous' }).first().waitFor({ timeout: 10_000 });
    await frame.getByText('Runbook: Payment webhook backlog').first().scrollIntoViewIfNeeded();
    await s.wb.screenshot(E2E_ARTIFACTS, '12-runbook-step-run');
  });
});
