// On call on the demo workspace, as a person uses it: the On Call view shows who is on call now,
// "Incident: Escalate" logs the contact picked, "Incident: Start Drill" declares a drill that the
// Incidents view marks as one.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/vscode/config.mjs';
import { findIncident, indexLog, loadPolicy } from '../../src/core';
import { isDrill, onCallAt, teamOf } from '../../src/core/oncall/oncall';
import { waitForFile } from './files';
import { E2E_ARTIFACTS, openSession, useSession } from './session';

describe('On call (demo workspace)', function () {
  this.timeout(180_000);
  const s = useSession(() => openSession(join(ROOT, 'samples', 'demo'), 'oncall'));
  const log = () => join(s.workspace, 'docs', 'INCIDENT_LOG.md');

  it('the On Call view shows the primary on call now and the next handover', async () => {
    await s.wb.openActivity('Incidents');
    const rows = s.wb.treeRows('incidentPlaybook');
    await rows.filter({ hasText: 'INC-2026-1121-001' }).waitFor({ timeout: 30_000 });
    // The view is open under the Incidents view at two fifths of the container (3 : 2).
    const header = s.page.locator('.pane-header', { hasText: 'On Call' }).first();
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const pane = s.page.locator('.part.sidebar .pane', { has: header }).first();
    const sidebar = s.page.locator('.part.sidebar').first();
    let sizes = '';
    const deadline = Date.now() + 10_000;
    for (;;) {
      const [paneBox, sidebarBox] = [await pane.boundingBox(), await sidebar.boundingBox()];
      sizes = `On Call view ${paneBox?.height} px of a ${sidebarBox?.height} px sidebar`;
      if (paneBox && sidebarBox && paneBox.height >= sidebarBox.height * 0.3) break;
      assert.ok(Date.now() < deadline, sizes);
      await s.page.waitForTimeout(200);
    }
    const team = teamOf(loadPolicy(readFileSync(join(s.workspace, '.incident', 'playbook.yml'), 'utf8')));
    const now = onCallAt(team.rotation!, new Date());
    await rows.filter({ hasText: 'Next handover' }).waitFor({ timeout: 15_000 });
    const texts = await rows.allInnerTexts();
    assert.ok(texts.some((t) => t.includes(now.primary) && t.includes('primary')), texts.join(' | '));
    assert.ok(texts.some((t) => t.includes('Escalation')), texts.join(' | '));
    await s.wb.screenshot(E2E_ARTIFACTS, '20-oncall-view');
  });

  it('Escalate from the palette logs "Escalated to CTO (+49 …)" on the picked incident', async () => {
    await s.wb.runCommand('Incident: Escalate');
    await s.wb.pick('INC-2026-1121-001');
    await s.wb.pick('CTO');
    const text = await waitForFile(log(), 'the log to gain the escalation', (t) => t.includes('Escalated to CTO (+49 30 5550 2001)'));
    assert.equal(findIncident(indexLog(text), 'INC-2026-1121-001')?.timeline.at(-1)?.text, 'Escalated to CTO (+49 30 5550 2001)');
    await s.wb.dismissNotifications();
  });

  it('Declare Incident: "This is a drill", a severity, a title, then the primary on call proposed as commander', async () => {
    const team = teamOf(loadPolicy(readFileSync(join(s.workspace, '.incident', 'playbook.yml'), 'utf8')));
    const primary = onCallAt(team.rotation!, new Date()).primary;
    await s.wb.runCommand('Incident: Declare Incident');
    await s.wb.pick('This is a drill');
    await s.wb.pick('SEV-3');
    // The title box is followed at once by the commander pick (answerInput waits for the box to close).
    const input = s.wb.quickInput.locator('input.input');
    await input.fill('Tabletop: CDN purge gone wrong');
    await input.press('Enter');
    // The commander pick lists the primary on call first.
    await s.wb.quickRows.filter({ hasText: 'primary on call now' }).first().waitFor({ timeout: 15_000 });
    const first = (await s.wb.quickRows.first().innerText()).trim();
    assert.match(first, new RegExp(`^${primary}`));
    assert.match(first, /primary on call now/);
    await s.wb.pick(primary, { type: false });
    const text = await waitForFile(log(), 'the log to gain the drill', (t) => t.includes('Tabletop: CDN purge gone wrong'));
    const inc = indexLog(text).incidents.find((i) => i.title === 'Tabletop: CDN purge gone wrong');
    assert.ok(inc && isDrill(inc), 'Drill: yes');
    assert.equal(inc.roles.commander, primary);
    // Declare ends by opening the log at the new heading: let that editor take focus before the
    // next command (a palette opened meanwhile would be closed by it).
    await s.page.locator('.tabs-container .tab.active', { hasText: 'INCIDENT_LOG.md' }).waitFor({ timeout: 20_000 });
    await s.page.locator('.editor-instance .monaco-editor.focused').waitFor({ timeout: 20_000 });
  });

  it('Start Drill declares the scenario with Drill: yes; the Incidents view marks it as a drill', async () => {
    await s.wb.runCommand('Incident: Start Drill');
    await s.wb.pick('payment webhooks back up');
    const text = await waitForFile(log(), 'the log to gain the drill', (t) => t.includes('Drill — payment webhooks back up'));
    const drill = indexLog(text).incidents.find((i) => i.title === 'Drill — payment webhooks back up');
    assert.ok(drill && isDrill(drill));
    assert.deepEqual(drill.checklist.map((c) => c.text).slice(0, 2), ['Check the dispatcher backlog', 'Check the checkout API'], "the runbook's steps");
    const row = s.wb.treeRows('incidentPlaybook').filter({ hasText: drill.id });
    await row.waitFor({ timeout: 15_000 });
    assert.match(await row.innerText(), /^SEV-2 · Drill — payment webhooks back up\s*drill · /);
    await s.wb.screenshot(E2E_ARTIFACTS, '21-drill-declared');
  });
});
