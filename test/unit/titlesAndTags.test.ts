// What a heading's title says beyond its id and date, and how a document's parts are named
// (fixtures of our own under test/fixtures/logs/languages/): a status in brackets that ends the
// title, a change tagged as one, summary rows matched to sections by words of any script, and a
// document of one incident whose parts are named in any language the reader knows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy, indexLog } from '../../src/core';
import { statusState } from '../../src/core/indexer';
import { applySplices, setField } from '../../src/core/log/writer';
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
