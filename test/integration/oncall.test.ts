// On call in a real VS Code: the On Call view's items from the playbook (and its refresh when the
// playbook changes), Escalate writing its entry (with or without the contact), Start Drill
// declaring a drill with Drill: yes from a scenario, and the view's copy / open actions.
import * as assert from 'node:assert/strict';
import { realpathSync } from 'node:fs';
import * as vscode from 'vscode';
import { findIncident, indexLog, defaultPolicy } from '../../src/core';
import { activeClocks } from '../../src/core/response/clock';
import { isDrill } from '../../src/core/oncall/oncall';
import { Commands } from '../../src/extension/commandIds';
import { statusText } from '../../src/extension/incidentStatusBar';
import type { OnCallNode } from '../../src/extension/oncall';
import { diskText, logUri, resetLog, usePlaybook, waitFor } from './helpers';

const PLAYBOOK = `oncall:
  timeZone: Europe/Berlin
  handover: Monday 09:00
  start: 2026-01-05
  weeks:
    - { primary: Rania Aziz, backup: Tom Becker }
people:
  Rania Aziz: { phone: "+49 30 1234 5678", email: rania@example.com }
  Tom Becker: { handle: "@tom" }
escalation:
  - { name: CTO, contact: "+49 30 9999 0000" }
  - { name: Hosting support, contact: "+49-30-XXXX" }
links:
  monitoring: https://grafana.example.com/d/checkout
  log: docs/INCIDENT_LOG.md
drills:
  - id: webhooks
    title: Drill — payment webhooks stall
    severity: SEV-1
    checklist: [Page the primary on call, Find the backlog, Post a test status update]
`;

const ACTIVE = 'INC-2026-1121-001';

function lastEntryText(text: string, id: string): string {
  const inc = findIncident(indexLog(text), id);
  assert.ok(inc, `${id} is in the log`);
  return inc.timeline.at(-1)!.text;
}

describe('On call', function () {
  this.timeout(60_000);
  const fixture = usePlaybook();
  const { writePlaybook } = fixture;

  it('the view is empty without a playbook, and fills in when one is written: primary, backup, handover, escalation, links, drills', async () => {
    assert.deepEqual(await fixture.api.oncall.items(), []);
    await writePlaybook(PLAYBOOK);
    const items = await waitFor('the On Call view to read the playbook', async () => {
      const nodes = await fixture.api.oncall.items();
      return nodes.length ? nodes : undefined;
    });
    assert.deepEqual(items.map((n) => n.key), ['now/primary', 'now/backup', 'now/handover', 'escalation', 'people', 'links', 'drills']);
    const [primary, backup, handover] = items;
    assert.deepEqual([primary.label, primary.description], ['Rania Aziz', '+49 30 1234 5678 · primary']);
    assert.equal(backup.label, 'Tom Becker');
    assert.match(handover.label, /^Next handover Mon \d{1,2} \w{3} 09:00 \(Europe\/Berlin\)$/);
    const phone = primary.children![0];
    const item = fixture.api.oncall.getTreeItem(phone);
    assert.equal(item.contextValue, 'oncallContact.openable');
    assert.equal(item.command?.command, Commands.copyContact);
    const escalation = items.find((n) => n.key === 'escalation')!.children!;
    assert.deepEqual(escalation.map((c) => [c.label, fixture.api.oncall.getTreeItem(c).contextValue]), [['CTO', 'oncallContact.openable'], ['Hosting support', 'oncallContact']]);
    const links = items.find((n) => n.key === 'links')!.children!;
    assert.deepEqual(links.map((l) => fixture.api.oncall.getTreeItem(l).command?.command), [Commands.openTeamLink, Commands.openTeamLink]);
  });

  it('copy puts the contact on the clipboard; a contact that is not a number, email or https URL is copied, never opened', async () => {
    const node: OnCallNode = { key: 'x', kind: 'contact', label: 'CTO', contact: { name: 'CTO', value: '+49 30 9999 0000', openable: true } };
    assert.equal(await vscode.commands.executeCommand(Commands.copyContact, node), '+49 30 9999 0000');
    assert.equal(await vscode.env.clipboard.readText(), '+49 30 9999 0000');
    assert.equal(await vscode.commands.executeCommand(Commands.openContact, { value: 'javascript:alert(1)' }), undefined);
    assert.equal(await vscode.env.clipboard.readText(), 'javascript:alert(1)');
  });

  it('a file link opens the file inside the workspace', async () => {
    await writePlaybook(PLAYBOOK);
    const opened = await vscode.commands.executeCommand<string>(Commands.openTeamLink, { link: 'log' });
    assert.equal(opened, vscode.Uri.file(realpathSync(logUri().fsPath)).toString());
    await waitFor('the log in the editor', () => vscode.window.activeTextEditor?.document.uri.fsPath === logUri().fsPath);
  });

  it('Escalate logs "Escalated to CTO (+49…)" on the incident, one entry; with logContacts: false, the name only', async () => {
    await writePlaybook(PLAYBOOK);
    const result = await vscode.commands.executeCommand<{ incidentId: string; entry: string }>(Commands.escalate, { incident: ACTIVE, contact: 'cto' });
    assert.deepEqual(result, { incidentId: ACTIVE, entry: 'Escalated to CTO (+49 30 9999 0000)' });
    const text = await diskText();
    assert.equal(lastEntryText(text, ACTIVE), 'Escalated to CTO (+49 30 9999 0000)');
    assert.equal(text.split('\n').length, fixture.original.split('\n').length + 1, 'one line added');
    // The person on call can be named too.
    await vscode.commands.executeCommand(Commands.escalate, { incident: ACTIVE, contact: 'Rania Aziz' });
    assert.equal(lastEntryText(await diskText(), ACTIVE), 'Escalated to Rania Aziz (+49 30 1234 5678)');

    await resetLog(fixture.original);
    await writePlaybook(`${PLAYBOOK}logContacts: false\n`);
    await waitFor('the playbook with logContacts: false', async () => {
      await vscode.commands.executeCommand(Commands.escalate, { incident: ACTIVE, contact: 'CTO' });
      const last = lastEntryText(await diskText(), ACTIVE);
      if (last !== 'Escalated to CTO') await resetLog(fixture.original);
      return last === 'Escalated to CTO';
    });
    assert.doesNotMatch(await diskText(), /9999/, 'no number in the log');
  });

  it('Start Drill declares the scenario as a drill: Drill: yes, the primary as commander, its checklist; DRILL in the status text', async () => {
    await writePlaybook(PLAYBOOK);
    const id = await vscode.commands.executeCommand<string>(Commands.startDrill, { drill: 'webhooks' });
    assert.ok(id, 'a drill was declared');
    const text = await diskText();
    const drill = findIncident(indexLog(text), id);
    assert.ok(drill);
    assert.equal(drill.title, 'Drill — payment webhooks stall');
    assert.equal(drill.severity, 'SEV-1');
    assert.ok(isDrill(drill), 'Drill: yes');
    assert.match(text, /- \*\*Drill:\*\* yes\n/);
    assert.equal(drill.roles.commander, 'Rania Aziz', 'the primary on call');
    assert.deepEqual(drill.checklist.map((c) => c.text), ['Page the primary on call', 'Find the backlog', 'Post a test status update']);
    const clock = activeClocks(indexLog(text), defaultPolicy(), new Date()).find((c) => c.incident.id === id);
    assert.ok(clock);
    assert.match(statusText(clock), /^DRILL SEV-1 /);
    assert.ok(!isDrill(findIncident(indexLog(text), ACTIVE)!), 'a real incident is not a drill');
  });

  it('Declare with drill: true writes Drill: yes; a given commander is kept, otherwise the primary on call is proposed', async () => {
    await writePlaybook(PLAYBOOK);
    const id = await vscode.commands.executeCommand<string>(Commands.declare, { severity: 'SEV-3', title: 'Tabletop: DNS outage', drill: true, commander: 'Ana Souza' });
    const inc = findIncident(indexLog(await diskText()), id);
    assert.ok(inc && isDrill(inc));
    assert.equal(inc.roles.commander, 'Ana Souza');
    const real = await vscode.commands.executeCommand<string>(Commands.declare, { severity: 'SEV-3', title: 'Search slow' });
    const realInc = findIncident(indexLog(await diskText()), real);
    assert.ok(realInc && !isDrill(realInc));
    assert.equal(realInc.roles.commander, 'Rania Aziz', 'the primary on call is proposed');
  });
});
