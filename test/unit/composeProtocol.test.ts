// The status update composer's messages and view: what its page may send is checked before the
// host acts; the view is the core's prefilled update with both audiences' clocks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy, indexLog } from '../../src/core';
import { MAX_UPDATE_TEXT, composeMessageSchema, parseMessage } from '../../src/shared/protocol';
import { composeView } from '../../src/extension/panels/composeView';

const ID = 'INC-2026-1120-001';
const accepts = (m: unknown) => parseMessage(composeMessageSchema(ID), m).ok;

test('the composer accepts its own messages', () => {
  for (const m of [
    { type: 'ready' },
    { type: 'setAudience', incident: ID, audience: 'internal' },
    { type: 'setAudience', incident: ID, audience: 'statuspage' },
    { type: 'copy', incident: ID, format: 'markdown', text: '**Update**\n\n- **Status:** Mitigating\tnow' },
    { type: 'copy', incident: ID, format: 'slack', text: 'x' },
    { type: 'copyWarRoom', incident: ID },
    { type: 'markSent', incident: ID, audience: 'statuspage', text: 'Mitigating: Checkout\r\n' },
    { type: 'postWebhook', incident: ID, audience: 'internal', text: 'Mitigating: Checkout' },
  ])
    assert.ok(accepts(m), JSON.stringify(m));
});

test('the composer refuses other incidents, unknown kinds, bad values, control characters and extra fields', () => {
  for (const m of [
    null,
    'markSent',
    { type: 'markSent', incident: 'INC-2026-1121-001', audience: 'internal', text: 'x' },
    { type: 'markSent', incident: ID, audience: 'press', text: 'x' },
    { type: 'markSent', incident: ID, audience: 'internal', text: '   ' },
    { type: 'markSent', incident: ID, audience: 'internal', text: 'a\u001b]0;title\u0007' },
    { type: 'markSent', incident: ID, audience: 'internal', text: 'x'.repeat(MAX_UPDATE_TEXT + 1) },
    { type: 'markSent', incident: ID, audience: 'internal', text: 'x', owner: 'mallory' },
    { type: 'postWebhook', incident: ID, audience: 'internal', text: 'x', url: 'https://attacker.example/hook' },
    { type: 'postWebhook', incident: 'INC-2026-1121-001', audience: 'internal', text: 'x' },
    { type: 'copy', incident: ID, format: 'html', text: 'x' },
    { type: 'copyWarRoom', incident: ID, channel: '#general' },
    { type: 'post', incident: ID, url: 'https://hooks.example.com' },
  ])
    assert.ok(!accepts(m), JSON.stringify(m));
});

test('the view: prefilled markdown for the audience, both cadences and countdowns, read-only reasons', () => {
  const policy = defaultPolicy();
  const log = `## ${ID}: Checkout API returning 500s
- **Severity:** SEV-1
- **Status:** Mitigating
- **Detected:** 2026-11-20 14:30 UTC

### Timeline
- 2026-11-20 14:42 UTC — Rolled back deploy 7f3c (@sam)
- 2026-11-20 14:50 UTC — Status update (status page): Mitigating: Checkout (@lee)
`;
  const index = indexLog(log, { policy });
  const now = new Date('2026-11-20T15:00:00Z');
  const v = composeView(index, index.incidents[0], policy, 'internal', now);
  assert.deepEqual(v.incident, { id: ID, title: 'Checkout API returning 500s', severity: 'SEV-1', status: 'Mitigating', active: true });
  assert.ok(v.markdown.startsWith(`**[SEV-1] ${ID} Checkout API returning 500s: Mitigating**\n`));
  assert.equal(v.warRoom, '#incident-2026-11-20-14-30');
  assert.deepEqual(v.cadence, { internal: '30 min', statuspage: '1 h 00 min' });
  // Internal: 30 min after the newest entry (14:50); status page: 60 min after its own entry.
  assert.deepEqual(v.due.internal, { at: '2026-11-20 15:20 UTC', relative: 'in 20 min', overdue: false });
  assert.deepEqual(v.due.statuspage, { at: '2026-11-20 15:50 UTC', relative: 'in 50 min', overdue: false });
  assert.equal(v.readOnly, null);
  const page = composeView(index, index.incidents[0], policy, 'statuspage', now);
  assert.ok(page.markdown.startsWith('**Mitigating: Checkout API returning 500s**\n'));
  // Customers never read an internal entry as the Impact: nothing was written for them, and it says so.
  assert.ok(page.markdown.includes('\n- **Impact:** We are confirming the impact and will share details in the next update.\n'), page.markdown);
  assert.ok(!page.markdown.includes('Rolled back'), page.markdown);
  // The team's draft names where its Impact came from.
  assert.ok(v.markdown.includes('\n- **Impact:** Rolled back deploy 7f3c (from the newest entry, 14:42 UTC; no Impact field yet)\n'), v.markdown);
  const conflicted = indexLog(log + '<<<<<<< HEAD\nx\n=======\ny\n>>>>>>> main\n', { policy });
  assert.match(composeView(conflicted, conflicted.incidents[0], policy, 'internal', now).readOnly ?? '', /conflict markers/);
});

test('the summary composer: its messages, its view, and markdown as plain text for an email', async () => {
  const { summaryMessageSchema } = await import('../../src/shared/protocol');
  const { markdownToPlain, summaryView } = await import('../../src/extension/panels/summaryView');
  const ok = (m: unknown) => parseMessage(summaryMessageSchema(ID), m).ok;
  assert.ok(ok({ type: 'copy', incident: ID, format: 'text', text: 'Subject: x' }));
  assert.ok(ok({ type: 'openReview', incident: ID }));
  assert.ok(!ok({ type: 'copy', incident: ID, format: 'html', text: 'x' }));
  assert.ok(!ok({ type: 'openReview', incident: ID, path: '/etc/passwd' }));
  assert.equal(markdownToPlain('**Impact:** <5% of searches & stale\n- **Next steps:** [review](https://example.com/pir)\n  - nested *item*'), 'Impact: <5% of searches & stale\n- Next steps: review\n  - nested item');
  const policy = defaultPolicy();
  const log = `## ${ID}: Checkout API returning 500s\n- **Severity:** SEV-1\n- **Status:** Resolved\n- **Detected:** 2026-11-20 14:30 UTC\n- **Resolved:** 2026-11-20 15:10 UTC\n`;
  const v = summaryView(indexLog(log, { policy }).incidents[0], policy, undefined, new Date('2026-11-21T00:00:00Z'));
  assert.ok(v.summary.startsWith('Subject: [SEV-1] Incident Summary - Checkout API returning 500s\n\n**Incident:** '));
  assert.ok(!v.summary.includes('Final update'));
  assert.match(v.finalUpdate, /^Resolved: Checkout API returning 500s\nThe incident is resolved as of 2026-11-20 15:10 UTC\. Impact lasted 40 min\.\n/);
  assert.equal(v.review, null);
  assert.equal(v.incident.active, false);
});
