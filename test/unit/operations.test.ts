import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applySplices, assignRole, changeSeverity, changeStatus, defaultPolicy, findIncident, indexLog, isEscalation, priorityPolicy } from '../../src/core';
import { diffRegion, fixture } from './helpers';

const policy = defaultPolicy();
const actor = { at: new Date('2026-11-20T18:30:00Z'), owner: 'priya' };
const ID = 'INC-2026-1120-002';

test('escalating severity sets the field and logs "Escalated: SEV-2 → SEV-1" in one change', () => {
  const text = fixture('canonical.md');
  const after = applySplices(text, changeSeverity(indexLog(text), ID, 'sev1', actor, policy));
  const inc = findIncident(indexLog(after), ID)!;
  assert.equal(inc.severity, 'SEV-1');
  assert.deepEqual(inc.timeline.at(-1), { at: '2026-11-20T18:30:00Z', text: 'Escalated: SEV-2 → SEV-1', owner: 'priya', line: inc.timeline.at(-1)!.line });
  const down = applySplices(text, changeSeverity(indexLog(text), ID, 'SEV-3', actor, policy));
  assert.equal(findIncident(indexLog(down), ID)!.timeline.at(-1)?.text, 'Severity changed: SEV-2 → SEV-3');
  assert.throws(() => changeSeverity(indexLog(text), ID, 'SEV-0', actor, policy), /Unknown severity "SEV-0"/);
});

test('escalation order follows the policy', () => {
  assert.equal(isEscalation(policy, 'SEV-3', 'SEV-1'), true);
  assert.equal(isEscalation(policy, 'SEV-1', 'SEV-2'), false);
  assert.equal(isEscalation(priorityPolicy(), 'P4', 'P2'), true);
  assert.equal(isEscalation(policy, null, 'SEV-1'), false);
});

test('status changes log "Status: A → B"', () => {
  const text = fixture('canonical.md');
  const after = applySplices(text, changeStatus(indexLog(text), ID, 'mitigating', actor, policy));
  const inc = findIncident(indexLog(after), ID)!;
  assert.equal(inc.status, 'Mitigating');
  assert.equal(inc.timeline.at(-1)?.text, 'Status: Investigating → Mitigating');
  assert.throws(() => changeStatus(indexLog(text), ID, 'Asleep', actor, policy), /Unknown status "Asleep"/);
});

test('a commander handoff is logged; a first assignment inserts the role field', () => {
  const text = fixture('canonical.md');
  const handoff = applySplices(text, assignRole(indexLog(text), ID, 'commander', 'Dana Reyes', actor, policy));
  const inc = findIncident(indexLog(handoff), ID)!;
  assert.equal(inc.roles.commander, 'Dana Reyes');
  assert.equal(inc.timeline.at(-1)?.text, 'Incident Commander handed over from Priya Natarajan to Dana Reyes');
  const first = applySplices(text, assignRole(indexLog(text), ID, 'techLead', 'Sam Okafor', actor, policy));
  const d = diffRegion(text, first);
  assert.ok(d.added.startsWith('- **Technical Lead:** Sam Okafor\n'));
  assert.equal(findIncident(indexLog(first), ID)!.timeline.at(-1)?.text, 'Technical Lead: Sam Okafor');
  assert.throws(() => assignRole(indexLog(text), ID, 'commsLead', '  ', actor, policy), /needs a name/);
});
