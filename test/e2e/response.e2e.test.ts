// A responder's whole incident, in the browser, with only the palette: declare, log, escalate,
// hand over, resolve. Each step is checked in the log file on disk.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_ARTIFACTS, type Session, openSession } from './session';

describe('Responding to an incident from the palette (code-server + Chromium)', function () {
  this.timeout(180_000);
  let s: Session;
  const readLog = () => readFileSync(join(s.workspace, 'docs', 'INCIDENT_LOG.md'), 'utf8');

  async function waitForLog(what: string, ok: (text: string) => boolean, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = readLog();
      if (ok(text)) return text;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for the log to ${what}.\n${text.slice(0, 1500)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  before(async function () {
    this.timeout(300_000);
    s = await openSession('basic', 'response');
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await s.onFailure(this.currentTest.fullTitle());
  });

  after(async () => {
    await s?.close();
  });

  it('declares, logs, escalates, hands over and resolves', async () => {
    await s.wb.openActivity('Incidents');
    // Declare: a severity from the policy (with its response time), then the title.
    await s.wb.runCommand('Incident: Declare Incident');
    await s.wb.quickRows.filter({ hasText: 'SEV-1' }).waitFor();
    const offered = (await s.wb.quickRows.allInnerTexts()).join(' | ');
    assert.match(offered, /SEV-1.*Commander within 15 min/s, `severities offered: ${offered}`);
    await s.wb.pick('SEV-2');
    await s.wb.answerInput('Cart totals wrong after coupon');
    let log = await waitForLog('gain the new incident', (t) => /^## INC-\d{4}-\d{4}-\d{3}: Cart totals wrong after coupon$/m.test(t));
    const id = /^## (INC-\S+): Cart totals wrong after coupon$/m.exec(log)![1];
    await s.wb.treeRows('incidentPlaybook').filter({ hasText: id }).waitFor({ timeout: 20_000 });
    // Declare ends by opening the log at the new heading; let that editor take focus first.
    await s.page.locator('.tabs-container .tab.active', { hasText: 'INCIDENT_LOG.md' }).waitFor({ timeout: 20_000 });
    await s.page.locator('.editor-instance .monaco-editor.focused').waitFor({ timeout: 20_000 });

    // The log is open at the new heading: the next commands act on the incident under the cursor.
    await s.wb.runCommand('Incident: Add Timeline Entry');
    await s.wb.answerInput('Coupon service returns stale totals');
    await waitForLog('gain the entry', (t) => t.includes('— Coupon service returns stale totals'));

    await s.wb.runCommand('Incident: Set Severity');
    await s.wb.pick('SEV-1');
    await waitForLog('record the escalation', (t) => t.includes('— Escalated: SEV-2 → SEV-1'));

    await s.wb.runCommand('Incident: Assign Role');
    await s.wb.pick('Incident Commander');
    await s.wb.answerInput('Dana Reyes');
    await waitForLog('name the commander', (t) => t.includes('- **Incident Commander:** Dana Reyes'));
    await s.wb.runCommand('Incident: Assign Role');
    await s.wb.pick('Incident Commander');
    await s.wb.answerInput('Sam Okafor');
    await waitForLog('record the handoff', (t) => t.includes('— Incident Commander handed over from Dana Reyes to Sam Okafor'));

    await s.wb.runCommand('Incident: Resolve Incident');
    log = await waitForLog('resolve the incident', (t) => t.includes('— Incident resolved'));
    const section = log.slice(log.indexOf(`## ${id}`), log.indexOf('## INC-2026-1121-001'));
    assert.match(section, /- \*\*Severity:\*\* SEV-1\n/);
    assert.match(section, /- \*\*Status:\*\* Resolved\n/);
    assert.match(section, /- \*\*Resolved:\*\* \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\n/);
    assert.equal((section.match(/^- \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC — /gm) ?? []).length, 6, `timeline:\n${section}`);
    // The view follows: the incident now reads as resolved.
    await s.wb.treeRows('incidentPlaybook').filter({ hasText: id }).filter({ hasText: 'Resolved' }).waitFor({ timeout: 20_000 });
    await s.wb.screenshot(E2E_ARTIFACTS, '06-response-flow');
  });
});
