// A write-up of one problem whose facts stand in a quoted box under its title, as many
// troubleshooting documents open. An inline document of our own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy, indexLog } from '../../src/core';
import { statusState } from '../../src/core/indexer';
import { applySplices, setField } from '../../src/core/log/writer';

const policy = defaultPolicy();
const doc = `# Shop - Checkout Troubleshooting Log

> **Date:** March 3, 2026
> **Issue:** "Payment token expired" on every second checkout
> **Status:** ✅ RESOLVED

---

## Root cause

The token cache kept entries past their expiry.

## The fix

Expire cache entries a minute before the token does.
`;

test('facts in a quoted box under the title make the document one incident, and a write replaces the value inside the quote', () => {
  const idx = indexLog(doc, { policy });
  assert.deepEqual(idx.incidents.map((i) => [i.title, i.status, i.detected?.slice(0, 10), statusState(i, policy)]), [['Shop - Checkout Troubleshooting Log', 'Resolved', '2026-03-03', 'resolved']]);
  const after = applySplices(doc, setField(idx, idx.incidents[0].id, 'status', 'Investigating', policy));
  assert.equal(after, doc.replace('> **Status:** ✅ RESOLVED', '> **Status:** Investigating'));
});

test('a quote that is a note, and a quote beside fields written outside it, are no header', () => {
  // A title with no incident in it, over a quoted note that happens to hold a colon.
  assert.deepEqual(indexLog('# Team handbook\n\n> **Note:** read this first.\n> **Owner:** platform team\n\n## On-call\n\nRotations are weekly.\n', { policy }).incidents, []);
  // ADRs, runbooks, READMEs and posts open with such a box too: their titles name no incident.
  for (const page of [
    '# ADR-007: Use Postgres as the job queue\n\n> **Status:** Accepted\n> **Date:** 2026-01-14\n> **Deciders:** Ana, Bo\n\n## Context\n\nWe run Postgres already.\n',
    '# Runbook: HighErrorRate alert\n\n> **Severity:** critical\n> **Owner:** SRE team\n> **Status:** Active\n\n## Steps\n\nCheck the dashboard first.\n',
    '# tinyq\n\n> **Status:** Active development\n> **Started:** 2024-05\n\nA tiny queue.\n',
    '# How we cut our CI time in half\n\n> **Date:** 2026-01-20\n> **Author:** Noor Haddad\n\nIt started with a flaky test.\n',
  ]) assert.deepEqual(indexLog(page, { policy }).incidents, [], page.split('\n')[0]);
  // Fields outside the quote are the header: the quote is then a note, its date not read.
  const both = indexLog('# Checkout troubleshooting\n\n**Date:** 2026-03-03\n**Severity:** SEV-2\n\n> **Date:** 2025-12-01 (the first report, in another shop)\n\n## Root cause\n\nUnknown yet.\n', { policy });
  assert.deepEqual(both.incidents.map((i) => i.detected?.slice(0, 10)), ['2026-03-03']);
});
