// Registers grouped by status: sections under `## Resolved`, `## Open issues`, `## Risolti`,
// `## Aperti — Priorità media` take that status when nothing in them says theirs. The only
// reading of a section that depends on text outside it: the re-index and the incremental check
// read a log that has such a group whole (see anyUnderStatusGroup, LogIndex.groupedByStatus).
import type { IncidentReading } from '../model';
import { type StatusVocabulary, readStatus } from '../playbook/statusWords';
import type { IndexContext } from './context';
import { hasLetterOrDigit, isLetterOrDigitCode, lettersAndDigits, stripInline } from './text';
import { matchSeverity } from '../playbook/policy';

/** What may follow a status in a group's title: a separator, or a word for what the group holds (`Open issues`, `Risolti`, `Aperti — Priorità media`). */
const GROUP_NOUNS = new Set([
  'incidents', 'incident', 'issues', 'problems', 'bugs', 'items', 'outages', 'tickets', 'defects', 'incidentes', 'incidencias', 'problemas', 'fallos', 'incidenti', 'problemi',
  'vorfälle', 'störungen', 'probleme', 'fehler', 'инциденты', 'проблемы', 'ошибки', 'problèmes', 'défauts',
  // `Offene Punkte`, `Points ouverts`, `Pontos em aberto`: what is still open.
  'punkte', 'themen', 'points', 'puntos', 'pontos', 'punti',
]);

/** Titles of a list of known problems (`# Problèmes connus`, `## Known issues`): what they hold is open unless its words say it was fixed. */
const KNOWN_PROBLEMS = new Set(['known issues', 'known problems', 'known bugs', 'known bugs and issues', 'open bugs', 'problèmes connus', 'bugs connus', 'bekannte probleme', 'bekannte fehler', 'problemas conocidos', 'errores conocidos', 'problemas conhecidos', 'bugs conhecidos', 'problemi noti', 'bug noti', 'известные проблемы', 'известные ошибки', '既知の問題', '既知の不具合', '已知问题', '已知問題', '알려진 문제',
  // Problems found (by a review, a test pass) and not said to be fixed.
  'problems found', 'issues found', 'bugs found', 'found issues', 'found problems', 'found bugs', 'issues identified', 'problems identified', 'bugs identified', 'identified issues',
  'problemas encontrados', 'bugs encontrados', 'errores encontrados', 'erros encontrados', 'problemas identificados', 'bugs identificados', 'errores identificados',
  'problèmes trouvés', 'problèmes relevés', 'bugs trouvés', 'bogues trouvés', 'gefundene probleme', 'gefundene fehler', 'gefundene bugs', 'bug trovati', 'найденные баги', 'найденные ошибки',
  'problemi trovati', 'найденные проблемы', 'обнаруженные проблемы', '已发现问题', '发现的问题', '已發現問題', '發現的問題', '発見された問題', '발견된 문제',
  // Problems still being worked, as a title says of them (`## Current problems`, `## 現在の問題`);
  // not `Current issues`, which a magazine's or a tracker's page titles as often.
  'current problems', 'current bugs', 'ongoing problems', 'aktuelle probleme', 'aktuelle fehler', 'problemas actuales', 'problemas atuais',
  'problèmes actuels', 'problemi attuali', 'текущие проблемы']);

/** `現在の` + a noun of faults (`現在の問題`, `当前问题`, `현재 문제`): CJK titles run the two together. */
const CURRENT_PREFIXES = ['現在の', '現在', '当前的', '当前', '目前的', '目前', '當前', '현재'];
// Not 課題 or 이슈: a plan's current challenges are no faults.
const CURRENT_NOUNS = new Set(['問題', '不具合', '障害', 'つまずきポイント', 'つまずき', '问题', '故障', '문제', '문제점', '장애', '버그']);

function isCurrentProblemsTitle(title: string): boolean {
  for (const prefix of CURRENT_PREFIXES) if (title.startsWith(prefix) && CURRENT_NOUNS.has(title.slice(prefix.length).trim())) return true;
  return false;
}

/** A title's words for a lookup: lower case, without the symbols or emoji that lead it (`🐛 Known issues`, `?? 現在の問題`). */
function titleWords(text: string): string {
  const title = stripInline(text).trim().toLowerCase();
  let i = 0;
  while (i < title.length && !isLetterOrDigitCode(title.codePointAt(i) as number)) i += (title.codePointAt(i) as number) > 0xffff ? 2 : 1;
  return i ? title.slice(i).trimStart() : title;
}

export function isKnownProblemsTitle(vocabulary: StatusVocabulary, text: string): boolean {
  let title = titleWords(text);
  // A note in brackets after the title (`Problemas conhecidos (não corrigidos)`) is no part of
  // it, unless it says they are over (`Known issues (all fixed)`): that list is not open.
  const open = title.endsWith(')') ? title.indexOf('(') : -1;
  if (open > 0) {
    const note = readStatus(vocabulary, title.slice(open + 1, -1).replace(/^(?:all|todos|todas|tous|toutes|alle|tutti|все)\s+/u, ''));
    if (note?.meaning === 'Resolved' || note?.meaning === 'Closed') return false;
    title = title.slice(0, open).trim();
  }
  if (title.length > 80) return false;
  if (KNOWN_PROBLEMS.has(title) || isCurrentProblemsTitle(title)) return true;
  // A project's name before it (`SAGE Engine - Known Issues`, `Billing — known problems`): the
  // last part of the title says what the page is.
  const cut = lastSeparator(title);
  if (cut === undefined) return false;
  const before = title.slice(0, cut.at).trim();
  const after = title.slice(cut.at + cut.length).trim();
  if (KNOWN_PROBLEMS.has(after)) return hasLetterOrDigit(before) && !PAGE_KINDS.has(lettersAndDigits(before, ' ').trim());
  // Or the project's name after it (`Bugs conhecidos - DR OPS`), unless that part says they are over (`Known issues - all fixed`).
  const note = readStatus(vocabulary, after.replace(/^(?:all|todos|todas|tous|toutes|alle|tutti|все)\s+/u, ''));
  return KNOWN_PROBLEMS.has(before) && hasLetterOrDigit(after) && note?.meaning !== 'Resolved' && note?.meaning !== 'Closed';
}

/** What a page is, before its title's separator (`Troubleshooting: Known issues` is a guide's part, not a list of problems). */
const PAGE_KINDS = new Set(['troubleshooting', 'faq', 'faqs', 'guide', 'user guide', 'help', 'support', 'setup', 'installation', 'install', 'getting started', 'docs', 'documentation', 'readme', 'notes', 'release notes', 'changelog', 'tips', 'appendix', 'dépannage', 'fehlerbehebung', 'solución de problemas', 'solução de problemas', 'risoluzione dei problemi']);

/** The last ` - `, ` — `, ` – `, ` | ` or `: ` in a title: where it starts and how long it is. */
function lastSeparator(title: string): { at: number; length: number } | undefined {
  let best: { at: number; length: number } | undefined;
  for (const sep of [' - ', ' — ', ' – ', ' | ', ': ']) {
    const at = title.lastIndexOf(sep);
    if (at > 0 && (!best || at > best.at)) best = { at, length: sep.length };
  }
  return best;
}

/** Words that may follow a severity in a group's title (`Critical issues`, `High priority`). */
const SEVERITY_GROUP_NOUNS = new Set([...GROUP_NOUNS, 'priority', 'severity', 'prioridad', 'prioridade', 'priorité', 'priorität', 'priorità', 'приоритет', 'impact']);

/**
 * Whether headings[k] groups what it holds by severity (`## 🟥 Critical Issues`, `## High
 * priority`, `## Minor`): its title is a severity word, with at most a word for what it holds.
 */
function isSeverityGroupTitle(ctx: IndexContext, k: number): boolean {
  // A note in brackets after it (`CRITICAL (blocks use or corrupts data)`) says what the level means.
  const words = lettersAndDigits(titleWords(ctx.headings[k].text).replace(/\s*[(（][^)）]{0,80}[)）]$/, ''), ' ').trim().split(' ');
  if (words.length > 3) return false;
  const kept = words.filter((w) => !SEVERITY_GROUP_NOUNS.has(w));
  return kept.length === 1 && matchSeverity(ctx.policy, kept[0]) !== undefined;
}

/**
 * The heading whose title says that what stands under headings[k] is a known problem: k itself
 * (`# Known issues` over `### KI-001`), or k's parent when k only groups by severity (`# Known
 * issues` > `## 🟥 Critical Issues` > `### KI-001`); -1 when neither.
 */
function knownProblemsOver(ctx: IndexContext, k: number): number {
  if (isKnownProblemsTitle(ctx.policy, ctx.headings[k].text)) return k;
  const up = parentIndex(ctx.headings, k);
  return up >= 0 && isSeverityGroupTitle(ctx, k) && isKnownProblemsTitle(ctx.policy, ctx.headings[up].text) ? up : -1;
}

/**
 * Titles that name faults and nothing more (`# Probleme`, `# Bugs`), as a whole title: a log only
 * where its parts are status groups (see isGroupedProblemsTitle). `Issues` and `Problems` are
 * not among them: a to-do list and a problem set are titled so as often.
 */
const PROBLEM_TITLES = new Set(['bugs', 'defects', 'known defects', 'probleme', 'fehler', 'problèmes', 'problemas', 'errores', 'fallos', 'erros', 'falhas', 'problemi', 'difetti', 'проблемы', 'ошибки', 'баги', '问题', '問題', '문제', '버그']);

/**
 * Whether headings[k] names faults (`# Probleme`) and a part under it is a status group (`##
 * Offen`, `## Erledigt`): a register of problems by status, though the word alone says no more
 * than a section of a README would.
 */
export function isGroupedProblemsTitle(ctx: IndexContext, k: number): boolean {
  const title = stripInline(ctx.headings[k].text).trim().toLowerCase();
  if (title.length > 40 || !PROBLEM_TITLES.has(title)) return false;
  const level = ctx.headings[k].level;
  for (let j = k + 1; j < ctx.headings.length && ctx.headings[j].level > level; j++) {
    if (ctx.headings[j].level === level + 1 && statusOfGroup(ctx, j)) return true;
  }
  return false;
}

/** A count alone after a status (`7件`, `3`, `12 issues)`): how many the group holds, nothing else. */
export function isCountNote(note: string): boolean {
  return /^\d{1,6}\s?(?:件|个|個|건|items?|issues?|bugs?|incidents?|problems?|entries)?[)）]?$/i.test(note.trim());
}

/**
 * The status a section takes from the heading it stands under, when that heading's title is a
 * status (`## Resolved`, `## Open issues`, `## Risolti`, `## Aperti — Priorità media`, `## 未解決`):
 * a register grouped by status. Read only where nothing in the section says its status.
 */
export function groupStatus(ctx: IndexContext, headingLine: number): IncidentReading['statusText'] {
  const k = parentHeading(ctx.headings, headingLine);
  if (k < 0) return undefined;
  const own = headingGroupStatus(ctx, k);
  if (own) return own;
  // Under a list of known problems, what the words leave unsaid is open.
  const known = knownProblemsOver(ctx, k);
  return known >= 0 ? { words: stripInline(ctx.headings[known].text).trim().toLowerCase(), line: ctx.headings[known].line + 1, open: true } : undefined;
}

/** The status headings[k]'s title says for what it holds (`## Resolved`), as a status read from words, or undefined. */
export function headingGroupStatus(ctx: IndexContext, k: number): IncidentReading['statusText'] {
  const group = statusOfGroup(ctx, k);
  return group && { words: group.words, line: ctx.headings[k].line + 1, open: group.open };
}

/** The status a heading's title says for what it holds (see groupStatus), or undefined. */
function statusOfGroup(ctx: IndexContext, k: number): { words: string; open: boolean } | undefined {
  const title = stripInline(ctx.headings[k].text).trim();
  if (title.length > 60) return undefined;
  const read = readStatus(ctx.policy, title);
  if (!read?.meaning || read.meaning === 'Deferred') return undefined;
  const note = read.note.trim();
  if (note) {
    // `Aperti — Priorità media`: a separator between the status and the rest; else the rest
    // names what the group holds (`Open issues`), not something else (`Open questions`).
    const before = title.endsWith(note) ? title.slice(0, title.length - note.length).trimEnd() : '';
    const separated = (before !== '' && '—–-:(·|'.includes(before[before.length - 1])) || '—–-:(·|・/'.includes(note[0]);
    // A count after the status (`未修正(7件)`, `Open (3)`) says how many, not what else.
    // `Closed without fix`, `Resolved with a workaround`: how it ended, said after the status.
    const how = /^(?:without|with)\s/i.test(note);
    if (!separated && !how && !GROUP_NOUNS.has(note.split(' ')[0].toLowerCase()) && !isCountNote(note)) return undefined;
  }
  return { words: title.toLowerCase(), open: read.meaning !== 'Resolved' && read.meaning !== 'Closed' };
}

/**
 * Whether a section starting on one of `headingLines` stands under a heading that says a status:
 * its reading then depends on more than its own text, and an edit elsewhere (that heading's) may
 * change it. The re-index and the incremental check read such a log whole.
 */
export function anyUnderStatusGroup(ctx: IndexContext, headingLines: readonly number[]): boolean {
  const judged = new Map<number, boolean>();
  for (const line of headingLines) {
    const k = parentHeading(ctx.headings, line);
    if (k < 0) continue;
    let group = judged.get(k);
    // A title of lessons decides what `Status: Active` under it says (see isLessonInForce).
    if (group === undefined) judged.set(k, (group = statusOfGroup(ctx, k) !== undefined || isLessonsTitle(ctx.headings[k].text) || knownProblemsOver(ctx, k) >= 0));
    if (group) return true;
  }
  return false;
}

/** Each heading's parent (the nearest heading above it of a higher level, or -1), per heading list: one pass, kept. */
const parents = new WeakMap<readonly { line: number; level: number }[], Int32Array>();

/** The index of the parent of headings[hi] (see parents), or -1. */
export function parentIndex(headings: readonly { line: number; level: number }[], hi: number): number {
  return parentsOf(headings)[hi];
}

function parentsOf(headings: readonly { line: number; level: number }[]): Int32Array {
  let of = parents.get(headings);
  if (!of) {
    of = new Int32Array(headings.length);
    const stack: number[] = [];
    for (let i = 0; i < headings.length; i++) {
      while (stack.length && headings[stack[stack.length - 1]].level >= headings[i].level) stack.pop();
      of[i] = stack.length ? stack[stack.length - 1] : -1;
      stack.push(i);
    }
    parents.set(headings, of);
  }
  return of;
}

/** The index of the parent of the heading on `line` (see parents), or -1 when the line holds none. */
function parentHeading(headings: readonly { line: number; level: number }[], line: number): number {
  const of = parentsOf(headings);
  let lo = 0;
  let hi = headings.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (headings[mid].line === line) return of[mid];
    if (headings[mid].line < line) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The headings that say a status (`## Resolved`, `## Aperti — Priorità media`) and hold, one level
 * down, at least one of `startLines` (sections read as incidents): the log is a register grouped
 * by status, and each group's other sub-sections are its entries too.
 */
export function statusGroupsHolding(ctx: IndexContext, startLines: readonly number[]): number[] {
  const holding = new Set<number>();
  // Each parent is judged once: a log's 2,000 incidents usually stand under one title.
  const judged = new Set<number>();
  for (const line of startLines) {
    const k = parentHeading(ctx.headings, line);
    if (k < 0 || judged.has(k)) continue;
    judged.add(k);
    if (statusOfGroup(ctx, k)) holding.add(k);
  }
  if (!holding.size) return [];
  // The register's other groups: headings that say a status beside those (same parent, same
  // level). One pass over the headings, whatever the number of groups.
  const of = parents.get(ctx.headings) as Int32Array;
  const beside = new Set([...holding].map((k) => `${of[k]}:${ctx.headings[k].level}`));
  const out = new Set(holding);
  for (let j = 0; j < ctx.headings.length; j++) {
    if (!out.has(j) && beside.has(`${of[j]}:${ctx.headings[j].level}`) && statusOfGroup(ctx, j)) out.add(j);
  }
  return [...out].sort((a, b) => a - b);
}

/** Words of a log of lessons' title (`Lessons Log`, `Lessons learned`, `Lektionen`, `教訓`). */
const LESSON_TITLE_WORDS = new Set(['lesson', 'lessons', 'learnings', 'takeaways', 'lektionen', 'lehren', 'erkenntnisse', 'lecciones', 'lições', 'licoes', 'leçons', 'lecons', 'lezioni', 'уроки', '教訓', '教训', '교훈']);

/** A status that says a rule is in force: `Aktiv`, `Active`, `In force`, `Vigente`. */
const IN_FORCE = new Set(['active', 'aktiv', 'activo', 'activa', 'ativo', 'ativa', 'actif', 'active rule', 'attivo', 'attiva', 'активен', 'активно', 'действует', 'in force', 'gültig', 'vigente', 'en vigueur', '有効', '生效', '有效', '활성', '적용 중']);

/**
 * Whether `value`, the status of the section on `headingLine`, says that a lesson is in force
 * rather than that an incident is open: the section stands under a title of lessons (`## Lessons
 * Log` over `### L-001 … **Status:** Aktiv`), where every entry is a lesson of something past.
 */
export function isLessonInForce(ctx: IndexContext, headingLine: number, value: string): boolean {
  const v = stripInline(value).trim().toLowerCase();
  if (v.length > 20 || !IN_FORCE.has(v)) return false;
  // The nearest heading above it only: the same one anyUnderStatusGroup judges.
  const k = parentHeading(ctx.headings, headingLine);
  return k >= 0 && isLessonsTitle(ctx.headings[k].text);
}

function isLessonsTitle(text: string): boolean {
  const title = stripInline(text).toLowerCase();
  for (const word of title.split(/[^\p{L}]+/u)) if (LESSON_TITLE_WORDS.has(word)) return true;
  // CJK titles run their words together (`運用の教訓`).
  return title.includes('教訓') || title.includes('教训') || title.includes('교훈');
}
