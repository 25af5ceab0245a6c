// Status marks explained by a legend, a status page's updates, trackers of ticked dated items,
// and a review written as a document of its own. See docs/FORMAT.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy, indexLog, reindexLog } from '../../src/core';
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
  // Without a legend a coloured mark says nothing, and lines it opens are no entries: a feature
  // matrix's `✅ **2024-02-12 · Python 3.12 support**` is a release.
  assert.deepEqual(read(log.replace(/^Legend:.*$/m, '')), []);
  // Nor are they with a legend whose words are no statuses (`✅ supported · ⚠️ partial`).
  assert.deepEqual(read(log.replace(/^Legend:.*$/m, 'Legend: ✅ supported · 🟡 partial · 🔴 unsupported')), []);
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

test('a line written as the incidents’ headings are, without #, opens an incident of its own', () => {
  const log = [
    '# Incident reports',
    '',
    '## 🔴 [CRITICAL] IR-2026-02-22: The infinite refresh loop',
    '**Severity:** Critical',
    '',
    '### Resolution',
    'Removed the reload on focus.',
    '',
    '---',
    '🔴 [CRITICAL] IR-2026-03-03: The identity paradox',
    'Severity: Critical | Affected: identity manager',
    'Users were sent back to the login page after a reload. Resolution: made the id read synchronous.',
    '',
    '🟡 [HIGH] IR-2026-03-04: Ghost queries after a sync',
    'Severity: High',
    'Queries ran against a closed database; fixed by awaiting the transaction.',
    '',
    '## 🟠 [HIGH] IR-2026-03-08: Timestamp type mismatch',
    '**Severity:** High',
    '',
    'The server stored strings where numbers were expected; fixed the schema.',
    '',
    'See IR-2026-02-22: the same loop showed up again in staging, so we re-checked it.',
    '',
  ].join('\n');
  const index = indexLog(log, { policy });
  assert.deepEqual(index.incidents.map((i) => [i.id, i.title, i.line]), [
    ['IR-2026-02-22', 'The infinite refresh loop', 3],
    ['IR-2026-03-03', 'The identity paradox', 10],
    ['IR-2026-03-04', 'Ghost queries after a sync', 14],
    ['IR-2026-03-08', 'Timestamp type mismatch', 18],
  ]);
  assert.equal(readingNotes(index.incidents[1], policy).readAs, "a paragraph opened by a line with an id like the headings' beside it (written without #)");
  // The section before such a line ends at it.
  assert.ok(index.incidents[0].end <= log.indexOf('🔴 [CRITICAL] IR-2026-03-03'));
  // A sentence that opens with an incident's id read already refers to it (`INC-3 で … を導入し`),
  // and an id with no separator after it opens no heading.
  const refers = log.replace('See IR-2026-02-22: the same loop', 'IR-2026-02-22 で the same loop');
  assert.equal(indexLog(refers, { policy }).incidents.length, 4);
  assert.equal(indexLog(log.replace('🟡 [HIGH] IR-2026-03-04: Ghost queries', '🟡 [HIGH] IR-2026-03-04 ghost queries'), { policy }).incidents.length, 3);
  // A project journal's lines of its task ids are its notes: only a log titled as one is read so.
  assert.equal(indexLog(log.replace('# Incident reports', '# Project journal'), { policy }).incidents.filter((i) => i.reading?.shape === 'id-line').length, 0);
  // One heading with an id is no family: a line naming its id is prose.
  const single = log.replace('## 🟠 [HIGH] IR-2026-03-08: Timestamp type mismatch', '## Notes');
  assert.equal(indexLog(single, { policy }).incidents.filter((i) => i.reading?.shape === 'id-line').length, 0);
});

test('typing a line written like the headings into a section reads the log whole', () => {
  const log = '# Incidents\n\n## IR-1: Refresh loop\n- **Status:** Resolved\n\nText.\n\n## IR-2: Save corruption\n- **Status:** Resolved\n\nMore text.\n';
  const before = indexLog(log, { policy });
  const typed = log.replace('More text.\n', 'More text.\n\nIR-3: Ghost modal\nSeverity: Low\n');
  const again = reindexLog(before, typed, { policy });
  assert.deepEqual(again.incidents.map((i) => i.id), indexLog(typed, { policy }).incidents.map((i) => i.id));
  assert.deepEqual(again.incidents.map((i) => i.id), ['IR-1', 'IR-2', 'IR-3']);
});

test('what the second review found: maintenances in any language, retros of plans, decision records, notes, arrows that say nothing was done', () => {
  // A maintenance's updates, by its title or its words in another language: none.
  const maintenance = '# Statusseite\n\n## Datenbank-Migration auf neue Hardware\n\n**Abgeschlossen** — 2024-05-12 05:00 UTC\nDie Arbeiten sind beendet.\n\n**In Bearbeitung** — 2024-05-12 03:00 UTC\nDie Migration läuft.\n\n## Network maintenance at Frankfurt\n\n**Resolved** — Apr 11, 2024 - 03:15 UTC\nThis maintenance is over.\n\n**In progress** — Apr 11, 2024 - 01:00 UTC\nSwitches are being replaced.\n';
  assert.deepEqual(read(maintenance), []);
  // A retro of a planning round is no incident; one whose title names a failure is.
  const retro = (title: string) => read(`# Retro: ${title}\n\n## What happened\n\nWe planned too much.\n\n## What went well\n\n- The estimates.\n\n## Action items\n\n- [ ] Plan less.\n`).length;
  assert.equal(retro('Q2 planning process'), 0);
  assert.equal(retro('the March 12 release rollback'), 1);
  // Decision records are no incidents, whatever their words say.
  assert.deepEqual(read('# Decision log\n\n## ADR-016: Use headers for API versions\n\nThe team prefers headers. Open.\n\n## ADR-018: Estimate first\n\nWe estimate before we commit. In progress.\n'), []);
  // A notes part (`## メモ`) beside a dated list is no incident; the list is read.
  const ja = '# 障害記録\n\n## 2024年\n\n- 2024/05/03 管理画面にログインできない → 原因調査中、未解決\n- 2024/03/15 空き枠が表示されない → キャッシュ削除で復旧\n\n## メモ\n\n障害ごとの詳細はチケットを参照してください。\n';
  assert.deepEqual(read(ja).map((i) => [i.detected, i.state]), [['2024-05-03', 'active'], ['2024-03-15', 'resolved']]);
  // After an arrow, a status that is not over or a fix negated says nothing was done yet.
  const arrows = read('# Incidents\n\n- 2024-05-03 Admin login fails → investigating, not resolved\n- 2024-03-15 Free slots missing → cleared the cache, restored\n');
  assert.deepEqual(arrows.map((i) => i.state), ['active', 'resolved']);
});

test('a table of dates and how long the impact lasted, in Chinese, lists occurrences titled by their cause', () => {
  const zh = '# 故障记录\n\n## 2024年上半年\n\n| 日期 | 系统 | 原因 | 影响时长 |\n|------|------|------|----------|\n| 2024-06-03 | 订单服务 | 数据库连接池耗尽 | 35 分钟 |\n| 2024-05-17 | 支付回调 | 第三方证书过期 | 2 小时 |\n';
  assert.deepEqual(read(zh).map((i) => [i.title, i.detected, i.state]), [['数据库连接池耗尽', '2024-06-03', 'resolved'], ['第三方证书过期', '2024-05-17', 'resolved']]);
});

test('a log that skips a level (# over ###) has its sections read as its own; a whole fix said as the status is over', () => {
  const log = '# Production bugs — Reporting\n\n### ~~Export returns 500 for empty ranges~~ (Feb 2)\n\nA division by zero in the summary row. Guarded the division.\n\n### ~~PDF reports cut off after 100 pages~~ (Feb 9)\n\nA library default. Raised to 2,000.\n\n### CSV export uses the server time zone (Feb 15)\n\nCustomers in the US see UTC times; about 30 tickets so far.\n\n## How to add a bug\n\nAdd a heading with the title and the date it was first seen.\n';
  assert.deepEqual(read(log).map((i) => i.state), ['resolved', 'resolved', 'active']);
  assert.equal(read('# Log\n\n## INC-1: Upsell double-counted\n- **Severity:** SEV-3\n- **Status:** `FULL_FIX`\n')[0].state, 'resolved');
  assert.equal(read('# Log\n\n## INC-1: Upsell double-counted\n- **Severity:** SEV-3\n- **Status:** `PARTIAL_FIX`\n')[0].state, 'active');
});

test('a status ending a cell of an index of incidents is the row’s', () => {
  const log = '# Incidents — myos\n\n| Date | Incident | Portée |\n|---|---|---|\n| 2026-09-26 | [cert --check ok pour un certificat expiré](incidents/a.md) | v2, corrigé |\n| 2026-09-26 | [un up à blanc écrit le .env](incidents/b.md) | quasi-accident, ouvert |\n| 2026-09-10 | [migrate pin sans effet](incidents/c.md) | défaut |\n';
  assert.deepEqual(read(log).map((i) => i.state), ['resolved', 'active', 'unknown']);
});

test('sections told in prose under a log title are read beside one dated only in a closing note, and a title naming bugs is one of them', () => {
  const log = [
    '# Incidents',
    '',
    '## Drive failure and live RAID1 replacement',
    '',
    '**The failure.** One drive began failing with thousands of reallocated sectors. **The fix.** Swapped it live.',
    '',
    '## Write-time btrfs corruption (2026-09-24)',
    '',
    'The pool went read-only on write errors; a memory test found a bad module, and the follow-up is still open.',
    '',
    '## *arr stack integration bugs',
    '',
    'The download client rejected the indexer after an upgrade; we pinned the previous version.',
    '',
  ].join('\n');
  assert.deepEqual(read(log).map((i) => i.title), ['Drive failure and live RAID1 replacement', 'Write-time btrfs corruption', '*arr stack integration bugs']);
  // A part titled as a log (`## Known bugs`, `## Les pannes du 28 septembre`: a date is no subject) is where the log's entries are, as before.
  assert.equal(read('# Notes\n\n## Known bugs\n\n### Export fails on Safari\n\nThe download never starts; fixed in 2.1.\n').length, 1);
  assert.deepEqual(read('# Incidents\n\n## Ce qui permet de le savoir\n\nLes journaux de la veille et les photos prises toutes les minutes.\n\n## Les pannes du 28 septembre\n\n### Un tracteur publié comme départ de feu\n\nLa veille a pris un tracteur pour un feu; le seuil a été relevé.\n').map((i) => i.title), ['Un tracteur publié comme départ de feu']);
});
