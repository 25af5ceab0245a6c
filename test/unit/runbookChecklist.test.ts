import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applySplices, findIncident, indexLog } from '../../src/core';
import { checklistView } from '../../src/core/response/checklist';
import { loadPolicy } from '../../src/core/playbook/playbook';
import { addRunbookChecklist, checklistItemRunnable, openedRunbooks, resolveRunnable, runbookStepName } from '../../src/core/response/runbookChecklist';
import { setChecklistItem } from '../../src/core/log/writer';
import { diffRegion } from './helpers';

const policy = loadPolicy(`checklist:
  phases:
    - name: Initial assessment
      items:
        - Confirm the incident is real
        - text: Check the site from outside
          run: site-up
    - name: Recovery
      items:
        - text: Roll back if needed
          run: website-outage/3
healthChecks:
  - name: site-up
    run: curl -fsS "$APP_URL"
runbooks:
  website-outage:
    title: Website outage
    severity: SEV-1
    params:
      - name: DEPLOYMENT_ID
        pattern: "[a-z0-9-]{1,40}"
    steps:
      - title: Verify outage
        run: curl -I "$APP_URL"
      - title: Check the provider status page
        notes: Look for an ongoing provider incident.
      - title: Roll back
        run: ./scripts/emergency-rollback.sh "$DEPLOYMENT_ID"
        dangerous: true
  follow-ups:
    title: Remediation actions
    steps:
      - title: File tickets
        notes: One per cause.
`);

const ID = 'INC-2026-1130-001';

const WITH_CHECKLIST = `# Incident Log

## INC-2026-1130-001: Storefront down
- **Severity:** SEV-1
- **Status:** Investigating

### Timeline
- 2026-11-30 09:02 — Incident declared (SEV-1)

### Checklist

#### Initial assessment
- [x] Confirm the incident is real
- [ ] Check the site from outside

### Notes
Customers report 502s.

## INC-2026-1129-001: Slow search
- **Severity:** SEV-3
`;

const RUNBOOK_BLOCK = `
#### Runbook: Website outage
- [ ] Verify outage
- [ ] Check the provider status page
- [ ] Roll back
`;

test('a runbook opened on an incident becomes a phase at the end of its checklist: one insertion, nothing else moves', () => {
  const index = indexLog(WITH_CHECKLIST, { policy });
  const splices = addRunbookChecklist(index, ID, policy, 'website-outage');
  assert.equal(splices.length, 1);
  const after = applySplices(WITH_CHECKLIST, splices);
  assert.equal(diffRegion(WITH_CHECKLIST, after).removed, '', 'nothing removed');
  assert.equal(after.length, WITH_CHECKLIST.length + RUNBOOK_BLOCK.length);
  assert.equal(after, WITH_CHECKLIST.replace('- [ ] Check the site from outside\n', `- [ ] Check the site from outside\n${RUNBOOK_BLOCK}`));
  const inc = findIncident(indexLog(after, { policy }), ID)!;
  assert.deepEqual(
    inc.checklist.map((c) => [c.phase, c.text, c.done]),
    [
      ['Initial assessment', 'Confirm the incident is real', true],
      ['Initial assessment', 'Check the site from outside', false],
      ['Runbook: Website outage', 'Verify outage', false],
      ['Runbook: Website outage', 'Check the provider status page', false],
      ['Runbook: Website outage', 'Roll back', false],
    ],
  );
  // The Notes section still reads as it did, and the next incident is untouched.
  assert.ok(after.endsWith(`### Notes\nCustomers report 502s.\n\n## INC-2026-1129-001: Slow search\n- **Severity:** SEV-3\n`));
});

test('opening the same runbook twice does not duplicate it', () => {
  const once = applySplices(WITH_CHECKLIST, addRunbookChecklist(indexLog(WITH_CHECKLIST, { policy }), ID, policy, 'website-outage'));
  assert.deepEqual(addRunbookChecklist(indexLog(once, { policy }), ID, policy, 'website-outage'), []);
  // By id in any case, too, and after a step was ticked by hand.
  const ticked = once.replace('- [ ] Verify outage', '- [x] Verify outage');
  assert.deepEqual(addRunbookChecklist(indexLog(ticked, { policy }), ID, policy, 'WEBSITE-OUTAGE'), []);
});

test('CRLF logs get CRLF lines, byte for byte', () => {
  const crlf = WITH_CHECKLIST.replace(/\n/g, '\r\n');
  const after = applySplices(crlf, addRunbookChecklist(indexLog(crlf, { policy }), ID, policy, 'website-outage'));
  assert.equal(after, applySplices(WITH_CHECKLIST, addRunbookChecklist(indexLog(WITH_CHECKLIST, { policy }), ID, policy, 'website-outage')).replace(/\n/g, '\r\n'));
  assert.ok(!/[^\r]\n/.test(after), 'no bare LF');
  assert.equal(findIncident(indexLog(after, { policy }), ID)!.checklist.length, 5);
});

test('an incident without a checklist gets a Checklist sub-section holding the runbook', () => {
  const text = `## INC-2026-1130-001: Storefront down\n- **Severity:** SEV-1\n\n### Timeline\n- 09:02 — declared\n\n\n## INC-2026-1129-001: Slow search\n`;
  const after = applySplices(text, addRunbookChecklist(indexLog(text, { policy }), ID, policy, 'website-outage'));
  assert.equal(after, `## INC-2026-1130-001: Storefront down\n- **Severity:** SEV-1\n\n### Timeline\n- 09:02 — declared\n\n### Checklist\n${RUNBOOK_BLOCK}\n\n## INC-2026-1129-001: Slow search\n`);
  const inc = findIncident(indexLog(after, { policy }), ID)!;
  assert.equal(inc.timeline.length, 1);
  assert.deepEqual(
    inc.checklist.map((c) => c.phase),
    ['Runbook: Website outage', 'Runbook: Website outage', 'Runbook: Website outage'],
  );
  // At the end of a file without a final newline.
  const bare = `## INC-2026-1130-001: Storefront down\n- **Severity:** SEV-1`;
  const end = applySplices(bare, addRunbookChecklist(indexLog(bare, { policy }), ID, policy, 'website-outage'));
  assert.equal(end, `${bare}\n\n### Checklist\n${RUNBOOK_BLOCK}`);
});

test('a flat checklist followed by the timeline: the runbook goes after the last item, before the timeline', () => {
  const text = `## INC-2026-1130-001: Storefront down\n\n### Checklist\n- [ ] Page the on-call\n\n\`\`\`\n### not a heading\n\`\`\`\n\n### Timeline\n- 2026-11-30 09:02 — declared\n`;
  const after = applySplices(text, addRunbookChecklist(indexLog(text, { policy }), ID, policy, 'website-outage'));
  assert.equal(after, text.replace('```\n\n### Timeline', `\`\`\`\n${RUNBOOK_BLOCK}\n### Timeline`));
  const inc = findIncident(indexLog(after, { policy }), ID)!;
  assert.deepEqual(
    inc.checklist.map((c) => [c.phase ?? null, c.text]),
    [
      [null, 'Page the on-call'],
      ['Runbook: Website outage', 'Verify outage'],
      ['Runbook: Website outage', 'Check the provider status page'],
      ['Runbook: Website outage', 'Roll back'],
    ],
  );
  assert.equal(inc.timeline.length, 1);
});

test('refusals: unknown runbook, a title that would read as another sub-section, table rows, conflicts', () => {
  const index = indexLog(WITH_CHECKLIST, { policy });
  assert.throws(() => addRunbookChecklist(index, ID, policy, 'nope'), /no runbook "nope"/);
  assert.throws(() => addRunbookChecklist(index, ID, policy, 'follow-ups'), /would be read as a list of action items/);
  assert.throws(() => addRunbookChecklist(index, 'INC-0000-0000-000', policy, 'website-outage'), /No incident/);
  const table = `| ID | Title | Severity |\n|---|---|---|\n| ${ID} | Storefront down | SEV-1 |\n`;
  assert.throws(() => addRunbookChecklist(indexLog(table, { policy }), ID, policy, 'website-outage'), /row of a table/);
  const conflicted = WITH_CHECKLIST.replace('### Notes', '<<<<<<< HEAD\nx\n=======\ny\n>>>>>>> other\n### Notes');
  assert.throws(() => addRunbookChecklist(indexLog(conflicted, { policy }), ID, policy, 'website-outage'), /conflict markers/);
});

test('the opened runbook maps its items back to the steps by title, hand edits included', () => {
  const opened = applySplices(WITH_CHECKLIST, addRunbookChecklist(indexLog(WITH_CHECKLIST, { policy }), ID, policy, 'website-outage'));
  // A responder re-words one item and adds one of their own.
  const edited = opened.replace('- [ ] Check the provider status page', '- [ ] Check the **provider** status-page').replace('- [ ] Roll back\n', '- [ ] Roll back\n- [ ] Tell support\n');
  const inc = findIncident(indexLog(edited, { policy }), ID)!;
  const [book] = openedRunbooks(inc, policy);
  assert.equal(book.runbook?.id, 'website-outage');
  assert.equal(book.name, 'Website outage');
  assert.deepEqual(
    book.items.map((i) => [i.item.text, i.stepNumber ?? null, i.index]),
    [
      ['Verify outage', 1, 2],
      ['Check the provider status-page', 2, 3],
      ['Roll back', 3, 4],
      ['Tell support', null, 5],
    ],
  );
  // A runbook the playbook no longer has still lists its items, with no step.
  const gone = edited.replace('#### Runbook: Website outage', '#### Runbook: Old runbook');
  const [old] = openedRunbooks(findIncident(indexLog(gone, { policy }), ID)!, policy);
  assert.equal(old.runbook, undefined);
  assert.equal(old.items.length, 4);
});

test('runnable steps: health checks by name, runbook steps as RUNBOOK/N, opened runbook items by their step', () => {
  assert.equal(resolveRunnable(policy, 'site-up')?.kind, 'healthCheck');
  const step = resolveRunnable(policy, 'website-outage/3');
  assert.ok(step && step.kind === 'runbookStep');
  assert.equal(step.number, 3);
  assert.equal(step.step.dangerous, true);
  assert.equal(resolveRunnable(policy, 'website-outage:1')?.kind, 'runbookStep');
  assert.equal(resolveRunnable(policy, 'website-outage/2'), undefined, 'a notes-only step runs nothing');
  assert.equal(resolveRunnable(policy, 'website-outage/9'), undefined);
  assert.equal(resolveRunnable(policy, 'nothing'), undefined);
  assert.equal(runbookStepName(step.runbook, 3), 'website-outage #3 Roll back');

  const opened = applySplices(WITH_CHECKLIST, addRunbookChecklist(indexLog(WITH_CHECKLIST, { policy }), ID, policy, 'website-outage'));
  const inc = findIncident(indexLog(opened, { policy }), ID)!;
  assert.deepEqual(
    inc.checklist.map((_, i) => {
      const r = checklistItemRunnable(inc, policy, i);
      return r ? (r.kind === 'healthCheck' ? r.check.name : `${r.runbook.id}/${r.number}`) : null;
    }),
    [null, 'site-up', 'website-outage/1', null, 'website-outage/3'],
  );
  // The panel's model carries them, dangerous steps marked.
  const view = checklistView(inc, policy, new Date('2026-11-30T10:00:00Z'));
  assert.deepEqual(
    view.phases.map((p) => [p.name, p.items.map((i) => `${i.text}${i.run ? ` → ${i.run}` : ''}${i.dangerous ? ' (dangerous)' : ''}`)]),
    [
      ['Initial assessment', ['Confirm the incident is real', 'Check the site from outside → site-up']],
      ['Runbook: Website outage', ['Verify outage → website-outage/1', 'Check the provider status page', 'Roll back → website-outage/3 (dangerous)']],
    ],
  );
});

test('ticking a runbook step is the one-character splice every checklist item gets', () => {
  const opened = applySplices(WITH_CHECKLIST, addRunbookChecklist(indexLog(WITH_CHECKLIST, { policy }), ID, policy, 'website-outage'));
  const index = indexLog(opened, { policy });
  const item = findIncident(index, ID)!.checklist[4];
  const after = applySplices(opened, setChecklistItem(index, ID, item.line, 'done'));
  assert.equal(after, opened.replace('- [ ] Roll back', '- [x] Roll back'));
});

test('a runbook phase of 20,000 hand-written items is read and mapped in linear time', () => {
  const items = Array.from({ length: 20_000 }, (_, i) => `- [ ] ${i % 3 === 0 ? 'Roll back' : `Item ${i}`}`).join('\n');
  const text = `## ${ID}: Storefront down\n\n### Checklist\n\n#### Runbook: Website outage\n${items}\n`;
  const started = performance.now();
  const inc = findIncident(indexLog(text, { policy }), ID)!;
  const view = checklistView(inc, policy, new Date('2026-11-30T10:00:00Z'));
  const ms = performance.now() - started;
  assert.equal(view.progress.total, 20_000);
  // The step maps once; the other "Roll back" items are the team's own.
  assert.equal(view.phases[0].items.filter((i) => i.run).length, 1);
  assert.deepEqual(addRunbookChecklist(indexLog(text, { policy }), ID, policy, 'website-outage'), []);
  assert.ok(ms < 2000, `${ms.toFixed(0)} ms`);
});
