// The agent layer's pure parts: previews (the exact lines a splice touches, in any line ending),
// similar incidents, write plans and who a write is by.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hunksOf, renderHunks } from '../../src/core/agent/preview';
import { similarIncidents, terms } from '../../src/core/agent/similar';
import { AgentInputError, agentOwner, planWrite } from '../../src/core/agent/operations';
import { AGENT_TOOLS } from '../../src/core/agent/catalog';
import { applySplices, defaultPolicy, indexLog } from '../../src/core';

const policy = defaultPolicy();

test('a hunk is the whole lines a splice touches, numbered from 1, in any line ending', () => {
  for (const eol of ['\n', '\r\n']) {
    const text = ['# Log', '', '- **Status:** Investigating', '- a', ''].join(eol);
    const at = text.indexOf('Investigating');
    const splices = [
      { start: at, end: at + 'Investigating'.length, text: 'Resolved' },
      { start: text.indexOf('- a'), end: text.indexOf('- a'), text: `- new${eol}` },
    ];
    assert.deepEqual(hunksOf(text, splices), [
      { line: 3, removed: ['- **Status:** Investigating'], added: ['- **Status:** Resolved'] },
      { line: 4, removed: [], added: ['- new'] },
    ]);
    // Replaying the hunks on the lines gives the spliced text.
    const lines = text.split(eol);
    for (const h of hunksOf(text, splices).reverse()) lines.splice(h.line - 1, h.removed.length, ...h.added);
    assert.equal(lines.join(eol), applySplices(text, splices));
  }
});

test('splices on one line make one hunk; an append at the end of a file without a final newline', () => {
  const text = 'a b c\nlast';
  assert.deepEqual(hunksOf(text, [{ start: 0, end: 1, text: 'A' }, { start: 4, end: 5, text: 'C' }]), [{ line: 1, removed: ['a b c'], added: ['A b C'] }]);
  assert.deepEqual(hunksOf(text, [{ start: text.length, end: text.length, text: '\nmore' }]), [{ line: 2, removed: ['last'], added: ['last', 'more'] }]);
  assert.equal(renderHunks(hunksOf(text, [{ start: 0, end: 1, text: 'A' }])), '@@ line 1 @@\n-a b c\n+A b c');
});

test('similar incidents: shared rare words rank first; stop words and numbers alone match nothing', () => {
  const log = [
    '# Log',
    '## INC-1: Checkout 502s after payments deploy',
    '- **Severity:** SEV-1',
    '## INC-2: Search index lag',
    '- **Severity:** SEV-3',
    '## INC-3: Payments gateway timeouts',
    '- **Severity:** SEV-2',
    '',
  ].join('\n');
  const incidents = indexLog(log, { policy }).incidents;
  const found = similarIncidents(incidents, 'payments are timing out: gateway timeouts');
  assert.deepEqual(found.map((f) => f.id), ['INC-3', 'INC-1']);
  assert.deepEqual(found[0].sharedTerms.sort(), ['gateway', 'payments', 'timeouts']);
  assert.deepEqual(similarIncidents(incidents, 'the and of 2026'), []);
  assert.deepEqual(terms('Connexion perdue à la base — 502 DB_TIMEOUT'), ['connexion', 'perdue', 'la', 'base', 'db', 'timeout']);
});

test('write plans refuse what the log would refuse, in a line, before anything is computed', () => {
  const log = '# Log\n\n## INC-1: Checkout down\n- **Severity:** SEV-1\n- **Status:** Investigating\n\n### Timeline\n- 2026-11-20 14:30 UTC — Alert fired\n\n### Checklist\n- [ ] Declare the incident\n- [ ] Declare the status page\n';
  const index = indexLog(log, { policy });
  const actor = { at: new Date('2026-11-20T15:00:00Z'), owner: agentOwner('dana', 'Claude (desktop)') };
  assert.equal(actor.owner, 'dana via Claude desktop');
  assert.equal(agentOwner(null, '  '), 'via an agent');
  const refuse = (tool: string, input: Record<string, unknown>, message: RegExp) => assert.throws(() => planWrite(tool, input, index, policy, actor, 'docs/INCIDENT_LOG.md'), (e: Error) => e instanceof AgentInputError && message.test(e.message) && !e.message.includes('\n'));
  refuse('set_status', { id: 'INC-1', status: 'Exploded' }, /Exploded/);
  refuse('set_severity', { id: 'INC-1', severity: 'SEV-9' }, /SEV-9/);
  refuse('add_timeline_entry', { id: 'INC-404', text: 'x' }, /No incident "INC-404"/);
  refuse('tick_checklist_item', { id: 'INC-1', item: 'Declare' }, /2 checklist items of INC-1 start with "Declare"; give its number/);
  refuse('tick_checklist_item', { id: 'INC-1', item: '3' }, /has 2 checklist items; there is no item 3/);
  refuse('assign_role', { id: 'INC-1', role: 'boss', name: 'x' }, /role is one of/);
  refuse('no_such_tool', { id: 'INC-1' }, /Unknown tool/);
  const plan = planWrite('tick_checklist_item', { id: 'INC-1', item: '2' }, index, policy, actor, 'docs/INCIDENT_LOG.md');
  const after = applySplices(log, plan.make!(index, 'INC-1'));
  assert.match(after, /- \[x\] Declare the status page/);
  assert.match(after, /\(@dana via Claude desktop\)/);
});

test('every write tool of the catalogue has a plan; read tools have none', () => {
  const log = '# Log\n\n## INC-1: Checkout down\n- **Severity:** SEV-1\n- **Status:** Investigating\n\n### Timeline\n- 2026-11-20 14:30 UTC — Alert fired\n\n### Checklist\n- [ ] Declare\n';
  const index = indexLog(log, { policy });
  const actor = { at: new Date('2026-11-20T15:00:00Z'), owner: 'dana via test' };
  const inputs: Record<string, Record<string, unknown>> = {
    add_timeline_entry: { id: 'INC-1', text: 'x' },
    set_status: { id: 'INC-1', status: 'Mitigating' },
    set_severity: { id: 'INC-1', severity: 'SEV-2' },
    assign_role: { id: 'INC-1', role: 'commander', name: 'Lee' },
    tick_checklist_item: { id: 'INC-1', item: 'Declare' },
    declare_incident: { title: 'New', severity: 'SEV-3' },
    resolve_incident: { id: 'INC-1' },
    mark_update_sent: { id: 'INC-1', text: 'posted' },
  };
  for (const tool of AGENT_TOOLS) {
    if (tool.kind !== 'write') continue;
    const plan = planWrite(tool.name, inputs[tool.name], index, policy, actor, 'log');
    assert.ok(plan.make || plan.declare, tool.name);
    if (plan.make) assert.ok(plan.make(index, 'INC-1').length > 0, tool.name);
  }
  assert.deepEqual(Object.keys(inputs).sort(), AGENT_TOOLS.filter((t) => t.kind === 'write').map((t) => t.name).sort());
});
