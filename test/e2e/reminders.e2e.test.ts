// Browser end-to-end: a status-update reminder as a responder meets it — a notification for the
// overdue SEV-1 update, "Snooze" clicked, and the snooze written to the incident's timeline.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitForFile } from './files';
import { E2E_ARTIFACTS, openSession, useSession } from './session';

describe('Reminders in the browser (code-server + Chromium)', function () {
  this.timeout(120_000);
  const s = useSession(() => openSession('basic', 'reminders', { 'incidentPlaybook.reminders.enabled': true, 'incidentPlaybook.reminders.snoozeMinutes': 15 }));

  it('reminds of the overdue SEV-1 status update, and Snooze logs it in the timeline', async () => {
    const logPath = join(s.workspace, 'docs', 'INCIDENT_LOG.md');
    const before = readFileSync(logPath, 'utf8');
    const reminder = await s.wb.notification('SEV-1 INC-2026-1120-001: a status update is overdue');
    const text = await reminder.innerText();
    assert.match(text, /every 30 min; last 2026-11-20 14:42 UTC/);
    await s.wb.screenshot(E2E_ARTIFACTS, '07-update-reminder');
    await reminder.locator('.monaco-button', { hasText: 'Snooze 15 min' }).click();
    const after = await waitForFile(logPath, 'the snooze entry', (t) => t !== before && t.length > 0);
    const added = after.split('\n').filter((l) => !before.split('\n').includes(l));
    assert.equal(added.length, 1, `added:\n${added.join('\n')}`);
    assert.match(added[0], /^- \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC — Status update reminder snoozed for 15 min \(Riley Oncall\)$/);
    // In the SEV-1 incident, after its last entry.
    assert.equal(after, before.replace('Rolled back deploy 7f3c (@sam)\n', `Rolled back deploy 7f3c (@sam)\n${added[0]}\n`));
  });
});
