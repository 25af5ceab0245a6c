// Status marks explained by a legend, a status page's updates, trackers of ticked dated items,
// and a review written as a document of its own. See docs/FORMAT.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy, indexLog } from '../../src/core';
import { statusState } from '../../src/core/indexer';
import { readingNotes } from '../../src/core/reader/readingNotes';

const policy = defaultPolicy();
const read = (text: string) => indexLog(text, { policy }).incidents.map((i) => ({ title: i.title, status: i.status, state: statusState(i, policy), detected: i.detected, resolved: i.resolved }));

test('entries opened by a mark and a bold date take the status the legend gives the mark', () => {
  const log = [
    '# API gateway — incident board',
    '',
    'Legend: ✅ resolved · 🟡 monitoring / mitigated · 🔴 ongoing',
    '',
    '🔴 **2024-06-20 · Rate limiter rejecting valid traffic**',
    '- Partner requests get 429s at a third of their limit; a fix was added for one key only.',
    '',
    '🟡 **2024-06-12 · Elevated 504s on /v2/quotes**',
    '- The pricing team added a missing index; 504s dropped to baseline.',
    '',
    '✅ **2024-05-29 · JWT validation failures after key rotation**',
    '- Fixed the order of operations in the rotation job.',
    '',
  ].join('\n');
  assert.deepEqual(read(log).map((i) => [i.title, i.state]), [
    ['Rate limiter rejecting valid traffic', 'active'],
    ['Elevated 504s on /v2/quotes', 'active'],
    ['JWT validation failures after key rotation', 'resolved'],
  ]);
  const first = indexLog(log, { policy }).incidents[0];
  assert.match(readingNotes(first, policy).statusFromText ?? '', /🔴 \(ongoing, as the legend says\)/);
  // Without a legend a coloured mark says nothing: the words decide.
  assert.deepEqual(read(log.replace(/^Legend:.*$/m, '')).map((i) => i.state), ['resolved', 'resolved', 'resolved']);
});

test("a section of a status page's updates is an incident whose status is its latest update's; a maintenance is none", () => {
  const log = [
    '# Status page history',
    '',
    '## Elevated error rates on the public API',
    '**Affected:** API',
    '',
    '**Monitoring** — Jun 14, 2024 - 11:45 UTC',
    'A fix has been implemented and we are monitoring the results.',
    '',
    '**Investigating** — Jun 14, 2024 - 10:31 UTC',
    'We are investigating increased 5xx responses.',
    '',
    '## Webhooks delayed',
    '',
    '**Investigating** — May 11, 2024 - 16:48 UTC',
    'Deliveries are delayed by up to 45 minutes.',
    '',
    '**Resolved** — May 11, 2024 - 19:30 UTC',
    'All queued webhooks have been delivered.',
    '',
    '## Scheduled maintenance: database upgrade',
    '',
    '**Completed** — May 26, 2024 - 04:00 UTC',
    'The maintenance has been completed.',
    '',
    '**Scheduled** — May 20, 2024 - 12:00 UTC',
    'We will upgrade the primary database.',
    '',
  ].join('\n');
  assert.deepEqual(read(log), [
    { title: 'Elevated error rates on the public API', status: 'Monitoring', state: 'active', detected: '2024-06-14T10:31:00Z', resolved: null },
    { title: 'Webhooks delayed', status: 'Resolved', state: 'resolved', detected: '2024-05-11T16:48:00Z', resolved: '2024-05-11T19:30:00Z' },
  ]);
});

test('ticked dated items of a tracker are over, unticked ones open; a review’s dated follow-ups are no incidents', () => {
  const log = [
    '# Infra problems tracker',
    '',
    '## Problems',
    '',
    '- [x] 2024-04-02 — NAT gateway dropped connections for 12 minutes; AWS health event confirmed.',
    '- [ ] 2024-04-23 — CI runner volumes hit burst credit limits; builds three times slower.',
    '- [x] 2024-06-11 — Grafana down for the afternoon after a plugin upgrade. Rolled back.',
    '',
    '## Action items from the Q2 infra review (2024-06-14)',
    '',
    '- [ ] 2024-06-21 — Tag every shared security group',
    '- [ ] 2024-06-28 — Automate the monthly restore test',
    '',
    '## Capacity notes',
    '',
    'The CI fleet goes from 42 runners to 36 after the disk migration.',
    '',
  ].join('\n');
  assert.deepEqual(read(log).map((i) => [i.detected, i.state]), [['2024-04-02', 'resolved'], ['2024-04-23', 'active'], ['2024-06-11', 'resolved']]);
});

test('a review written as a document of its own is one incident', () => {
  const doc = '# Retro: the March 12 release rollback\n\n## Context\n\nWe rolled back release 24.11 after a cache key collision; the incident is closed.\n\n## What happened (short timeline)\n\n- 16:00 deploy\n- 16:41 rolled back\n\n## What went well\n\n- Support escalated fast.\n';
  assert.equal(read(doc).length, 1);
  // A retro of a sprint, with no incident's parts, is none.
  assert.deepEqual(read('# Retro: sprint 14\n\n## Keep\n\n- Pairing on reviews\n\n## Change\n\n- Shorter stand-ups\n'), []);
});

test('sections grouped under status parts of a known-issues page take their group’s status where their words say none', () => {
  const page = [
    '# Known Issues — Desktop Sync Client',
    '',
    '## Open issues',
    '',
    '### Large files stall at 99% on macOS [#141]',
    'Uploads of very large files sometimes stop just before completion; pausing and resuming helps.',
    '',
    '## Fixed issues',
    '',
    '### Sync pauses after a password change [#118]',
    'The client now prompts for the password again instead of pausing in silence.',
    '',
    '## Closed without fix',
    '',
    '### Client does not sync symlinks [#112]',
    'Symlinks are skipped by design; see the admin guide.',
    '',
    '## Release notes (short)',
    '',
    '- **v2.4.1** — Minor translation fixes across the settings screens.',
    '',
  ].join('\n');
  assert.deepEqual(read(page).map((i) => [i.title, i.state]), [
    ['Large files stall at 99% on macOS [#141]', 'active'],
    ['Sync pauses after a password change [#118]', 'resolved'],
    ['Client does not sync symlinks [#112]', 'resolved'],
  ]);
});
