// What a heading's title says beyond its id and date, and how a document's parts are named
// (fixtures of our own under test/fixtures/logs/languages/): a status in brackets that ends the
// title, a change tagged as one, summary rows matched to sections by words of any script, and a
// document of one incident whose parts are named in any language the reader knows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy, indexLog } from '../../src/core';
import { statusState } from '../../src/core/indexer';
import { applySplices, setField } from '../../src/core/log/writer';
import { reindexLog } from '../../src/core/indexer';
import { isChangeHeading } from '../../src/core/reader/proseIncidents';
import { indexFixture } from './helpers';

const policy = defaultPolicy();

test('a status in brackets that ends a heading is the status, and a write replaces that word only', () => {
  const text = '# Incidents\n\n## INC-1: Upload path wrong (unresolved)\n- **Severity:** SEV-2\n\n## INC-2: Search down (Resolved)\n\n## INC-3: Cache (Redis) evictions\n- **Status:** Open\n\n## INC-4: 保存先の問題（未解決）\n';
  const idx = indexLog(text);
  assert.deepEqual(
    idx.incidents.map((i) => [i.id, i.title, i.status, statusState(i, policy)]),
    [
      ['INC-1', 'Upload path wrong', 'unresolved', 'active'],
      ['INC-2', 'Search down', 'Resolved', 'resolved'],
      // A bracket in the middle, or one that is no status, stays in the title.
      ['INC-3', 'Cache (Redis) evictions', 'Open', 'active'],
      ['INC-4', '保存先の問題', '未解決', 'active'],
    ],
  );
  const after = applySplices(text, setField(idx, 'INC-1', 'status', 'Resolved', policy));
  assert.equal(after, text.replace('(unresolved)', '(Resolved)'));
  const wide = applySplices(text, setField(idx, 'INC-4', 'status', 'Resolved', policy));
  assert.equal(wide, text.replace('（未解決）', '（Resolved）'));
  // A status phrase with more after it, or a long note, is not read from the title.
  assert.equal(indexLog('## INC-5: Disk full (resolved by hand after two hours)\n- **Severity:** SEV-3\n').incidents[0].status, null);
});

test('a heading tagged as a change (new feature, enhancement, 신규 기능) is no incident; a tag word inside the title is', () => {
  for (const t of ['PVC build context (new feature)', '[Enhancement] Faster export', '빌드 컨텍스트 지원 (신규 기능)', 'エクスポート高速化（新機能）', '【功能】导出']) assert.equal(isChangeHeading(t), true, t);
  for (const t of ['Feature flag left on broke checkout', 'Checkout (prod) down', 'Export failed (feature flag)', '']) assert.equal(isChangeHeading(t), false, t);
});

test('a Korean troubleshooting log: parts labelled, a change tagged and skipped, an open status in brackets, summary rows merged by their Korean words', () => {
  const idx = indexFixture('languages/troubleshooting-ko.md');
  assert.deepEqual(
    idx.incidents.map((i) => [i.title, i.detected, i.status, statusState(i, policy)]),
    [
      ['이미지 빌드가 415 에러로 실패', '2026-09-16', null, 'unknown'],
      // The row says `파드(Pod)`, the heading `파드`: every word of the heading is in the row.
      ['업로드 파일이 파드 재시작 때 사라짐', '2026-09-17', '미해결', 'active'],
    ],
  );
});

test('a document of one incident whose parts are named in Chinese (事故经过, 教训（…）) is one incident; a date in full-width brackets leaves no brackets behind', () => {
  const idx = indexFixture('languages/jiguang-zh.md');
  assert.equal(idx.incidents.length, 1);
  assert.equal(idx.incidents[0].title, '数据库迁移事故');
  assert.equal(idx.incidents[0].detected, '2026-10-04');
  // `## 现在的状态` over a table is no status word.
  assert.equal(idx.incidents[0].status, null);
});

test('a tracker whose parts are titled like a log (Active Incidents, Incident Log) is no single incident, and a table under Current Status is no status', () => {
  const text = ['# Incident Response Tracker', '', '## Current Status (2026-01-04)', '', '| Metric | Current |', '|---|---|', '| Open | 0 |', '', '## Active Incidents', '', 'None.', '', '## Incident Log (2026)', '', '_No incidents yet._', '', '## Lessons Learned', '', 'Page the owner first.', ''].join('\n');
  assert.deepEqual(indexLog(text).incidents, []);
});

test('sub-sections titled as parts of an incident (### 問題, ### 原因, ### 解決) make their section one; empty parts (a template) do not', () => {
  const idx = indexFixture('languages/torabaru-ja.md');
  assert.deepEqual(
    idx.incidents.map((i) => [i.title, i.reading?.shape]),
    [
      // Its parts are filled, one with code alone.
      ['画像サイズ上限の問題', 'prose-section'],
      // Two short lines (fewer than 12 letters each) under two parts.
      ['画像が上下逆', 'prose-section'],
    ],
  );
  // English part titles read the same way; a section with one part titled is not enough.
  const en = indexLog('# Notes\n\n## Upload stalls\n\n### Problem\nUploads hang at 99%.\n\n### Fix\nRaised the proxy timeout.\n\n## Roadmap\n\n### Problem\nToo many manual steps.\n');
  assert.deepEqual(en.incidents.map((i) => i.title), ['Upload stalls']);
});

test('a line mixing scripts counts its Chinese or Japanese letters as a sentence (APIレスポンスフィールド名の不一致)', () => {
  // A section under a log's title needs a sentence to be an incident told in prose.
  const text = '# 障害記録\n\n## TypeScript型定義エラー\n\n1. APIレスポンスフィールド名の不一致\n\n## リンク\n\n- docs/api.md\n';
  assert.deepEqual(indexLog(text).incidents.map((i) => i.title), ['TypeScript型定義エラー']);
});

test('a register grouped by status (Aperti / Risolti): each group\'s sub-sections are its entries, dated or not, with its status; a usage note is none', () => {
  const idx = indexFixture('languages/problemi-it.md');
  assert.deepEqual(
    idx.incidents.map((i) => [i.title, i.detected, i.status, statusState(i, policy), i.reading?.statusText?.words]),
    [
      ['D1. Cassa — Storni registrati due volte', '2026-04-10', 'Open', 'active', 'aperti — priorità media'],
      // Its own Fix says it is resolved: the group is not needed.
      ['B1. Sistema — Permessi persi dopo il deploy ✅', '2026-04-11', 'Resolved', 'resolved', undefined],
      ['B2. Stipendi — Nomi duplicati ✅', '2026-04-12', 'Resolved', 'resolved', 'risolti'],
    ],
  );
  assert.equal(idx.groupedByStatus, true);
  // A status of its own wins over the group's; a group titled with more than a status is none.
  const own = indexLog('# Log\n\n## Resolved\n\n### INC-1: A\n- **Status:** Monitoring\n\n### INC-2: B\nText.\n');
  assert.deepEqual(own.incidents.map((i) => i.status), ['Monitoring', 'Resolved']);
  const questions = indexLog('# Log\n\n## Open questions\n\n### INC-3: C\nText.\n');
  assert.deepEqual(questions.incidents.map((i) => i.status), [null]);
  assert.equal(questions.groupedByStatus, undefined);
});

test('in a log grouped by status an edit is read with the whole log: moving a section between groups changes its status', () => {
  const text = '# Log\n\n## Open\n\n### INC-1: A\nText.\n\n## Resolved\n\n### INC-2: B\nText.\n';
  const idx = indexLog(text);
  assert.deepEqual(idx.incidents.map((i) => [i.id, statusState(i, policy)]), [['INC-1', 'active'], ['INC-2', 'resolved']]);
  // Renaming a group heading is structural; an edit inside a section re-reads the log whole.
  const edited = text.replace('### INC-2: B\nText.', '### INC-2: B\nText, more.');
  const again = reindexLog(idx, edited);
  assert.deepEqual(again.incidents.map((i) => [i.id, statusState(i, policy)]), indexLog(edited).incidents.map((i) => [i.id, statusState(i, policy)]));
});

test('a period heading (Semaine 1, with a date range) over incidents with ids is no incident itself', () => {
  assert.deepEqual(
    indexFixture('languages/semaine-fr.md').incidents.map((i) => [i.id, i.title, statusState(i, policy)]),
    [
      ['1', 'Droits sudo manquants sur srv-infra', 'resolved'],
      ['2', '/etc/hosts non modifiable sur srv-web', 'resolved'],
    ],
  );
});

test('Japanese, Chinese and Korean status words: 修正済み and 完了 resolved, 調査中 open, 保留 deferred', () => {
  assert.deepEqual(
    indexFixture('languages/fuguai-ja.md').incidents.map((i) => [i.id, statusState(i, policy)]),
    [
      ['BUG-001', 'resolved'],
      ['BUG-002', 'resolved'],
      ['BUG-003', 'active'],
      ['BUG-004', 'deferred'],
    ],
  );
  const state = (value: string) => statusState(indexLog(`## INC-1: X\n- **Severity:** SEV-2\n- **Status:** ${value}\n`).incidents[0], policy);
  for (const w of ['已修正', '已处理', '対応完了', 'クローズ', '수정 완료', '조치 완료']) assert.equal(state(w), 'resolved', w);
  for (const w of ['修复中', '待修复', '確認中', '현재 진행 중', '조사 중']) assert.equal(state(w), 'active', w);
});

test('a title that only holds a part\'s name (Bug #9: GitHub Actions workflow) is an incident; one that starts with it (Timeline) is a part; When to file… explains the log', () => {
  const body = '\n\n**Symptom:** the deploy workflow failed.\n\n**Cause:** the action version does not exist yet.\n\n**Fix:** pinned v4.\n';
  assert.deepEqual(indexLog(`# Bug log\n\n## Bug #9: GitHub Actions workflow uses a missing version${body}`).incidents.map((i) => i.title), ['Bug #9: GitHub Actions workflow uses a missing version']);
  assert.deepEqual(indexLog(`# Bug log\n\n## Timeline${body}`).incidents, []);
  const meta = indexLog('# Incidents\n\n## When to file an incident\n\nFile one when a customer saw an error for more than five minutes.\n\n## Checkout down\n\nCard payments failed for twenty minutes; we rolled back the release.\n');
  assert.deepEqual(meta.incidents.map((i) => i.title), ['Checkout down']);
});

test('a check\'s or a test run\'s result (passed, green, bestanden) is no open status', () => {
  const state = (value: string) => statusState(indexLog(`## INC-1: X\n- **Severity:** SEV-2\n- **Status:** ${value}\n`).incidents[0], policy);
  for (const w of ['passed', 'Green', 'bestanden', 'réussi']) assert.equal(state(w), 'resolved', w);
});

test('a log of known bugs (# Known Bugs, # Bug log, バグ一覧) holds one incident per section, each with its own status', () => {
  const text = '# Known Bugs\n\n## Dark walls on custom textures\n\n**Статус:** Открыт\n\nSome buildings render dark walls and no shadows.\n\n## Lap timer resets after a pause\n\n**Статус:** Решено\n\nThe timer kept the pause start; it now adds the paused time back.\n';
  assert.deepEqual(indexLog(text).incidents.map((i) => [i.title, statusState(i, policy)]), [
    ['Dark walls on custom textures', 'active'],
    ['Lap timer resets after a pause', 'resolved'],
  ]);
  assert.equal(statusState(indexLog('## TS-001: 로그인 실패\n- **상태**: 완전 해결\n').incidents[0], policy), 'resolved');
});
