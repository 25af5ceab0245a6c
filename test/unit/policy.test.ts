import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy, loadPolicy, matchSeverity, matchStatus, parseDuration, priorityPolicy } from '../../src/core';
import { policyErrorOf } from './helpers';

test('default policy: SEV-1..SEV-3 with the e-commerce cadences', () => {
  const p = defaultPolicy();
  assert.deepEqual(p.severities.map((s) => s.id), ['SEV-1', 'SEV-2', 'SEV-3']);
  assert.match(p.severities[0].description, /outage/i);
  assert.match(p.severities[2].description, /degraded/i);
  assert.deepEqual(p.severities.map((s) => [s.updateMinutes, s.statusPageMinutes]), [[30, 60], [30, 60], [null, null]]);
  assert.deepEqual(p.statuses, ['Investigating', 'Identified', 'Mitigating', 'Monitoring', 'Resolved']);
  assert.deepEqual(
    p.phases.map((ph) => ph.name),
    ['Acknowledge alert', 'Assign roles', 'Stabilize', 'Diagnose', 'Communicate', 'Resolve', 'Post-incident review'],
    'the 7 steps of the e-commerce playbook, as phases',
  );
  assert.deepEqual(p.checklist, p.phases.flatMap((ph) => ph.items.map((i) => i.text)), 'checklist: the items flattened');
  assert.equal(p.checklist[0], 'Acknowledge the alert and declare the incident');
  assert.equal(p.reviewDueBusinessDays, 3);
});

test('P1..P4 preset: response 15 min / 1 h / 4 h / 24 h, updates 15 min / 30 min / 2 h / daily', () => {
  const p = priorityPolicy();
  assert.deepEqual(p.severities.map((s) => [s.id, s.responseMinutes, s.updateMinutes]), [
    ['P1', 15, 15],
    ['P2', 60, 30],
    ['P3', 240, 120],
    ['P4', 1440, 1440],
  ]);
  assert.equal(loadPolicy('preset: p1-p4\n').severities[3].id, 'P4');
});

test('severity and status matching is forgiving about spelling', () => {
  const p = defaultPolicy();
  for (const s of ['SEV-3', 'sev 3', 'Sev3', 'sev-3', '**SEV-3**', 'minor']) assert.equal(matchSeverity(p, s)?.id, 'SEV-3', s);
  assert.equal(matchSeverity(p, 'SEV-4'), undefined);
  assert.equal(matchStatus(p, 'mitigating'), 'Mitigating');
  assert.equal(matchStatus(priorityPolicy(), 'Resolved'), 'Resolved');
  assert.equal(matchSeverity(priorityPolicy(), 'Priority 2')?.id, 'P2');
});

test('durations', () => {
  assert.equal(parseDuration('15m'), 15);
  assert.equal(parseDuration('2 h'), 120);
  assert.equal(parseDuration('daily'), 1440);
  assert.equal(parseDuration(45), 45);
  assert.equal(parseDuration('none'), null);
  assert.equal(parseDuration('soon'), undefined);
});

test('a full playbook overrides severities, statuses, aliases and zone', () => {
  const p = loadPolicy(
    [
      'severities:',
      '  - id: S1',
      '    description: Everything is down',
      '    aliases: [critical]',
      '    response: 10m',
      '    updates: 20m',
      '    statusPage: 1h',
      '  - id: S2',
      '    updates: none',
      'statuses: [Open, Fixing, Closed]',
      'fieldAliases:',
      '  severity: [Stufe]',
      'timeZone: Europe/Berlin',
      'checklist: [Page the IC, Open the bridge]',
    ].join('\n'),
  );
  assert.deepEqual(p.severities.map((s) => [s.id, s.responseMinutes, s.updateMinutes, s.statusPageMinutes]), [
    ['S1', 10, 20, 60],
    ['S2', null, null, null],
  ]);
  assert.equal(p.initialStatus, 'Open');
  assert.equal(p.resolvedStatus, 'Closed');
  assert.equal(p.fieldAliases['stufe'], 'severity');
  assert.equal(p.timeZone, 'Europe/Berlin');
  assert.deepEqual(p.checklist, ['Page the IC', 'Open the bridge']);
});

test('playbook errors name the line', () => {
  let e = policyErrorOf('severities:\n  - id: SEV-1\n    updates: sometimes\n');
  assert.equal(e.line, 3);
  assert.match(e.message, /line 3: severities\.0\.updates: "sometimes" is not a duration/);
  e = policyErrorOf('statuses: [A, B]\ncolour: red\n');
  assert.equal(e.line, 2);
  assert.match(e.message, /unknown setting "colour"/);
  e = policyErrorOf('timeZone: Mars/Olympus\n');
  assert.equal(e.line, 1);
  e = policyErrorOf('severities:\n  - id: X\n  - id: x\n');
  assert.equal(e.line, 3);
  assert.match(e.message, /listed twice/);
  e = policyErrorOf('severities: [\n');
  assert.match(e.message, /not valid YAML/);
  e = policyErrorOf('fieldAliases:\n  colour: [Farbe]\n');
  assert.equal(e.line, 2);
  e = policyErrorOf('preset: p9\n');
  assert.match(e.message, /unknown preset "p9"/);
  e = policyErrorOf('- just\n- a list\n');
  assert.match(e.message, /mapping/);
});

test('an empty playbook is the default policy', () => {
  assert.deepEqual(loadPolicy('').severities.map((s) => s.id), ['SEV-1', 'SEV-2', 'SEV-3']);
  assert.deepEqual(loadPolicy('# only a comment\n').statuses, defaultPolicy().statuses);
});
