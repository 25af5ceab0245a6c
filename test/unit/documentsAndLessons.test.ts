// A post-mortem document with later incidents appended as sections, a log of lessons whose
// `Status: Aktiv` is the lesson's, and what says an incident is not over beyond a status field:
// a bold label of leftover items over a list, a step marked `(Pendiente)`, `still required`, and
// the words of Chinese, Japanese and Korean found inside a line. Fixtures of our own under
// test/fixtures/logs/shapes/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy, indexLog } from '../../src/core';
import { statusState } from '../../src/core/indexer';
import { isMetaTitle } from '../../src/core/reader/proseIncidents';
import { indexFixture } from './helpers';

const policy = defaultPolicy();
const states = (file: string) => indexFixture(file).incidents.map((i) => [i.title, statusState(i, policy)]);

test('a post-mortem document (H1 with its date, severity and status) with a second one appended as a section is two incidents', () => {
  const idx = indexFixture('shapes/postmortem-with-appendix.md');
  assert.deepEqual(
    idx.incidents.map((i) => [i.title, i.level, i.severity, statusState(i, policy)]),
    [
      ['Checkout sent orders to the wrong warehouse', 1, 'SEV-2', 'resolved'],
      ['Post-mortem 2: Session table grew without bound', 2, 'SEV-3', 'resolved'],
    ],
  );
  const [first, second] = idx.incidents;
  assert.ok(first.end <= second.start, "the document's section ends where the appended one starts");
  assert.equal(first.timeline.length, 2, 'its own H2 parts are its parts (the timeline)');
  // A log's title with a date under it is no incident (a session's date, not an incident's facts).
  const log = indexLog('# Home lab — problems and fixes\n**Date:** June 22, 2026\n**Session:** dashboard build\n\n## Incident 1 — Indexer failed to start\n**Status:** Resolved\n**Severity:** SEV-2\n');
  assert.deepEqual(log.incidents.map((i) => i.title), ['Indexer failed to start']);
});

test('"Status: Aktiv" under a title of lessons says the lesson is in force, not that an incident is open', () => {
  assert.deepEqual(states('shapes/lessons-log-de.md'), [
    ['Deploy', 'resolved'],
    ['Datenbank', 'resolved'],
  ]);
  const idx = indexFixture('shapes/lessons-log-de.md');
  assert.equal(idx.groupedByStatus, true, 'the status depends on the title above: an edit re-reads the log whole');
  assert.match(idx.incidents[0].reading?.statusText?.words ?? '', /Aktiv \(a lesson in force\)/);
  // Under an incident log, Active stays active.
  const log = indexLog('## Incidents\n\n### INC-1 | 2026-02-01 | Deploy\n\n**Status:** Active\n**Severity:** SEV-2\n');
  assert.equal(statusState(log.incidents[0], policy), 'active');
});

test('leftover items under a bold label, a step marked (Pendiente) and "still required" keep an incident open', () => {
  assert.deepEqual(states('shapes/outstanding-markers.md'), [
    ['夜间任务写入了错误的仓库', 'active'],
    // 修正了…恢复: a fix said inside a line of Chinese.
    ['首页图表空白', 'resolved'],
  ]);
  assert.deepEqual(states('shapes/pending-step.md'), [['Precio absurdo en la base de datos', 'active']]);
  const required = indexLog('# Incident Log\n\n## 2026-05-29 - Build ran out of memory\n\n### Fix\n\nRemoved the second lockfile and restored the dev script.\n\n### Operator cleanup\n\nLocal cleanup still required before anyone runs the frontend again.\n');
  assert.equal(statusState(required.incidents[0], policy), 'active');
  // A label with nothing under it, or a bracket that is no marker, says nothing.
  const done = indexLog('# Incidents\n\n## 2026-05-01: Export broke\n\nWe fixed the export (pending jobs were replayed).\n\n**Leftover items**\n\n## 2026-05-02: Search slow\n\nRestarted the index.\n');
  assert.deepEqual(done.incidents.map((i) => statusState(i, policy)), ['resolved', 'resolved']);
  // 未修复: not fixed, whatever 修复 says after the negation.
  const cjk = indexLog('# 事故记录\n\n## 2026-04-02 · #1 · 图表空白\n\n**修复**\n- 接口地址仍未修复\n');
  assert.equal(statusState(cjk.incidents[0], policy), 'active');
});

test('"How it works" explains the log in any of the built-in languages', () => {
  for (const t of ['How it works', '📋 Como Funciona', 'Cómo funciona', 'Comment ça marche', 'Come funziona', 'Key takeaways']) assert.equal(isMetaTitle(t), true, t);
  assert.equal(isMetaTitle('How the cache broke checkout'), false);
});

test('a fix planned or proposed, or what remains, keeps an incident open', () => {
  const text = '# Known issues\n\n### SEC-3: Audit rows can be deleted\n**Severity:** Medium\n\n**What was done:** the entity is immutable now.\n\n**What remains:** the repository still exposes delete methods.\n\n### SEC-5: Paths not confined\n**Severity:** Low\n\n**Planned fix (next sprint):** check that the resolved path starts in the storage root.\n\n### SEC-6: Session fallback\n**Severity:** Low\n\n**Fix:** removed the fallback; verified.\n';
  const idx = indexLog(text);
  assert.deepEqual(idx.incidents.map((i) => [i.id, statusState(i, policy)]), [['SEC-3', 'active'], ['SEC-5', 'active'], ['SEC-6', 'resolved']]);
});

test('an empty register (a year over "No hay incidentes registrados aún", lessons learned) holds no incident', () => {
  for (const t of ['Lecciones Aprendidas', 'Lições aprendidas', 'Leçons apprises', 'Lezioni apprese']) assert.equal(isMetaTitle(t), true, t);
  const idx = indexLog('# Registro de Incidentes\n\n## Propósito\n\nDocumentar cada incidente.\n\n## 2026\n\n### Enero\n\n_No hay incidentes registrados aún._\n\n## Lecciones Aprendidas\n\nRevisar los registros de errores cada semana y documentar lo aprendido.\n');
  assert.equal(idx.incidents.length, 0);
});

test('a list of known problems holds open ones unless their words say fixed; a struck-through or "✓ Fixed" title is fixed', () => {
  const known = indexLog('# Problèmes connus\n\n## 1. Les statistiques sont factices\n\nLes chiffres affichés viennent d\'un jeu de données de démonstration, pas du serveur.\n\n## 2. Les favoris ne mènent nulle part\n\nLe bouton ouvre une page vide ; corrigé dans la version 1.2.\n');
  assert.deepEqual(known.incidents.map((i) => statusState(i, policy)), ['active', 'resolved']);
  assert.equal(known.groupedByStatus, true, "the title decides: an edit re-reads the log whole");
  const fixed = indexLog('# Known Bugs\n\n## ~~1. Message missing on first send~~ ✓ Fixed\n\n**Symptom:** the message appears only after a refresh of the page.\n\n## 2. Branch shown twice — fixed\n\n**Symptom:** a new branch appears twice in the list after it is created.\n\n## 3. Export skips committed turns\n\n**Symptom:** the export leaves out every committed turn of the conversation.\n');
  assert.deepEqual(fixed.incidents.map((i) => statusState(i, policy)), ['resolved', 'resolved', 'active']);
});
