// The names Declare Incident's commander step and Assign Role suggest: who is on call, the
// playbook's holder of the role, the git user, the playbook's people, the log's role holders and
// entry authors; each once, the one holding the role now left out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy, indexLog, loadPolicy } from '../../src/core';
import { responderSuggestions } from '../../src/core/response/responders';

test('Declare and Assign Role suggest who is on call, the role, you, the playbook people and the log names', () => {
  const policy = loadPolicy(
    [
      'oncall:',
      '  timeZone: UTC',
      '  handover: Monday 09:00',
      '  start: 2026-01-05',
      '  weeks:',
      '    - { primary: Priya Raman, backup: Marco Bianchi }',
      'people:',
      '  Priya Raman: { email: priya@shop.example, handle: "@priya" }',
      '  Marco Bianchi: { handle: "@marco" }',
      '  Lena Vogel: { email: lena@shop.example }',
      'roles:',
      '  commsLead: { primary: Lena Vogel }',
      '',
    ].join('\n'),
  );
  const log = indexLog(
    '# Log\n\n## INC-2026-1120-001: A\n- **Detected:** 2026-11-20 10:00 UTC\n- **Incident Commander:** Dana Reyes\n- **Technical Lead:** Sam Okafor\n\n### Timeline\n- 2026-11-20 10:00 UTC — Declared (@priya)\n- 2026-11-20 10:05 UTC — Paged (@lee)\n',
  );
  const at = new Date('2026-11-20T12:00:00Z');
  const you = { name: 'Riley Oncall', handle: 'Riley Oncall' };
  const commander = responderSuggestions(policy, { role: 'commander', at, you, index: log });
  assert.deepEqual(
    commander.map((s) => [s.name, s.description]),
    [
      ['Priya Raman', 'primary on call now · on the team, @priya'],
      ['Marco Bianchi', 'backup on call now · on the team, @marco'],
      ['Riley Oncall', 'you'],
      ['Lena Vogel', 'on the team'],
      ['Dana Reyes', 'Incident Commander of INC-2026-1120-001'],
      ['Sam Okafor', 'Technical Lead of INC-2026-1120-001'],
      ['lee', 'in the log'],
    ],
  );
  // A lead: the playbook's holder of that role first; the one holding it now is not offered again.
  const comms = responderSuggestions(policy, { role: 'commsLead', at, you, index: log, current: 'Marco Bianchi' });
  assert.deepEqual(comms.map((s) => s.name), ['Lena Vogel', 'Priya Raman', 'Riley Oncall', 'Dana Reyes', 'Sam Okafor', 'lee']);
  // No playbook, no log: you.
  assert.deepEqual(responderSuggestions(defaultPolicy(), { role: 'techLead', at, you, index: null }), [{ name: 'Riley Oncall', description: 'you' }]);
});
