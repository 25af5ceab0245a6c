import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WriteRefused, addChecklist, applySplices, defaultPolicy, findIncident, indexLog, setTaskDone } from '../../src/core';

const log = [
  '# Incidents',
  '',
  '## INC-2026-1120-002: Checkout down',
  '- **Severity:** SEV-1',
  '',
  '### Checklist',
  '- [x] Declare the incident',
  '* [ ] Post the first update',
  '  - [X] nested and done',
  '',
  '### Action items',
  '1. [ ] Add a canary stage (@sam)',
  '',
  '## INC-2026-1119-001: Search slow',
  '- **Severity:** SEV-3',
  '',
  'Notes without a checklist.',
  '',
  '',
  '## Severity levels',
  'SEV-1 means ...',
].join('\r\n');

test('ticks and unticks one task item with a one-character splice, CRLF and bullets kept', () => {
  const index = indexLog(log);
  const inc = findIncident(index, 'INC-2026-1120-002')!;
  assert.deepEqual(inc.checklist.map((c) => [c.text, c.done]), [['Declare the incident', true], ['Post the first update', false], ['nested and done', true]]);
  const tick = setTaskDone(index, inc.id, inc.checklist[1].line, true);
  assert.equal(tick.length, 1);
  assert.equal(tick[0].end - tick[0].start, 1);
  const after = applySplices(log, tick);
  assert.equal(after, log.replace('* [ ] Post the first update', '* [x] Post the first update'));
  assert.deepEqual(setTaskDone(index, inc.id, inc.checklist[0].line, true), [], 'already done: no change');
  assert.equal(applySplices(log, setTaskDone(index, inc.id, inc.checklist[2].line, false)), log.replace('[X] nested', '[ ] nested'));
  // Action items are task items too.
  assert.equal(applySplices(log, setTaskDone(index, inc.id, inc.actionItems[0].line, true)), log.replace('1. [ ] Add', '1. [x] Add'));
  assert.throws(() => setTaskDone(index, inc.id, 3, true), WriteRefused);
  assert.throws(() => setTaskDone(index, 'INC-1999-0101-001', 6, true), WriteRefused);
});

test('adds the playbook checklist at the end of an incident that has none, before the next heading', () => {
  const index = indexLog(log);
  const policy = defaultPolicy();
  const after = applySplices(log, addChecklist(index, 'INC-2026-1119-001', policy));
  const phases = policy.phases.map((p) => `\r\n#### ${p.name}\r\n${p.items.map((i) => `- [ ] ${i.text}`).join('\r\n')}`).join('\r\n');
  const expected = log.replace('Notes without a checklist.\r\n', `Notes without a checklist.\r\n\r\n### Checklist\r\n${phases}\r\n`);
  assert.equal(after, expected);
  const again = findIncident(indexLog(after), 'INC-2026-1119-001')!;
  assert.equal(again.checklist.length, policy.checklist.length);
  assert.deepEqual(again.checklist.map((c) => [c.phase, c.text]), policy.phases.flatMap((p) => p.items.map((i) => [p.name, i.text])), 'each item reads back under its phase');
  assert.ok(again.checklist.every((c) => !c.done));
  // Other incidents untouched; a second checklist is refused.
  assert.deepEqual(findIncident(indexLog(after), 'INC-2026-1120-002')!.checklist.length, 3);
  assert.throws(() => addChecklist(indexLog(after), 'INC-2026-1119-001', policy), /already has a checklist/);
  // At the very end of a file without a final newline.
  const tail = '## INC-2026-1120-001: Last\n- **Severity:** SEV-2';
  assert.equal(applySplices(tail, addChecklist(indexLog(tail), 'INC-2026-1120-001', policy, ['One <b>', 'Two'])), `${tail}\n\n### Checklist\n- [ ] One &lt;b>\n- [ ] Two\n`);
});
