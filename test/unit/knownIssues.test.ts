// Lists of known problems as teams keep them: grouped by severity under the list's title, the
// title led by the project's name, resolved entries that give only a resolution date. Inline
// logs of our own, shaped like the READMEs and KNOWN_ISSUES files projects keep.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy, indexLog } from '../../src/core';
import { statusState } from '../../src/core/indexer';
import { isKnownProblemsTitle } from '../../src/core/reader/statusGroups';

const policy = defaultPolicy();
const read = (text: string) => indexLog(text, { policy }).incidents.map((i) => [i.title, i.status, statusState(i, policy)]);

const bySeverity = `# Known Issues

Problems and limitations of the uploader, with their workarounds.

## 🟥 Critical Issues

### KU-01 – Resumed uploads can duplicate the last chunk
**Affected versions:** 1.0 - 1.2

**Description:**
When the connection drops during the final chunk, the resume sends it again.

**Workaround:**
Verify the checksum after upload.

**Planned fix:**
Track chunk ids on the server.

## 🟧 Medium Issues

### KU-02 – Progress bar jumps back on slow links
**Description:**
The estimate is recomputed from the last second only.

### KU-03 – Retry button ignored offline
**Status:** Fixed in 1.3

**Description:**
The button did nothing without a network.
`;

test('a list of known issues grouped by severity: what the words leave unsaid is open, a written status is kept', () => {
  assert.deepEqual(read(bySeverity), [
    ['Resumed uploads can duplicate the last chunk', 'Open', 'active'],
    ['Progress bar jumps back on slow links', 'Open', 'active'],
    ['Retry button ignored offline', 'Resolved', 'resolved'],
  ]);
  // Not under a list of known problems, groups by severity say nothing of the status.
  assert.deepEqual(
    read(bySeverity.replace('# Known Issues', '# Uploader notes')).map((r) => r[2]),
    ['unknown', 'unknown', 'resolved'],
  );
  // A group that is no severity (`## Browser`) under the list passes nothing down from above it.
  assert.deepEqual(
    read(bySeverity.replace('## 🟧 Medium Issues', '## Browser support notes')).map((r) => r[2]),
    ['active', 'unknown', 'resolved'],
  );
});

test('a known-problems title led by the project name is one; a title that only mentions them is not', () => {
  for (const t of ['SAGE Engine - Known Issues', 'Billing — known problems', 'Uploader | Known bugs', 'Uploader: known issues (alpha)', 'Bugs conhecidos - DR OPS', 'Known issues — v1.2', 'Bugs Encontrados', 'Issues identified']) assert.equal(isKnownProblemsTitle(policy, t), true, t);
  for (const t of ['Known issues were fixed in 2.0 - see the changelog', 'How we triage - known issues and new ones', 'Known issues (all fixed)', 'Known issues - all fixed', 'Troubleshooting: Known issues', 'FAQ — known problems']) assert.equal(isKnownProblemsTitle(policy, t), false, t);
});

test('resolved entries that give a resolution date beside their status are incidents', () => {
  const text = '# Known Issues\n\n## Resolved Issues\n\n### Stale cache after deploy ✅\n\n**Status:** ✅ Resolved\n**Resolution Date:** November 24, 2025\n**Resolution:** Purge the CDN on deploy\n\n### Duplicate e-mails\n\n**Status:** Resolved\n**Closure date:** 2025-11-20\n';
  assert.deepEqual(read(text), [
    ['Stale cache after deploy ✅', 'Resolved', 'resolved'],
    ['Duplicate e-mails', 'Resolved', 'resolved'],
  ]);
  const [first] = indexLog(text, { policy }).incidents;
  assert.equal(first.resolved?.slice(0, 10), '2025-11-24');
  // A date aimed at is no resolved time: the written Open stands, and the incident is active.
  for (const target of ['2026-04-15 (target)', '2026-04-15 (ETA)', 'planned 2026-04-15', '2026-04-15 (prévu)']) {
    const [tracked] = indexLog(`# Problems\n\n## PRB-9: Exports time out\n\n**Status:** Open\n**Detected:** 2026-02-27\n**Resolution date:** ${target}\n`, { policy }).incidents;
    assert.deepEqual([tracked.resolved, statusState(tracked, policy)], [null, 'active'], target);
  }
  // A zone is no target (`EST`), nor a word that holds one (`Estonia`).
  const [zoned] = indexLog('# Problems\n\n## PRB-10: Exports time out\n\n**Detected:** 2026-02-27\n**Resolution date:** 2026-03-01 10:00 EST (Estonia team)\n', { policy }).incidents;
  assert.equal(zoned.resolved, '2026-03-01T15:00:00Z');
});
