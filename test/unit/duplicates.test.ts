// What a union merge leaves in the log: a field written twice (the later-written line is read,
// `check` names both lines, the fix keeps the shown one) and two incidents with one id (the
// renumbering carries the new id into the review file and the links to the heading).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLog, defaultPolicy, indexLog } from '../../src/core';
import { keepShownField, renumberIncident } from '../../src/core/git/mergeFixes';
import { loggedValue } from '../../src/core/reader/duplicateFields';
import { applySplices, setField } from '../../src/core/log/writer';

const policy = defaultPolicy();
const NOW = new Date('2026-11-30T12:00:00Z');

const merged = (first: string, second: string, entries: string[]) =>
  [
    '# Incident Log',
    '',
    '## INC-2026-1130-001: Checkout down',
    '',
    '- **Severity:** SEV-1',
    `- **Status:** ${first}`,
    `- **Status:** ${second}`,
    '- **Incident Commander:** Ana Souza',
    '- **Detected:** 2026-11-30 10:00 UTC',
    '',
    '### Timeline',
    '',
    ...entries,
    '',
  ].join('\n');

const A = '- 2026-11-30 10:20 UTC — Status: Investigating → Identified (@ana)';
const B = '- 2026-11-30 10:50 UTC — Status: Investigating → Mitigating (@ben)';

test('two Status lines: the one the latest status change names is read, wherever it is', () => {
  // The union merge wrote B's line second: the timeline agrees, B's value is read.
  assert.equal(indexLog(merged('Identified', 'Mitigating', [A, B]), { policy }).incidents[0].status, 'Mitigating');
  // B's line first, the timeline's latest change still names Mitigating.
  assert.equal(indexLog(merged('Mitigating', 'Identified', [A, B]), { policy }).incidents[0].status, 'Mitigating');
  // Entries out of line order (a union merge): the latest by time decides, not the last line.
  assert.equal(indexLog(merged('Identified', 'Mitigating', [B, A]), { policy }).incidents[0].status, 'Mitigating');
  // The timeline names neither value: the last line.
  assert.equal(indexLog(merged('Mitigating', 'Identified', ['- 2026-11-30 10:00 UTC — Declared']), { policy }).incidents[0].status, 'Identified');
  assert.equal(indexLog(merged('Identified', 'Mitigating', []), { policy }).incidents[0].status, 'Mitigating');
});

test('a field written twice is a duplicate-field warning naming both lines; writes go to the shown line', () => {
  const text = merged('Mitigating', 'Identified', [A, B]);
  const index = indexLog(text, { policy });
  const found = checkLog(index, policy, NOW).filter((p) => p.code === 'duplicate-field');
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'warning');
  assert.equal(found[0].line, 7, 'on the line that is not shown');
  assert.equal(found[0].message, `Status is written twice (the line above and this line): "Mitigating" on the line above is shown, as the timeline's latest status change names it. Keep one line.`);
  // Setting the status changes the line that is read.
  const after = applySplices(text, setField(index, 'INC-2026-1130-001', 'status', 'Monitoring', policy));
  assert.ok(after.includes('- **Status:** Monitoring\n- **Status:** Identified\n'));
  // The editor's incremental check and a check of one incident report it too.
  assert.deepEqual(checkLog(index, policy, NOW, { incidents: index.incidents }).filter((p) => p.code === 'duplicate-field'), found);
});

test('fields that are no duplicates: different keys, another block, placeholders', () => {
  const text = [
    '## INC-2026-1130-002: Search slow',
    '- **Severity:** SEV-3',
    '- **Started:** 2026-11-30 09:00 UTC',
    '- **Detected:** 2026-11-30 09:10 UTC',
    '- **Status:** Investigating',
    '- **Incident Commander:** TBD',
    '- **Incident Commander:** Ana Souza',
    '',
    '### Update 2',
    '- **Status:** Monitoring',
    '',
  ].join('\n');
  const index = indexLog(text, { policy });
  assert.deepEqual(index.problems.filter((p) => p.code === 'duplicate-field'), []);
  assert.equal(index.incidents[0].status, 'Investigating', 'outside a duplicate, the first field is read as before');
});

test('a detection time written twice: the last line, before the timeline takes its day', () => {
  const text = ['## INC-2026-1130-003: Queue stuck', '- **Severity:** SEV-2', '- **Detected:** 2026-11-29 23:50 UTC', '- **Detected:** 2026-11-30 00:10 UTC', '', '### Timeline', '- 00:20 — Paged the queue team', ''].join('\n');
  const inc = indexLog(text, { policy }).incidents[0];
  assert.equal(inc.detected, '2026-11-30T00:10:00Z');
  assert.equal(inc.timeline[0].at, '2026-11-30T00:20:00Z');
  assert.match(indexLog(text, { policy }).problems.find((p) => p.code === 'duplicate-field')?.message ?? '', /^Detected is written twice \(this line and the next line\): "2026-11-30 00:10 UTC" on the next line is shown, as it is the last one\./);
});

test('the timeline names a role change: handed over, set', () => {
  assert.equal(loggedValue('Incident Commander handed over from Ana to Ben', ['incident commander']), 'Ben');
  assert.equal(loggedValue('Incident Commander: Ben', ['incident commander']), 'Ben');
  assert.equal(loggedValue('Escalated: SEV-3 → SEV-2', ['severity', 'escalated']), 'SEV-2');
  assert.equal(loggedValue('Status update sent to customers', ['status']), undefined);
  assert.equal(loggedValue('Statuspage: investigating', ['status']), undefined);
  const text = ['## INC-2026-1130-004: Login errors', '- **Severity:** SEV-2', '- **Status:** Investigating', '- **Incident Commander:** Ben Ito', '- **Incident Commander:** Ana Souza', '', '### Timeline', '- 2026-11-30 10:00 UTC — Incident Commander: Ana Souza', '- 2026-11-30 10:30 UTC — Incident Commander handed over from Ana Souza to Ben Ito', ''].join('\n');
  assert.equal(indexLog(text, { policy }).incidents[0].roles.commander, 'Ben Ito');
});

test('the fix keeps the shown line and deletes the other, whichever line it is asked from', () => {
  const text = merged('Mitigating', 'Identified', [A, B]).replace(/\n/g, '\r\n');
  const index = indexLog(text, { policy });
  for (const line of [5, 6]) {
    const fix = keepShownField(index, line);
    assert.ok(fix);
    assert.equal(fix.kept.line, 5);
    const after = applySplices(text, fix.splices);
    assert.equal(after, text.replace('- **Status:** Identified\r\n', ''));
    assert.deepEqual(indexLog(after, { policy }).problems.filter((p) => p.code === 'duplicate-field'), []);
  }
  assert.equal(keepShownField(index, 4), undefined, 'the Severity line is written once');
});

const LOG = [
  '# Incident Log',
  '',
  'Open now: [INC-2026-1130-001](#inc-2026-1130-001-emails-delayed), and [checkout](#inc-2026-1130-001-checkout-down).',
  '',
  '## INC-2026-1130-001: Checkout down',
  '- **Severity:** SEV-1',
  '- **Detected:** 2026-11-30 10:00 UTC',
  '',
  '## INC-2026-1130-001: Emails delayed',
  '- **Severity:** SEV-3',
  '- **Detected:** 2026-11-30 10:40 UTC',
  '- **Review:** [pir/INC-2026-1130-001.md](pir/INC-2026-1130-001.md)',
  '',
].join('\n');

const REVIEW = ['---', 'incident: INC-2026-1130-001', 'status: draft', '---', '', '# Post-incident review: INC-2026-1130-001 — Emails delayed', '', 'Incident log entry: [INC-2026-1130-001](../INCIDENT_LOG.md#inc-2026-1130-001-emails-delayed)', '', '## Incident summary', '', 'INC-2026-1130-001 is named here in prose and stays.', ''].join('\n');

test('renumbering carries the new id into the links to the heading and into the review file', () => {
  const index = indexLog(LOG, { policy });
  const newer = index.incidents[1];
  assert.equal(newer.title, 'Emails delayed');
  const plan = renumberIncident(index, newer, 'INC-2026-1130-002', 'INCIDENT_LOG.md', { fileName: 'INC-2026-1130-001.md', text: REVIEW, newNameTaken: false });
  const log = applySplices(LOG, plan.log);
  assert.equal(
    log,
    LOG.replace('[INC-2026-1130-001](#inc-2026-1130-001-emails-delayed)', '[INC-2026-1130-002](#inc-2026-1130-002-emails-delayed)')
      .replace('## INC-2026-1130-001: Emails', '## INC-2026-1130-002: Emails')
      .replace('[pir/INC-2026-1130-001.md](pir/INC-2026-1130-001.md)', '[pir/INC-2026-1130-002.md](pir/INC-2026-1130-002.md)'),
  );
  assert.ok(log.includes('(#inc-2026-1130-001-checkout-down)'), 'the other incident keeps its links');
  assert.equal(plan.review?.renameTo, 'INC-2026-1130-002.md');
  assert.equal(
    applySplices(REVIEW, plan.review!.splices),
    REVIEW.replace('incident: INC-2026-1130-001', 'incident: INC-2026-1130-002')
      .replace('review: INC-2026-1130-001 —', 'review: INC-2026-1130-002 —')
      .replace('[INC-2026-1130-001](../INCIDENT_LOG.md#inc-2026-1130-001-emails-delayed)', '[INC-2026-1130-002](../INCIDENT_LOG.md#inc-2026-1130-002-emails-delayed)'),
  );
  const again = indexLog(log, { policy });
  assert.deepEqual(checkLog(again, policy, NOW).filter((p) => p.code === 'duplicate-id'), []);
});

test('the review file is left to the incident it was written for, and keeps its name when the new one is taken', () => {
  const index = indexLog(LOG, { policy });
  const forCheckout = REVIEW.replace('#inc-2026-1130-001-emails-delayed', '#inc-2026-1130-001-checkout-down');
  // Renumbering the Emails incident: the review links to Checkout's heading, so it is not touched.
  const plan = renumberIncident(index, index.incidents[1], 'INC-2026-1130-002', 'INCIDENT_LOG.md', { fileName: 'INC-2026-1130-001.md', text: forCheckout, newNameTaken: false });
  assert.equal(plan.review, undefined);
  assert.ok(!applySplices(LOG, plan.log).includes('pir/INC-2026-1130-002.md'));
  const taken = renumberIncident(index, index.incidents[1], 'INC-2026-1130-002', 'INCIDENT_LOG.md', { fileName: 'INC-2026-1130-001.md', text: REVIEW, newNameTaken: true });
  assert.equal(taken.review?.renameTo, undefined);
  assert.equal(taken.review?.splices.length, 4, 'front matter, heading, link anchor and link text');
  assert.ok(applySplices(LOG, taken.log).includes('[pir/INC-2026-1130-001.md](pir/INC-2026-1130-001.md)'), 'the file keeps its name, so the link does too');
});
