import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  PolicyError,
  addPlaybookChecklist,
  applySplices,
  checklistView,
  defaultPolicy,
  findIncident,
  indexLog,
  loadPolicy,
  priorityPolicy,
  skipChecklistItem,
  tickChecklistItem,
} from '../../src/core';
import { splitSkipNote } from '../../src/core/reader/tasks';
import { diffRegion } from './helpers';

const BOM = '\ufeff';
const log =
  BOM +
  [
    '---',
    'team: payments',
    '---',
    '# Incident Log',
    '',
    '## INC-2026-1120-001: Checkout API returning 500s',
    '- **Severity:** SEV-1',
    '- **Status:** Mitigating',
    '- **Detected:** 2026-11-20 14:30 UTC',
    '- **Incident Commander:** Dana Reyes',
    '',
    '### Timeline',
    '- 2026-11-20 14:30 UTC — Alerts fired for checkout 5xx rate (@dana)',
    '',
    '### Checklist',
    '',
    '#### Acknowledge alert',
    '- [x] Acknowledge the alert and declare the incident',
    '- [ ] Confirm the severity  ',
    '',
    '#### Stabilize',
    '* [ ] Assess customer impact',
    '- [x] Stop the bleeding — skipped: nothing to roll back',
    '- [ ] ~~Page the database team~~ (skipped: not a DB issue)',
    '',
    '### Action items',
    '- [ ] Add a canary stage (@sam)',
    '',
    '## INC-2026-1119-001: Search slow',
    '- **Severity:** SEV-3',
    '- **Detected:** 2026-11-19 09:00 UTC',
    '',
    'Notes.',
    '',
  ].join('\r\n');

const policy = defaultPolicy();
const actor = { at: new Date('2026-11-20T15:00:00Z'), owner: 'dana' };
const ID = 'INC-2026-1120-001';

function item(text: string, source = log) {
  const found = findIncident(indexLog(source), ID)!.checklist.find((c) => c.text === text);
  assert.ok(found, `item ${text}`);
  return found;
}

test('phases, skip notes and a flat list read back from the written form', () => {
  const inc = findIncident(indexLog(log), ID)!;
  assert.deepEqual(
    inc.checklist.map((c) => [c.phase, c.text, c.done, c.skipped?.reason ?? null]),
    [
      ['Acknowledge alert', 'Acknowledge the alert and declare the incident', true, null],
      ['Acknowledge alert', 'Confirm the severity', false, null],
      ['Stabilize', 'Assess customer impact', false, null],
      ['Stabilize', 'Stop the bleeding', true, 'nothing to roll back'],
      ['Stabilize', 'Page the database team', false, 'not a DB issue'],
    ],
  );
  assert.deepEqual(inc.actionItems.map((a) => a.text), ['Add a canary stage'], 'action items are not phases of the checklist');
  const flat = indexLog('## INC-1: X\n- **Severity:** SEV-2\n\n### Checklist\n- [ ] One\n- [x] Two\n').incidents[0];
  assert.deepEqual(flat.checklist.map((c) => [c.phase, c.text, c.done]), [[undefined, 'One', false], [undefined, 'Two', true]]);
});

test('a timeline or action-items heading under a hand-written "Response" section keeps its meaning', () => {
  const text = '## INC-2: Y\n- **Severity:** SEV-2\n\n### Response\n- [ ] Page\n\n#### Timeline\n- 2026-11-20 14:30 UTC — Paged\n\n#### Follow-up\n- [ ] Fix it\n\n#### Notes\n- [ ] A phase item\n';
  const inc = indexLog(text).incidents[0];
  assert.deepEqual(inc.timeline.map((e) => e.text), ['Paged']);
  assert.deepEqual(inc.actionItems.map((a) => a.text), ['Fix it']);
  assert.deepEqual(inc.checklist.map((c) => [c.phase, c.text]), [[undefined, 'Page'], ['Notes', 'A phase item']]);
});

test('skip notes: the forms read, the look-alikes not, and a linear scan', () => {
  assert.deepEqual(splitSkipNote('Item — skipped: reason'), { cut: 4, reason: 'reason' });
  assert.deepEqual(splitSkipNote('Item - Skipped'), { cut: 4, reason: '' });
  assert.deepEqual(splitSkipNote('Item – skipped: a — skipped: b'), { cut: 4, reason: 'a — skipped: b' }, 'the first note wins');
  assert.deepEqual(splitSkipNote('Item (skipped: not needed) '), { cut: 4, reason: 'not needed' });
  for (const no of ['Check skipped jobs', 'Check skipped: jobs', 'Item — skippedness', '— skipped: only a note', 'Item (skipped: x) then more', 'Item —skipped']) {
    assert.equal(splitSkipNote(no), null, no);
  }
  const hostile = ' — skipped'.repeat(20_000) + 'x' + ' skipped '.repeat(20_000) + '(skipped'.repeat(20_000);
  const t0 = performance.now();
  splitSkipNote(hostile);
  splitSkipNote('a' + ' '.repeat(100_000) + '-' + ' '.repeat(100_000) + 'skipped!');
  assert.ok(performance.now() - t0 < 500, 'linear in the text');
});

test('tick flips one character and logs "— done"; untick logs "— reopened"; both one change', () => {
  const target = item('Assess customer impact');
  const tick = tickChecklistItem(indexLog(log), ID, target.line, true, actor, policy);
  const after = applySplices(log, tick);
  assert.ok(after.startsWith(BOM + '---\r\nteam: payments\r\n---\r\n'), 'BOM and front matter kept');
  assert.ok(!/[^\r]\n/.test(after), 'CRLF kept everywhere');
  assert.ok(after.includes('\r\n* [x] Assess customer impact\r\n'));
  const inc = findIncident(indexLog(after), ID)!;
  assert.deepEqual(inc.timeline.at(-1), { at: '2026-11-20T15:00:00Z', text: 'Checklist: Assess customer impact — done', owner: 'dana', line: inc.timeline.at(-1)!.line });
  // Exactly two places changed: the box and one new timeline line.
  assert.equal(tick.length, 2);
  assert.deepEqual(tick.find((s) => s.end > s.start), { start: tick.find((s) => s.end > s.start)!.start, end: tick.find((s) => s.end > s.start)!.start + 1, text: 'x' });
  assert.equal(applySplices(after, []), after);
  const moved = item('Assess customer impact', after).line;
  assert.deepEqual(tickChecklistItem(indexLog(after), ID, moved, true, actor, policy), [], 'already done: no change, no entry');

  const untick = applySplices(after, tickChecklistItem(indexLog(after), ID, moved, false, actor, policy));
  assert.ok(untick.includes('\r\n* [ ] Assess customer impact\r\n'));
  assert.equal(findIncident(indexLog(untick), ID)!.timeline.at(-1)!.text, 'Checklist: Assess customer impact — reopened');
  // Undoing both leaves the log as it was but for the two entries.
  const { removed } = diffRegion(log, untick.replace(/\r\n- 2026-11-20 15:00 UTC — Checklist: [^\r]*\(@dana\)/g, ''));
  assert.equal(removed, '');
});

test('skip writes the note at the end of the line (trailing spaces kept) and logs the reason; unskip drops it', () => {
  const target = item('Confirm the severity');
  const skipped = applySplices(log, skipChecklistItem(indexLog(log), ID, target.line, 'SEV-1 is\nobvious <script>x</script>', actor, policy));
  assert.ok(skipped.includes('\r\n- [x] Confirm the severity — skipped: SEV-1 is obvious &lt;script>x&lt;/script>  \r\n'), skipped);
  const again = item('Confirm the severity', skipped);
  assert.deepEqual(again.skipped, { reason: 'SEV-1 is obvious <script>x</script>' });
  assert.equal(findIncident(indexLog(skipped), ID)!.timeline.at(-1)!.text, 'Checklist: Confirm the severity — skipped: SEV-1 is obvious <script>x</script>');

  // A new reason replaces the old one; the same reason is no change.
  const reskipped = applySplices(skipped, skipChecklistItem(indexLog(skipped), ID, again.line, 'paged by SRE', actor, policy));
  const third = item('Confirm the severity', reskipped);
  assert.ok(reskipped.includes('\r\n- [x] Confirm the severity — skipped: paged by SRE  \r\n'));
  assert.deepEqual(skipChecklistItem(indexLog(reskipped), ID, third.line, 'paged by SRE', actor, policy), []);
  assert.throws(() => skipChecklistItem(indexLog(log), ID, target.line, '  \n ', actor, policy), /needs a reason/);

  // Unticking a skipped item reopens it: box and note both go.
  const reopened = applySplices(reskipped, tickChecklistItem(indexLog(reskipped), ID, third.line, false, actor, policy));
  assert.ok(reopened.includes('\r\n- [ ] Confirm the severity  \r\n'));
  // Ticking the hand-written "(skipped: …)" item marks it done and drops that note.
  const db = item('Page the database team');
  const done = applySplices(log, tickChecklistItem(indexLog(log), ID, db.line, true, actor, policy));
  assert.ok(done.includes('\r\n- [x] ~~Page the database team~~\r\n'));
  assert.equal(findIncident(indexLog(done), ID)!.timeline.at(-1)!.text, 'Checklist: Page the database team — done');
  // Action items are not checklist items.
  const action = findIncident(indexLog(log), ID)!.actionItems[0];
  assert.throws(() => tickChecklistItem(indexLog(log), ID, action.line, true, actor, policy), /no checklist item/);
});

test('the playbook checklist goes into an incident without one in one edit, phases as sub-headings', () => {
  const index = indexLog(log);
  const splices = addPlaybookChecklist(index, 'INC-2026-1119-001', priorityPolicy());
  assert.equal(splices.length, 1);
  const after = applySplices(log, splices);
  const { prefix, suffix, removed, added } = diffRegion(log, after);
  assert.equal(removed, '');
  assert.ok(prefix > 0 && suffix === 0);
  assert.ok(added.startsWith('\r\n### Checklist\r\n\r\n#### Initial assessment\r\n- [ ] Confirm the incident is real\r\n'), added);
  assert.ok(!/[^\r]\n/.test(added), 'the log’s CRLF');
  const inc = findIncident(indexLog(after), 'INC-2026-1119-001')!;
  const names = [...new Set(inc.checklist.map((c) => c.phase))];
  assert.deepEqual(names, ['Initial assessment', 'P1 response', 'Investigation', 'Fix implementation', 'Recovery verification', 'Closure']);
  assert.deepEqual(
    inc.checklist.filter((c) => c.phase === 'Initial assessment').map((c) => c.text),
    ['Confirm the incident is real', 'Determine severity', 'Check if it is ongoing', 'Identify affected systems and users', 'Gather evidence'],
  );
  assert.deepEqual(inc.checklist.filter((c) => c.phase === 'P1 response').map((c) => c.text), [
    'Acknowledge in monitoring',
    'Create the war room #incident-YYYY-MM-DD-HH-MM',
    'Notify stakeholders',
    'Begin investigation',
    'Immediate mitigation',
    'Update the status page',
  ]);
  assert.equal(inc.checklist.filter((c) => c.phase === 'Investigation').length, 7);
  assert.throws(() => addPlaybookChecklist(indexLog(after), 'INC-2026-1119-001', policy), /already has a checklist/);
  // A one-phase playbook is written as a flat list.
  const flat = loadPolicy('checklist: [Page the IC, {text: Check health, run: health.api}]\n');
  const out = applySplices(log, addPlaybookChecklist(index, 'INC-2026-1119-001', flat));
  assert.ok(out.includes('Notes.\r\n\r\n### Checklist\r\n- [ ] Page the IC\r\n- [ ] Check health\r\n'));
});

test('the checklist view: progress per phase, runnable steps, the incident and its clocks', () => {
  const p = loadPolicy(['checklist:', '  phases:', '    - name: Stabilize', '      items:', '        - text: Assess customer impact', '          run: health.checkout', '        - Stop the bleeding', 'healthChecks:', '  - name: health.checkout', '    run: ./scripts/check-checkout.sh'].join('\n'));
  const inc = findIncident(indexLog(log), ID)!;
  const view = checklistView(inc, p, new Date('2026-11-20T15:10:00Z'));
  assert.equal(view.severity, 'SEV-1');
  assert.equal(view.status, 'Mitigating');
  assert.equal(view.roles.commander, 'Dana Reyes');
  assert.equal(view.active, true);
  assert.equal(view.elapsedMinutes, 40);
  assert.equal(view.responseMinutes, 15);
  assert.equal(view.responseBreach, null, 'a commander is assigned');
  assert.deepEqual(view.nextUpdate, { dueAt: '2026-11-20T15:00:00Z', minutesLeft: -10 });
  assert.deepEqual(view.progress, { done: 1, skipped: 2, total: 5 });
  assert.deepEqual(view.phases.map((ph) => [ph.name, ph.done, ph.skipped, ph.total]), [['Acknowledge alert', 1, 0, 2], ['Stabilize', 0, 2, 3]]);
  const stab = view.phases[1].items;
  assert.deepEqual(stab[0], { line: item('Assess customer impact').line, text: 'Assess customer impact', done: false, skipped: null, run: 'health.checkout' });
  assert.equal(stab[1].done, false, 'a skipped item is not counted done');
  assert.equal(stab[1].skipped, 'nothing to roll back');
  assert.ok(!('run' in stab[1]), 'no step, no run');
  // A `run:` naming a check the playbook does not have gives no Run button, not a dead one.
  const dangling = loadPolicy(['checklist:', '  - text: Assess customer impact', '    run: health.gone'].join('\n'));
  assert.ok(!('run' in checklistView(inc, dangling, new Date()).phases[1].items[0]));
  const none = checklistView(findIncident(indexLog(log), 'INC-2026-1119-001')!, policy, new Date('2026-11-19T14:00:00Z'));
  assert.equal(none.hasChecklist, false);
  assert.deepEqual(none.phases, []);
  assert.deepEqual(none.responseBreach, { waitedMinutes: 300 }, 'no commander past SEV-3’s 4 h');
  assert.equal(none.nextUpdate, null, 'SEV-3 has no update cadence');
});

test('playbook checklists: flat or phases, run ids, errors name the line', () => {
  const flat = loadPolicy('checklist:\n  - Page the IC\n  - text: Check the API\n    run: health.api\n');
  assert.deepEqual(flat.phases, [{ name: 'Checklist', items: [{ text: 'Page the IC' }, { text: 'Check the API', run: 'health.api' }] }]);
  assert.deepEqual(flat.checklist, ['Page the IC', 'Check the API']);
  const phased = loadPolicy('preset: p1-p4\nchecklist:\n  phases:\n    - name: Triage\n      items: [Set priority]\n    - name: Fix\n      items: [{text: Roll back, run: "runbook:rollback"}]\n');
  assert.deepEqual(phased.phases.map((p) => p.name), ['Triage', 'Fix']);
  assert.equal(phased.severities[0].id, 'P1', 'the preset stays');
  const errorOf = (yaml: string) => {
    try {
      loadPolicy(yaml);
    } catch (e) {
      assert.ok(e instanceof PolicyError);
      return e;
    }
    assert.fail('expected an error');
  };
  const badName = errorOf('checklist:\n  phases:\n    - name: Stabilize\n      items: [a]\n    - name: Immediate actions\n      items: [b]\n');
  assert.equal(badName.line, 5);
  assert.match(badName.message, /would be read as a action items heading|action items/);
  const badRun = errorOf('checklist:\n  - text: x\n    run: "rm -rf /"\n');
  assert.equal(badRun.line, 3);
  assert.match(badRun.message, /step id/);
  const empty = errorOf('checklist:\n  phases:\n    - name: A\n      items: []\n');
  assert.equal(empty.line, 4);
  assert.match(errorOf('checklist:\n  phases:\n    - name: A\n      items: [x]\n      extra: 1\n').message, /unknown setting "extra"/);
});
