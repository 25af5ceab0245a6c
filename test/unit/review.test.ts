import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import { type Incident, defaultPolicy, indexLog, plainIncident } from '../../src/core';
import { renderReview, reviewDueDate, reviewFileName } from '../../src/core/review/review';

const log = `# Incident Log

## INC-2026-1120-002: Search results empty
- **Severity:** SEV-3
- **Status:** Investigating
- **Detected:** 2026-11-20 15:00 UTC

## INC-2026-1120-001: Checkout API returning 500s
- **Severity:** SEV-1
- **Status:** Resolved
- **Detected:** 2026-11-20 14:30 UTC
- **Resolved:** 2026-11-20 16:05 UTC
- **Incident Commander:** Dana Reyes
- **Technical Lead:** Sam Okafor

### Timeline
- 2026-11-20 14:42 UTC — Rolled back deploy 7f3c (@sam)
- 2026-11-20 14:30 UTC — Alerts fired for checkout 5xx rate (@dana)
- 2026-11-20 16:05 UTC — Error rate back to baseline

### Action items
- [x] Page the payments team on checkout alerts (@dana)
- [ ] Add a canary stage to checkout deploys (@sam)
`;

const policy = defaultPolicy();
const now = new Date('2026-11-20T17:00:00Z');

function incidents(): Incident[] {
  return indexLog(log, { policy }).incidents;
}

function byId(id: string): Incident {
  const found = incidents().find((i) => i.id === id);
  assert.ok(found, `incident ${id} is indexed`);
  // Indexed incidents read their body lazily through getters: copy to a plain object before spreading.
  return plainIncident(found);
}

/** The front matter block of a rendered review, parsed. */
function frontMatter(doc: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(doc);
  assert.ok(m, 'the review starts with a front matter block');
  return parseYaml(m[1]) as Record<string, unknown>;
}

function section(doc: string, heading: string): string {
  const start = doc.indexOf(`\n## ${heading}\n`);
  assert.notEqual(start, -1, `section ${heading}`);
  const next = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, next === -1 ? undefined : next);
}

test('review due: business days skip weekends', () => {
  assert.equal(reviewDueDate('2026-11-20T14:30:00Z', 3), '2026-11-25', 'Friday + 3 is Wednesday');
  assert.equal(reviewDueDate('2026-11-20', 3), '2026-11-25', 'a plain date works the same');
  assert.equal(reviewDueDate('2026-11-21T10:00:00Z', 1), '2026-11-23', 'Saturday + 1 is Monday');
  assert.equal(reviewDueDate('2026-11-21', 3), '2026-11-25', 'Saturday counts like the Friday before');
  assert.equal(reviewDueDate('2026-11-22', 3), '2026-11-25', 'so does Sunday');
  assert.equal(reviewDueDate('2026-11-23', 0), '2026-11-23', 'Monday + 0 is that Monday');
  assert.equal(reviewDueDate('2026-11-21', 0), '2026-11-23', 'Saturday + 0 rolls to Monday');
  assert.equal(reviewDueDate('2026-11-19', 1), '2026-11-20', 'Thursday + 1 is Friday');
  assert.equal(reviewDueDate('2026-11-25', 5), '2026-12-02', 'Wednesday + 5 is the next Wednesday');
  assert.equal(reviewDueDate('2026-11-21', 5), '2026-11-27', 'Saturday + 5 crosses the resolved weekend');
  assert.equal(reviewDueDate('2026-11-20', 6), '2026-11-30', 'Friday + 6 crosses two weekends');
  assert.equal(reviewDueDate('2026-11-20', 10), '2026-12-04', 'Friday + 10 is two weeks on');
  assert.equal(reviewDueDate('2026-12-31', 1), '2027-01-01', 'across a year end');
  assert.equal(reviewDueDate('2026-11-20', 500), '2028-10-20', 'long periods are whole weeks plus a remainder');
});

test('review due: the day is the UTC day of the resolved time', () => {
  assert.equal(reviewDueDate('2026-11-20T23:30:00-05:00', 1), '2026-11-23', '23:30 -05:00 Friday is Saturday 04:30 UTC');
  assert.equal(reviewDueDate('2026-11-23T00:30:00+02:00', 0), '2026-11-23', '00:30 +02:00 Monday is Sunday 22:30 UTC, rolled to Monday');
});

test('review due: unreadable dates and bad periods throw a clear error', () => {
  for (const bad of ['', 'soon', '2026-02-30', '2026-13-01', 'Nov 20, 2026', '20/11/2026', '2026-11-20T25:00:00Z']) {
    assert.throws(() => reviewDueDate(bad, 3), /Cannot read the resolved date/, bad);
  }
  assert.throws(() => reviewDueDate(null as unknown as string, 3), /Cannot read the resolved date/);
  assert.throws(() => reviewDueDate('2026-11-20', -1), /whole number of business days/);
  assert.throws(() => reviewDueDate('2026-11-20', 1.5), /whole number of business days/);
  assert.throws(() => reviewDueDate('2026-11-20', Number.NaN), /whole number of business days/);
});

test('review file names are safe for docs/pir/', () => {
  const name = (id: string) => reviewFileName({ id } as Incident);
  assert.equal(name('INC-2026-1120-001'), 'INC-2026-1120-001.md');
  assert.equal(name('2026-08-17-payment-gateway-timeouts'), '2026-08-17-payment-gateway-timeouts.md');
  assert.equal(name('#123'), '123.md');
  assert.equal(name('../../etc'), 'etc.md');
  assert.equal(name('..'), name('..'), 'stable');
  assert.match(name('..'), /^incident-[0-9a-f]{8}\.md$/);
  assert.equal(name('Zwischenfall Über-Last'), 'Zwischenfall-Uber-Last.md');
  assert.match(name('事故'), /^incident-[0-9a-f]{8}\.md$/);
  assert.notEqual(name('事故'), name('障害'), 'different unsayable ids get different names');
  assert.equal(name('CON'), 'incident-CON.md', 'Windows reserved names are avoided');
  const samples = ['', ' ', '.', '...', '-', '.hidden', 'a/../b', 'a\\..\\b', 'x'.repeat(300), '🔥🔥', 'ABC-123: Images', 'a\nb\u0000c', '.'.repeat(90) + 'z'];
  for (const id of samples) {
    const n = name(id);
    assert.match(n, /^[A-Za-z0-9_-][A-Za-z0-9._-]*\.md$/, JSON.stringify(id));
    assert.ok(!n.includes('..'), n);
    assert.ok(n.length <= 80, n);
  }
  assert.equal(name('a/../b'), 'a-.-b.md');
});

test('the review of a resolved incident', () => {
  const incident = byId('INC-2026-1120-001');
  const doc = renderReview(incident, policy, { now, logLink: '../INCIDENT_LOG.md#inc-2026-1120-001-checkout-api-returning-500s' });
  assert.ok(!doc.includes('\r'), 'LF line endings');
  assert.ok(doc.endsWith('\n'));

  assert.deepEqual(frontMatter(doc), {
    incident: 'INC-2026-1120-001',
    title: 'Checkout API returning 500s',
    severity: 'SEV-1',
    detected: '2026-11-20T14:30:00Z',
    resolved: '2026-11-20T16:05:00Z',
    duration: '1 h 35 min',
    review_due: '2026-11-25',
    status: 'draft',
  });

  const lines = doc.split('\n');
  assert.ok(lines.includes('# Post-incident review: INC-2026-1120-001 — Checkout API returning 500s'));
  assert.ok(lines.includes('Incident log entry: [INC-2026-1120-001](../INCIDENT_LOG.md#inc-2026-1120-001-checkout-api-returning-500s)'));
  assert.equal(lines.filter((l) => l.startsWith('# ')).length, 1, 'one H1');
  assert.deepEqual(
    lines.filter((l) => l.startsWith('## ')),
    ['## Incident summary', '## Timeline', '## Root cause', '## What went well', '## What could be improved', '## Action items', '## Lessons learned', '## Communication recap'],
    'the sections of issue 9: both seeds’ templates',
  );
  assert.ok(lines.includes('### Contributing factors'), 'root cause with contributing factors');

  const summary = section(doc, 'Incident summary');
  assert.ok(summary.includes('- **Date:** 2026-11-20\n'));
  assert.match(summary, /- \*\*Impact:\*\* <!-- .+ -->\n/);
  assert.match(summary, /<!-- .+ -->/);
  assert.ok(summary.includes('- **Severity:** SEV-1 — Full outage: the site or a critical path (checkout, payments) is down for all customers\n'));
  assert.ok(summary.includes('- **Detected:** 2026-11-20 14:30 UTC\n'));
  assert.ok(summary.includes('- **Resolved:** 2026-11-20 16:05 UTC\n'));
  assert.ok(summary.includes('- **Duration:** 1 h 35 min\n'));
  assert.ok(summary.includes('- **Incident Commander:** Dana Reyes\n'));
  assert.ok(summary.includes('- **Technical Lead:** Sam Okafor\n'));
  assert.ok(summary.includes('- **Communications Lead:** not assigned\n'));
  assert.ok(summary.includes('- **Review due:** 2026-11-25 (3 business days after resolution)\n'));

  assert.match(section(doc, 'Root cause'), /5\. Why\?/);
  assert.match(section(doc, 'Communication recap'), /Stakeholders informed/);

  assert.deepEqual(
    section(doc, 'Timeline').split('\n').filter((l) => l.startsWith('|')),
    [
      '| Time | Event | Action taken |',
      '| --- | --- | --- |',
      '| 2026-11-20 14:30 UTC | Alerts fired for checkout 5xx rate (@dana) |  |',
      '| 2026-11-20 14:42 UTC | Rolled back deploy 7f3c (@sam) |  |',
      '| 2026-11-20 16:05 UTC | Error rate back to baseline |  |',
    ],
    'a table in time order, with owners; the action taken is the reviewer’s to fill',
  );
  assert.deepEqual(
    section(doc, 'Action items').split('\n').filter((l) => l.startsWith('|')),
    ['| Action | Owner | Due date | Status |', '| --- | --- | --- | --- |', '| Page the payments team on checkout alerts | dana |  | Done |', '| Add a canary stage to checkout deploys | sam |  | Open |'],
  );
});

test('the review of an unresolved incident has no due date and an ongoing duration', () => {
  const incident = byId('INC-2026-1120-002');
  const doc = renderReview(incident, policy, { now });
  const fm = frontMatter(doc);
  assert.equal(fm.resolved, null);
  assert.equal(fm.severity, 'SEV-3');
  assert.equal(fm.review_due, null, 'every key is there for the form, null until resolved');
  assert.equal(fm.duration, 'ongoing (2 h 00 min so far)');
  assert.ok(!doc.includes('Incident log entry:'), 'no link line without a link');
  assert.ok(doc.includes('- **Duration:** ongoing (2 h 00 min so far)\n'));
  assert.ok(doc.includes('- **Resolved:** not yet resolved\n'));
  assert.ok(doc.includes('- **Review due:** once the incident is resolved\n'));
  assert.ok(section(doc, 'Timeline').includes('No timeline entries were logged.'));
  assert.deepEqual(section(doc, 'Action items').split('\n').filter((l) => l.startsWith('|')), ['| Action | Owner | Due date | Status |', '| --- | --- | --- | --- |'], 'an empty table to add to');
});

test('incident text cannot inject headings, HTML or YAML', () => {
  const base = byId('INC-2026-1120-001');
  const evil: Incident = {
    ...base,
    id: 'INC-1 ]](x) <b>',
    title: 'x\n## injected <script>alert(1)</script>\n---\nstatus: final',
    severity: 'SEV-1"\nstatus: final',
    roles: { commander: 'Dana\n# boom', techLead: '<img src=x onerror=alert(1)>', commsLead: null },
    timeline: [{ at: '2026-11-20T14:30:00Z', text: 'a\r\n## step <script>', owner: 'eve)\n## x', line: 0 }],
    actionItems: [{ done: false, text: 'fix\n# it <!-- x', owner: null, line: 0 }],
  };
  const doc = renderReview(evil, policy, { now, logLink: '../LOG.md#a) [x](javascript:alert(1)\n# h' });
  const lines = doc.split('\n');
  assert.deepEqual(
    lines.filter((l) => /^\s{0,3}#/.test(l)),
    lines.filter((l) => /^(# Post-incident review: |## |### Contributing factors$)/.test(l)),
    'only the template makes headings',
  );
  assert.ok(!lines.some((l) => /^#{1,6} (injected|boom|step|it|h|x)\b/.test(l)));
  assert.ok(!/<script|<img|<b>/i.test(doc), 'no raw HTML from incident text');
  assert.equal(lines.filter((l) => l === '---').length, 2, 'the front matter is not closed early');

  const fm = frontMatter(doc);
  assert.equal(fm.status, 'draft');
  assert.equal(fm.title, 'x ## injected <script>alert(1)</script> --- status: final', 'YAML keeps the text, on one line');
  assert.equal(fm.severity, 'SEV-1" status: final');
  assert.equal(fm.incident, 'INC-1 ]](x) <b>');

  const h1 = lines.find((l) => l.startsWith('# '));
  assert.equal(h1, '# Post-incident review: INC-1 ]](x) &lt;b> — x ## injected &lt;script>alert(1)&lt;/script> --- status: final');
  const link = lines.find((l) => l.startsWith('Incident log entry:'));
  assert.equal(link, 'Incident log entry: [INC-1 \\]\\](x) &lt;b>](../LOG.md#a%29%20[x]%28javascript:alert%281%29%20#%20h)');
  assert.ok(lines.includes('| 2026-11-20 14:30 UTC | a ## step &lt;script> (@eve ## x) |  |'));
  assert.ok(lines.includes('| fix # it &lt;!-- x |  |  | Open |'));
  assert.ok(lines.includes('- **Incident Commander:** Dana # boom'));
});

test('YAML-hostile characters in front matter values still parse', () => {
  const base = byId('INC-2026-1120-001');
  const title = 'a: b # c\t"quoted" \'single\' \\ back \u2028 sep \u0085 nel \ufeff bom 🔥 {x: [1]} & *ref !tag %';
  const doc = renderReview({ ...base, title }, policy, { now });
  const fm = frontMatter(doc);
  assert.equal(fm.title, 'a: b # c "quoted" \'single\' \\ back sep \u0085 nel bom 🔥 {x: [1]} & *ref !tag %', 'U+FEFF is white space, folded');
});

test('unknown severity, day-only dates and missing times', () => {
  const base = byId('INC-2026-1120-001');
  const doc = renderReview(
    { ...base, severity: 'Weird', detected: '2026-11-20', resolved: '2026-11-21', timeline: [{ at: null, text: 'Something happened', owner: null, line: 0 }] },
    policy,
    { now },
  );
  const fm = frontMatter(doc);
  assert.equal(fm.review_due, '2026-11-25', 'Saturday resolved + 3');
  assert.ok(doc.includes('- **Severity:** Weird\n'));
  assert.ok(doc.includes('- **Detected:** 2026-11-20\n'));
  assert.ok(doc.includes('- **Duration:** unknown (detection or resolution time missing)\n'));
  assert.ok(doc.includes('| time unknown | Something happened |  |\n'));

  const noSeverity = renderReview({ ...base, severity: null, resolved: 'garbage' }, policy, { now });
  assert.equal(frontMatter(noSeverity).severity, null);
  assert.equal(frontMatter(noSeverity).review_due, null, 'an unreadable resolved date gives no due date, not a crash');
  assert.ok(noSeverity.includes('- **Severity:** not set\n'));
});

test('the due date counts business days in the playbook zone', () => {
  // Friday 01:00 UTC is still Thursday evening in New York.
  assert.equal(reviewDueDate('2026-11-20T01:00:00Z', 3), '2026-11-25');
  assert.equal(reviewDueDate('2026-11-20T01:00:00Z', 3, 'America/New_York'), '2026-11-24');
  assert.equal(reviewDueDate('2026-11-20', 3, 'America/New_York'), '2026-11-25');
  assert.equal(reviewDueDate('2026-11-20T01:00:00Z', 3, 'Not/AZone'), '2026-11-25');
});
