// Incidents told in prose: a log titled like a list of incidents ("Incidents", "Outages",
// "Postmortems", "Things that went wrong", and the same in the seven built-in languages) whose
// sections carry no id, no date and no fields, each telling one incident; sections labelled with
// an incident's anatomy (Symptom / Cause / Fix) under any title; and what is not an incident
// (format notes, templates, placeholders, a note that nothing happened). A status said only in
// words is statusInProse.ts. These are guesses, noted on the incident (see readingNotes).
// Everything here is a scan over words: no pattern runs on the user's text.
import type { Incident, IncidentReading } from '../model';
import { readStatus } from '../playbook/statusWords';
import { stripInline } from './text';
import { monthNumber, parseReducedDate } from '../format/time';
import { type IndexContext, lineText, sectionEndLine } from './context';
import { fieldsLookLikeIncident, readFields } from './fields';
import { findTableIncidents } from './tableIncidents';
import { headingFacts, subsectionKind } from './headings';
import { filledFields, isPlaceholderSection } from './placeholders';
import { NOT_AN_INCIDENT_SET, findPhrase, key, proseLines, wordsOf } from './proseWords';
import { MORE_LOG_TITLES } from '../playbook/moreLanguages';
import { anatomyKeyCount, filledParts, isAnatomyTitle, sectionAnatomy, tableAnatomy } from './anatomy';
import { headingGroupStatus, isCountNote, parentIndex } from './statusGroups';

/** Words that, alone or as a phrase in a short title, say the sections below it are incidents. */
const LOG_TITLE_WORDS = new Set(
  [
    'incidents', 'outages', 'postmortems', 'post mortems', 'post-mortems', 'things that went wrong', 'what went wrong', 'incident log', 'incident history', 'incident journal', 'outage log', 'outage history', 'production incidents', 'incident reports', 'outage reports', 'problem log', 'problems log', 'problem tracker', 'problems tracker', 'problem register', 'production problems', 'production issues', 'production bugs', 'prod incidents', 'prod issues', 'failures', 'downtimes',
    'incident archive', 'incidents archive', 'incident archiv', 'archive of incidents', 'incident record', 'incident register',
    // A log of bugs met in production or in use (`# Known Bugs`, `# Bug log`): each section one.
    'bugs', 'known bugs', 'known issues', 'bug log', 'bugs log', 'bug journal', 'bug list', 'fehlerliste', 'liste des bugs', 'elenco dei bug', 'errores conocidos', 'problemas conocidos', 'bugs conocidos', 'bugs conhecidos', 'problemas conhecidos',
    'problèmes connus', 'bugs connus', 'bekannte fehler', 'bekannte probleme', 'fehlerlog', 'fehlerprotokoll', 'problemi noti', 'bug noti', 'известные ошибки', 'известные проблемы', 'известные баги',
    'incidentes', 'incidencias', 'caídas', 'interrupciones', 'cosas que salieron mal', 'archivo de incidentes', 'registro de incidentes', 'falhas', 'interrupções', 'quedas', 'coisas que deram errado', 'arquivo de incidentes',
    'pannes', 'interruptions', 'ce qui a mal tourné', 'journal des incidents', 'journal des pannes', 'archive des incidents', 'registre des incidents',
    'störungen', 'ausfälle', 'vorfälle', 'was schiefging', 'was schief ging', 'störungsprotokoll', 'vorfallsprotokoll', 'vorfallsarchiv', 'störungsarchiv',
    'incidenti', 'disservizi', 'guasti', 'interruzioni', 'cose andate storte', 'registro incidenti', 'archivio incidenti', 'archivio degli incidenti',
    'инциденты', 'сбои', 'аварии', 'постмортемы', 'что пошло не так', 'журнал инцидентов', 'журнал сбоев', 'архив инцидентов',
    ...MORE_LOG_TITLES,
  ].map(key),
);

/** Words for incidents, outages and failures in Chinese, Japanese and Korean, found anywhere in a short title. */
const CJK_LOG_WORDS = ['事故', '故障', '障害', '障碍', 'インシデント', 'ポストモーテム', '事件记录', '事件日志', '事件記録', '장애', '사고', '인시던트', '포스트모템', '不具合', 'バグ', '缺陷', '버그'];

/** Words for a record, a log or a history in Chinese, Japanese and Korean (`記録`, `履歴`, `기록`, `이력`), and `log`. */
const CJK_RECORD_WORDS = ['记录', '記録', '紀錄', '記錄', '日志', '日誌', '履歴', '历史', '歷史', '一覧', '一览', '台帳', '报告', '報告', '기록', '이력', '목록', '일지', '로그', '보고', 'log', 'Log', 'LOG'];

/** Whether a heading's title says the sections under it are incidents (`# Incidents`, `## Störungen 2026`). */
export function isIncidentLogTitle(title: string): boolean {
  if (title.length > 120) return false;
  const plain = stripInline(title);
  // Chinese, Japanese and Korean write the word inside a run of letters (`障害記録`, `장애·수정 이력`):
  // the word for incidents with one for a record or history, or alone (`故障 1：显存不足` is one).
  if (plain.length <= 40 && CJK_LOG_WORDS.some((w) => plain.includes(w))) {
    const bare = wordsOf(plain, 12);
    if (CJK_RECORD_WORDS.some((w) => plain.includes(w)) || (bare.length === 1 && CJK_LOG_WORDS.includes(bare[0]))) return true;
  }
  // A note in brackets after the title (`Bug log (empirically found — read before …)`) is no part of it.
  const open = plain.trimEnd().endsWith(')') ? plain.indexOf('(') : -1;
  const words = wordsOf(open > 0 ? plain.slice(0, open) : plain, 12);
  if (!words.length || words.length > 8) return false;
  for (let a = 0; a < words.length; a++) {
    for (let b = a + 1; b <= words.length && b - a <= 5; b++) if (LOG_TITLE_WORDS.has(words.slice(a, b).join(' '))) return true;
  }
  // A log named for incidents and what was done about them: `Incident & Resolution Log`, `Bug
  // and Fix History` (not `Error Budget History`): a log's word last, a word for what was done
  // before it, and a word for incidents before that (an `and` between them aside).
  const last = words.length - 1;
  if (last < 2 || !LOG_NOUNS.has(words[last]) || !DONE_NOUNS.has(words[last - 1])) return false;
  const before = words[last - 2] === 'and' ? last - 3 : last - 2;
  return before >= 0 && INCIDENT_NOUNS.has(words[before]);
}

/**
 * Words of a title whose dated sections are meetings, sprints or releases, not incidents (`#
 * Team meetings`, `# Sprint plan`, `# 定例会議 議事録`, `# Release notes`): found as a word in a
 * short title, or inside it in Chinese, Japanese and Korean.
 */
const DATED_NOT_INCIDENTS = new Set(
  [
    'meeting', 'meetings', 'minutes', 'meeting notes', 'standup', 'standups', 'stand up', 'sprint', 'sprints', 'sprint plan', 'sprint planning', 'roadmap', 'milestones',
    'changelog', 'change log', 'release notes', 'releases', 'release history', 'version history',
    // Not a record's own word (`Protokoll`, `протокол`, `acta`, `verbale`): `# Incident-Protokoll` is a log of incidents.
    'reunión', 'reuniones', 'reunião', 'reuniões', 'réunion', 'réunions', 'compte rendu', 'comptes rendus',
    'besprechung', 'besprechungen', 'sitzung', 'änderungsprotokoll', 'versionshinweise', 'riunione', 'riunioni',
    'совещание', 'совещания', 'встреча', 'встречи', 'планёрка',
  ].map(key),
);
const CJK_DATED_NOT_INCIDENTS = ['議事録', '会議', '定例', '会议', '纪要', '周会', '例会', '회의', '회의록', '更新履歴', '更新日志', '变更日志', '릴리스 노트', 'スプリント', '迭代'];

/** Whether a title says its dated sections are meetings, sprints or releases (see DATED_NOT_INCIDENTS). */
export function isDatedNotIncidentsTitle(title: string): boolean {
  // A title that names incidents wins (`# Incident-Protokoll`, `# Протокол инцидентов`).
  if (title.length > 120 || isIncidentLogTitle(title)) return false;
  const plain = stripInline(title);
  if (CJK_DATED_NOT_INCIDENTS.some((w) => plain.includes(w))) return true;
  const words = wordsOf(plain, 12);
  if (!words.length || words.length > 8) return false;
  for (let a = 0; a < words.length; a++) {
    for (let b = a + 1; b <= words.length && b - a <= 2; b++) if (DATED_NOT_INCIDENTS.has(words.slice(a, b).join(' '))) return true;
  }
  return false;
}

/**
 * Words that close a day's own title when the day is a meeting (`## 2026-03-05 Weekly ops sync`,
 * `## 2026-03-12 Sprint 14 retro`, `## 12.03.2026 Team-Besprechung`): the title's last word, so
 * that a meeting word inside an incident's title (`Meeting room booking down`) does not count.
 */
const MEETING_LAST_WORDS = new Set(
  [
    'meeting', 'meetings', 'minutes', 'standup', 'standups', 'retro', 'retrospective', 'retrospectives', 'kickoff', 'syncup', 'huddle',
    'reunión', 'reunião', 'réunion', 'besprechung', 'riunione', 'совещание', 'планёрка', 'планерка',
  ].map(key),
);
const MEETING_FIRST_WORDS = new Set(['reunión', 'reunião', 'réunion', 'riunione', 'совещание', 'планёрка', 'планерка'].map(key));
/** A `sync` closes a meeting's title only after one of these (`Weekly sync`, not `Database sync`). */
/** Words that make a title about a meeting an incident's (`Users could not join meeting`). */
const NOT_MEETING_WORDS = new Set(['not', 'cannot', 'cant', 'unable', 'could', 'failed', 'fail', 'fails', 'failing', 'failure', 'broken', 'down', 'error', 'errors', 'outage', 'lost', 'missing', 'dropped']);
const SYNC_BEFORE = new Set(['daily', 'weekly', 'biweekly', 'monthly', 'team', 'ops', 'oncall', 'eng', 'engineering', 'leads', 'sre', 'status'].map(key));
/** The same in Chinese, Japanese and Korean, at a title's end. */
const CJK_MEETING_ENDS = ['会議', '定例', '例会', '周会', '会议', '議事録', '纪要', '회의', '회의록'];

/** Whether a day's own title names a meeting, not an incident (see MEETING_LAST_WORDS). */
export function isMeetingTitle(title: string): boolean {
  if (title.length > 120 || isIncidentLogTitle(title)) return false;
  const plain = stripInline(title).trim();
  if (CJK_MEETING_ENDS.some((w) => plain.endsWith(w))) return true;
  const words = wordsOf(plain, 12);
  if (!words.length || words.length > 8 || words.some((w) => NOT_MEETING_WORDS.has(w))) return false;
  let last = words.length - 1;
  if (last > 0 && words[last] === 'up' && words[last - 1] === 'stand') return true;
  // `Standup notes`, `Meeting minutes`, `Retro (notes)`: the meeting word before a word for its notes.
  if (last > 0 && (words[last] === 'notes' || words[last] === 'minutes' || words[last] === 'up')) last--;
  if (MEETING_LAST_WORDS.has(words[last])) return true;
  // In French, Spanish, Portuguese, Italian and Russian the meeting comes first (`Réunion d’équipe`, `Reunión semanal`).
  if (MEETING_FIRST_WORDS.has(words[0])) return true;
  return words[last] === 'sync' && last > 0 && SYNC_BEFORE.has(words[last - 1]);
}

/**
 * Whether a heading's title is a period alone, under which a log groups its entries: a year
 * (`## 2024`), a month (`## May 2024`, `## 2024-05`, `## Mai 2024`), a quarter or a half (`## Q1
 * 2024`, `## 2024 H2`), or the same in Chinese and Japanese (`## 2024年`, `## 2024年5月`).
 */
export function isPeriodTitle(title: string): boolean {
  const plain = stripInline(title).trim();
  if (!plain || plain.length > 30) return false;
  if (parseReducedDate(plain)?.value) return true;
  // `2024年`, `2024年5月`, `2024年 5月`: a year of digits, then a month of digits, if any.
  let i = 0;
  while (i < plain.length && isAsciiDigit(plain.charCodeAt(i))) i++;
  if (i === 4 && plain[4] === '年') {
    let j = 5;
    while (j < plain.length && plain[j] === ' ') j++;
    const monthAt = j;
    while (j < plain.length && isAsciiDigit(plain.charCodeAt(j))) j++;
    if (j === plain.length && monthAt === j) return true;
    if (j - monthAt >= 1 && j - monthAt <= 2 && plain.slice(j) === '月') return true;
  }
  // A quarter or a half with its year, in either order.
  const words = wordsOf(plain, 4);
  if (words.length !== 2) return false;
  const isYear = (w: string) => w.length === 4 && parseReducedDate(w)?.value !== undefined;
  const isPart = (w: string) => w.length === 2 && (w[0] === 'q' ? w[1] >= '1' && w[1] <= '4' : w[0] === 'h' && (w[1] === '1' || w[1] === '2'));
  return (isYear(words[0]) && isPart(words[1])) || (isPart(words[0]) && isYear(words[1]));
}

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Titles of a log's part that holds its entries: what the log lists, named alone (`## Problems` under `# Infra problems tracker`). */
const ENTRIES_PART_TITLES = new Set(['problems', 'issues', 'incidents', 'outages', 'bugs', 'failures', 'entries', 'log', 'problemas', 'incidentes', 'incidencias', 'problèmes', 'probleme', 'vorfälle', 'störungen', 'problemi', 'проблемы', 'инциденты']);

/** Whether a heading's title names alone what its log lists (see ENTRIES_PART_TITLES). */
export function isEntriesPartTitle(title: string): boolean {
  const plain = stripInline(title).trim().toLowerCase();
  return plain.length <= 20 && ENTRIES_PART_TITLES.has(plain);
}

/** The last word of an English log's title (see isIncidentLogTitle). */
const LOG_NOUNS = new Set(['log', 'history', 'journal', 'register', 'record', 'records', 'archive']);
/** Words for what was done about incidents, before that last word. */
const DONE_NOUNS = new Set(['resolution', 'resolutions', 'fix', 'fixes', 'response', 'remediation', 'recovery', 'solution', 'solutions']);
/** Words for incidents that open such a title's name. */
const INCIDENT_NOUNS = new Set(['incident', 'incidents', 'outage', 'outages', 'bug', 'bugs', 'error', 'errors', 'failure', 'failures', 'issue', 'issues', 'problem', 'problems']);

/** Titles of sections that explain a log rather than tell an incident: the whole title, or its first words. */
const META_TITLES = new Set(
  [
    'about', 'overview', 'introduction', 'intro', 'legend', 'glossary', 'contents', 'table of contents', 'index', 'summary', 'notes', 'guidelines', 'conventions', 'instructions',
    'impact', 'root cause', 'root causes', 'resolution', 'lessons learned', 'lessons', 'takeaways', 'key takeaways',
    'lecciones aprendidas', 'lições aprendidas', 'leçons apprises', 'leçons tirées', 'lessons gelernt', 'gelernte lektionen', 'erkenntnisse', 'lezioni apprese', 'извлечённые уроки', 'извлеченные уроки', 'уроки', 'what happened', 'detection', 'contributing factors', 'what went well', 'follow up', 'follow ups', 'next steps', 'open questions', 'background', 'context',
    'rules', 'entry rules', 'logging rules', 'ground rules', 'house rules', 'discipline', 'logging discipline',
    // Where the entries go and their form (`## Schema (per entry)`, `## Entries` over a placeholder).
    'schema', 'schema per entry', 'entry schema', 'log schema', 'entry format', 'log format', 'entries', 'log entries',
    'executive summary', 'resumen ejecutivo', 'resumo executivo', 'résumé exécutif', 'zusammenfassung', 'resumen', 'resumo', 'riepilogo', 'сводка', 'итоги',
    'trends', 'trend analysis', 'tendencias', 'análisis de tendencias', 'análise de tendências', 'analyse des tendances', 'trendanalyse', 'analisi delle tendenze', 'анализ трендов',
    'statistics', 'stats', 'estadísticas', 'estatísticas', 'statistiques', 'statistiken', 'statistiche', 'статистика',
    'current status', 'status overview', 'dashboard', 'metrics', 'kpis', 'key metrics',
    'releases',
    'purpose', 'scope', 'objective', 'objectives', 'goal', 'propósito', 'objetivo', 'alcance', 'objectif', 'objectifs', 'portée', 'zweck', 'ziel', 'ziele', 'geltungsbereich', 'scopo', 'obiettivo', 'ambito', 'цель', 'назначение',
    '目的', '概要', '目次', '使い方', '説明', '用途', '前提', '目录', '说明', '概述', '用法', '목적', '개요', '목차', '사용법', '설명',
    'テンプレート', '模板', '템플릿', '書式', '格式', '양식',
    'readme', 'process', 'contacts', 'severities', 'severity levels', 'severity', 'roles', 'definitions', 'archive', 'faq', 'references', 'links', 'see also', 'changelog', 'todo', 'usage',
    'how it works', 'cómo funciona', 'como funciona', 'comment ça marche', 'comment ça fonctionne', 'wie es funktioniert', 'so funktioniert es', 'come funziona', 'как это работает',
    'format', 'template', 'example', 'sample', 'entry template', 'how to', 'how we', 'how to add an entry', 'adding an entry', 'new entries', 'writing an entry',
    'plantilla', 'formato', 'ejemplo', 'instrucciones', 'modelo', 'exemplo', 'instruções', 'modèle', 'exemple', 'sommaire', 'mode d emploi',
    'vorlage', 'beispiel', 'anleitung', 'übersicht', 'modello', 'esempio', 'istruzioni', 'шаблон', 'пример', 'формат', 'инструкция', 'содержание',
  ].map(key),
);

/** Whether a section's title says it explains the log (`Format`, `How to add an entry`, `Template for new entries`). */
export function isMetaTitle(title: string): boolean {
  const words = wordsOf(stripInline(title), 12);
  if (!words.length) return true;
  if (META_TITLES.has(words.join(' '))) return true;
  for (let k = 1; k <= 2 && k <= words.length; k++) if (META_LEADS.has(words.slice(0, k).join(' '))) return true;
  // Chinese, Japanese and Korean run the word into the title's first run of letters (`未収束の教訓`).
  const first = words[0];
  return first.charCodeAt(0) >= 0x2e80 && CJK_META_WORDS.some((w) => first.includes(w));
}

/** Words of titles that explain a log in Chinese, Japanese and Korean: principles, lessons, procedure, purpose, overview, contents, summary, rules, template. */
const CJK_META_WORDS = ['メモ', '備考', '备注', '笔记', '메모', '비고', '原則', '原则', '教訓', '教训', '手順', '目的', '概要', '目次', '使い方', '説明', '用途', '目录', '说明', '概述', '总结', '總結', 'まとめ', '规则', '規則', 'ルール', 'テンプレート', '模板', '원칙', '교훈', '절차', '목적', '개요', '목차', '사용법', '요약', '규칙', '템플릿'];

/** First words of a title that explains the log (`How to add an entry`, `Template for new entries`). */
const META_LEADS = new Set(
  [
    'about', 'notes', 'note', 'acerca de', 'sobre este', 'notas', 'à propos', 'a propos', 'remarques', 'über diese', 'hinweise', 'hinweis', 'notizen', 'anmerkungen', 'informazioni', 'note su', 'примечания', 'заметки', 'об этом',
    // A release's notes beside the incidents (`## Release notes (short)`): what shipped, not what broke.
    'release notes', 'changelog', 'change log', 'notas de la versión', 'notas de versão', 'notes de version', 'versionshinweise', 'note di rilascio',
    'how to', 'how we', 'when to', 'template', 'format', 'example', 'cuándo', 'quand', 'wann', 'quando', 'когда', 'plantilla', 'formato', 'ejemplo', 'modèle', 'exemple', 'vorlage', 'beispiel', 'modello', 'esempio', 'шаблон', 'пример',
    'cómo escribir', 'cómo añadir', 'cómo agregar', 'cómo registrar', 'como escrever', 'como adicionar', 'como registrar', 'comment écrire', 'comment ajouter', 'comment remplir',
    'wie man', 'wie wir', 'come scrivere', 'come aggiungere', 'come compilare', 'как писать', 'как добавить', 'как заполнять', 'как вести',
  ].map(key),
);


/** What a dated note says when nothing happened (`2025-10-08 — System up, no incidents recorded`). */
const NO_INCIDENTS = new Set(
  [
    'no incidents', 'zero incidents', 'no production incidents', 'no incidents recorded', 'nothing to report', 'all quiet', 'sin incidentes', 'sin incidencias', 'ningún incidente', 'sem incidentes', 'nenhum incidente',
    'no hay incidentes', 'no hay incidentes registrados', 'não há incidentes', 'il n y a aucun incident', 'es gibt keine vorfälle', 'non ci sono incidenti', 'no incidents yet',
    'aucun incident', 'rien à signaler', 'keine vorfälle', 'keine störungen', 'keine incidents', 'nessun incidente', 'nessun disservizio', 'без инцидентов', 'нет инцидентов', 'инцидентов нет',
    '无事故', '无故障', '障害なし', '장애 없음',
  ].map(key),
);

/** Words of a form still to be filled in (`W1 summary (to be filled in on 2026-03-07)`). */
// Only phrases that say it of a form: `fill in` alone is also a cache's (`Cache fill in eu-west failed`).
const FILL_IN = new Set(['to be filled', 'to be filled in', 'to be completed', 'à compléter', 'por completar', 'a completar', 'zu ergänzen', 'da completare', 'a rellenar', 'por rellenar', 'a preencher', 'por preencher', 'à remplir', 'a remplir', 'ausfüllen', 'auszufüllen', 'da compilare', 'заполнить', '記入', '填写', '작성 예정'].map(key));

/**
 * Whether a heading's title says there was no incident (a dated note of a quiet period), or that
 * its section is a form still to be filled in: either way, not an incident.
 */
export function saysNoIncidents(title: string): boolean {
  const words = wordsOf(stripInline(title), 24);
  return !!findPhrase(words, NO_INCIDENTS, 3) || !!findPhrase(words, FILL_IN, 3);
}

/**
 * Whether the text of lines [from, to) says that nothing happened (`*(No incidents recorded —
 * system newly deployed)*`, `Sin incidentes`): a period's heading over such a note is no incident.
 */
export function saysNothingHappened(ctx: IndexContext, from: number, to: number): boolean {
  // A short note only: a section that goes on to tell what happened is about more than that.
  let found = false;
  let lines = 0;
  proseLines(ctx, from, to, (words) => {
    if (!words.length) return false;
    if (findPhrase(words, NO_INCIDENTS, 3)) found = true;
    return ++lines > 3;
  });
  return found && lines <= 3;
}

/**
 * A heading marked as an example (`[Example] …`, `Ejemplo: …`, `(Beispiel) …`): a template's
 * entry, never an incident. Only the first word is looked at.
 */
export function isExampleHeading(text: string): boolean {
  let i = 0;
  while (i < text.length && i < 4 && (text[i] === '[' || text[i] === '(' || text[i] === '*' || text[i] === '_' || text[i] === ' ')) i++;
  if (i === 0 && !/^[EeSsBbПпMm例예示]/.test(text)) return false;
  const head = text.slice(i, i + 24);
  const words = wordsOf(head, 2);
  if (!words.length || !EXAMPLE_WORDS.has(words[0])) return false;
  const after = head.slice(head.toLowerCase().indexOf(words[0]) + words[0].length).trimStart();
  return i > 0 ? after.startsWith(']') || after.startsWith(')') || after.startsWith('*') || after.startsWith('_') : after.startsWith(':');
}

/**
 * A heading tagged as a change rather than something that went wrong (`PVC build context (new
 * feature)`, `[Enhancement] Faster export`, `（新機能）`): a note beside the incidents, not one of
 * them. Only a tag in brackets that opens or ends the title, and is a tag word alone.
 */
export function isChangeHeading(text: string): boolean {
  const t = stripInline(text).trim();
  const tags: string[] = [];
  const first = t[0];
  if (first === '[' || first === '(' || first === '（' || first === '【') {
    const close = t.indexOf(first === '[' ? ']' : first === '(' ? ')' : first === '（' ? '）' : '】');
    if (close > 1 && close <= 40) tags.push(t.slice(1, close));
  }
  const last = t[t.length - 1];
  if (last === ']' || last === ')' || last === '）' || last === '】') {
    const open = t.lastIndexOf(last === ']' ? '[' : last === ')' ? '(' : last === '）' ? '（' : '【', t.length - 2);
    if (open > 0 && t.length - 1 - open <= 40) tags.push(t.slice(open + 1, t.length - 1));
  }
  return tags.some((tag) => CHANGE_TAGS.has(wordsOf(tag, 5).join(' ')));
}

/** Tags of a change: a feature, an enhancement, a refactoring, in the seven languages, CJK and the further ones. */
const CHANGE_TAGS = new Set(
  [
    'feature', 'new feature', 'feat', 'enhancement', 'improvement', 'refactor', 'refactoring', 'change', 'behaviour change', 'behavior change', 'chore', 'docs',
    'nueva función', 'nueva funcionalidad', 'funcionalidad', 'mejora', 'nova funcionalidade', 'funcionalidade', 'melhoria', 'nouvelle fonctionnalité', 'fonctionnalité', 'amélioration',
    'neue funktion', 'neues feature', 'funktion', 'verbesserung', 'nuova funzionalità', 'funzionalità', 'miglioramento', 'новая функция', 'функция', 'улучшение', 'доработка',
    '신규 기능', '새 기능', '기능 추가', '기능', '개선', '新機能', '機能追加', '機能', '改善', '新功能', '功能', '优化', '改进', '改進',
    'nieuwe functie', 'verbetering', 'nowa funkcja', 'ulepszenie', 'nová funkce', 'vylepšení', 'нова функція', 'покращення', 'yeni özellik', 'iyileştirme', 'tính năng mới', 'cải tiến', 'fitur baru', 'peningkatan',
  ].map(key),
);

const EXAMPLE_WORDS = new Set(['example', 'sample', 'ejemplo', 'exemplo', 'exemple', 'beispiel', 'esempio', 'пример', 'muster', '例', '示例', '예시'].map(key));

/** Whether the section's lines say it is not an incident. */
export function saysNotAnIncident(ctx: IndexContext, title: string, from: number, to: number): boolean {
  if (findPhrase(wordsOf(title), NOT_AN_INCIDENT_SET, 5)) return true;
  let found = false;
  proseLines(ctx, from, to, (words) => (found = !!findPhrase(words, NOT_AN_INCIDENT_SET, 5)));
  return found;
}

/** Whether lines [from, to) hold a sentence: a line of four words or more, or of 12 letters of a script written without spaces (Chinese, Japanese). */
function hasProse(ctx: IndexContext, from: number, to: number): boolean {
  let found = false;
  proseLines(ctx, from, to, (words) => (found = words.length >= 4 || unspacedLetters(words) >= 12));
  return found;
}

/** How many letters `words` hold in words written in CJK scripts (from U+2E80 on, where words are not spaced). */
function unspacedLetters(words: readonly string[]): number {
  let n = 0;
  // Letter by letter: a run may mix scripts (`APIレスポンスの不一致` is one word).
  for (const w of words) for (let i = 0; i < w.length; i++) if (w.charCodeAt(i) >= 0x2e80) n++;
  return n;
}

/** A section the prose rule reads as an incident: a heading index and what to note. */
export interface ProseStart {
  hi: number;
  reading: IncidentReading;
}

/**
 * Sections telling one incident each in prose. Under a heading titled like a list of incidents
 * (`# Incidents`, `## Outages`), when no section under it is an incident by the other rules,
 * every heading one level deeper is an incident, unless its title explains the log (`Format`,
 * `How to add an entry`, a template) or it says it is not one. With the playbook's
 * `reading.incidentLevel`, every heading of that level outside the incidents found is one, by
 * the same exceptions. `taken(line)` says whether a line already belongs to an incident.
 */
export function proseIncidentStarts(ctx: IndexContext, bodyLine: number, taken: (from: number, to: number) => boolean): ProseStart[] {
  const headings = ctx.headings;
  const out: ProseStart[] = [];
  const level = ctx.policy.reading?.incidentLevel;
  const end = (hi: number) => sectionEndLine(ctx, hi);
  const under = (hi: number) => {
    for (let k = hi - 1; k >= 0; k--) if (headings[k].level < headings[hi].level) return stripInline(headings[k].text) || undefined;
    return undefined;
  };
  const candidate = (hi: number, reading: IncidentReading, parts = false) => {
    const h = headings[hi];
    const title = stripInline(h.text);
    const to = end(hi);
    // A sub-section's name (Timeline, Checklist, Action items) belongs to the incident above it;
    // a title like the log's own (`Incident history`) holds incidents, it is none. A sentence
    // shows it tells something; so do two of its parts filled in (`### 問題` over `画像が上下逆`).
    // A period (`## 2024`, `## May 2024`) groups a log's entries; it tells none itself.
    if (isMetaTitle(title) || isSubsectionName(title, ctx) || (isIncidentLogTitle(title) && mostlyLogWords(title)) || isStatusTitle(ctx, title) || isPeriodTitle(title)) return;
    if (!hasProse(ctx, h.line + 1, to) && !(parts && (filledParts(ctx, hi, to) >= 2 || tableAnatomy(ctx, h.line + 1, to) >= 2))) return;
    if (isExampleHeading(h.text) || isChangeHeading(h.text) || saysNoIncidents(title) || saysNothingHappened(ctx, h.line + 1, to)) return;
    // A heading's id and date aside, a title that is a placeholder (`INC-001 — [To fill in]`)
    // over fields that say nothing yet is a template.
    const facts = headingFacts(ctx, h.text);
    if (isPlaceholderSection(facts.title || title, facts.id, facts.date, readFields(ctx, h.line + 1, to))) return;
    if (saysNotAnIncident(ctx, title, h.line + 1, to)) return;
    out.push({ hi, reading });
  };
  if (level) {
    for (let hi = 0; hi < headings.length; hi++) {
      const h = headings[hi];
      if (h.line < bodyLine || h.level !== level || taken(h.line, end(hi))) continue;
      const u = under(hi);
      candidate(hi, { shape: 'prose-section', byPlaybook: true, ...(u ? { under: u } : {}) });
    }
    return out;
  }
  for (let pi = 0; pi < headings.length; pi++) {
    const parent = headings[pi];
    if (parent.line < bodyLine || parent.level > 3) continue;
    // An incident's heading (or one inside an incident): nothing under it is read here. A
    // search, cheaper than reading the title: a big log's headings are mostly incidents'.
    if (taken(parent.line, parent.line + 1)) {
      pi = Math.max(pi, headingIndexBefore(headings, end(pi)));
      continue;
    }
    if (!isIncidentLogTitle(parent.text)) continue;
    const to = end(pi);
    // "Incident log: login loop" with a Status and a date right under it is one incident, and
    // its sections are its parts (what was tried, the result), not incidents of their own.
    if (describesOneIncident(ctx, parent.line, pi + 1 < headings.length ? Math.min(headings[pi + 1].line, to) : to)) {
      pi = Math.max(pi, headingIndexBefore(headings, to));
      continue;
    }
    // A log whose incidents the other rules found keeps its own shape; so does one where the
    // playbook names the table that lists them (the sections beside it are then about them).
    if (!taken(parent.line, to) && !playbookTableListsIncidents(ctx, parent.line + 1, to)) {
      // A part of the page titled like a log itself (`## Journal des incidents` beside `## Seuils
      // de priorité`, `## Règles d'escalade`) is where the incidents are: its siblings are about
      // the log, and that part is read as a title of its own, next in this loop.
      // Unless the page is split into parts that each hold entries (`## 1. Build failures`,
      // `## 2. Sign-in`): a part's title may then name failures like a log's.
      // Each part's entries, read once: they decide whether the page is in parts, then are read.
      const parts = partsBelow(ctx, pi, to);
      let partsHolding = 0;
      for (const entries of parts.values()) if (entries.length >= 2) partsHolding++;
      const parted = partsHolding >= 2;
      if (holdsLogPart(headings, pi, to) && !parted) continue;
      const u = stripInline(parent.text);
      // A log grouped by status (`## Open` / `## Closed`) holds its incidents in those groups,
      // where the status-group rules read them: a part beside them (`## Compliance officer
      // view`) is about the log.
      // So does a log whose entries stand in a part named for them (`## Problems` over dated items).
      if (groupedByStatusBelow(ctx, pi, to) || entriesPartBelow(ctx, pi, to)) {
        pi = Math.max(pi, headingIndexBefore(headings, to));
        continue;
      }
      const found = out.length;
      let tabled = false;
      for (let hi = pi + 1; hi < headings.length && headings[hi].line < to; hi++) {
        // The title's own sections: one level down, or further when the log skips a level (`#` over `###`).
        if (headings[hi].level !== parent.level + 1 && parentIndex(headings, hi) !== pi) continue;
        // A period (`## 2024`) holds the log's sections one level down (`### ~~Feed returns 500~~ (Feb 2)`);
        // so does a group by status (`## Open issues`, `## Fixed issues`), whose status they take
        // where their words say none.
        if (isPeriodTitle(headings[hi].text) || (headingGroupStatus(ctx, hi) && hasSubheadings(headings, hi, end(hi)))) {
          const periodEnd = end(hi);
          for (let k = hi + 1; k < headings.length && headings[k].line < periodEnd; k++) if (headings[k].level === headings[hi].level + 1) candidate(k, { shape: 'prose-section', under: u });
          continue;
        }
        // A page that opens with a table of incidents (`## When it has happened` over `Date |
        // Down | Recovered`) is organised around it: its rows are the incidents, and the sections
        // after it are notes about them (the evidence, the suspects), not incidents of their own.
        // A table after sections telling incidents is a summary beside them.
        if (sectionListsIncidents(ctx, headings[hi].line + 1, end(hi))) {
          if (out.length === found) {
            tabled = true;
            break;
          }
          continue;
        }
        // In a page of parts, a part of one entry is a part too.
        const entries = parts.get(hi);
        if (entries && (parted || entries.length >= 2)) {
          const part = stripInline(headings[hi].text);
          for (const k of entries) candidate(k, { shape: 'prose-section', ...(part ? { under: part } : {}) });
          continue;
        }
        // A page in parts keeps its entries in them: a section beside the parts is about the log.
        if (!parted) candidate(hi, { shape: 'prose-section', under: u });
      }
      if (tabled) out.length = found;
    }
    pi = Math.max(pi, headingIndexBefore(headings, to));
  }
  if (!out.length && !taken(bodyLine, ctx.lines.starts.length)) anatomySections(ctx, bodyLine, end, under, candidate);
  return out;
}

/**
 * The entries of a part of the log (`## 2. Sign-in` over `### 2.1 …`, `### 2.2 …`): a heading
 * with no words of its own over sub-sections that each label two parts of an incident on their
 * lines (`**Symptom:**`, `**Cause:**`, `**Fix:**`), none titled as a part itself (`### Root
 * cause` makes its heading one incident told in parts). Undefined when it has none.
 */
function partEntries(ctx: IndexContext, hi: number): number[] | undefined {
  const headings = ctx.headings;
  const level = headings[hi].level + 1;
  const to = sectionEndLine(ctx, hi);
  if (level > 4 || hi + 1 >= headings.length || headings[hi + 1].line >= to || hasProse(ctx, headings[hi].line + 1, headings[hi + 1].line)) return undefined;
  const entries: number[] = [];
  for (let k = hi + 1; k < headings.length && headings[k].line < to; k++) {
    if (headings[k].level !== level) continue;
    if (isAnatomyTitle(headings[k].text)) return undefined;
    if (anatomyKeyCount(ctx, headings[k].line + 1, sectionEndLine(ctx, k)) >= 2) entries.push(k);
  }
  return entries.length ? entries : undefined;
}

/** The entries of every heading one level below headings[pi] (and before line `to`) that is a part of the log (see partEntries), by heading. */
function partsBelow(ctx: IndexContext, pi: number, to: number): Map<number, number[]> {
  const headings = ctx.headings;
  const parts = new Map<number, number[]>();
  for (let hi = pi + 1; hi < headings.length && headings[hi].line < to; hi++) {
    if (headings[hi].level !== headings[pi].level + 1) continue;
    const entries = partEntries(ctx, hi);
    if (entries) parts.set(hi, entries);
  }
  return parts;
}

/** Whether headings[hi] has a heading one level down before line `to`. */
function hasSubheadings(headings: IndexContext['headings'], hi: number, to: number): boolean {
  return hi + 1 < headings.length && headings[hi + 1].line < to && headings[hi + 1].level === headings[hi].level + 1;
}

/** Whether a heading one level below headings[pi] (and before line `to`) names alone what the log lists and holds a list. */
function entriesPartBelow(ctx: IndexContext, pi: number, to: number): boolean {
  const headings = ctx.headings;
  for (let hi = pi + 1; hi < headings.length && headings[hi].line < to; hi++) {
    if (headings[hi].level !== headings[pi].level + 1 || !isEntriesPartTitle(headings[hi].text)) continue;
    const end = sectionEndLine(ctx, hi);
    for (let li = headings[hi].line + 1; li < end; li++) {
      const t = lineText(ctx, li).trimStart();
      if ((t[0] === '-' || t[0] === '*' || t[0] === '+') && t[1] === ' ') return true;
    }
  }
  return false;
}

/** Whether a heading one level below headings[pi] (and before line `to`) is a status and nothing else. */
function groupedByStatusBelow(ctx: IndexContext, pi: number, to: number): boolean {
  const headings = ctx.headings;
  for (let hi = pi + 1; hi < headings.length && headings[hi].line < to; hi++) {
    if (headings[hi].level === headings[pi].level + 1 && isStatusTitle(ctx, stripInline(headings[hi].text))) return true;
  }
  return false;
}

/** A title that is a status and nothing else (`## Resolved`, `## Open`, `## 已解决`): a group of entries, not one. */
function isStatusTitle(ctx: IndexContext, title: string): boolean {
  if (title.length > 40) return false;
  const read = readStatus(ctx.policy, title);
  // A count after it (`Open (2)`, `未修正(7件)`) keeps it a status.
  return !!read?.meaning && (!read.note.trim() || isCountNote(read.note));
}

/**
 * Whether a title names a part of an incident the playbook reads (`Timeline`, `3. Action items`):
 * it starts with that name. `Bug #9: GitHub Actions workflow` only holds the word.
 */
export function isSubsectionName(title: string, ctx: IndexContext): boolean {
  if (!subsectionKind(title, ctx.policy)) return false;
  const t = title.toLowerCase().replace(/^[\s\d.)#:—–-]{0,8}/, '');
  const { timeline, actionItems, checklist } = ctx.policy.sections;
  return [...timeline, ...actionItems, ...checklist].some((k) => t.startsWith(k));
}

/**
 * Whether a log's word makes up half a title's words or more (`Journal des incidents`, `Incident
 * history — 2024`), not one word of an incident's own title (`*arr stack integration bugs`).
 */
function mostlyLogWords(title: string): boolean {
  const words = wordsOf(stripInline(title), 12);
  if (!words.length) return false;
  let longest = 0;
  for (let a = 0; a < words.length; a++) {
    for (let b = a + 1; b <= words.length && b - a <= 5; b++) {
      const phrase = words.slice(a, b);
      if (LOG_TITLE_WORDS.has(phrase.join(' '))) longest = Math.max(longest, phrase.filter(counted).length);
    }
  }
  // A title the phrase table does not hold (a CJK one, `Incident & Resolution Log`) is taken as it is.
  return longest === 0 || longest * 2 >= words.filter(counted).length;
}

/** Words a title's subject is told in: not a joining word, a number or a month (`Les pannes du 28 septembre` is about outages). */
const counted = (w: string) => !LINK_WORDS.has(w) && !isAsciiDigits(w) && monthNumber(w) === undefined;

function isAsciiDigits(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (!isAsciiDigit(w.charCodeAt(i))) return false;
  return w.length > 0;
}

/** Words that only join others in a title (`Historial de incidentes`, `Journal des pannes`): not counted. */
const LINK_WORDS = new Set(['of', 'the', 'a', 'and', 'de', 'des', 'du', 'del', 'la', 'le', 'les', 'el', 'los', 'las', 'do', 'da', 'dos', 'das', 'der', 'die', 'den', 'di', 'della', 'dei', 'delle', 'e', 'y', 'et', 'und']);

/** Whether a heading one level below headings[pi] (and before line `to`) is titled like an incident log. */
function holdsLogPart(headings: ReadonlyArray<{ line: number; level: number; text: string }>, pi: number, to: number): boolean {
  const level = headings[pi].level + 1;
  for (let hi = pi + 1; hi < headings.length && headings[hi].line < to; hi++) {
    const h = headings[hi];
    // `## Incident log format` explains the log: it is no part of it.
    if (h.level === level && isIncidentLogTitle(h.text) && mostlyLogWords(h.text) && !isMetaTitle(h.text) && !wordsOf(stripInline(h.text), 12).some((w) => META_TITLES.has(w))) return true;
  }
  return false;
}

/**
 * A log in which nothing else is read as an incident, whose title (if it has one) names no
 * incident of its own: each section whose lines, or whose sub-sections' titles, name two or more
 * parts of an incident's anatomy (`Symptom:`, `Diagnosis`, `Fix:`, `문제 (Problem):`, in the seven languages
 * and CJK) tells one incident. The deepest such section is the incident: a day's heading over
 * `### Issue 1` and `### Issue 2`, each labelled, holds two incidents.
 */
function anatomySections(ctx: IndexContext, bodyLine: number, end: (hi: number) => number, under: (hi: number) => string | undefined, candidate: (hi: number, reading: IncidentReading, parts?: boolean) => void): void {
  const headings = ctx.headings;
  // A linked file is one incident.
  if (ctx.options.singleIncident) return;
  // A part's own heading (`### Summary` holding `| Impact | … |`) is no section telling an incident.
  const labelled: boolean[] = headings.map((h, hi) => {
    if (h.line < bodyLine || h.level < 2 || h.level > 4) return false;
    if (sectionAnatomy(ctx, hi, end(hi)) >= 2) return true;
    const title = stripInline(h.text);
    return !isMetaTitle(title) && !isAnatomyTitle(title) && !isSubsectionName(title, ctx) && tableAnatomy(ctx, h.line + 1, end(hi)) >= 2;
  });
  for (let hi = 0; hi < headings.length; hi++) {
    if (!labelled[hi]) continue;
    const to = end(hi);
    let deeper = false;
    for (let k = hi + 1; k < headings.length && headings[k].line < to && !deeper; k++) deeper = labelled[k];
    if (deeper) continue;
    const u = under(hi);
    candidate(hi, { shape: 'prose-section', ...(u ? { under: u } : {}) }, true);
    // What lies inside an incident's section is its parts.
    while (hi + 1 < headings.length && headings[hi + 1].line < to) hi++;
  }
}

/** Whether lines [from, to) hold a table read as incidents (rows with an id, a date or an end). */
export function sectionListsIncidents(ctx: IndexContext, from: number, to: number): boolean {
  const rows: Incident[] = [];
  findTableIncidents({ ...ctx, problems: [] }, from, to, rows);
  return rows.length > 0;
}

/**
 * Whether lines [from, to) hold a table the playbook's `reading.incidentTables` names, with rows.
 * Without the playbook a table beside prose sections is not enough to tell: the sections may be
 * incidents told in prose, or notes about the table's occurrences.
 */
function playbookTableListsIncidents(ctx: IndexContext, from: number, to: number): boolean {
  if (!ctx.policy.reading?.incidentTables?.length) return false;
  const rows: Incident[] = [];
  findTableIncidents(ctx, from, to, rows);
  return rows.length > 0;
}

/** Whether the text right under a heading (to its first sub-heading) holds an incident's own status and fields. */
function describesOneIncident(ctx: IndexContext, headingLine: number, to: number): boolean {
  const own = filledFields(readFields(ctx, headingLine + 1, to));
  return own.some((f) => f.canonical === 'status') && fieldsLookLikeIncident(ctx.policy, own);
}

/** The index of the last heading before line `line`. */
function headingIndexBefore(headings: ReadonlyArray<{ line: number }>, line: number): number {
  let k = -1;
  for (let lo = 0, hi = headings.length - 1; lo <= hi; ) {
    const mid = (lo + hi) >> 1;
    if (headings[mid].line < line) {
      k = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return k;
}
