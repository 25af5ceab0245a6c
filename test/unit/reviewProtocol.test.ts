// The review form's messages: what its page may send is checked in shape and values (its own
// incident, known sections, bounded texts, no paths) before the host acts on it; and what the
// form shows is read from the review file alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_SECTION_TEXT, MAX_TEXT, parseMessage, reviewMessageSchema } from '../../src/shared/protocol';
import { emptyReviewSections, reviewView, shownSectionText } from '../../src/extension/panels/reviewView';

const ID = 'INC-2026-1121-001';
const schema = reviewMessageSchema(ID);
const accepts = (m: unknown) => parseMessage(schema, m).ok;
const item = { line: 30, action: 'Add a queue-depth alert' };

test('the review panel accepts its own messages', () => {
  for (const m of [
    { type: 'ready' },
    { type: 'setSection', incident: ID, section: 'rootCause', base: '', text: 'A retry storm.\n\n| a | b |\n| - | - |' },
    { type: 'setSection', incident: ID, section: 'summary', base: 'Before', text: '' },
    { type: 'setSection', incident: ID, section: 'communication', base: 'x\r\n', text: 'Tabs\tand\r\nCRLF' },
    { type: 'setSection', incident: ID, section: 'rootCause', base: '', text: 'x', seq: 0 },
    { type: 'setSection', incident: ID, section: 'rootCause', base: '', text: 'x', seq: 1_764_950_400_000 },
    { type: 'addActionItem', incident: ID, action: 'Add a queue-depth alert', owner: '', due: '' },
    { type: 'addActionItem', incident: ID, action: 'Add a queue-depth alert', owner: 'Priya', due: '2026-12-01' },
    { type: 'editActionItem', incident: ID, item, column: 'owner', value: 'Sam' },
    { type: 'editActionItem', incident: ID, item, column: 'due', value: '' },
    { type: 'setActionItemDone', incident: ID, item, done: true },
    { type: 'markFinal', incident: ID },
    { type: 'openFile', incident: ID },
  ])
    assert.ok(accepts(m), JSON.stringify(m));
});

test('hostile review messages are refused: other incidents, unknown sections, paths, oversized and malformed values', () => {
  for (const m of [
    undefined,
    null,
    'markFinal',
    [],
    { type: 'markFinal' },
    { type: 'markFinal', incident: 'INC-2026-1120-001' },
    { type: 'markFinal', incident: ID, path: '../../etc/passwd' },
    { type: 'openFile', incident: ID, file: '/etc/passwd' },
    { type: 'writeFile', incident: ID, text: 'x' },
    { type: 'setSection', incident: ID, section: 'actionItems', base: '', text: 'x' },
    { type: 'setSection', incident: ID, section: '../../README', base: '', text: 'x' },
    { type: 'setSection', incident: ID, section: '__proto__', base: '', text: 'x' },
    { type: 'setSection', incident: ID, section: 'summary', text: 'x' },
    { type: 'setSection', incident: ID, section: 'summary', base: '', text: 42 },
    { type: 'setSection', incident: ID, section: 'summary', base: '', text: 'x'.repeat(MAX_SECTION_TEXT + 1) },
    { type: 'setSection', incident: ID, section: 'summary', base: '', text: 'bell\u0007' },
    { type: 'setSection', incident: ID, section: 'summary', base: '', text: 'x', seq: -1 },
    { type: 'setSection', incident: ID, section: 'summary', base: '', text: 'x', seq: 1.5 },
    { type: 'setSection', incident: ID, section: 'summary', base: '', text: 'x', seq: '1' },
    { type: 'addActionItem', incident: ID, action: '', owner: '', due: '' },
    { type: 'addActionItem', incident: ID, action: '   ', owner: '', due: '' },
    { type: 'addActionItem', incident: ID, action: 'two\nlines', owner: '', due: '' },
    { type: 'addActionItem', incident: ID, action: 'x'.repeat(MAX_TEXT + 1), owner: '', due: '' },
    { type: 'addActionItem', incident: ID, action: 'ok', owner: 'a\nb', due: '' },
    { type: 'addActionItem', incident: ID, action: 'ok', owner: '', due: 'tomorrow' },
    { type: 'addActionItem', incident: ID, action: 'ok', owner: '', due: '../2026-12-01' },
    { type: 'editActionItem', incident: ID, item, column: 'file', value: 'x' },
    { type: 'editActionItem', incident: ID, item: { line: -1, action: 'x' }, column: 'owner', value: 'x' },
    { type: 'editActionItem', incident: ID, item: { line: 1.5, action: 'x' }, column: 'owner', value: 'x' },
    { type: 'editActionItem', incident: ID, item: { ...item, extra: 1 }, column: 'owner', value: 'x' },
    { type: 'setActionItemDone', incident: ID, item, done: 'yes' },
  ])
    assert.ok(!accepts(m), JSON.stringify(m));
});

test('a refused review message is described without echoing it', () => {
  const result = parseMessage(schema, { type: 'setSection', incident: ID, section: 'summary', base: '', text: '<script>'.repeat(20_000) });
  assert.equal(result.ok, false);
  assert.ok(!result.ok && result.reason.length < 300 && !result.reason.includes('<script>'));
});

const REVIEW = `---
incident: ${ID}
title: "Payment webhooks delayed"
severity: SEV-2
detected: 2026-11-21T09:05:00Z
resolved: 2026-11-21T11:00:00Z
duration: 1 h 55 min
review_due: 2026-11-26
status: draft
---

# Post-incident review: ${ID}

## Incident summary

Webhooks were late by up to 40 minutes.

## Root cause

A retry storm.

### Contributing factors

No queue alert.

## Action items

| Action | Owner | Due date | Status |
| --- | --- | --- | --- |
| Add a queue-depth alert | Priya | 2026-11-25 | Open |
| Load-test the retries | Sam | 2026-12-20 | Done |
`;

test('the form shows the front matter, the sections by their headings, and the action items with overdue marked', () => {
  const v = reviewView(REVIEW, { incident: ID, file: 'docs/pir/x.md', now: new Date('2026-12-01T12:00:00Z'), zone: 'UTC', defaultOwner: 'Dana' });
  assert.equal(v.facts.title, 'Payment webhooks delayed');
  assert.equal(v.facts.severity, 'SEV-2');
  assert.equal(v.facts.reviewDue, '2026-11-26');
  assert.equal(v.facts.overdue, true);
  assert.equal(v.final, false);
  const byKey = Object.fromEntries(v.sections.map((s) => [s.key, s]));
  assert.equal(byKey.summary.text, 'Webhooks were late by up to 40 minutes.');
  assert.equal(byKey.rootCause.text, 'A retry storm.', 'the body up to its sub-heading');
  assert.equal(byKey.contributingFactors.text, 'No queue alert.');
  assert.equal(byKey.lessons.present, false);
  assert.equal(byKey.lessons.heading, 'Lessons learned');
  assert.deepEqual(
    v.actionItems.map((i) => [i.action, i.owner, i.due, i.done, i.overdue]),
    [
      ['Add a queue-depth alert', 'Priya', '2026-11-25', false, true],
      ['Load-test the retries', 'Sam', '2026-12-20', true, false],
    ],
  );
  assert.equal(v.readOnly, null);
  const final = reviewView(REVIEW.replace('status: draft', 'status: final'), { incident: ID, file: 'x', now: new Date('2026-12-01T12:00:00Z'), zone: 'UTC', defaultOwner: null });
  assert.equal(final.final, true);
  assert.equal(final.facts.overdue, false, 'a final review is not overdue');
  assert.match(reviewView(`${REVIEW}\n<<<<<<< HEAD\n`, { incident: ID, file: 'x', now: new Date(), zone: 'UTC', defaultOwner: null }).readOnly ?? '', /conflict/);
});

const DRAFT = `---
incident: ${ID}
detected: "2026-12-05T13:05:00Z"
resolved: 2026-12-05T14:35:00Z
review_due: "2026-12-07T14:35:00Z"
status: draft
---

# Post-incident review: ${ID}

## Incident summary

<!-- One paragraph for someone who was not there. -->

- **Date:** 2026-12-05
- **Impact:** <!-- customers affected, for how long -->

## Root cause

<!-- Ask "why?" five times. -->

1. Why?
2. Why?
3. Why?
4. Why?
5. Why?

### Contributing factors

<!-- What made it possible. -->

## What went well

The rollback took four minutes.
<!-- Tools, runbooks, people. -->
`;

test('the form shows the template’s hints apart: hint text and placeholders, never the text areas’ content', () => {
  const v = reviewView(DRAFT, { incident: ID, file: 'x', now: new Date('2026-12-05T15:00:00Z'), zone: 'UTC', defaultOwner: null });
  const byKey = Object.fromEntries(v.sections.map((s) => [s.key, s]));
  assert.equal(byKey.rootCause.text, '');
  assert.equal(byKey.rootCause.hint, 'Ask "why?" five times.');
  assert.equal(byKey.rootCause.placeholder, '1. Why?\n2. Why?\n3. Why?\n4. Why?\n5. Why?');
  assert.equal(byKey.contributingFactors.text, '');
  assert.equal(byKey.contributingFactors.placeholder, null);
  assert.equal(byKey.summary.text, '- **Date:** 2026-12-05\n- **Impact:**');
  assert.equal(byKey.summary.hint, 'One paragraph for someone who was not there.\ncustomers affected, for how long');
  assert.equal(byKey.wentWell.text, 'The rollback took four minutes.');
  assert.equal(byKey.lessons.hint, null, 'a section the file lacks has no hint');
  // What the host compares a write's base with: the text the form showed.
  assert.equal(shownSectionText(DRAFT, 'rootCause'), '');
  assert.equal(shownSectionText(DRAFT, 'wentWell'), 'The rollback took four minutes.');
  assert.equal(shownSectionText(DRAFT, 'lessons'), '');
  // Mark final asks about these (the summary holds facts, What went well was written; the file has no timeline).
  assert.deepEqual(emptyReviewSections(DRAFT), ['Timeline', 'Root cause', 'Contributing factors', 'What could be improved', 'Lessons learned', 'Communication recap']);
  assert.deepEqual(v.handled, {});
  const answered = reviewView(DRAFT, { incident: ID, file: 'x', now: new Date(), zone: 'UTC', defaultOwner: null, handled: { rootCause: { seq: 7, refused: false } } });
  assert.deepEqual(answered.handled, { rootCause: { seq: 7, refused: false } });
});

test('the form shows times as everything else does: 13:05 UTC in the display zone, a plain day as written', () => {
  const opts = { incident: ID, file: 'x', now: new Date('2026-12-05T15:00:00Z'), zone: 'UTC', defaultOwner: null };
  const v = reviewView(DRAFT, opts);
  assert.equal(v.facts.detected, '2026-12-05 13:05 UTC');
  assert.equal(v.facts.resolved, '2026-12-05 14:35 UTC');
  assert.equal(v.facts.reviewDue, '2026-12-07 14:35 UTC');
  assert.equal(v.facts.overdue, false);
  assert.equal(reviewView(DRAFT, { ...opts, zone: 'Europe/Berlin' }).facts.detected, '2026-12-05 14:05 +01:00');
  assert.equal(reviewView(DRAFT.replace('"2026-12-07T14:35:00Z"', '2026-12-08'), opts).facts.reviewDue, '2026-12-08');
  assert.equal(reviewView(DRAFT, { ...opts, now: new Date('2026-12-07T15:00:00Z') }).facts.overdue, true, 'overdue is read from the value, not the shown text');
});
