// The Incidents view's rows for a review's action items: the open ones under their incident,
// overdue ones marked and listed first, as `incident check` reads them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy, indexLog } from '../../src/core';
import { IncidentNode, detailChildren, detailRow, incidentChildren, incidentRow, reviewActionRows } from '../../src/extension/tree/model';

const REVIEW = [
  '# Post-incident review',
  '',
  '## Action items',
  '',
  '| Action | Owner | Due date | Status |',
  '| --- | --- | --- | --- |',
  '| Add a queue-depth alert | Priya | 2026-12-20 | Open |',
  '| Load-test the retries | Sam | 2026-11-25 | Open |',
  '| Write the runbook | Dana | 2026-11-20 | Done |',
  '',
].join('\n');

test('open review action items, overdue once their due day has ended', () => {
  const rows = reviewActionRows(REVIEW, new Date('2026-12-01T12:00:00Z'), 'UTC');
  assert.deepEqual(
    rows.map((r) => [r.action, r.owner, r.due, r.overdue]),
    [
      ['Add a queue-depth alert', 'Priya', '2026-12-20', false],
      ['Load-test the retries', 'Sam', '2026-11-25', true],
    ],
  );
  assert.equal(reviewActionRows(REVIEW, new Date('2026-11-25T23:00:00Z'), 'UTC')[1].overdue, false, 'not before the day ends');
});

test('an incident shows its review action items, overdue first and marked', () => {
  const incident = indexLog('# Log\n\n## INC-1: Webhooks\n- **Status:** Resolved\n', { policy: defaultPolicy() }).incidents[0];
  const node = new IncidentNode(incident, false);
  assert.equal(incidentRow(node, undefined).hasChildren, false);
  node.review = reviewActionRows(REVIEW, new Date('2026-12-01T12:00:00Z'), 'UTC');
  assert.equal(incidentRow(node, undefined).hasChildren, true);
  const [section] = incidentChildren(node);
  assert.equal(section.detail, 'reviewActions');
  assert.deepEqual(detailRow(section), { label: 'Review action items', description: '2 open, 1 overdue', overdue: true });
  const items = detailChildren(section).map((d) => detailRow(d));
  assert.deepEqual(
    items.map((r) => [r.label, r.description, r.overdue]),
    [
      ['Load-test the retries', '@Sam · due 2026-11-25 · overdue', true],
      ['Add a queue-depth alert', '@Priya · due 2026-12-20', false],
    ],
  );
  assert.match(items[0].accessibilityLabel ?? '', /^overdue: Load-test the retries/);
});
