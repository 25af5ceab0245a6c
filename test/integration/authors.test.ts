// Who entries are by, in a real VS Code: the commander named at declaration is logged as an
// assignment later is, and every entry (a health check's too) carries the git user's short
// handle from the playbook's people. The harness's git user is "Riley Oncall".
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { findIncident, indexLog } from '../../src/core';
import { Commands } from '../../src/extension/commandIds';
import type { HealthRunOutcome } from '../../src/extension/terminal/healthCheckCommands';
import { diskText, usePlaybook, waitFor } from './helpers';

const CHECKS = `healthChecks:
  - name: api-up
    run: echo "api is up"
    timeout: 20s
`;
const WITH_PEOPLE = `${CHECKS}people:
  Riley Oncall: { email: riley@example.com, handle: "@riley" }
`;

/** The incident's timeline lines, without their time. */
function entries(text: string, id: string): string[] {
  const inc = findIncident(indexLog(text), id);
  assert.ok(inc, `${id} is in the log`);
  const lines = text.split('\n');
  return inc.timeline.map((e) => lines[e.line].replace(/^- \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC — /, ''));
}

describe('Entry authors', function () {
  this.timeout(90_000);
  const { writePlaybook } = usePlaybook();

  it('Declare Incident logs the commander named at declaration, by the playbook handle of the git user, as Assign Role logs a lead', async () => {
    await writePlaybook(WITH_PEOPLE);
    const id = await vscode.commands.executeCommand<string>(Commands.declare, { severity: 'SEV-2', title: 'Coupons rejected at checkout', commander: 'Ana Souza' });
    assert.ok(id);
    assert.equal(findIncident(indexLog(await diskText()), id)?.roles.commander, 'Ana Souza');
    assert.deepEqual(entries(await diskText(), id), ['Incident declared (SEV-2) (@riley)', 'Incident Commander: Ana Souza (@riley)']);
    assert.equal(await vscode.commands.executeCommand(Commands.assignRole, { incident: id, role: 'techLead', name: 'Sam Okafor' }), true);
    assert.equal(entries(await diskText(), id).at(-1), 'Technical Lead: Sam Okafor (@riley)');
  });

  it('a git user the playbook does not list is their full name, with no @', async () => {
    await writePlaybook(CHECKS);
    const id = await vscode.commands.executeCommand<string>(Commands.declare, { severity: 'SEV-3', title: 'Search is slow', commander: 'Ana Souza' });
    assert.deepEqual(entries(await diskText(), id), ['Incident declared (SEV-3) (Riley Oncall)', 'Incident Commander: Ana Souza (Riley Oncall)']);
    const inc = findIncident(indexLog(await diskText()), id)!;
    assert.deepEqual(
      inc.timeline.map((e) => e.owner),
      ['Riley Oncall', 'Riley Oncall'],
      'read back as the owner',
    );
  });

  it('a health check entry carries its author', async () => {
    await writePlaybook(WITH_PEOPLE);
    const id = 'INC-2026-1121-001';
    const out = await waitFor('the check from the playbook', async () => (await vscode.commands.executeCommand<HealthRunOutcome | undefined>(Commands.runHealthCheck, { incident: id, check: 'api-up' })) ?? false, 20_000);
    const last = findIncident(indexLog(await diskText()), id)!.timeline.at(-1)!;
    assert.equal(last.text, out.entry);
    assert.equal(last.owner, 'riley');
    assert.ok(entries(await diskText(), id).at(-1)!.endsWith(' (@riley)'));
  });
});
