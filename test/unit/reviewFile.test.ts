import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  PolicyError,
  addReviewActionItem,
  applySplices,
  defaultPolicy,
  editReviewActionItem,
  finalizeReview,
  findIncident,
  incidentReviewDue,
  indexLog,
  loadPolicy,
  openReviewActionItems,
  overdueActionItems,
  priorityPolicy,
  readReview,
  readReviewActionItems,
  renderReview,
  reviewDueFor,
  reviewOverdue,
  setReviewActionItemDone,
  setReviewFrontMatter,
  spliceSection,
} from '../../src/core';
import { sectionContent } from '../../src/core/review/reviewFile';
import { diffRegion } from './helpers';

// A review as a team leaves it after a week of hand edits: CRLF and a BOM, an extra key in the
// front matter, sections reordered, an extra section, a code fence holding a `##` line, and a
// short row in the action items table.
const HAND =
  '\ufeff' +
  [
    '---',
    'incident: "INC-2026-1120-001"',
    'title: "Checkout API returning 500s"',
    'severity: SEV-1',
    'owners:',
    '  - dana',
    '  - sam',
    'status: draft',
    '---',
    '',
    '# Post-incident review: INC-2026-1120-001 — Checkout API returning 500s',
    '',
    '## Timeline',
    '',
    '| Time | Event | Action taken |',
    '| --- | --- | --- |',
    '| 2026-11-20 14:30 UTC | Alerts fired | Paged Sam |',
    '',
    '## What went well   ',
    '',
    'Rollback took **4 minutes**.',
    '',
    '## Customer quotes',
    '',
    '> "Checkout spun forever."',
    '',
    '```text',
    '## not a heading',
    '```',
    '',
    '## Incident Summary',
    '',
    '- **Impact:** 12% of checkouts failed',
    '',
    '## Root cause',
    '',
    'A config push removed the pool size.',
    '',
    '### Contributing factors',
    '',
    '- No canary',
    '',
    '## Action items',
    '',
    '| Action | Owner | Due date | Status |',
    '|--------|-------|----------|--------|',
    '| Add a canary stage | sam | 2026-11-24 | Open |',
    '| Alert on pool size | dana | 2026-11-30 | Done |',
    '| Short row | lee |',
    '',
    '## What could be improved',
    '',
  ].join('\r\n');

/** Asserts a splice changed only bytes inside [from, to) of the original. */
function onlyInside(before: string, after: string, from: number, to: number): void {
  const { prefix, suffix } = diffRegion(before, after);
  assert.ok(prefix >= from, `changed before ${from} (at ${prefix})`);
  assert.ok(before.length - suffix <= to, `changed after ${to} (at ${before.length - suffix})`);
}

test('readReview: front matter values and keys, sections in file order, fences respected', () => {
  const doc = readReview(HAND);
  assert.equal(doc.bom, true);
  assert.equal(doc.eol, '\r\n');
  assert.equal(doc.frontMatter?.values.status, 'draft');
  assert.equal(doc.frontMatter?.values.severity, 'SEV-1');
  assert.equal(doc.frontMatter?.values.owners, '["dana","sam"]');
  assert.deepEqual(
    doc.sections.map((s) => [s.level, s.heading]),
    [
      [1, 'Post-incident review: INC-2026-1120-001 — Checkout API returning 500s'],
      [2, 'Timeline'],
      [2, 'What went well'],
      [2, 'Customer quotes'],
      [2, 'Incident Summary'],
      [2, 'Root cause'],
      [3, 'Contributing factors'],
      [2, 'Action items'],
      [2, 'What could be improved'],
    ],
  );
  const quotes = doc.sections[3];
  assert.equal(quotes.text, '> "Checkout spun forever."\n\n```text\n## not a heading\n```');
  const root = doc.sections[5];
  assert.equal(root.text, 'A config push removed the pool size.', 'a section’s own text stops at its sub-heading');
  assert.equal(HAND.slice(root.headingStart, root.end).includes('No canary'), true, 'its end takes the sub-section in');
  assert.equal(doc.sections[8].text, '');
});

test('spliceSection changes only that section’s body, matched by heading whatever its case, order or name', () => {
  const doc = readReview(HAND);
  for (const [name, index] of [['What went well', 2], ['incident summary', 4], ['summary', 4], ['Root cause', 5], ['Customer quotes', 3]] as const) {
    const s = doc.sections[index];
    const after = applySplices(HAND, spliceSection(HAND, name, 'New text\nline two'));
    onlyInside(HAND, after, s.bodyStart, s.bodyEnd);
    assert.equal(findSectionText(after, s.heading), 'New text\nline two');
    assert.ok(after.includes('New text\r\nline two'), 'the file’s CRLF');
    // Splicing back what was there gives the original bytes.
    assert.equal(applySplices(after, spliceSection(after, name, s.text)), HAND, `round trip of ${name}`);
  }
  assert.deepEqual(spliceSection(HAND, 'Root cause', 'A config push removed the pool size.\r\n'), [], 'unchanged: no splice');
});

function findSectionText(text: string, heading: string): string {
  return readReview(text).sections.find((s) => s.heading === heading)!.text;
}

test('spliceSection: empty and missing sections, hostile bodies that would break the structure', () => {
  // The empty last section without a trailing blank line.
  const improved = applySplices(HAND, spliceSection(HAND, 'What could be improved', 'Paging took 10 min.'));
  assert.ok(improved.endsWith('## What could be improved\r\n\r\nPaging took 10 min.\r\n'));
  assert.equal(findSectionText(improved, 'What could be improved'), 'Paging took 10 min.');
  // Emptying keeps the surrounding blank lines, and reads back empty.
  const emptied = applySplices(HAND, spliceSection(HAND, 'What went well', ''));
  assert.equal(findSectionText(emptied, 'What went well'), '');
  assert.ok(emptied.includes('## What went well   \r\n\r\n\r\n## Customer quotes'));
  // A section the file lacks is added at its end, as a `##` heading.
  const added = applySplices(HAND, spliceSection(HAND, 'communication', 'Status page at 14:40.'));
  assert.ok(added.startsWith(HAND));
  assert.ok(added.endsWith('\r\n## Communication recap\r\n\r\nStatus page at 14:40.\r\n'), JSON.stringify(added.slice(-80)));
  // Headings, an unclosed fence, control characters and a front-matter fence cannot escape the section.
  const hostile = '## Injected\n# Top\n   ### Deep\n---\n<script>alert(1)</script>\u0007\n```js\n## inside fence\n';
  const after = applySplices(HAND, spliceSection(HAND, 'What went well', hostile));
  const sections = readReview(after).sections.map((s) => s.heading);
  assert.deepEqual(sections, readReview(HAND).sections.map((s) => s.heading), 'no section added or lost');
  assert.equal(findSectionText(after, 'What went well'), '\\## Injected\n\\# Top\n   \\### Deep\n---\n<script>alert(1)</script>\n```js\n## inside fence\n```');
  assert.equal(readReview(after).frontMatter?.values.status, 'draft');
});

test('setReviewFrontMatter: one-line splices; new keys before the closing line; a block value replaced whole', () => {
  const final = applySplices(HAND, setReviewFrontMatter(HAND, 'status', 'final'));
  assert.equal(final, HAND.replace('status: draft', 'status: final'));
  const due = applySplices(HAND, setReviewFrontMatter(HAND, 'review_due', '2026-11-22T16:05:00Z'));
  assert.equal(due, HAND.replace('status: draft\r\n---', 'status: draft\r\nreview_due: "2026-11-22T16:05:00Z"\r\n---'));
  const owners = applySplices(HAND, setReviewFrontMatter(HAND, 'owners', 'dana\n---\nstatus: final <b>'));
  assert.equal(owners, HAND.replace('owners:\r\n  - dana\r\n  - sam', 'owners: "dana --- status: final \\u003cb\\u003e"'));
  assert.equal(readReview(owners).frontMatter?.values.status, 'draft', 'a value cannot close the block or add a key');
  const bare = '\ufeff# Review\n';
  assert.equal(applySplices(bare, setReviewFrontMatter(bare, 'status', 'final')), '\ufeff---\nstatus: final\n---\n# Review\n');
  assert.deepEqual(setReviewFrontMatter(HAND, 'status', 'draft'), []);
  assert.throws(() => setReviewFrontMatter(HAND, 'bad key:', 'x'), /not a usable front matter key/);
});

const LOG = [
  '# Incident Log',
  '',
  '## INC-2026-1120-001: Checkout API returning 500s',
  '- **Severity:** SEV-1',
  '- **Status:** Resolved',
  '- **Detected:** 2026-11-20 14:30 UTC',
  '- **Resolved:** 2026-11-20 16:05 UTC',
  '',
  '### Timeline',
  '- 2026-11-20 14:30 UTC — Alerts fired (@dana)',
  '',
].join('\r\n');

test('finalizeReview: status final in the review, "Post-incident review completed" on the incident; once', () => {
  const index = indexLog(LOG);
  const actor = { at: new Date('2026-11-23T10:00:00Z'), owner: 'Dana Reyes' };
  const { review, log } = finalizeReview(HAND, index, 'INC-2026-1120-001', actor, defaultPolicy());
  const reviewAfter = applySplices(HAND, review);
  assert.equal(reviewAfter, HAND.replace('status: draft', 'status: final'));
  const logAfter = applySplices(LOG, log);
  assert.equal(logAfter, LOG.replace('(@dana)\r\n', '(@dana)\r\n- 2026-11-23 10:00 UTC — Post-incident review completed (Dana Reyes)\r\n'));
  assert.equal(findIncident(indexLog(logAfter), 'INC-2026-1120-001')!.timeline.at(-1)!.text, 'Post-incident review completed');
  assert.deepEqual(finalizeReview(reviewAfter, indexLog(logAfter), 'INC-2026-1120-001', actor, defaultPolicy()), { review: [], log: [] });
});

test('action items: read, add (owner and due), edit a cell, mark done; hostile cells stay one cell', () => {
  const { items, table } = readReviewActionItems(HAND);
  assert.deepEqual(table?.columns, ['action', 'owner', 'due', 'status']);
  assert.deepEqual(items.map((i) => [i.action, i.owner, i.dueDate, i.status, i.done]), [
    ['Add a canary stage', 'sam', '2026-11-24', 'Open', false],
    ['Alert on pool size', 'dana', '2026-11-30', 'Done', true],
    ['Short row', 'lee', null, '', false],
  ]);
  const hostile = 'Fix | the <script>alert(1)</script>\nsecond line \\| done';
  const added = applySplices(HAND, addReviewActionItem(HAND, { action: hostile, owner: 'Dana | Reyes', due: '2026-12-01' }));
  const { prefix, added: inserted, removed } = diffRegion(HAND, added);
  assert.equal(removed, '');
  assert.equal(inserted, '| Fix \\| the &lt;script>alert(1)&lt;/script> second line \\| done | Dana \\| Reyes | 2026-12-01 | Open |\r\n');
  assert.equal(HAND.slice(prefix - 2, prefix), '\r\n');
  const back = readReviewActionItems(added).items.at(-1)!;
  assert.deepEqual([back.action, back.owner, back.due, back.status], ['Fix | the <script>alert(1)</script> second line | done', 'Dana | Reyes', '2026-12-01', 'Open']);
  assert.throws(() => addReviewActionItem(HAND, { action: 'x', due: 'next week' }), /YYYY-MM-DD/);
  assert.throws(() => addReviewActionItem(HAND, { action: ' \n ' }), /needs some text/);

  const canary = items[0].line;
  const owner = applySplices(HAND, editReviewActionItem(HAND, canary, 'owner', 'Priya'));
  assert.equal(owner, HAND.replace('| Add a canary stage | sam |', '| Add a canary stage | Priya |'));
  const done = applySplices(HAND, setReviewActionItemDone(HAND, canary, true));
  assert.equal(done, HAND.replace('| 2026-11-24 | Open |', '| 2026-11-24 | Done |'));
  assert.deepEqual(setReviewActionItemDone(done, canary, true), []);
  assert.equal(applySplices(done, setReviewActionItemDone(done, canary, false)), HAND);
  // The short row gets its missing cells.
  const short = applySplices(HAND, editReviewActionItem(HAND, items[2].line, 'status', 'Blocked'));
  assert.ok(short.includes('| Short row | lee |  | Blocked |\r\n'), short);
  assert.equal(readReviewActionItems(short).items[2].status, 'Blocked');
  assert.throws(() => editReviewActionItem(HAND, items[0].line - 1, 'owner', 'x'), /not an action item/);
  assert.deepEqual(openReviewActionItems(HAND).map((i) => i.action), ['Add a canary stage', 'Short row']);
});

test('action items: a section without a table gets one, a review without the section gets it; task items', () => {
  const noTable = '## Action items\n\nOwners please.\n\n## Lessons learned\n\nMore.\n';
  const one = applySplices(noTable, addReviewActionItem(noTable, { action: 'Add a test', owner: 'Dana Reyes' }));
  assert.equal(one, '## Action items\n\nOwners please.\n\n| Action | Owner | Due date | Status |\n| --- | --- | --- | --- |\n| Add a test | Dana Reyes |  | Open |\n\n## Lessons learned\n\nMore.\n');
  const two = applySplices(one, addReviewActionItem(one, { action: 'Second', due: '2026-12-01' }));
  assert.deepEqual(readReviewActionItems(two).items.map((i) => i.action), ['Add a test', 'Second']);
  const none = '# Review\n';
  assert.deepEqual(readReviewActionItems(applySplices(none, addReviewActionItem(none, { action: 'X' }))).items.map((i) => i.action), ['X']);
  const tasks = '## Action items\n- [ ] Add a canary (@sam)\n- [x] Page payments\n';
  const read = readReviewActionItems(tasks).items;
  assert.deepEqual(read.map((i) => [i.kind, i.action, i.owner, i.done]), [['task', 'Add a canary', 'sam', false], ['task', 'Page payments', '', true]]);
  assert.equal(applySplices(tasks, setReviewActionItemDone(tasks, read[0].line, true)), tasks.replace('- [ ] Add', '- [x] Add'));
  assert.throws(() => editReviewActionItem(tasks, read[0].line, 'owner', 'x'), /list item/);
});

test('overdue action items: open and past their due day in the team’s zone', () => {
  const p = overdueActionItems(HAND, new Date('2026-11-25T08:00:00Z'), { incidentId: 'INC-2026-1120-001', file: 'pir/INC-2026-1120-001.md' });
  assert.equal(p.length, 1);
  assert.equal(p[0].code, 'overdue-action-item');
  assert.equal(p[0].line, HAND.split('\r\n').findIndex((l) => l.startsWith('| Add a canary')) + 1);
  assert.equal(p[0].file, 'pir/INC-2026-1120-001.md');
  assert.equal(p[0].incidentId, 'INC-2026-1120-001');
  assert.match(p[0].message, /"Add a canary stage" \(sam\) was due 2026-11-24/);
  assert.deepEqual(overdueActionItems(HAND, new Date('2026-11-24T23:00:00Z')), [], 'due today is not overdue');
  assert.equal(overdueActionItems(HAND, new Date('2026-11-24T23:30:00Z'), { zone: 'Europe/Berlin' }).length, 1, 'already the 25th in Berlin');
  assert.deepEqual(overdueActionItems(HAND, new Date('2026-12-10T00:00:00Z')).map((x) => x.message.slice(0, 30)), ['Action item "Add a canary stag'], 'done items never');
});

test('review due: 3 business days by default; P1/P2 48 h and P3/P4 a week; per severity in the playbook', () => {
  const resolved = '2026-11-20T16:05:00Z'; // a Friday
  assert.equal(incidentReviewDue({ resolved, severity: 'SEV-1' }, defaultPolicy()), '2026-11-25');
  const p = priorityPolicy();
  assert.equal(incidentReviewDue({ resolved, severity: 'P1' }, p), '2026-11-22T16:05:00Z');
  assert.equal(incidentReviewDue({ resolved, severity: 'priority 2' }, p), '2026-11-22T16:05:00Z');
  assert.equal(incidentReviewDue({ resolved, severity: 'P3' }, p), '2026-11-27T16:05:00Z');
  assert.equal(incidentReviewDue({ resolved, severity: 'P4' }, p), '2026-11-27T16:05:00Z');
  assert.equal(incidentReviewDue({ resolved, severity: 'P9' }, p), '2026-11-25', 'unknown severity: the policy’s business days');
  assert.equal(incidentReviewDue({ resolved: null, severity: 'P1' }, p), null);
  assert.equal(reviewDueFor('2026-11-20', { hours: 48 }), '2026-11-22', 'a day only: whole days');
  assert.equal(reviewDueFor('2026-11-20', { hours: 36 }), '2026-11-22');
  assert.throws(() => reviewDueFor('soon', { hours: 48 }), /Cannot read the resolved date/);

  const pb = loadPolicy(['preset: p1-p4', 'severities:', '  - id: P1', '    reviewDue: 3 business days', '  - id: P2', '    reviewDue: 2 weeks', '  - id: P3'].join('\n'));
  assert.deepEqual(pb.severities.map((s) => s.reviewDue), [{ businessDays: 3 }, { hours: 336 }, undefined]);
  assert.equal(incidentReviewDue({ resolved, severity: 'P1' }, pb), '2026-11-25');
  assert.equal(incidentReviewDue({ resolved, severity: 'P3' }, pb), '2026-11-25', 'none set: reviewDueBusinessDays');
  try {
    loadPolicy('severities:\n  - id: S1\n  - id: S2\n    reviewDue: whenever\n');
    assert.fail('expected an error');
  } catch (e) {
    assert.ok(e instanceof PolicyError);
    assert.equal(e.line, 4);
    assert.match(e.message, /not a review period/);
  }

  assert.equal(reviewOverdue('2026-11-25', new Date('2026-11-25T23:59:00Z')), false);
  assert.equal(reviewOverdue('2026-11-25', new Date('2026-11-26T00:00:00Z')), true);
  assert.equal(reviewOverdue('2026-11-22T16:05:00Z', new Date('2026-11-22T16:06:00Z')), true);

  const inc = findIncident(indexLog(LOG.replace('SEV-1', 'P1'), { policy: p }), 'INC-2026-1120-001')!;
  const doc = renderReview(inc, p, { now: new Date('2026-11-21T00:00:00Z') });
  assert.match(doc, /^review_due: "2026-11-22T16:05:00Z"$/m);
  assert.match(doc, /^- \*\*Review due:\*\* 2026-11-22 16:05 UTC \(48 h after resolution\)$/m);
});

test('a template replaces the built-in draft; its sections are matched by heading, whatever the case', () => {
  const index = indexLog(LOG);
  const inc = findIncident(index, 'INC-2026-1120-001')!;
  const template = '# PIR\r\n\r\n## INCIDENT SUMMARY\r\n\r\nWrite it.\r\n\r\n## Timeline\r\n\r\n| When | What happened | Response |\r\n|---|---|---|\r\n\r\n## Follow-up actions\r\n';
  const doc = renderReview(inc, defaultPolicy(), { now: new Date('2026-11-21T00:00:00Z'), template });
  const read = readReview(doc);
  assert.equal(read.frontMatter?.values.incident, 'INC-2026-1120-001');
  assert.equal(read.frontMatter?.values.status, 'draft');
  assert.deepEqual(read.sections.map((s) => s.heading), ['PIR', 'INCIDENT SUMMARY', 'Timeline', 'Follow-up actions']);
  assert.match(read.sections[1].text, /^Write it\.\n\n- \*\*Date:\*\* 2026-11-20\n/);
  assert.equal(read.sections[2].text, '| When | What happened | Response |\n|---|---|---|\n| 2026-11-20 14:30 UTC | Alerts fired (@dana) |  |');
  assert.deepEqual(readReviewActionItems(doc).table?.columns, ['action', 'owner', 'due', 'status']);
  assert.ok(!doc.replace(/\r\n/g, '').includes('\n'), 'the template’s CRLF throughout');
});

test('reading is linear in the input: hostile lines of headings, fences, pipes and front matter', () => {
  const n = 40_000;
  const hostile = ['---', 'a: ' + '"'.repeat(n), '---', '#'.repeat(n) + ' x', '`'.repeat(n), '## Action items', '| ' + '\\|'.repeat(n), '|---|', '|' + ' '.repeat(n) + 'x', '- [ ] ' + '('.repeat(n) + '@', '#'.repeat(7) + ' '.repeat(n)].join('\n');
  const big = (hostile + '\n').repeat(3);
  const t0 = performance.now();
  readReview(big);
  readReviewActionItems(big);
  overdueActionItems(big, new Date());
  applySplices(big, spliceSection(big, 'Action items', 'x'));
  const many = '## H\n'.repeat(20_000);
  readReview(many);
  applySplices(many, spliceSection(many, 'Lessons learned', 'x'));
  assert.ok(performance.now() - t0 < 2000, `took ${performance.now() - t0} ms`);
});

test('sectionContent: the template’s comments and unanswered “Why?” prompts come apart from what a person wrote', () => {
  const root = sectionContent('<!-- Ask "why?" five times,\nstarting from the symptom. -->\n\n1. Why?\n2. Why?\n3. Why?\n4. Why?\n5. Why?');
  assert.deepEqual(root, { text: '', hints: ['Ask "why?" five times, starting from the symptom.'], prompts: ['1. Why?', '2. Why?', '3. Why?', '4. Why?', '5. Why?'] });
  // Facts with a hint inside a line: the line stays, the hint goes.
  const summary = sectionContent('<!-- One paragraph. -->\n\n- **Date:** 2026-11-20\n- **Impact:** <!-- customers affected -->\n- **Detected:** 14:30');
  assert.deepEqual(summary, { text: '- **Date:** 2026-11-20\n- **Impact:**\n- **Detected:** 14:30', hints: ['One paragraph.', 'customers affected'], prompts: [] });
  // A comment between paragraphs leaves one blank line, not two.
  assert.equal(sectionContent('First.\n\n<!-- note -->\n\nSecond.').text, 'First.\n\nSecond.');
  // Text around a comment running over lines is joined.
  assert.equal(sectionContent('Before <!-- a\nb --> after.').text, 'Before  after.');
  // Answered prompts, or prompts among other text, are the person's.
  assert.equal(sectionContent('1. Why? The consumer lagged.\n2. Why?').text, '1. Why? The consumer lagged.\n2. Why?');
  assert.equal(sectionContent('1. Why?\n\nWe did not get further.').prompts.length, 0);
  // Code shows `<!--` literally: a code span, a fence.
  assert.equal(sectionContent('Use `<!-- x -->` in HTML.').text, 'Use `<!-- x -->` in HTML.');
  assert.equal(sectionContent('```html\n<!-- kept -->\n```').text, '```html\n<!-- kept -->\n```');
  // An unclosed `<!--` is no comment: nothing is hidden.
  assert.deepEqual(sectionContent('Half <!-- open\nand more'), { text: 'Half <!-- open\nand more', hints: [], prompts: [] });
  assert.deepEqual(sectionContent(''), { text: '', hints: [], prompts: [] });
});

test('sectionContent of the built-in draft: every section the form edits is empty of the template, the facts and tables stay', () => {
  const inc = findIncident(indexLog(LOG), 'INC-2026-1120-001')!;
  const doc = readReview(renderReview(inc, defaultPolicy(), { now: new Date('2026-11-21T00:00:00Z') }));
  const text = (h: string) => sectionContent(doc.sections.find((s) => s.heading === h)!.text);
  for (const h of ['Root cause', 'Contributing factors', 'What went well', 'What could be improved', 'Lessons learned', 'Communication recap']) {
    assert.equal(text(h).text, '', h);
    assert.ok(text(h).hints.length === 1, h);
  }
  assert.match(text('Incident summary').text, /^- \*\*Date:\*\* 2026-11-20\n/);
  assert.ok(!text('Incident summary').text.includes('<!--'));
  assert.match(text('Timeline').text, /^\| Time \| Event \| Action taken \|/);
});

test('sectionContent is linear in the input: unclosed comments and runs of backticks', () => {
  const n = 50_000;
  const t0 = performance.now();
  sectionContent('<!--'.repeat(n));
  sectionContent('<!-- x -->'.repeat(n));
  sectionContent('`'.repeat(n) + 'x' + '``'.repeat(n));
  sectionContent(Array.from({ length: 400 }, (_, i) => '`'.repeat(i + 1) + 'x').join(''));
  sectionContent('<!--\n'.repeat(n));
  sectionContent('1. Why?\n'.repeat(n));
  assert.ok(performance.now() - t0 < 2000, `took ${performance.now() - t0} ms`);
});
