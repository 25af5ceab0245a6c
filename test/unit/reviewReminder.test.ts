import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy, indexLog, priorityPolicy } from '../../src/core';
import { REVIEW_REMINDER_WINDOW_DAYS, type ReviewFileFacts, overdueReviews } from '../../src/core/review/reviewReminder';

// Resolved on Friday 2026-11-20: three business days later is Wednesday 2026-11-25, so the
// review is overdue from Thursday 2026-11-26 00:00 in the playbook's zone (UTC by default).
const log = `# Incident Log

## INC-2026-1127-001: Search slow
- **Severity:** SEV-2
- **Status:** Investigating
- **Detected:** 2026-11-27 09:00 UTC

## INC-2026-1120-002: Emails delayed
- **Severity:** SEV-3
- **Status:** Resolved
- **Detected:** 2026-11-20 10:00 UTC
- **Resolved:** 2026-11-20 11:00 UTC

## INC-2026-1116-001: Checkout 500s
- **Severity:** SEV-1
- **Status:** Resolved
- **Detected:** 2026-11-16 14:30 UTC
- **Resolved:** 2026-11-16 16:05 UTC

## INC-2026-0601-001: Old outage
- **Severity:** SEV-1
- **Status:** Resolved
- **Detected:** 2026-06-01 14:30 UTC
- **Resolved:** 2026-06-01 16:05 UTC
`;

const policy = defaultPolicy();
const incidents = indexLog(log, { policy }).incidents;
const none = (): ReviewFileFacts | undefined => undefined;

test('a resolved incident without a final review is reminded of once its due day has ended, most overdue first', () => {
  assert.deepEqual(
    overdueReviews(incidents, policy, new Date('2026-11-25T23:59:00Z'), none).map((r) => [r.id, r.due, r.started]),
    [['INC-2026-1116-001', '2026-11-19', false]],
    'on its due day the review is not late yet',
  );
  assert.deepEqual(
    overdueReviews(incidents, policy, new Date('2026-11-26T00:00:00Z'), none).map((r) => r.id),
    ['INC-2026-1116-001', 'INC-2026-1120-002'],
  );
});

test('a final review is done; a draft is reminded of, and its own review_due wins over the policy', () => {
  const files: Record<string, ReviewFileFacts> = {
    'INC-2026-1116-001': { status: 'final', due: '2026-11-19' },
    'INC-2026-1120-002': { status: 'draft', due: '2026-12-02' },
  };
  const at = new Date('2026-11-30T12:00:00Z');
  assert.deepEqual(overdueReviews(incidents, policy, at, (i) => files[i.id]), []);
  files['INC-2026-1120-002'].due = '2026-11-27';
  assert.deepEqual(
    overdueReviews(incidents, policy, at, (i) => files[i.id]).map((r) => [r.id, r.due, r.started]),
    [['INC-2026-1120-002', '2026-11-27', true]],
  );
  files['INC-2026-1116-001'].status = ' Final ';
  assert.equal(overdueReviews(incidents, policy, at, (i) => files[i.id]).length, 1, 'status compared without case and spaces');
});

test(`active incidents owe no review yet; reviews over ${REVIEW_REMINDER_WINDOW_DAYS} days late are left to the tree`, () => {
  const ids = overdueReviews(incidents, policy, new Date('2026-11-30T12:00:00Z'), none).map((r) => r.id);
  assert.ok(!ids.includes('INC-2026-1127-001'));
  assert.ok(!ids.includes('INC-2026-0601-001'));
  const late = overdueReviews(incidents, policy, new Date('2026-12-20T12:00:00Z'), none).map((r) => r.id);
  assert.deepEqual(late, ['INC-2026-1120-002'], '2026-11-19 + 30 days has passed; 2026-11-25 + 30 days has not');
});

test('under the P1..P4 preset a P1 review is due 48 hours after resolution, to the minute', () => {
  const p = priorityPolicy();
  const text = `# Log\n\n## INC-2026-1120-001: Orders stuck\n- **Priority:** P1\n- **Status:** Resolved\n- **Detected:** 2026-11-20 10:00 UTC\n- **Resolved:** 2026-11-20 12:00 UTC\n`;
  const list = indexLog(text, { policy: p }).incidents;
  assert.deepEqual(overdueReviews(list, p, new Date('2026-11-22T12:00:00Z'), none), [], 'due at 12:00, late after it');
  assert.deepEqual(
    overdueReviews(list, p, new Date('2026-11-22T12:01:00Z'), none).map((r) => [r.id, r.due]),
    [['INC-2026-1120-001', '2026-11-22T12:00:00Z']],
  );
});
