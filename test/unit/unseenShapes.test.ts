// Logs in shapes the reading rules were not first written for (fixtures of our own under
// test/fixtures/logs/): closed-like and deferred statuses, bold status lines that wrap,
// occurrence tables, untitled prose sections, a status said only in prose, and a summary table
// whose rows and sections do not match one to one. See docs/FORMAT.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultPolicy, indexLog, loadPolicy } from '../../src/core';
import { statusState } from '../../src/core/indexer';
import { readingNotes } from '../../src/core/reader/readingNotes';
import { readingSummary } from '../../src/core/reader/readingSummary';
import { proposePlaybook } from '../../src/core/playbook/playbookProposal';
import { fixture, indexFixture } from './helpers';

const policy = defaultPolicy();

test('closed-like statuses (n/a, duplicate, won\'t fix, caught before merge) are not active; deferred is its own state', () => {
  const idx = indexFixture('status/closed-words.md');
  const states = idx.incidents.map((i) => [i.status, statusState(i, policy)]);
  assert.deepEqual(states, [
    ['n/a', 'resolved'],
    ['Duplicate', 'resolved'],
    ["WON'T FIX", 'resolved'],
    ['Caught before merge', 'resolved'],
    ['Deferred', 'deferred'],
    ['Pospuesto', 'deferred'],
    ['Fausse alerte', 'resolved'],
    ['Partially resolved', 'active'],
  ]);
});

test('closed-like words in the seven languages, and n/a with a note', () => {
  const state = (value: string) => statusState(indexLog(`## INC-1: X\n- **Severity:** SEV-2\n- **Status:** ${value}\n`).incidents[0], policy);
  for (const w of ['N/A', 'n/a (covered by INC-7)', 'invalid', 'obsolete', 'near miss', 'not shipped', "won't fix", 'Duplicado', 'Doublon', 'Duplikat', 'Wird nicht behoben', 'Duplicato', 'Дубликат', 'não será corrigido']) {
    assert.equal(state(w), 'resolved', w);
  }
  for (const w of ['Deferred', 'Zurückgestellt', 'Reporté', 'Rinviato', 'Adiado', 'Отложено']) assert.equal(state(w), 'deferred', w);
  for (const w of ['Partially resolved', 'Teilweise behoben', 'Open']) assert.equal(state(w), 'active', w);
});

test('a bold status line that wraps onto a second line is the status; partially resolved is open', () => {
  const idx = indexFixture('status/wrapped-bold.md');
  assert.deepEqual(
    idx.incidents.map((i) => [i.id, i.status, statusState(i, policy)]),
    [
      ['PLT-208', 'PARTIALLY RESOLVED', 'active'],
      ['PLT-207', 'Resolved', 'resolved'],
      ['PLT-206', 'Monitoring', 'active'],
    ],
  );
  const notes = readingNotes(idx.incidents[0], policy);
  assert.equal(notes.statusNote, 'leader election patched, the runbook change for manual failover still under review');
  // A write replaces the value across both lines, markers kept.
  const field = idx.incidents[1].fields.find((f) => f.canonical === 'status')!;
  const written = idx.text.slice(0, field.valueStart) + 'Monitoring' + idx.text.slice(field.valueEnd);
  assert.match(written, /^\*\*Status: Monitoring\*\*$/m);
  assert.equal(indexLog(written).incidents[1].status, 'Monitoring');
  // Not a field: the first line closes its bold, or the second does not end with the marker.
  assert.equal(indexLog('## INC-9: X\n**Status: Open** and more\ntext**\n').incidents[0]?.status ?? null, null);
  assert.equal(indexLog('## INC-9: X\n- **Severity:** SEV-2\n**Status: Open, see\nthe ticket\n').incidents[0].status, null);
});

test('a table of occurrences (a date column and an end or duration column) lists one incident per row', () => {
  const idx = indexFixture('shapes/occurrence-table.md');
  assert.deepEqual(
    idx.incidents.map((i) => [i.id, i.title, i.detected, statusState(i, policy)]),
    [
      ['2026-03-02-load-balancer-health-check-misfired', 'Load balancer health check misfired', '2026-03-02', 'resolved'],
      ['2026-03-19-dns-ttl-change-propagated-unevenly', 'DNS TTL change propagated unevenly', '2026-03-19', 'resolved'],
      ['2026-04-07-upstream-provider-outage-in-eu-west', 'Upstream provider outage in eu-west', '2026-04-07', 'active'],
    ],
  );
  // Each row says how it was read.
  const notes = readingNotes(idx.incidents[0], policy);
  assert.equal(notes.readAs, "a row of a table of occurrences under 'Downtime' (a date column and a column saying when it ended)");
  assert.equal(notes.statusFrom, 'Back up (UTC): 08:05');
  assert.equal(readingNotes(idx.incidents[2], policy).statusFrom, 'Back up (UTC): not yet');
  // Other languages, a duration column; no date column is no table of incidents.
  const de = indexLog('# Störungen\n\n| Datum | Dauer | Ursache |\n|---|---|---|\n| 2026-01-05 | 20 min | Zertifikat abgelaufen |\n');
  assert.deepEqual(de.incidents.map((i) => [i.title, statusState(i, policy)]), [['Zertifikat abgelaufen', 'resolved']]);
  // A table-row log with a title column gets its status from such a column too, without a note of how it was found.
  const rows = indexLog('| Date | Summary | Fixed |\n|---|---|---|\n| 2026-01-05 | LB flapped | 2026-01-06 |\n').incidents;
  assert.deepEqual(rows.map((i) => [statusState(i, policy), readingNotes(i, policy).readAs]), [['resolved', undefined]]);
  assert.equal(indexLog('| Down | Recovered | Notes |\n|---|---|---|\n| 07:40 | 08:05 | LB |\n').incidents.length, 0);
  assert.equal(indexLog('| Date | Notes |\n|---|---|\n| 2026-01-05 | LB |\n').incidents.length, 0);
});

test('a page that opens with its table of occurrences is read through the table: the sections after it are notes; the playbook naming the table reads the same rows', () => {
  const text = readFileSync(join(__dirname, '../fixtures/logs/shapes/occurrences-with-analysis.md'), 'utf8');
  // The evidence, the suspects and "What would catch the next one" are about the three occurrences.
  const read = indexLog(text);
  assert.deepEqual(
    read.incidents.map((i) => [i.detected, statusState(i, policy)]),
    [
      ['2026-02-11', 'resolved'],
      ['2026-02-14', 'resolved'],
      ['2026-02-20', 'resolved'],
    ],
  );
  assert.equal(readingSummary(read).text, "Read 1 table of occurrences under 'When it has happened' (lines 10–12): 3 incidents.");
  // A table after sections that tell incidents is a summary beside them: the sections stay incidents.
  const after = indexLog('# Outages\n\n## Printer queue stuck\n\nThe spooler hung after the driver update; we rolled it back.\n\n## The table\n\n| Date | Down | Recovered |\n|---|---|---|\n| 2026-01-05 | 10:00 | 10:20 |\n');
  assert.deepEqual(after.incidents.map((i) => i.title || i.detected), ['Printer queue stuck', '2026-01-05']);
  // The team can say so too.
  const named = { ...defaultPolicy(), reading: { incidentTables: ['When it has happened'] } };
  assert.deepEqual(
    indexLog(text, { policy: named }).incidents.map((i) => [i.detected, statusState(i, named)]),
    [
      ['2026-02-11', 'resolved'],
      ['2026-02-14', 'resolved'],
      ['2026-02-20', 'resolved'],
    ],
  );
});

test('the playbook names tables that list incidents, by the heading they are under or their columns', () => {
  const text = '# Ops\n\n## Blips\n\n| Day | Notes |\n|---|---|\n| 2026-01-05 | LB flapped |\n| 2026-01-09 | DNS |\n';
  assert.equal(indexLog(text).incidents.length, 0);
  const byHeading = { ...defaultPolicy(), reading: { incidentTables: ['blips'] } };
  assert.deepEqual(indexLog(text, { policy: byHeading }).incidents.map((i) => i.title), ['LB flapped', 'DNS']);
  const byColumns = { ...defaultPolicy(), reading: { incidentTables: ['Day | Notes'] } };
  assert.equal(indexLog(text, { policy: byColumns }).incidents.length, 2);
});

test('the playbook\'s statusWords and reading settings are read and checked', () => {
  const p = loadPolicy('statusWords:\n  open: [Awaiting vendor]\n  closed: [Handled elsewhere]\n  deferred: [Icebox]\nreading:\n  incidentLevel: 3\n  incidentTables: [Outages, "Date | Down"]\n');
  assert.deepEqual(p.reading, { incidentLevel: 3, incidentTables: ['Outages', 'Date | Down'] });
  const state = (value: string) => statusState(indexLog(`## INC-1: X\n- **Severity:** SEV-2\n- **Status:** ${value}\n`, { policy: p }).incidents[0], p);
  assert.deepEqual(['Awaiting vendor', 'Handled elsewhere (see INC-4)', 'Icebox'].map(state), ['active', 'resolved', 'deferred']);
  assert.throws(() => loadPolicy('reading:\n  incidentLevel: 5\n'), /line 2: .*level 2 to 4/);
  assert.throws(() => loadPolicy('statusWords:\n  maybe: [x]\n'), /statusWords/);
});

test('untitled prose sections under a log titled like a list of incidents are incidents; format, template and not-an-incident sections are not', () => {
  const idx = indexFixture('shapes/prose-sections.md');
  assert.deepEqual(
    idx.incidents.map((i) => [i.id, i.idWritten, statusState(i, policy)]),
    [
      ['double-bookings-on-the-last-free-slot', false, 'resolved'],
      ['calendar-sync-with-the-partner-hotels', false, 'active'],
      ['confirmation-emails-went-out-in-the', false, 'active'],
      ['search-page-timed-out-on-mobile', false, 'unknown'],
    ],
  );
  const [first, second] = idx.incidents;
  assert.deepEqual(readingNotes(first, policy), {
    readAs: "an untitled section under 'Postmortems' telling one incident (no id, date or fields)",
    statusFromText: '"refunded" (line 13)',
  });
  assert.equal(readingNotes(second, policy).statusFromText, '"still unfixed" (line 18)');
  const es = indexFixture('shapes/prose-sections-es.md');
  assert.deepEqual(es.incidents.map((i) => [i.title, statusState(i, policy)]), [
    ['El cobro recurrente falló a fin de mes', 'resolved'],
    ['La aplicación móvil no cargaba el catálogo', 'active'],
  ]);
});

test('the prose rule keeps away from logs whose incidents other rules find, and from other titles', () => {
  // A log with incidents of its own: its other sections stay sections.
  const own = indexLog('# Incidents\n\n## INC-1: Checkout down\n- **Status:** Resolved\n\n## Notes on the on-call rota\n\nWe swap shifts on Fridays and write it in the calendar.\n');
  assert.deepEqual(own.incidents.map((i) => i.id), ['INC-1']);
  // A title that is not a list of incidents.
  assert.equal(indexLog('# Runbook\n\n## Restart the workers\n\nSSH to the box and restart the three worker services in order.\n').incidents.length, 0);
  // A section of a list only, or of a sentence too short, tells no incident.
  assert.equal(indexLog('# Outages\n\n## Links\n\n- dashboard\n\n## Contacts\n\nSee wiki.\n').incidents.length, 0);
  // Under an H2 of a longer document, its H3 sections.
  const nested = indexLog('# Service handbook\n\n## Outages\n\n### Queue backlog on Monday\n\nThe consumer pool was scaled to zero by mistake and we restored it.\n\n## Deploys\n\nWe deploy on Tuesdays after the standup, never on Fridays.\n');
  assert.deepEqual(nested.incidents.map((i) => [i.title, i.reading?.under]), [['Queue backlog on Monday', 'Outages']]);
});

test('a log\'s rules, its schema and the place for its entries are about the log: none is an incident', () => {
  const form = '# Alert log\n\n> One block per alert that fires.\n\n## Discipline\n\n- **Append, do not edit.** Old entries are reference material and the weekly report reads them.\n- **Fill every field.** A blank field becomes a blank row in the report.\n\n## Schema (per entry)\n\n```\n## YYYY-MM-DD HH:MM UTC — <alert_name>\n\n- **Tier**: critical | warning\n- **Root cause**: <one sentence>\n```\n\nThree false fires of one alert in a week mean the alert needs tuning.\n\n## Entries\n\n> Replace this note with the first real entry, then append newest at the bottom.\n';
  assert.deepEqual(indexLog(form, { policy }).incidents, []);
  // Its dated entries are read as ever.
  const withEntry = indexLog(form + '\n## 2026-05-02 09:14 UTC — ApiErrorRate\n\n- **Tier**: critical\n- **Root cause**: a registry answered 503 for ten minutes; it recovered on its own.\n', { policy });
  assert.deepEqual(withEntry.incidents.map((i) => i.title), ['ApiErrorRate']);
  // A form shown in the log does not stop its prose entries from being read, whatever the form.
  const prose = indexLog('# Postmortems\n\n## How to add an entry\n\n```\n## YYYY-MM-DD — <short title>\n```\n\n## Checkout returned 500s after the tax service deploy\n\nThe new client timed out on every call; we rolled the deploy back within the hour.\n', { policy });
  assert.deepEqual(prose.incidents.map((i) => i.title), ['Checkout returned 500s after the tax service deploy']);
});

test('days under a title of meetings, sprints or releases are those, not incidents, unless their fields tell one', () => {
  for (const page of [
    '# 定例会議 議事録\n\n## 2026年7月28日（火） 10:00〜11:00\n\n- 参加者: 田中、佐藤\n- 対策：キャッシュ設定を見直す予定です。\n\n## 2026年8月4日（火） 10:00〜11:00\n\n- 議題: リリース計画\n',
    '# Sprint plan\n\n## Sprint 31 (28/07/2026 – 08/08/2026)\n\n**Status:** In progress\n\n- Checkout redesign\n',
    '# Team meetings\n\n## 2026-07-28 Weekly sync\n\n- Attendees: Ana, Bo\n- Action: Ana to review the dashboards.\n',
    '# Release notes\n\n## 2026-07-28 Faster exports\n\nExports now stream.\n',
  ]) assert.deepEqual(indexLog(page, { policy }).incidents, [], page.split('\n')[0]);
  // A meeting's day whose fields tell an incident is one.
  const told = indexLog('# Team meetings\n\n## 2026-07-28 Checkout outage review\n\n- **Severity:** SEV-1\n- **Status:** Resolved\n', { policy });
  assert.deepEqual(told.incidents.map((i) => i.title), ['Checkout outage review']);
  // A record's own word is no meeting: `# Incident-Protokoll` is a log of incidents.
  assert.deepEqual(indexLog('# Incident-Protokoll\n\n## 2026-07-28 Login fails\n\nUsers could not log in for an hour; we restarted the auth pods.\n', { policy }).incidents.map((i) => i.title), ['Login fails']);
});

test('a day whose own title names a meeting is a meeting, not an incident, unless its fields or title tell one', () => {
  const page = (title: string, body = '- Attendees: Ana, Bo\n- Agreed to move the backup window.\n') => `# Ops notes\n\n## 2026-03-05 ${title}\n\n${body}\n## 2026-03-14 Checkout outage\n\nCheckout returned 500s for 40 minutes after a config push; rolled back.\n`;
  for (const title of ['Weekly ops sync', 'Team sync-up', 'Sprint 14 retro', 'Standup notes', 'Stand-up', 'Incident review meeting', 'Meeting minutes', 'Team-Besprechung', 'Réunion d’équipe', '週次定例', '주간 회의']) {
    assert.deepEqual(indexLog(page(title), { policy }).incidents.map((i) => i.title), ['Checkout outage'], title);
  }
  // A meeting word that is not the title's last, a sync that is no meeting, and a failure told in the title: incidents.
  for (const title of ['Meeting room booking down for an hour', 'Database sync', 'Users could not join meeting', 'Retro board outage']) {
    assert.equal(indexLog(page(title), { policy }).incidents.length, 2, title);
  }
  // Fields that tell an incident make a meeting's day one.
  assert.equal(indexLog(page('Weekly ops sync', '- **Severity:** SEV-2\n- **Status:** Resolved\n'), { policy }).incidents.length, 2);
});

test('the playbook names the heading level that holds incidents', () => {
  const text = '# Service notes\n\n## Queue backlog on Monday\n\nThe consumer pool was scaled to zero by mistake; verification pending.\n\n## Format\n\nOne section per problem, in prose, newest first please.\n';
  assert.equal(indexLog(text).incidents.length, 0);
  const p = { ...defaultPolicy(), reading: { incidentLevel: 2 } };
  const idx = indexLog(text, { policy: p });
  assert.deepEqual(idx.incidents.map((i) => [i.title, statusState(i, p)]), [['Queue backlog on Monday', 'active']]);
  assert.equal(readingNotes(idx.incidents[0], p).readAs, "an untitled section under 'Service notes' telling one incident (no id, date or fields)");
});

test('a status said only in prose: open when something is still pending, resolved when a fix is described', () => {
  const one = (body: string) => indexLog(`## INC-1: Queue backlog\n- **Severity:** SEV-2\n\n${body}\n`).incidents[0];
  assert.equal(statusState(one('We restarted the consumers; the alert is not yet in place.'), policy), 'active');
  assert.equal(statusState(one('We restarted the consumers and raised the pool size.'), policy), 'resolved');
  assert.equal(statusState(one('The consumers were slow.'), policy), 'unknown');
  // A written status wins; task items and tables are not prose.
  assert.equal(statusState(one('- **Status:** Resolved\n\nVerification pending on the old cluster.'), policy), 'resolved');
  assert.equal(statusState(one('- [ ] Verification pending'), policy), 'unknown');
  assert.equal(statusState(one('Noch nicht behoben.'), policy), 'active');
  assert.deepEqual(one('Verification pending.').reading, { statusText: { words: 'verification pending', line: 4, open: true } });
  // A fix said not to have happened is no fix, in any of the languages: never resolved from it.
  for (const body of ['The outage has not been resolved.', "The cache wasn't fixed by the restart.", 'The old index could not be restored.', 'We never rolled back the flag.', 'Das Problem wurde nicht behoben.', "Le service n'a pas été rétabli.", 'Il disservizio non è stato risolto.', 'Сервис не восстановили.']) {
    assert.equal(statusState(one(body), policy), 'unknown', body);
  }
  // A negated verb that tells the cause does not hide the fix told after it.
  assert.equal(statusState(one('The password variable was not resolved by compose.\nWe moved it to the env file and redeployed.'), policy), 'resolved');
  // A negation further away is not read as one.
  assert.equal(statusState(one('Not a big change: we restarted the consumers.'), policy), 'resolved');
  assert.equal(statusState(one('No users were affected; we restored the index from the snapshot.'), policy), 'resolved');
});

test('a fix label whose words say the fix is still to come leaves the incident open; a fix told as done ends it', () => {
  const one = (body: string) => indexLog(`# Error log\n\n## 2026-08-13 / Export failed\n\n- Cause: the path had no destination.\n- ${body}\n`, { policy }).incidents[0];
  for (const body of ['Fix: planned for 1.3.', 'Fix: will retry with backoff once the vendor answers.', 'Fix: will be deployed after the freeze.', '조치: 최종 프롬프트에서 근거와 해석을 분리하도록 수정할 예정.', '조치: 사용자 터미널에서 실행할 명령을 제공해야 한다.', '対策：キャッシュの期限を短くする予定です。', '修复：计划在下个版本修改重试逻辑。']) {
    const i = one(body);
    assert.equal(statusState(i, policy), 'active', body);
    // The reading says which words it was read from.
    const notes = readingNotes(i, policy);
    assert.ok((notes.statusFrom ?? notes.statusFromText ?? '').length > 0, body);
  }
  for (const body of [
    'Fix: added the destination and re-ran the copy.', '조치: 올바른 목적지에 파일을 다시 복사함.', '対策：キャッシュの期限を短くした。', 'Fix: restarted the job; we will keep an eye on it.',
    // Words that open done fixes as often as plans, and a done fix with a plan after it.
    'Fix: scheduled job restored from the config repo and run by hand.', 'Fix: needs no change on the database; the alert rule was corrected.', 'Fix: To be safe we rotated every cert.',
    'Resolution: will-call orders were moved to the new desk.', '조치: 설정을 롤백해 정상화했고, 배포 전 검증 단계를 추가할 예정.', '対策：CDN の設定を元に戻した。恒久対策は来月実施予定です。',
    '修复：将配置中心回滚到上一版本后恢复正常。', '修复：待命工程师重启了节点。',
  ]) {
    assert.equal(statusState(one(body), policy), 'resolved', body);
  }
  // A setting named like a fix is no fix label: `Screen resolution: needs to be 1080p` says nothing of the incident.
  assert.equal(statusState(one('Screen resolution: will be 1080p on the new monitors.'), policy), 'unknown');
  // The date and the slash before the title are no part of it.
  assert.equal(one('Fix: planned.').title, 'Export failed');
});

test('a label naming problems still unresolved, or ending by saying its part is still unfixed, leaves the incident open', () => {
  const one = (body: string) => indexLog(`# Incident log\n\n## 2026-08-07 — Assistant answers about itself in the third person\n\n**Cause:** the profile it reads was written in the third person.\n\n**Fix:** rewrote the profile in the first person.\n\n${body}\n`, { policy }).incidents[0];
  for (const body of [
    '**未解決の課題(2026-08-07時点)**: 書き直した後も、以下がまだ残っている。',
    '**Remaining issues:** recall still misses questions about the model it runs on.',
    '**The half that is real and still unfixed:** captions bake the count in at generation time.',
    '**남은 문제**: 다른 표현은 여전히 삼인칭으로 나온다.',
  ]) {
    const i = one(body);
    assert.equal(statusState(i, policy), 'active', body);
    assert.ok(readingNotes(i, policy).statusFrom, body);
  }
  // Nothing left under such a label, or a label that only mentions the words, changes nothing.
  assert.equal(statusState(one('**Remaining issues:** none.'), policy), 'resolved');
  assert.equal(statusState(one('**Why it stayed unfixed for a week and then got fixed:** nobody owned the profile.'), policy), 'resolved');
});

test('no status, and a duration still running or something outstanding: open, with the field or heading it was read from; OK is over', () => {
  const idx = indexFixture('shapes/still-outstanding.md');
  const read = idx.incidents.map((i) => [i.title, statusState(i, policy), readingNotes(i, policy).statusFrom ?? readingNotes(i, policy).statusFromText ?? null]);
  assert.deepEqual(read, [
    ['billing-export — Nightly export rejected by the bank\'s SFTP', 'active', 'Duration: Ongoing — not yet resolved'],
    ['uploads — Customer files written to the public bucket', 'active', '"outstanding" (line 30)'],
    ['ci — Deploy key printed into a build log', 'active', "Outstanding: the old build log still shows the key; deleting it is a manual step in the CI's UI."],
    ['search — Reindex stalled at 40%', 'resolved', 'Duration: 3 h 10 min'],
    ['canary — One-hour checkpoint', 'resolved', null],
  ]);
  const one = (body: string) => statusState(indexLog(`## INC-1: Queue backlog\n- **Severity:** SEV-2\n${body}\n`).incidents[0], policy);
  // The same in other languages; a written status wins; an empty or "none" list leaves nothing outstanding.
  for (const body of ['- **Durée :** en cours', '- **Dauer:** andauernd', '- **Duración:** en curso', 'Pendientes: borrar los objetos públicos', '\n### Offene Punkte\n\nDie alten Logs sind noch sichtbar.']) assert.equal(one(body), 'active', body);
  assert.equal(one('- **Status:** Resolved\n- **Outstanding:** delete the old log'), 'resolved');
  for (const body of ['- **Outstanding:** none', '- **Outstanding:** —', '\n### Outstanding\n\n---\n']) assert.equal(one(body), 'unknown', body);
  // A duration that is a length is no sign of an open incident; nor is "unknown".
  assert.equal(one('- **Duration:** unknown'), 'unknown');
  for (const w of ['OK', '✅ OK', 'All clear', 'Back to normal', 'Opérationnel', 'Wiederhergestellt', 'В норме']) assert.equal(statusState(indexLog(`## INC-1: X\n- **Status:** ${w}\n`).incidents[0], policy), 'resolved', w);
});

test('a status restated in a sentence below the status field (an appended resolution) is the latest; the field stays as written', () => {
  const log = (after: string) => `## OPS-2026-09-11-001 — Sync stopped mid-run\n\n| Field | Value |\n|---|---|\n| Date | 2026-09-11 |\n| Status | Open |\n\n### What stopped\n\nThe sync could not find a lesson.\n\n### Resolution — 2026-09-11\n\n${after}\n`;
  const one = (after: string) => indexLog(log(after)).incidents[0];
  const fixed = one('We replaced the lesson and re-ran the sync. Incident status: **Resolved**.');
  assert.deepEqual([fixed.status, statusState(fixed, policy), fixed.fields.find((f) => f.canonical === 'status')?.value], ['Resolved', 'resolved', 'Open']);
  assert.equal(readingNotes(fixed, policy).statusFromText, '"incident status: resolved" (line 14)');
  // The last restatement wins; other languages' keys; a word no table knows, or a key mid-sentence, restates nothing.
  assert.equal(one('We re-ran it. Status: resolved. Then it failed again. Status: investigating.').status, 'Investigating');
  assert.equal(one('On a relu le lot. Statut de l\'incident : résolu.').status, 'Resolved');
  assert.equal(one('We asked the vendor. Status: waiting on them.').status, 'Open');
  assert.equal(one('We checked the status: resolved pages look fine.').status, 'Open');
  // Above the field it is not later; with no status field the prose rules decide as before.
  assert.equal(indexLog('## OPS-1 — X\n\nStatus was resolved. Incident status: resolved.\n\n| Field | Value |\n|---|---|\n| Status | Open |\n').incidents[0].status, 'Open');
});

test('a numbered section among numbered incidents is one of them, with or without their key lines; an unnumbered appendix is not', () => {
  const idx = indexFixture('shapes/numbered-lessons.md');
  assert.deepEqual(idx.incidents.map((i) => [i.line, i.title]), [
    [5, 'Log rotation filled the root disk'],
    [13, 'DNS answers cached past the failover'],
    [21, 'Backups that skipped the uploads folder'],
    [30, 'The certificate that renewed on the wrong host'],
  ]);
  const numbered = (sections: string[]) => indexLog(`# Outages\n\n${sections.join('\n')}`).incidents.map((i) => i.title);
  const withKeys = (n: number, title: string) => `## ${n}. ${title}\n\n**Fix:** a fix.\n\n**Lesson:** a lesson.\n`;
  const bare = (n: number, title: string) => `## ${n}. ${title}\n\nWhat happened, in a paragraph.\n`;
  // At the end of a run, after two incidents; at its start, before two.
  assert.deepEqual(numbered([withKeys(1, 'A'), withKeys(2, 'B'), bare(3, 'C')]), ['A', 'B', 'C']);
  assert.deepEqual(numbered([bare(1, 'A'), withKeys(2, 'B'), withKeys(3, 'C')]), ['A', 'B', 'C']);
  // One incident beside it is not a run; another level, or a number out of sequence, is not its neighbour.
  assert.deepEqual(numbered([withKeys(1, 'A'), bare(2, 'B')]), ['A']);
  assert.deepEqual(numbered([withKeys(1, 'A'), '### 2. Sub\n\nText.\n', withKeys(3, 'C')]), ['A', 'C']);
  assert.deepEqual(numbered([withKeys(1, 'A'), withKeys(2, 'B'), bare(7, 'G')]), ['A', 'B']);
});

test('the reading summary names each part of a log and how many incidents it holds', () => {
  const mixed = indexLog(
    '# Incidents\n\n## Printer queue stuck\n\nThe spooler hung after the driver update; we rolled back the driver.\n\n## Wi-Fi drops in room 4\n\nThe access point reboots every hour; still unfixed.\n\n## Outage table\n\n| Date | Down | Recovered | Notes |\n|---|---|---|---|\n| 2026-01-05 | 10:00 | 10:20 | ISP |\n| 2026-01-09 | 08:00 | 08:05 | Power |\n',
  );
  const s = readingSummary(mixed);
  assert.equal(s.guessed, true);
  assert.equal(
    s.text,
    "Read 2 H2 sections under 'Incidents' as incidents (no ids or dates); 1 table of occurrences under 'Outage table' (lines 15–16): 2 incidents. 2 statuses were read from the words of the text (no status written).",
  );
  const plain = readingSummary(indexFixture('canonical.md'));
  assert.equal(plain.guessed, false);
  assert.match(plain.text, /^Read \d+ H2 sections? with ids, dates or fields\.$/);
  const nothing = readingSummary(indexLog('# Notes\n\nNothing here.\n'));
  assert.equal(nothing.text, "Read no incidents: no heading has an id, a date or incident fields, no table lists incidents, and no section tells one under a title such as Incidents. If it lists them under headings of another level or in a table, the playbook's reading settings say where (reading: incidentLevel, incidentTables). A list is read as incidents under a title such as Incidents when its items each tell a problem and what was done (an arrow) or start with a date; blocks of key lines when each opens with an ID line.");
  assert.equal(nothing.worthSaying, false, 'a new log says nothing');
  // A log with things written in it and no incident read says so (check's info finding, the view's tooltip).
  const bullets = readingSummary(indexLog('# Failure history\n\n- Sync: overwrote a file → skip on conflict.\n- Sync: temp file left → rollback added.\n- CI: packaging failed → version pinned.\n- Release: no files on push → tags only.\n'));
  assert.equal(bullets.worthSaying, true);
  assert.match(bullets.text, /^Read no incidents/);
});

test('a summary table and sections that do not match one to one: each incident once, by id or by day and title', () => {
  const idx = indexFixture('shapes/summary-union.md');
  assert.deepEqual(
    idx.incidents.map((i) => [i.title, i.source, statusState(i, policy)]),
    [
      ['Search suggestions empty', 'table-row', 'resolved'],
      ['Product images 404 after deploy', 'section', 'resolved'],
      ['Cart totals rounded wrong', 'section', 'resolved'],
      ['Gift cards rejected at checkout', 'section', 'active'],
    ],
  );
  // A row with an id in its Incident column keeps it; a row matches a section of its own day only.
  const ids = indexLog('| Date | Incident |\n|---|---|\n| 2026-01-02 | OPS-7: Queue stuck |\n| 2026-01-03 | Disk full |\n\n## 2026-01-09 — Disk full\n\nThe log volume filled up; we rotated the logs.\n');
  assert.deepEqual(ids.incidents.map((i) => [i.id, i.title]), [
    ['OPS-7', 'Queue stuck'],
    ['2026-01-03-disk-full', 'Disk full'],
    ['2026-01-09-disk-full', 'Disk full'],
  ]);
});

test('incident init proposes the reading settings, commented, for a log read with a guess', () => {
  const prose = proposePlaybook(indexFixture('shapes/prose-sections.md'), policy);
  assert.match(prose, /^# How the log was read \(some of it is a guess\):$/m);
  assert.match(prose, /^# reading:\n# {3}incidentLevel: 2$/m);
  const table = proposePlaybook(indexFixture('shapes/occurrence-table.md'), policy);
  assert.match(table, /^# reading:\n# {3}incidentTables: \[Downtime\]$/m);
  // Uncommented, the block loads and reads the same incidents for certain.
  const settings = loadPolicy(table.replace(/^# reading:$/m, 'reading:').replace(/^# {3}incidentTables:/m, '  incidentTables:'));
  assert.deepEqual(settings.reading, { incidentTables: ['Downtime'] });
  // Unknown statuses can be kept as written under statusWords.
  const own = proposePlaybook(indexLog('## INC-2026-0101-001: A\n\n- **Status:** Awaiting vendor\n- **Severity:** SEV-2\n'), policy);
  assert.match(own, /^# statusWords:\n# {3}open: \[Awaiting vendor\]$/m);
  // A log read without a guess gets no reading block.
  assert.doesNotMatch(proposePlaybook(indexFixture('canonical.md'), policy), /reading:/);
});

test('notes about the log, in any of the languages, are not incidents; mitigated is Mitigating', () => {
  const about = indexLog('# Incidents\n\n## Printer queue stuck\n\nThe spooler hung after the driver update; we rolled back the driver.\n\n## About this file\n\nWe keep this list so the auditors can see what went wrong.\n');
  assert.deepEqual(about.incidents.map((i) => i.title), ['Printer queue stuck']);
  const de = indexLog('# Störungen\n\n## Drucker offline\n\nDer Spooler hing nach dem Update, Treiber zurückgerollt und neu gestartet.\n\n## Hinweise\n\nNeue Einträge bitte oben einfügen, mit kurzer Beschreibung.\n');
  assert.deepEqual(de.incidents.map((i) => i.title), ['Drucker offline']);
  const m = indexLog('## ENG-3 Slow queries\n\n**Status: MITIGATED — index added; the rewrite\nis still pending review.**\n').incidents[0];
  assert.deepEqual([m.status, statusState(m, policy)], ['Mitigating', 'active']);
  // Mitigated in the other languages: Mitigating (active), not a word nobody knows.
  for (const w of ['Mitigada; seguimiento pendiente', 'Mitigado', 'Atténuée', 'Eingedämmt', 'Mitigato', 'Смягчено']) {
    const i = indexLog(`## INC-1: X\n- **Status:** ${w}\n`).incidents[0];
    assert.deepEqual([i.status, statusState(i, policy)], ['Mitigating', 'active'], w);
  }
});

test('a ledger table with Chinese, Japanese or Korean headers (ID, 日付, 症状, 状態) lists incidents; a table of guards without ids or dates does not', () => {
  const idx = indexFixture('shapes/ledger-table-cjk.md');
  assert.deepEqual(
    idx.incidents.map((i) => [i.id, i.title, i.detected, statusState(i, policy)]),
    [
      ['INC-2026-10-02-1', '監視なし（調査で発見）。本番のジョブログが出ない', '2026-10-02', 'active'],
      ['INC-2026-09-20-1', 'CI 失敗の通知。ビルドが 10 秒で失敗', '2026-09-20', 'resolved'],
      ['INC-2026-09-14-2', '「Monitor is DOWN」', '2026-09-14', 'resolved'],
      // 날짜 (date), 증상 (symptom), 상태 (status): a row per occurrence.
      ['2026-08-03-1', '배치 작업 지연', '2026-08-03', 'resolved'],
    ],
  );
});

test('a resolved word joined to what is still pending (FIXED_PENDING_VERIFY) is open, as written; after a comma or a dash, or pending paperwork, it stays resolved', () => {
  const one = (status: string) => {
    const i = indexLog(`# Incidents\n\n## INC-2026-009: Wrong tax on invoices\n- **Status:** ${status}\n- **Detected:** 2026-10-01\n`).incidents[0];
    return [i.status, statusState(i, policy)];
  };
  assert.deepEqual(one('FIXED_PENDING_VERIFY'), ['FIXED_PENDING_VERIFY', 'active']);
  assert.deepEqual(one('Resolved awaiting deploy to prod'), ['Resolved awaiting deploy', 'active']);
  assert.deepEqual(one('RESOLVED_PENDING_VERIFY'), ['RESOLVED_PENDING_VERIFY', 'active']);
  assert.deepEqual(one('Behoben ausstehend Gerätetest'), ['Behoben ausstehend Gerätetest', 'active']);
  for (const over of ['Fixed, pending verification', 'Resolved — pending verification', 'Resolved pending postmortem', 'Resolved (pending review)', 'CLOSED', 'Fixed']) assert.deepEqual(one(over), ['Resolved', 'resolved'], over);
  // A lifecycle whose pending state is the playbook's own status is read as the playbook says.
  const own = loadPolicy('statuses: [Detected, Fixed_Pending_Verify, Closed]\nresolvedStatus: Closed\n');
  const i = indexLog('## INC-1: X\n- **Status:** FIXED_PENDING_VERIFY\n', { policy: own }).incidents[0];
  assert.equal(statusState(i, own), 'active');
});

test('an incident archive in German: its untitled sections are incidents; a title that says verification is still open makes it open; a fix told in German ends it', () => {
  const idx = indexFixture('shapes/incident-archive-de.md');
  assert.deepEqual(
    idx.incidents.map((i) => [i.title, statusState(i, policy), readingNotes(i, policy).statusFromText ?? null]),
    [
      ['Absturz beim Start: Aktivität fehlte im Manifest (Issue #212, PR #213, gemerged)', 'resolved', null],
      ['Code-Verkleinerung greift nicht (Issue #190, PR #195, gemerged — Verifikation offen)', 'active', '"verifikation offen" (line 13)'],
      ['Sicherungen blieben leer (Issue #170)', 'resolved', '"erganzt" (line 21)'],
    ],
  );
  // The same titles in the other languages say the log lists incidents.
  for (const title of ['Incident archive', 'Archivo de incidentes', 'Arquivo de incidentes', 'Archive des incidents', 'Vorfallsarchiv', 'Archivio incidenti', 'Архив инцидентов']) {
    const log = `# ${title}\n\n## Checkout down after the deploy\n\nPayments failed for twenty minutes. Rolled back the release.\n`;
    assert.equal(indexLog(log).incidents.length, 1, title);
  }
});

test('a register with an id, a date and a status on each row lists incidents even with no title column (the title is what happened); a follow-up table with no date column is not one; Entry rules explain the log', () => {
  const idx = indexFixture('shapes/register-table.md');
  assert.deepEqual(
    idx.incidents.map((i) => [i.id, i.title, i.detected, statusState(i, policy)]),
    [
      ['ENV-001', 'Nobody could install dependencies on the new laptops.', '2026-10-01', 'resolved'],
      ['CI-001', 'The pipeline ran no tests for two days and reported green.', '2026-10-03', 'active'],
    ],
  );
  // Without the status column the same table is no register, and its rows are not incidents.
  const noStatus = indexLog('# Notes\n\n| ID | Date | Category | Impact |\n|---|---|---|---|\n| X-1 | 2026-10-01 | Env | Slow installs |\n');
  assert.equal(noStatus.incidents.length, 0);
});

test('index tables headed in Russian (№, Дата, Что, Статус) and Chinese (编号, 标题, 状态) list incidents, linked files or not', () => {
  const idx = indexFixture('shapes/index-tables-ru-zh.md');
  assert.deepEqual(
    idx.incidents.map((i) => [i.id, i.title, statusState(i, policy)]),
    [
      ['INC-001', 'Радио: провалы звука у слушателей', 'active'],
      ['INC-002', 'Вход по ссылке зацикливается', 'resolved'],
      ['0001', '同步卡在 99%', 'active'],
      ['0002', '重复扣款', 'resolved'],
    ],
  );
  // Dates between dots are day first.
  assert.deepEqual(idx.incidents.slice(0, 2).map((i) => i.detected), ['2026-10-07', '2026-10-01']);
});

test('a row of an incident table cut off by a blank line is no incident (as Markdown shows it), and check says where it is and how to join it', () => {
  const log = ['# Incident Log', '', '| Date | Symptom | Fix | Status |', '|---|---|---|---|', '| 2026-08-18 15:00 | Login broken | Removed the check | Resolved |', '', '| 2026-08-18 15:21 | Login slow | Pointed to the warm backend | Resolved |', '', 'Notes follow.', '', '| a | b |', ''].join('\n');
  const idx = indexLog(log);
  assert.equal(idx.incidents.length, 1);
  assert.deepEqual(
    idx.problems.filter((p) => p.code === 'table-row-cut-off').map((p) => [p.line, p.severity, p.message]),
    [[7, 'warning', 'Line 7 looks like a row of the table above (line 3), but the blank line before it ends the table, so it is not read as an incident. Remove the blank line to make it a row.']],
  );
  // Joined, it is a row; a line with another number of cells, or prose between, is not reported.
  assert.equal(indexLog(log.replace('|\n\n| 2026-08-18 15:21', '|\n| 2026-08-18 15:21')).incidents.length, 2);
  for (const other of [log.replace('| Pointed to the warm backend | Resolved |', '| Resolved |'), log.replace('|\n\n| 2026-08-18 15:21', '|\n\nThen:\n\n| 2026-08-18 15:21')]) {
    assert.equal(indexLog(other).problems.filter((p) => p.code === 'table-row-cut-off').length, 0);
  }
});

test('a summary table naming its incidents in short (Disk filling) or at length (Billing ➜ Ledger Sync Failure) is merged with their sections, each incident once; a row with no section stays its own', () => {
  const short = indexFixture('shapes/summary-short-names.md');
  assert.deepEqual(
    short.incidents.map((i) => [i.id, i.title, statusState(i, policy)]),
    [
      ['1', 'Disk Filling Up from Old Build Caches (80 GB)', 'resolved'],
      ['2', 'Queue Consumer Stuck After Deploy', 'resolved'],
    ],
  );
  const index = indexFixture('shapes/index-and-reports.md');
  assert.deepEqual(
    index.incidents.map((i) => [i.title, i.detected, statusState(i, policy)]),
    [
      ['Indexer fell an hour behind after a schema change', '2026-03-05', 'unknown'],
      ['Ledger Sync Failure', '2026-03-02', 'resolved'],
      ['Login Outage', '2026-03-02', 'resolved'],
    ],
  );
  // A one-word name, a name two sections fit, or a row of another day is no match.
  const log = (rows: string) => `# Incidents\n\n## Incident 1: Checkout Errors on Mobile\n\nFixed.\n\n## Incident 2: Checkout Errors on Desktop\n\nFixed.\n\n## Summary\n\n| Incident | Severity |\n|---|---|\n${rows}\n`;
  assert.equal(indexLog(log('| Checkout errors | P1 |')).incidents.length, 3, 'two sections fit: the row stays its own');
  assert.equal(indexLog(log('| Mobile | P1 |')).incidents.length, 3, 'one word is no name');
  assert.equal(indexLog(log('| Checkout errors mobile | P1 |')).incidents.length, 2);
});

test('a section pasted twice word for word is one incident, and check names the copy', () => {
  const idx = indexFixture('shapes/repeated-section.md');
  assert.deepEqual(idx.incidents.map((i) => [i.id, statusState(i, policy)]), [['#001', 'resolved'], ['#002', 'resolved'], ['#005', 'active']]);
  const repeated = idx.scanProblems.filter((p) => p.code === 'repeated-section');
  assert.deepEqual(repeated.map((p) => [p.line, p.severity, p.incidentId]), [[22, 'warning', '#002']]);
  assert.match(repeated[0].message, /Lines 22–28 repeat the section of #002 at line 15 word for word/);
  // The same id with other words is two incidents, and check's duplicate-id says so.
  const differs = readFileSync(join(__dirname, '../fixtures/logs/shapes/repeated-section.md'), 'utf8').replace('Causa: certificado expirado no balanceador.\nStatus: Resolvido.\n\n## Incidente #005', 'Causa: outro certificado.\nStatus: Resolvido.\n\n## Incidente #005');
  const two = indexLog(differs);
  assert.deepEqual(two.incidents.map((i) => i.id), ['#001', '#002', '#002', '#005']);
  assert.equal(two.scanProblems.filter((p) => p.code === 'repeated-section').length, 0);
});

test("a log with no title whose sections are labelled Symptom / Diagnosis / Fix tells one incident per section; '##1' is no heading, and check says so", () => {
  const idx = indexFixture('shapes/anatomy-sections.md');
  assert.deepEqual(
    idx.incidents.map((i) => [i.title, statusState(i, policy)]),
    [
      ['2 Nightly backup wrote to a full disk', 'resolved'],
      ['3 Webhook retries flooded the queue', 'active'],
    ],
  );
  assert.equal(readingNotes(idx.incidents[0], policy).readAs, 'an untitled section telling one incident (no id, date or fields)');
  const notHeading = idx.scanProblems.filter((p) => p.code === 'not-a-heading');
  assert.deepEqual(notHeading.map((p) => [p.line, p.severity]), [[1, 'warning']]);
  assert.match(notHeading[0].message, /needs a space after ##.*write "## 1 The build agents/);
  // One label is not an anatomy; a titled document is left to the title rules; other languages.
  assert.equal(indexLog('## Mirror down\n\nFix: restarted it and it came back.\n\n## Disk full\n\nFix: rotated the old logs away.\n').incidents.length, 0);
  assert.equal(indexLog('# Notes on the build\n\n## Mirror down\n\nSymptom: builds fail.\n\nFix: restarted it.\n').incidents.length, 0);
  const ru = indexLog('## 1 Redis отклоняет команды\n\nСимптом: backend падает при старте.\n\nИсправление: задан пароль.\n');
  assert.deepEqual(ru.incidents.map((i) => i.title), ['1 Redis отклоняет команды']);
  // `#tag` at a line's start and `##` in code are no heading-to-be.
  assert.equal(indexLog('#tag line\n\n```\n##1 in code\n```\n').scanProblems.filter((p) => p.code === 'not-a-heading').length, 0);
});

test('a row with no status column is open when a cell begins "Open:" or its Suggested Fix column is filled; noted where the status came from', () => {
  const idx = indexFixture('shapes/fix-to-do-table.md');
  assert.deepEqual(
    idx.incidents.map((i) => [i.id, statusState(i, policy)]),
    [
      ['OPS-101', 'active'],
      ['OPS-102', 'unknown'],
      ['2026-06-10-a-retry-after-a-timeout-charged-twice', 'unknown'],
      ['2026-06-12-a-stale-copy-overwrote-a-newer-edit', 'active'],
      ['2026-06-15-deploy-emptied-the-cache-at-peak', 'unknown'],
    ],
  );
  assert.equal(readingNotes(idx.incidents[0], policy).statusFrom, "Suggested Fix: Add the staging domain to the identity provider's allowed list.");
  assert.equal(readingNotes(idx.incidents[3], policy).statusFrom, 'The guard: Open: re-read before writing');
  // A status column, when there is one, says it: the cells are not read for it.
  const withStatus = indexLog('| ID | Title | Suggested fix | Status |\n|---|---|---|---|\n| OPS-1 | Login down | Rotate the key | Resolved |\n');
  assert.equal(statusState(withStatus.incidents[0], policy), 'resolved');
  // "Opened" and "Openness" are not "Open".
  const words = indexLog('| ID | Title | Notes |\n|---|---|---|\n| OPS-2 | Queue stuck | Opened by the pager |\n');
  assert.equal(statusState(words.incidents[0], policy), 'unknown');
});

test('a page that opens with its table of occurrences: the fresh shape of a recurring outage with evidence and suspects', () => {
  const text = '# The outages — what we know\n\n## When it has happened\n\n| Date | Down | Recovered | Notes |\n|---|---|---|---|\n| 2026-09-02 | morning | same day | first noticed |\n| 2026-09-05 | 00:05–13:03 | 13:03 | longest |\n\n## The one check that decides it\n\nRead the tunnel log from a failure window; if it reconnects then, it is the tunnel.\n';
  const idx = indexLog(text);
  assert.deepEqual(idx.incidents.map((i) => [i.detected, statusState(i, policy)]), [['2026-09-02', 'resolved'], ['2026-09-05', 'resolved']]);
});

test('an example entry, a dated note that nothing happened, a table that only points at incidents and a form to fill in are no incidents; expected behaviour is closed', () => {
  const idx = indexFixture('shapes/examples-and-quiet-notes.md');
  assert.deepEqual(
    idx.incidents.map((i) => [i.title, i.status, statusState(i, policy)]),
    [
      ['Reservas duplicadas', 'Resolved', 'resolved'],
      ['Sin reservas en domingo', 'Comportamiento esperado', 'resolved'],
    ],
  );
  // Each rule on its own, in other languages.
  const one = (text: string) => indexLog(text).incidents.map((i) => i.title);
  assert.deepEqual(one('## [Example] 2026-05-01 — Queue stuck\n- **Severity:** SEV-2\n- **Status:** Resolved\n\n## 2026-05-02 — Queue stuck\n- **Severity:** SEV-2\n- **Status:** Resolved\n'), ['Queue stuck']);
  assert.deepEqual(one('## Beispiel: 2026-05-01 Warteschlange hängt\n- **Severity:** SEV-2\n'), []);
  assert.deepEqual(one('## 2026-05-01 — All quiet, no incidents\n\n**Status**: stable\n'), []);
  assert.deepEqual(one('## 2026-05-01 — Keine Vorfälle\n\n**Status**: stabil\n'), []);
  assert.deepEqual(one('## Weekly summary (to be filled in on 2026-05-07)\n\n- Incidents:\n- Critical:\n'), []);
  // Words that only look like it: a real incident's title stays one.
  assert.deepEqual(one('## 2026-05-01 — Cache fill in eu-west failed\n- **Severity:** SEV-2\n'), ['Cache fill in eu-west failed']);
  assert.deepEqual(one('## 2026-05-01 — Checkout down, no incident declared for an hour\n- **Severity:** SEV-2\n'), ['Checkout down, no incident declared for an hour']);
  assert.deepEqual(one('## 2026-05-01 — Disk about to fill on db-2\n- **Severity:** SEV-3\n'), ['Disk about to fill on db-2']);
  // An example's word later in the title, or a title that merely mentions incidents, changes nothing.
  assert.deepEqual(one('## 2026-05-01 — Sample store down\n- **Severity:** SEV-2\n'), ['Sample store down']);
  assert.deepEqual(one('## 2026-05-01 — Incidents API down\n- **Severity:** SEV-2\n'), ['Incidents API down']);
  // References alone in the Incident column; with words, the rows are incidents.
  assert.equal(indexLog('| # | Rule | Incident |\n|---|---|---|\n| 1 | Never skip the canary | INC-12 |\n| 2 | Pin the CLI | #3, #4 |\n').incidents.length, 0);
  assert.equal(indexLog('| # | Date | Incident |\n|---|---|---|\n| 1 | 2026-05-01 | Queue stuck |\n').incidents.length, 1);
  // Expected behaviour in other words is closed.
  for (const word of ['Expected behaviour', 'Working as intended', 'Erwartetes Verhalten', 'Ожидаемое поведение', 'Comportement attendu']) {
    assert.equal(statusState(indexLog(`## INC-1: X\n- **Status:** ${word}\n`).incidents[0], policy), 'resolved', word);
  }
});

test('a list of one-line entries under a title naming outages: problem → fix, or a date first; a list of instructions is not read', () => {
  const idx = indexFixture('shapes/entry-lists.md');
  assert.deepEqual(
    idx.incidents.map((i) => [i.title, i.source, statusState(i, policy), i.detected, i.line]),
    [
      ['Billing: nightly invoice job ran twice after a retry', 'entry', 'resolved', null, 5],
      ['Search: index rebuild held a write lock for 9 minutes', 'entry', 'resolved', null, 6],
      ['Checkout: card form froze on Safari 17', 'entry', 'active', null, 7],
      ['DNS provider outage took the status page down for 25 minutes; moved the page to a second provider.', 'entry', 'unknown', '2026-02-14', 8],
      ['certificate on the API gateway expired at 02:00, renewed by hand at 02:40.', 'entry', 'resolved', '2026-01-30', 9],
    ],
  );
  // Each says it was a guess, and what its status came from.
  const notes = readingNotes(idx.incidents[2], policy);
  assert.equal(notes.readAs, "an item of a list under 'Outage history' telling one incident (no heading of its own)");
  assert.equal(notes.statusFromText, '"fix pending" (line 7)');
  assert.match(readingNotes(idx.incidents[0], policy).statusFromText ?? '', /made the job idempotent/);
  // Derived ids from the titles, unique.
  assert.equal(new Set(idx.incidents.map((i) => i.id)).size, 5);
  assert.ok(idx.incidents.every((i) => !i.idWritten && i.id));
  const summary = readingSummary(idx);
  assert.equal(summary.text, "Read 5 list items under 'Outage history' as incidents (lines 5–9; each a problem and what was done, or a date, a status tag or a bold title first). 4 statuses were read from the words of the text (no status written).");
  assert.ok(summary.guessed && summary.worthSaying);
});

test('list entries need a title that names incidents, two entries and two thirds of their list; a log with sections keeps its reading', () => {
  const titles = (text: string) => indexLog(text).incidents.map((i) => i.title);
  const two = '- Billing: invoice job ran twice → made it idempotent\n- Search: lock held for 9 minutes → copy and swap\n';
  assert.deepEqual(titles(`# Outages\n\n${two}`), ['Billing: invoice job ran twice', 'Search: lock held for 9 minutes']);
  // The same list under a title that names no incidents, or under one that explains the log.
  assert.deepEqual(titles(`# Release notes\n\n${two}`), []);
  assert.deepEqual(titles(`# Outages\n\n## How to add an entry\n\n${two}`), []);
  // One entry alone, or entries that are a third of a list of notes.
  assert.deepEqual(titles('# Outages\n\n- Billing: invoice job ran twice → made it idempotent\n'), []);
  assert.deepEqual(titles(`# Outages\n\n${two}- Newest first\n- Link the postmortem\n- Keep it short\n- Ask the on-call\n`), []);
  // Task items are follow-ups, not entries; instructions have neither an arrow nor a date.
  assert.deepEqual(titles('# Incident log\n\n- [ ] 2026-05-01 add an alert on queue depth\n- [x] 2026-05-02 rotate the leaked key\n'), []);
  assert.deepEqual(titles('# Incident log\n\n- Newest first\n- One line per incident\n'), []);
  // A log whose incidents have sections: its lists are never entries.
  const sectioned = indexLog(`# Outages\n\n${two}\n## INC-7: Queue stuck\n- **Severity:** SEV-2\n- **Status:** Open\n`);
  assert.deepEqual(sectioned.incidents.map((i) => i.id), ['INC-7']);
  // Wrapped items and nested notes belong to their entry.
  const wrapped = indexLog('# Outages\n\n- Billing: invoice job ran twice\n  after a retry → made it idempotent\n  - refunded 40 customers\n- Search: lock held for 9 minutes → copy and swap\n');
  assert.deepEqual(wrapped.incidents.map((i) => [i.title, i.line]), [['Billing: invoice job ran twice after a retry', 3], ['Search: lock held for 9 minutes', 6]]);
});

test('a Chinese, Japanese or Korean title that names incidents holds list entries and prose sections', () => {
  const idx = indexFixture('shapes/entry-lists-cjk.md');
  assert.deepEqual(
    idx.incidents.map((i) => [i.title, i.detected, statusState(i, policy)]),
    [
      // 復旧 (restored) and 解消 (cleared): a fix said inside a line of Japanese.
      ['決済 API が 40 分停止した。DB のフェイルオーバーで復旧。', '2026-03-02', 'resolved'],
      ['通知メールが 2 時間遅延した。キューの詰まりを解消。', '2026-02-11', 'resolved'],
      ['ログイン画面が表示されない', '2026-01-20', 'resolved'],
    ],
  );
  assert.deepEqual(indexLog('# 장애 이력\n\n- 결제 API 타임아웃 → 커넥션 풀 확대\n- 알림 지연 → 큐 워커 추가\n').incidents.length, 2);
  assert.deepEqual(indexLog('# 事故记录\n\n## 支付接口超时\n\n支付接口在高峰期超时了大约二十分钟，我们扩大了连接池并且增加了监控告警。\n').incidents.map((i) => i.title), ['支付接口超时']);
});

test('blocks of key lines opened by an id are incidents; the title is the first describing value; status from a field or the words', () => {
  const idx = indexFixture('shapes/key-blocks.md');
  assert.deepEqual(
    idx.incidents.map((i) => [i.id, i.idWritten, i.title, i.status, statusState(i, policy), i.line]),
    [
      ['Q1', true, 'The nightly invoice job ran twice when its first run timed out', 'Resolved', 'resolved', 6],
      ['Q2', true, 'A full index rebuild blocks queries on large tenants for several minutes', 'Open', 'active', 12],
      ['Q3', true, 'CSV exports cut rows at 65,536', 'Resolved', 'resolved', 18],
    ],
  );
  assert.equal(readingNotes(idx.incidents[1], policy).statusFromText, '"still happening" (line 14)');
  assert.equal(readingNotes(idx.incidents[0], policy).readAs, 'a block of key lines opened by an id or a title (no heading of its own)');
  assert.equal(readingSummary(idx).text, 'Read 3 blocks of key lines opened by an id as incidents (lines 6–18). 2 statuses were read from the words of the text (no status written).');
  // An id line with one key line after it, or a block that does not open with an id, is no incident.
  assert.equal(indexLog('ID: Q9\nwhat: one line only\n').incidents.length, 0);
  assert.equal(indexLog('area: billing\nID: Q9\nwhat: two\nimpact: three\n').incidents.length, 0);
});

test('an entry has no section: writes that need one are refused with a message naming what it is; a field the block has is set in place', async () => {
  const { appendTimelineEntry, setField } = await import('../../src/core/log/writer');
  const lists = indexFixture('shapes/entry-lists.md');
  const first = lists.incidents[0];
  assert.throws(() => appendTimelineEntry(lists, first.id, { at: new Date('2026-03-01T10:00:00Z'), text: 'x' }, policy), /is an item of a list on line 5; .* needs a section for the incident/);
  const blocks = indexFixture('shapes/key-blocks.md');
  assert.throws(() => setField(blocks, 'Q1', 'status', 'Resolved', policy), /Q1 is a block of key lines on line 6; setting Status needs a section/);
  const splices = setField(blocks, 'Q3', 'status', 'Reopened', policy);
  assert.equal(splices.length, 1);
  const text = blocks.text.slice(0, splices[0].start) + splices[0].text + blocks.text.slice(splices[0].end);
  assert.match(text, /^status: Reopened$/m);
  assert.equal(indexLog(text).incidents.find((i) => i.id === 'Q3')?.status, 'Reopened');
});

test('a page with a part titled like the log (Incident journal) keeps its thresholds, risks and rules out; a placeholder entry to be completed is none', () => {
  const idx = indexFixture('shapes/handbook-with-log-part.md');
  assert.deepEqual(idx.incidents.map((i) => i.title), []);
  // The part titled like the log is read: its sections telling incidents are incidents.
  const withEntries = indexLog(
    '# Incident log — Billing\n\n## Priority thresholds\n\nP1 pages the billing lead at once, day or night, always.\n\n## Incident journal\n\n### Invoices sent twice\n\nThe nightly job ran twice after a retry; we made it idempotent and refunded everyone.\n\n## Escalation rules\n\nA P1 pages the on-call engineer and the billing lead at once, a P2 waits.\n',
  );
  assert.deepEqual(withEntries.incidents.map((i) => [i.title, statusState(i, policy)]), [['Invoices sent twice', 'resolved']]);
  // `## Incident log format` explains the log: its siblings stay incidents told in prose.
  const format = indexLog('# Incidents\n\n## Incident log format\n\nOne section per incident, newest first, in plain words.\n\n## Invoices sent twice\n\nThe nightly job ran twice after a retry; we made it idempotent and refunded everyone.\n');
  assert.deepEqual(format.incidents.map((i) => i.title), ['Invoices sent twice']);
  // A heading whose title, its id aside, is a bracketed placeholder over empty fields is a template, in any language.
  for (const title of ['[To be completed at the first incident]', '[À COMPLÉTER LORS DU PREMIER INCIDENT]', '[Por completar]']) {
    assert.deepEqual(indexLog(`# Incidents\n\n## INC-001 — ${title}\n\n- **Date:** —\n- **Status:** —\n`).incidents.length, 0, title);
  }
});

test('sections that say what the file is for (Purpose, 目的, 개요, Scope) are no incidents; ステータス is a status key', () => {
  const idx = indexFixture('shapes/purpose-and-entries-ja.md');
  assert.deepEqual(idx.incidents.map((i) => [i.title, i.status, statusState(i, policy)]), [['CDN provider credential leak', '継続監視', 'active']]);
  for (const meta of ['Purpose', 'Scope', '目的', '概要', '개요', 'Objectif', 'Zweck', 'Цель']) {
    const text = `# Incidents\n\n## ${meta}\n\nThis file keeps the outages of the shop and what each of them taught us.\n\n## Invoices sent twice\n\nThe nightly job ran twice after a retry; we made it idempotent and refunded everyone.\n`;
    assert.deepEqual(indexLog(text).incidents.map((i) => i.title), ['Invoices sent twice'], meta);
  }
});

test('sections labelled Problem / Cause / Solution (with a translation in brackets) under any title are incidents; a day heading over them holds several', () => {
  const idx = indexFixture('shapes/postmortem-report-issues.md');
  assert.deepEqual(
    idx.incidents.map((i) => [i.title, i.detected, i.level]),
    [
      ['Issue 1: Project generator hangs', '2026-03-02', 3],
      ['Issue 2: Component library init fails', '2026-03-02', 3],
      ['Issue 3: Brand colour not applied', '2026-03-05', 3],
    ],
  );
  // Days written in Korean (`2026년 3월 2일`) date them the same.
  const korean = indexLog(fixture('shapes/postmortem-report-issues.md').replace('## 2026-03-02', '## 2026년 3월 2일').replace('## 2026-03-05', '## 2026년 3월 5일'));
  assert.deepEqual(korean.incidents.map((i) => [i.title, i.detected]), idx.incidents.map((i) => [i.title, i.detected]));
  // Days written so that no date is read (`Monday`): the labelled sections under them are the incidents, the days are not.
  const undated = fixture('shapes/postmortem-report-issues.md').replace('## 2026-03-02', '## Monday').replace('## 2026-03-05', '## Thursday');
  const read = indexLog(undated);
  assert.deepEqual(read.incidents.map((i) => i.title), ['Issue 1: Project generator hangs', 'Issue 2: Component library init fails', 'Issue 3: Brand colour not applied']);
  assert.equal(readingNotes(read.incidents[0], policy).readAs, "an untitled section under 'Monday' telling one incident (no id, date or fields)");
  // One label alone is not enough; `Tools` has none.
  assert.equal(indexLog('# Notes\n\n## Build hangs\n\n**Problem:** the generator stops at a question.\n').incidents.length, 0);
});

test('a table of problems and their fixes is read when nothing else is: each row an incident, resolved by its fix, open when the fix is still to do', () => {
  const idx = indexFixture('shapes/problem-fix-table.md');
  assert.deepEqual(
    idx.incidents.map((i) => [i.title, i.source, statusState(i, policy), i.line]),
    [
      ['Function runtime rejected', 'table-row', 'resolved', 9],
      ['ERR_MODULE_NOT_FOUND on start', 'table-row', 'resolved', 10],
      ['Deep links return 404', 'table-row', 'resolved', 11],
      ['Cold starts time out after 60 s', 'table-row', 'active', 12],
    ],
  );
  const notes = readingNotes(idx.incidents[3], policy);
  assert.equal(notes.readAs, "a row of a table of problems and their fixes under 'Build and deploy failures (one-off, all fixed)' (no id or date)");
  assert.equal(notes.statusFrom, 'Fix: TODO: raise the pool size and measure');
  assert.equal(readingSummary(idx).text, "Read 1 table of problems and their fixes under 'Build and deploy failures (one-off, all fixed)' (lines 9–12): 4 incidents.");
  // Beside incidents, such a table is a handbook's known problems: not read.
  const beside = indexLog('## INC-7: Queue stuck\n- **Severity:** SEV-2\n- **Status:** Open\n\n## Known problems\n\n| Problem | Fix |\n|---|---|\n| Login loops | Clear the cookie |\n');
  assert.deepEqual(beside.incidents.map((i) => i.id), ['INC-7']);
  // A table with a problem column and no fix column, or the reverse, is not one.
  assert.equal(indexLog('# Notes\n\n| Problem | Owner |\n|---|---|\n| Login loops | Dana |\n').incidents.length, 0);
  // In Chinese: 問題 | 原因 | 修法.
  assert.equal(indexLog('# 排查紀錄\n\n| 問題 | 原因 | 修法 |\n|---|---|---|\n| 建置錯誤 | 型別不合 | 修正欄位命名 |\n| 路由 404 | 沒有 fallback | 加上 rewrites |\n').incidents.length, 2);
});

test('a sentence that is only a fix negated (Not fixed. / Не исправлено. / Nicht behoben.) says the incident is open; the same words in a sentence about the cause do not', () => {
  const state = (body: string) => {
    const i = indexLog(`# Incidents\n\n## Price alerts never fired\n\nAlerts on favourites never fired once since launch, and nobody noticed it.\n\n${body}\n`).incidents[0];
    return [i.status, statusState(i, policy), readingNotes(i, policy).statusFromText];
  };
  assert.deepEqual(state('**Не исправлено.** Правильный способ проверить — открыть карточку.'), ['Open', 'active', '"не исправлено" (line 7)']);
  assert.deepEqual(state('Not fixed.'), ['Open', 'active', '"not fixed" (line 7)']);
  assert.deepEqual(state('Nicht behoben.'), ['Open', 'active', '"nicht behoben" (line 7)']);
  assert.deepEqual(state('It was not fixed in the first release, so we reverted the change.'), ['Resolved', 'resolved', '"reverted" (line 7)']);
  // A subject before the negation tells what happened, not where the incident stands.
  assert.deepEqual(state('Сервис не восстановили.'), [null, 'unknown', undefined]);
});

test('a bold label that leads its line with no colon (- **Symptom** …) labels an incident part; list entries may start with a bracketed timestamp', () => {
  const day = indexLog(
    '# 사고 기록\n\n## 2026-07-28\n\n### 0. 보고서 날짜가 헷갈렸다\n- **증상** 타일에 금일이라 적혀 있었지만 숫자는 어제 것이다.\n- **원인** 엑셀 라벨을 그대로 가져다 썼다.\n- **조치** 실제 날짜로 바꿔 찍는다.\n\n### 1. 앱 아이콘이 임시 주소에 묶였다\n- **증상** 폰과 PC 앱이 동시에 죽었다.\n- **원인** 설치 아이콘에 터널 주소가 박혔다.\n',
  );
  assert.deepEqual(day.incidents.map((i) => [i.title, i.detected]), [['보고서 날짜가 헷갈렸다', '2026-07-28'], ['앱 아이콘이 임시 주소에 묶였다', '2026-07-28']]);
  const stamped = indexLog('# Incidents\n\n- [2026-02-25T01:30:38Z] executor: approvals query timed out after 30 seconds\n- [2026-02-26T07:45:00Z] executor: approvals query timed out again after a deploy\n');
  assert.deepEqual(stamped.incidents.map((i) => [i.title, i.detected]), [
    ['executor: approvals query timed out after 30 seconds', '2026-02-25T01:30:38Z'],
    ['executor: approvals query timed out again after a deploy', '2026-02-26T07:45:00Z'],
  ]);
  // A bracket that holds more than a date is no timestamp.
  assert.equal(indexLog('# Incidents\n\n- [2026-02-25 see below] executor timed out\n- [2026-02-26 see below] executor timed out again\n').incidents.length, 0);
});

test('a CJK title names a log with a word for a record (障害記録, 장애 이력) or alone; `故障 1：…` is an incident, not a log', () => {
  const idx = indexLog('# 环境故障记录\n\n## 故障记录\n\n### 故障 1：显存不足\n\n启动时显存不足，我们把 gpu_memory_utilization 调低到零点八五以后恢复正常运行。\n\n### 故障 2：工具调用未启用\n\n请求工具调用时返回错误，我们在启动参数里加上了工具调用的开关并重新部署。\n');
  assert.deepEqual(idx.incidents.map((i) => i.title), ['故障 1：显存不足', '故障 2：工具调用未启用']);
  // Principles and lessons written in CJK explain the log.
  const meta = indexLog('# 障害台帳\n\n## 原則（すべての障害対応の完了条件）\n\n再発防止のガードが入るまで障害対応は完了しないものとして扱う。\n\n## 未収束の教訓\n\nまだガード化できていない教訓をここに書いておき、次の障害で見直す。\n\n## 決済 API が止まった\n\n決済 API が四十分止まり、データベースのフェイルオーバーで復旧した。\n');
  assert.deepEqual(meta.incidents.map((i) => i.title), ['決済 API が止まった']);
});

test('a status the policy reads with two labelled parts (Причина, Исправление) makes a heading an incident, whatever its other keys', () => {
  const idx = indexLog('# Подтверждённые инциденты\n\n## 0035 — проверка выполнилась не над тем исходником\n\n- Статус: исправлено task 0037.\n- Причина: метод проверки не требовал provenance.\n- Исправление: новые методы требуют source_under_test.\n\n## 2026-10-04 — отказ области проверки\n\n- Категория: код.\n');
  assert.deepEqual(idx.incidents.map((i) => [i.title, statusState(i, policy)]), [['0035 — проверка выполнилась не над тем исходником', 'resolved'], ['отказ области проверки', 'unknown']]);
  // One part alone is not enough.
  assert.equal(indexLog('## 0035 — check\n\n- Статус: исправлено.\n- Причина: метод.\n').incidents.length, 0);
});

test('a dated heading that explains the log (Current Status) or a period over a note that nothing happened is no incident', () => {
  const idx = indexLog(
    '# Incident Response Tracker\n\n## Current Status (2026-01-04)\n\n| Metric | Current |\n|---|---|\n| Incidents this month | 0 |\n\n## Incident Log (2026)\n\n### January 2026\n\n*(No incidents recorded - system newly deployed)*\n\n### December 2025\n\n*(System in development - no production incidents)*\n',
  );
  assert.deepEqual(idx.incidents.map((i) => i.title), []);
  // With fields of an incident, or words that tell one, the dated heading stays an incident.
  assert.equal(indexLog('## 2026-01-04 — Current status\n- **Severity:** SEV-2\n- **Status:** Open\n').incidents.length, 1);
  assert.equal(indexLog('## 2026-01 — Checkout down\n\nCheckout failed for twenty minutes after a deploy; we rolled it back.\n').incidents.length, 1);
  // A section that says nothing happened and then tells what did is about more than that.
  assert.equal(indexLog('# Incidents\n\n## Quiet week, then the queue\n\nNo incidents until Friday.\nOn Friday the queue stopped for an hour.\nWe restarted the consumers.\nThen we added an alert on queue depth.\n').incidents.length, 1);
});
