// The Incidents view's rows for an opened runbook: its own "Runbook: …" row under the incident,
// its steps with their state, which ones can run, and the dangerous one marked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indexLog } from '../../src/core';
import { loadPolicy } from '../../src/core/playbook/playbook';
import { buildGroups, detailChildren, detailRow, incidentChildren } from '../../src/extension/tree/model';

const policy = loadPolicy(`checklist:
  - Declare
  - text: Check the API
    run: api-up
healthChecks:
  - name: api-up
    run: curl -fsS "$APP_URL/health"
runbooks:
  website-outage:
    title: Website outage
    steps:
      - title: Verify outage
        run: curl -I "$APP_URL"
      - title: Check the provider status page
        notes: Look for an ongoing provider incident.
      - title: Roll back
        run: ./scripts/emergency-rollback.sh
        dangerous: true
`);

const LOG = [
  '## INC-2026-1130-001: Storefront down',
  '- **Severity:** SEV-1',
  '- **Status:** Investigating',
  '',
  '### Checklist',
  '- [x] Declare',
  '- [ ] Check the API',
  '',
  '#### Runbook: Website outage',
  '- [x] Verify outage',
  '- [x] Check the provider status page — skipped: no provider incident page',
  '- [ ] Roll back',
  '',
].join('\n');

test('an opened runbook has its own row under the incident, with its steps, their state, Run and the dangerous mark', () => {
  const [group] = buildGroups(indexLog(LOG, { policy }).incidents, policy, 'status', { severities: [], statuses: [] });
  const node = group.children[0];
  const rows = incidentChildren(node);
  assert.deepEqual(
    rows.map((r) => [r.detail, detailRow(r).label, detailRow(r).description]),
    [
      ['checklist', 'Checklist', '1/2'],
      ['runbook', 'Runbook: Website outage', '2/3'],
    ],
  );
  // The checklist row keeps only its own items; the runbook's steps are under the runbook.
  assert.deepEqual(detailChildren(rows[0]).map((r) => [detailRow(r).label, detailRow(r).runnable]), [
    ['Declare', false],
    ['Check the API', true],
  ]);
  const steps = detailChildren(rows[1]).map((r) => detailRow(r));
  assert.deepEqual(
    steps.map((r) => [r.label, r.done, r.skipped, r.runnable, r.dangerous, r.description ?? null]),
    [
      ['Verify outage', true, false, true, false, null],
      ['Check the provider status page', false, true, false, false, 'skipped: no provider incident page'],
      ['Roll back', false, false, true, true, 'dangerous'],
    ],
  );
  assert.equal(steps[2].accessibilityLabel, 'not done: Roll back, dangerous');
  assert.match(steps[2].tooltip ?? '', /3\. Roll back — \$ \.\/scripts\/emergency-rollback\.sh/);
});

test('a runbook the playbook no longer has still shows its items, none runnable', () => {
  const gone = LOG.replace('Runbook: Website outage', 'Runbook: Old runbook');
  const [group] = buildGroups(indexLog(gone, { policy }).incidents, policy, 'status', { severities: [], statuses: [] });
  const book = incidentChildren(group.children[0])[1];
  assert.deepEqual([detailRow(book).label, detailRow(book).description], ['Runbook: Old runbook', '2/3 · not in the playbook']);
  assert.ok(detailChildren(book).every((r) => !detailRow(r).runnable));
});
