// Declare Incident and Assign Role from the palette, with a playbook that has a rotation and
// lists the git user (Riley Oncall, handle @riley): the steps are numbered 1/3, 2/3, 3/3; the
// commander pick offers who is on call, you, the team and the log's people and takes a typed
// name; the commander chosen is logged with the short handle; Assign Role offers the same names.
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findIncident, indexLog } from '../../src/core';
import { waitForFile } from './files';
import { openSession, useSession } from './session';

const PLAYBOOK = `oncall:
  timeZone: UTC
  handover: Monday 09:00
  start: 2026-01-05
  weeks:
    - { primary: Priya Raman, backup: Marco Bianchi }
people:
  Priya Raman: { handle: "@priya" }
  Marco Bianchi: { handle: "@marco" }
  Riley Oncall: { email: riley@example.com, handle: "@riley" }
`;

describe('Declare Incident and Assign Role: numbered steps, suggested people, the commander logged (code-server + Chromium)', function () {
  this.timeout(180_000);
  const s = useSession(() => openSession('basic', 'declare-steps'));
  const logPath = () => join(s.workspace, 'docs', 'INCIDENT_LOG.md');
  const title = () => s.wb.quickInput.locator('.quick-input-title');
  const rowsText = async () => (await s.wb.quickRows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());

  it('numbers the three steps, logs the commander typed at declaration by @riley, and Assign Role offers the same people', async () => {
    mkdirSync(join(s.workspace, '.incident'), { recursive: true });
    writeFileSync(join(s.workspace, '.incident', 'playbook.yml'), PLAYBOOK);
    await s.wb.openActivity('Incidents');
    await s.wb.treeRows('incidentPlaybook').filter({ hasText: 'INC-2026-1121-001' }).waitFor({ timeout: 30_000 });

    await s.wb.runCommand('Incident: Declare Incident');
    await title().filter({ hasText: 'Declare Incident (1/3): severity' }).waitFor({ timeout: 15_000 });
    await s.wb.pick('SEV-2');
    await title().filter({ hasText: 'Declare Incident (2/3): SEV-2' }).waitFor({ timeout: 15_000 });
    const input = s.wb.quickInput.locator('input.input');
    await input.fill('Coupons rejected at checkout');
    await input.press('Enter');
    await title().filter({ hasText: 'Declare Incident (3/3): commander' }).waitFor({ timeout: 15_000 });
    await s.wb.quickRows.filter({ hasText: 'primary on call now' }).first().waitFor({ timeout: 15_000 });
    const offered = await rowsText();
    assert.match(offered[0], /^Priya Raman.*primary on call now/, offered.join(' | '));
    assert.ok(offered.some((r) => /^Riley Oncall.*you/.test(r)), offered.join(' | '));
    assert.ok(offered.some((r) => /^Dana Reyes.*Incident Commander of INC-/.test(r)), `the log's people: ${offered.join(' | ')}`);
    // A name nobody suggested is taken as typed.
    await input.fill('Jordan Blake');
    await s.wb.quickRows.filter({ hasText: 'as typed' }).first().waitFor({ timeout: 10_000 });
    await input.press('Enter');

    let log = await waitForFile(logPath(), 'the new incident and its commander', (t) => t.includes('— Incident Commander: Jordan Blake'));
    const inc = indexLog(log).incidents.find((i) => i.title === 'Coupons rejected at checkout');
    assert.ok(inc, log.slice(0, 1500));
    assert.equal(inc.roles.commander, 'Jordan Blake');
    const lines = log.split('\n');
    assert.deepEqual(
      inc.timeline.map((e) => lines[e.line].replace(/^- \S+ \S+ UTC — /, '')),
      ['Incident declared (SEV-2) (@riley)', 'Incident Commander: Jordan Blake (@riley)'],
    );

    // Declare opens the log at the new heading: Assign Role works on that incident.
    await s.page.locator('.tabs-container .tab.active', { hasText: 'INCIDENT_LOG.md' }).waitFor({ timeout: 20_000 });
    await s.page.locator('.editor-instance .monaco-editor.focused').waitFor({ timeout: 20_000 });
    await s.wb.runCommand('Incident: Assign Role');
    await s.wb.pick('Technical Lead');
    await s.wb.quickRows.filter({ hasText: 'primary on call now' }).first().waitFor({ timeout: 15_000 });
    const leads = await rowsText();
    for (const who of [/^Priya Raman/, /^Marco Bianchi/, /^Riley Oncall.*you/, /^Dana Reyes/]) assert.ok(leads.some((r) => who.test(r)), `${who} in ${leads.join(' | ')}`);
    await s.wb.pick('Marco Bianchi');
    log = await waitForFile(logPath(), 'the technical lead', (t) => t.includes('— Technical Lead: Marco Bianchi'));
    const after = findIncident(indexLog(log), inc.id)!;
    assert.equal(after.roles.techLead, 'Marco Bianchi');
    assert.equal(log.split('\n')[after.timeline.at(-1)!.line].replace(/^- \S+ \S+ UTC — /, ''), 'Technical Lead: Marco Bianchi (@riley)');
  });
});
