// Statuses as teams write them: `**Status:** RESOLVED.`, `Resolvido (workaround)`,
// `Identificado, pendente correção`, `Статус: Решено`. A status is matched by its leading
// word(s), case-insensitive, with punctuation and emphasis aside; what follows is kept as a note.
// The built-in words cover English, Spanish, Portuguese, French, German, Italian and Russian
// (and, from moreLanguages.ts, eighteen more);
// a playbook's own statuses (and its `resolvedStatus` list) are matched the same way.
import type { Field } from '../model';
import { MORE_STATUSES } from './moreLanguages';
import { hasLetterOrDigit, isFoldedWords, isLetterOrDigitCode, lettersAndDigits, stripInline, withoutLeadingSymbols } from '../reader/text';

/** The built-in statuses a word can mean (the default playbook's spelling). */
export type StatusMeaning = 'Investigating' | 'Identified' | 'Mitigating' | 'Monitoring' | 'Resolved' | 'Open' | 'Closed' | 'Deferred';

/**
 * `Closed`: over without being resolved as such (a duplicate, won't fix, n/a, a near miss): not
 * active, counted as resolved, shown as written. `Deferred`: put off on purpose: not active, not
 * resolved, shown as written (see statusState).
 */
const WORDS: Record<StatusMeaning, string[]> = {
  Resolved: [
    // en
    'resolved', 'closed', 'fixed', 'done', 'solved', 'complete', 'completed', 'recovered', 'remediated', 'restored',
    // The fix said as the status, whole and checked (`FULL_FIX`, `Fix verified`); `Fix deployed` is
    // often followed by watching it, so it says nothing alone.
    'full fix', 'fix verified',
    // Nothing wrong any more: a checkpoint's or a recovered service's status.
    'ok', 'okay', 'all clear', 'nominal', 'back to normal', 'operational', 'healthy',
    // A check's or a test run's result: nothing wrong.
    'passed', 'pass', 'green', 'succeeded', 'successful', 'bestanden', 'erfolgreich', 'superado', 'exitoso', 'réussi', 'superato', 'успешно',
    'normalizado', 'normalizada', 'operativo', 'operativa', 'operacional', 'opérationnel', 'rétabli', 'rétablie', 'in ordnung', 'wiederhergestellt', 'betriebsbereit',
    'ripristinato', 'ripristinata', 'в норме', 'штатно', 'восстановлено',
    // es
    'resuelto', 'resuelta', 'cerrado', 'cerrada', 'solucionado', 'solucionada', 'arreglado', 'arreglada', 'corregido', 'corregida', 'finalizado', 'finalizada',
    // pt
    'resolvido', 'resolvida', 'fechado', 'fechada', 'corrigido', 'corrigida', 'concluído', 'concluída', 'encerrado', 'encerrada',
    // fr
    'résolu', 'résolue', 'fermé', 'fermée', 'clos', 'close', 'clôturé', 'clôturée', 'corrigé', 'corrigée', 'terminé', 'terminée',
    // de
    'behoben', 'gelöst', 'geloest', 'erledigt', 'geschlossen', 'abgeschlossen', 'beseitigt', 'bereinigt',
    // it
    'risolto', 'risolta', 'chiuso', 'chiusa', 'corretto', 'corretta', 'completato', 'completata',
    // The plural a register's group takes (`## Risolti`, `## Resueltos`, `## Erledigte`).
    'risolti', 'risolte', 'chiusi', 'resueltos', 'resueltas', 'cerrados', 'resolvidos', 'resolvidas', 'fechados', 'résolus', 'résolues', 'fermés', 'erledigte', 'gelöste', 'behobene', 'решённые', 'решенные', 'закрытые',
    'corregidos', 'corregidas', 'arreglados', 'arregladas', 'solucionados', 'solucionadas', 'corrigidos', 'corrigidas', 'corrigés', 'corrigées', 'corretti', 'corrette',
    'исправлены', 'исправленные', 'решены', 'закрыты', 'устранены',
    // ru
    'решено', 'решён', 'решена', 'решен', 'исправлено', 'исправлен', 'закрыто', 'закрыт', 'закрыта', 'устранено', 'устранён', 'завершено', 'завершён',
    // zh, ja, ko (no spaces: the whole run is one word)
    '已解决', '已解決', '已修复', '已修復', '已关闭', '已關閉', '已恢复', '已完成', '已消除', '解決済み', '解決済', '対応済み', '해결', '해결됨', '완료',
    '已修正', '已处理', '已處理', '已恢復', '修正済み', '修正済', '修正完了', '対応完了', '復旧済み', '復旧完了', '完了', '解決', 'クローズ',
    '已验证', '已驗證', '已验证通过', '已驗證通過', '验证通过', '驗證通過', '已修', '已修好',
    '수정 완료', '수정됨', '조치 완료', '처리 완료', '해결 완료', '복구 완료', '종료', '완전 해결',
  ],
  Investigating: [
    'investigating', 'investigation', 'triage', 'triaging', 'investigando', 'en investigación', 'em investigação', 'em análise', 'en análisis',
    'en cours d’investigation', "en cours d'investigation", 'investigation en cours', 'analyse en cours', 'in untersuchung', 'untersuchung', 'wird untersucht',
    'in indagine', 'indagando', 'in analisi', 'расследование', 'расследуется', 'исследуется', 'анализ',
  ],
  Identified: ['identified', 'root cause identified', 'identificado', 'identificada', 'identifié', 'identifiée', 'identifiziert', 'erkannt', 'identificato', 'identificata', 'выявлено', 'определено', 'найдено'],
  Mitigating: [
    'mitigating', 'mitigation', 'mitigated', 'partially mitigated', 'mitigando', 'mitigación', 'mitigado', 'mitigada', 'mitigação', 'atténuation', 'en cours d’atténuation',
    'atténué', 'atténuée', 'eindämmung', 'eingedämmt', 'wird behoben', 'mitigazione', 'mitigato', 'mitigata', 'смягчение', 'смягчено', 'устраняется',
  ],
  Monitoring: ['monitoring', 'watching', 'monitoreando', 'monitoreo', 'monitorando', 'monitoramento', 'em observação', 'surveillance', 'sous surveillance', 'überwachung', 'beobachtung', 'monitoraggio', 'in osservazione', 'мониторинг', 'наблюдение'],
  Open: [
    'open', 'reopened', 're-opened', 'regressed', 'ongoing', 'active', 'in progress', 'unresolved', 'unfixed', 'not resolved', 'not fixed', 'abierto', 'abierta', 'en curso', 'activo', 'activa', 'aberto', 'aberta', 'em andamento', 'ativo', 'ativa', 'pendente',
    'ouvert', 'ouverte', 'en cours', 'offen', 'laufend', 'aktiv', 'in bearbeitung', 'aperto', 'aperta', 'in corso', 'attivo', 'открыт', 'открыто', 'в работе', 'активно', 'активен',
    'aperti', 'aperte', 'abiertos', 'abiertas', 'abertos', 'abertas', 'ouverts', 'ouvertes', 'offene', 'открытые', 'активные',
    '待处理', '待處理', '处理中', '處理中', '进行中', '進行中', '未解决', '未解決', '対応中', '未対応', '진행 중', '진행중', '미해결',
    '未修复', '未修復', '修复中', '排查中', '待修复', '未修正', '修正中', '調査中', '確認中', '현재 진행 중', '조사 중', '수정 중', '미조치',
    '未处理', '未處理',
    // Part of it fixed or checked, the rest still open.
    '部分处理', '部分處理', '部分修复', '部分修復', '部分解决', '部分解決', '部分验证', '部分驗證', '部分完成', '一部対応', '一部解決', '부분 해결', '부분 완료',
    // Part of it fixed, the rest still open.
    'partially resolved', 'partly resolved', 'partially fixed', 'partly fixed', 'partially closed', 'partial fix', 'fix pending', 'fix in progress',
    'parcialmente resuelto', 'parcialmente resuelta', 'parcialmente resolvido', 'parcialmente resolvida', 'partiellement résolu', 'partiellement résolue',
    'teilweise behoben', 'teilweise gelöst', 'parzialmente risolto', 'parzialmente risolta', 'частично решено', 'частично исправлено', 'частично устранено',
  ],
  Closed: [
    // en
    'not applicable', 'duplicate', 'duplicated', 'dupe', "won't fix", 'wont fix', 'wontfix', 'will not fix', 'invalid', 'obsolete', 'superseded',
    'caught before merge', 'caught in review', 'near miss', 'near-miss', 'not shipped', 'never shipped', 'not an incident', 'false positive', 'false alarm',
    'cancelled', 'canceled', 'withdrawn', 'not reproducible', 'cannot reproduce', "can't reproduce",
    'expected behavior', 'expected behaviour', 'working as intended', 'works as intended', 'by design', 'not a bug',
    // es
    'comportamiento esperado', 'no es un error',
    // pt
    'comportamento esperado', 'não é um erro',
    // fr
    'comportement attendu', "pas un bug",
    // de
    'erwartetes verhalten', 'kein fehler', 'kein bug',
    // it
    'comportamento previsto', 'non è un bug',
    // ru
    'ожидаемое поведение', 'не баг', 'не ошибка',
    // es
    'duplicado', 'duplicada', 'no se corregirá', 'no se arreglará', 'inválido', 'inválida', 'obsoleto', 'obsoleta', 'no aplica', 'falso positivo', 'falsa alarma', 'cuasi incidente', 'no desplegado', 'descartado', 'descartada',
    // pt
    'não será corrigido', 'não se aplica', 'quase incidente', 'não implantado',
    // fr
    'doublon', 'dupliqué', 'ne sera pas corrigé', 'invalide', 'obsolète', 'sans objet', 'faux positif', 'fausse alerte', 'quasi-incident', 'non déployé', 'abandonné',
    // de
    'duplikat', 'doppelt', 'wird nicht behoben', 'ungültig', 'veraltet', 'obsolet', 'entfällt', 'nicht zutreffend', 'fehlalarm', 'beinahe-vorfall', 'nicht ausgeliefert', 'verworfen',
    // it
    'duplicato', 'duplicata', 'non verrà risolto', 'non valido', 'non applicabile', 'quasi incidente', 'non rilasciato', 'scartato',
    // ru
    'дубликат', 'дубль', 'не будет исправлено', 'недействительно', 'неактуально', 'устарело', 'не применимо', 'ложное срабатывание', 'не выпущено', 'отклонено',
  ],
  Deferred: [
    'deferred', 'postponed', 'on hold', 'parked', 'backlogged',
    'pospuesto', 'pospuesta', 'aplazado', 'aplazada', 'diferido', 'diferida', 'adiado', 'adiada', 'postergado', 'postergada',
    'reporté', 'reportée', 'différé', 'différée', 'zurückgestellt', 'verschoben', 'aufgeschoben', 'rinviato', 'rinviata', 'rimandato', 'rimandata', 'posticipato', 'posticipata',
    'отложено', 'отложен', 'отложена', 'перенесено', '保留', '搁置', '擱置', '暂缓', '보류',
  ],
};

/** Whether a status of this meaning ends the incident's time as active: resolved, closed without a fix, or deferred. */
export function meaningEndsIt(meaning: StatusMeaning): boolean {
  return meaning === 'Resolved' || meaning === 'Closed' || meaning === 'Deferred';
}

/** The status a word read as `status` of `meaning` is kept as: the vocabulary's resolved status for one that means resolved, else as read. */
export function statusKept(v: StatusVocabulary, status: string, meaning: StatusMeaning): string {
  return meaning === 'Resolved' ? v.resolvedStatus : status;
}

/** Accents folded, lower-cased: `Résolu` and `resolu` are the same word. */
export function foldWord(text: string): string {
  const lower = text.toLowerCase();
  // Only Latin letters lose their marks: `й` must stay `й`.
  return /[\u00c0-\u024f]/.test(lower) ? lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC') : lower;
}

/** How many leading words a status phrase may have (`en cours d'investigation` has 4). */
const MAX_WORDS = 4;

const BUILTIN = new Map<string, StatusMeaning>();
for (const [meaning, words] of [...Object.entries(WORDS), ...Object.entries(MORE_STATUSES)] as Array<[StatusMeaning, string[]]>) {
  for (const w of words) BUILTIN.set(phraseKey(w), meaning);
}

/** A phrase as its words joined by one space, folded (`en cours d'investigation` → `en cours d investigation`). */
function phraseKey(text: string): string {
  if (text.length <= 200 && isFoldedWords(text) && text.split(' ', MAX_WORDS + 1).length <= MAX_WORDS) return text;
  return leadingWords(text, MAX_WORDS).words.join(' ');
}

function isLetterOrDigit(c: string): boolean {
  return isLetterOrDigitCode(c.charCodeAt(0));
}

/**
 * The first `max` words of `text` (letters and digits; anything else separates), folded, and
 * where each ends. A scan, linear in the part of the text it reads.
 */
function leadingWords(text: string, max: number): { words: string[]; ends: number[] } {
  const words: string[] = [];
  const ends: number[] = [];
  let i = 0;
  const n = Math.min(text.length, 200);
  while (i < n && words.length < max) {
    while (i < n && !isLetterOrDigit(text[i])) {
      // A word run stops at a comma, a parenthesis or a dash: `Resolved, pending review`.
      if (words.length && (/[,;()[\]—–:/.!?|]/.test(text[i]) || (text[i] === '-' && text[i - 1] === ' '))) return { words, ends };
      i++;
    }
    const from = i;
    while (i < n && isLetterOrDigit(text[i])) i++;
    if (i > from) {
      words.push(foldWord(text.slice(from, i)));
      ends.push(i);
    }
  }
  return { words, ends };
}

export interface StatusReading {
  /** The status: the policy's spelling when a word matched, else the text as written. */
  status: string;
  /** What it means (`Resolved`, `Open`, ...), or undefined when no word matched. */
  meaning?: StatusMeaning;
  /** What followed the status words (`permanent fix applied`), empty when nothing did. */
  note: string;
  /** No word of the policy's or the built-in lists matched: the status is read as open, as written. */
  unknown?: true;
}

export interface StatusVocabulary {
  statuses: readonly string[];
  /**
   * The playbook's own words beyond its statuses (`statusWords:`): read as open (active), closed
   * (over, counted as resolved) or deferred (put off), shown as written.
   */
  statusWords?: { open?: readonly string[]; closed?: readonly string[]; deferred?: readonly string[] };
  /** The status written when an incident is resolved. */
  resolvedStatus: string;
  /** Every status that ends an incident (the playbook's `resolvedStatus` list); absent: resolvedStatus alone. */
  resolvedStatuses?: readonly string[];
}

function resolvedList(v: StatusVocabulary): readonly string[] {
  return v.resolvedStatuses?.length ? v.resolvedStatuses : [v.resolvedStatus];
}

/** The note: what follows the matched words, less the punctuation and brackets around it. */
function noteAfter(plain: string, end: number): string {
  let rest = plain.slice(end);
  let a = 0;
  while (a < rest.length && /[\s.,;:()[\]—–\-/|!?]/.test(rest[a])) a++;
  let b = rest.length;
  while (b > a && /[\s.,;:()[\]—–\-/|!?]/.test(rest[b - 1])) b--;
  rest = rest.slice(a, b);
  // A value that wraps onto a second line (a bold status line) reads as one line.
  return rest.includes('\n') ? rest.split('\n').map((part) => part.trim()).join(' ') : rest;
}

const extraKeys = new WeakMap<object, Map<string, StatusMeaning>>();

/** What a playbook's extra word means (`statusWords:`), by its phrase key. */
function extraWord(v: StatusVocabulary, key: string): StatusMeaning | undefined {
  const words = v.statusWords;
  if (!words) return undefined;
  let keys = extraKeys.get(words);
  if (!keys) {
    keys = new Map();
    for (const w of words.open ?? []) keys.set(phraseKey(w), 'Open');
    for (const w of words.closed ?? []) keys.set(phraseKey(w), 'Closed');
    for (const w of words.deferred ?? []) keys.set(phraseKey(w), 'Deferred');
    extraKeys.set(words, keys);
  }
  return keys.get(key);
}

const vocabularyKeys = new WeakMap<StatusVocabulary, Map<string, { status: string; resolved: boolean }>>();

function policyKeys(v: StatusVocabulary): Map<string, { status: string; resolved: boolean }> {
  let keys = vocabularyKeys.get(v);
  if (!keys) {
    keys = new Map();
    for (const s of resolvedList(v)) keys.set(phraseKey(s), { status: s, resolved: true });
    for (const s of v.statuses) if (!keys.has(phraseKey(s))) keys.set(phraseKey(s), { status: s, resolved: false });
    vocabularyKeys.set(v, keys);
  }
  return keys;
}

/**
 * Words that, right after a resolved word in the same run (`FIXED_PENDING_VERIFY`, `Resolved
 * awaiting deploy`), make the pair a state of its own: fixed, not yet confirmed, so still open.
 * After a comma or a dash they are a note (`Resolved, pending review` is over).
 */
const PENDING_AFTER_RESOLVED = new Set(['pending', 'awaiting', 'unverified', 'unconfirmed', 'pendiente', 'pendente', 'ausstehend', 'unbestätigt', 'ожидает']);
/** What may still be pending once an incident is over: the paperwork after it. */
const PAPERWORK = new Set(['review', 'reviews', 'postmortem', 'post', 'pir', 'rca', 'retro', 'retrospective', 'writeup', 'report', 'documentation', 'docs', 'revisión', 'revisão', 'nachbereitung']);

/** Whether the words after a resolved word at `k` say the fix is still to be confirmed (see PENDING_AFTER_RESOLVED). */
function fixStillPending(words: readonly string[], k: number): boolean {
  return k < words.length && PENDING_AFTER_RESOLVED.has(words[k]) && !(k + 1 < words.length && PAPERWORK.has(words[k + 1]));
}

/** A resolved word with what is pending after it: the run as written (`FIXED_PENDING_VERIFY`), read as open. */
function pendingFix(plain: string, words: readonly string[], ends: readonly number[], k: number): StatusReading {
  const last = Math.min(words.length, k + 2);
  return { status: withoutLeadingSymbols(plain.slice(0, ends[last - 1])), meaning: 'Open', note: noteAfter(plain, ends[last - 1]) };
}

/**
 * Reads a status value: its leading words matched against the policy's statuses first, then the
 * built-in words of seven languages (longest phrase first). `RESOLVED.` → Resolved;
 * `Resolvido (workaround)` → Resolved, note `workaround`; `Won't fix` → as written, no meaning.
 */
export function readStatus(v: StatusVocabulary, raw: string): Readonly<StatusReading> | undefined {
  // A log writes the same few statuses over and over (`Resolved` on every incident): each
  // vocabulary keeps what its short values read as, frozen, up to READINGS_KEPT of them.
  if (raw.length > KEPT_CHARS) return readStatusOnce(v, raw);
  let kept = readingsKept.get(v);
  if (!kept) readingsKept.set(v, (kept = new Map()));
  const known = kept.get(raw);
  if (known !== undefined || kept.has(raw)) return known;
  const read = readStatusOnce(v, raw);
  if (kept.size >= READINGS_KEPT) kept.clear();
  // Kept under a copy: a value cut from a log's text would keep the whole text alive.
  kept.set((raw + ' ').slice(0, -1), read && Object.freeze(read));
  return read;
}

/** How many distinct values each vocabulary keeps the reading of (a bound for a hostile log). */
const READINGS_KEPT = 4096;
/** The longest value kept: a status is a few words; a longer value is read each time. */
const KEPT_CHARS = 80;
const readingsKept = new WeakMap<StatusVocabulary, Map<string, StatusReading | undefined>>();

function readStatusOnce(v: StatusVocabulary, raw: string): StatusReading | undefined {
  const plain = stripInline(raw);
  if (!plain) return undefined;
  const na = notApplicableEnd(plain);
  if (na !== -1) return { status: withoutLeadingSymbols(plain.slice(0, na)), meaning: 'Closed', note: noteAfter(plain, na) };
  const { words, ends } = leadingWords(plain, MAX_WORDS);
  if (!words.length) return undefined;
  const own = policyKeys(v);
  for (let k = words.length; k >= 1; k--) {
    const key = words.slice(0, k).join(' ');
    const hit = own.get(key);
    if (hit) {
      if (hit.resolved && fixStillPending(words, k)) return pendingFix(plain, words, ends, k);
      const meaning = hit.resolved ? 'Resolved' : BUILTIN.get(key);
      return { status: hit.status, ...(meaning ? { meaning } : {}), note: noteAfter(plain, ends[k - 1]) };
    }
    const builtin = extraWord(v, key) ?? BUILTIN.get(key);
    if (builtin) {
      const written = withoutLeadingSymbols(plain.slice(0, ends[k - 1]));
      if (builtin === 'Closed' || builtin === 'Deferred') return { status: written, meaning: builtin, note: noteAfter(plain, ends[k - 1]) };
      if (builtin === 'Resolved' && fixStillPending(words, k)) return pendingFix(plain, words, ends, k);
      const status = builtin === 'Resolved' ? v.resolvedStatus : (v.statuses.find((s) => phraseKey(s) === phraseKey(builtin)) ?? withoutLeadingSymbols(plain.slice(0, ends[k - 1])));
      return { status, meaning: builtin, note: noteAfter(plain, ends[k - 1]) };
    }
  }
  // `All resolved`, `✅ Todos resueltos`, `Alle behoben`: a status said of every part reads as that status.
  if (words.length >= 2 && ALL_OF.has(words[0])) {
    const rest = readStatusOnce(v, plain.slice(ends[0]));
    // Only the status alone: `All resolved except eu-west` says some are not.
    if (rest?.meaning && !rest.note) return rest;
  }
  return { status: plain, note: '', unknown: true };
}

/** Words that say a status holds for every part (`All resolved`). */
const ALL_OF = new Set(['all', 'todos', 'todas', 'tous', 'toutes', 'alle', 'tutti', 'tutte', 'все', '全部', 'すべて', '모두']);

/** Whether a status (as written or as read) ends an incident. */
export function statusIsResolved(v: StatusVocabulary, status: string | null): boolean {
  if (!status) return false;
  const r = readStatus(v, status);
  return r?.meaning === 'Resolved' || r?.meaning === 'Closed' || (r !== undefined && resolvedList(v).some((s) => s.toLowerCase() === r.status.toLowerCase()));
}

/** Whether a status puts the incident off on purpose (`Deferred`, `Pospuesto`, a playbook's deferred word). */
export function statusIsDeferred(v: StatusVocabulary, status: string | null): boolean {
  if (!status) return false;
  return readStatus(v, status)?.meaning === 'Deferred';
}

/**
 * A status value `n/a` (`N/A`, `n/a (superseded)`, `n.a. — covered by INC-12`): a placeholder
 * anywhere else, but as a status it says the incident needs nothing more.
 */
export function isNotApplicableStatus(raw: string): boolean {
  return notApplicableEnd(stripInline(raw)) !== -1;
}

/**
 * Where `n/a`, `N/A`, `n.a.`, `NA` ends when a value starts with it (after at most three symbols)
 * and no letter or digit follows it; -1 when it does not. Read by code point rather than with
 * `[^\p{L}\p{N}]` under `/iu`, a class V8 took 3–7 ms to compile for two-byte text in every process.
 */
function notApplicableEnd(text: string): number {
  let i = 0;
  for (let k = 0; k < 3 && i < text.length; k++) {
    const cp = text.codePointAt(i) as number;
    if (isLetterOrDigitCode(cp)) break;
    i += cp > 0xffff ? 2 : 1;
  }
  const head = text.slice(i, i + 6);
  // The pattern's ways to match, in the order it tries them (`n.a.b` is `n.a` then `.b`).
  for (const form of NOT_APPLICABLE_FORMS) {
    const m = form.exec(head);
    if (!m) continue;
    const end = i + m[0].length;
    if (end >= text.length || !isLetterOrDigitCode(text.codePointAt(end) as number)) return end;
  }
  return -1;
}
const NOT_APPLICABLE_FORMS = [/^[nN] ?\/ ?[aA]/, /^[nN]\.[aA]\./, /^[nN]\.[aA]/, /^[nN][aA]/];

// Facts that say an incident is over when it has no status: a resolution written down, a filled
// time-to-resolve or duration. Keys are folded and compared whole.
const RESOLUTION_KEYS = [
  'resolution', 'fix', 'fixed in', 'fixed by', 'resolved by', 'resolved in', 'fix applied', 'permanent fix', 'remediation applied',
  'resolución', 'solución', 'corrección', 'resuelto por', 'resolução', 'solução', 'correção', 'corrigido em', 'resolvido por',
  'résolution', 'correctif', 'corrigé par', 'résolu par', 'lösung', 'behebung', 'behoben durch', 'behoben in', 'risoluzione', 'soluzione', 'correzione', 'risolto da',
  'решение', 'исправление', 'исправлено в', 'устранение',
].map(phraseKey);

const DURATION_KEYS = [
  'ttr', 'mttr', 'time to resolve', 'time to resolution', 'time to recover', 'time to recovery', 'time to restore', 'time to mitigate', 'ttm', 'duration', 'outage duration', 'total duration', 'downtime',
  'duración', 'tiempo de resolución', 'duração', 'tempo de resolução', 'durée', 'temps de résolution', 'dauer', 'ausfallzeit', 'behebungszeit', 'durata', 'tempo di risoluzione',
  'длительность', 'продолжительность', 'время восстановления', 'время решения',
  // Chinese, Japanese and Korean: how long it lasted, how long the impact or the outage was.
  '持续时间', '持續時間', '时长', '時長', '影响时长', '影響時長', '故障时长', '停机时间', '恢复时间', '影響時間', '継続時間', '停止時間', '復旧時間', '지속 시간', '장애 시간', '복구 시간', '소요 시간',
].map(phraseKey);

const RESOLUTION_KEY_SET = new Set(RESOLUTION_KEYS);
const DURATION_KEY_SET = new Set(DURATION_KEYS);

/** A field key with a trailing `(…)` note and edge punctuation removed, folded: `TTR (min)` → `ttr`. */
export function keyWords(key: string): string {
  let k = key.trim();
  if (k.endsWith(')')) {
    const open = k.lastIndexOf('(');
    if (open > 0) k = k.slice(0, open);
  }
  return phraseKey(k);
}

/** Whether a field's key says how the incident was resolved (`Resolution`, `Fix`, `Solução`). */
export function isResolutionKey(key: string): boolean {
  return RESOLUTION_KEY_SET.has(keyWords(key));
}

/** Whether a field's key is a time to resolve or a duration (`TTR`, `Time to recover`, `Dauer`). */
export function isDurationKey(key: string): boolean {
  return DURATION_KEY_SET.has(keyWords(key));
}

// Facts that say an incident is not over when it has no status: a duration written as still
// running, or a list of what is still outstanding about the incident itself.
const ONGOING = new Set(
  [
    'ongoing', 'still ongoing', 'in progress', 'still in progress', 'not yet resolved', 'not resolved yet', 'unresolved', 'still open', 'not over',
    'en curso', 'sin resolver', 'em andamento', 'em curso', 'não resolvido', 'en cours', 'non résolu', 'laufend', 'andauernd', 'noch offen', 'ungelöst',
    'in corso', 'non risolto', 'продолжается', 'не решено', 'в работе',
  ].map(phraseKey),
);

/** Whether a duration or an end says the incident is still going on (`Ongoing — not yet resolved`, `en cours`). */
export function saysOngoing(raw: string): boolean {
  const { words } = leadingWords(stripInline(raw).trim(), MAX_WORDS);
  for (let k = 1; k <= words.length; k++) if (ONGOING.has(words.slice(0, k).join(' '))) return true;
  return false;
}

const OUTSTANDING_KEYS = new Set(
  [
    'outstanding', 'still outstanding', 'open items', 'open issues', 'still open', 'remaining', 'remaining work', 'still to do', 'left to do', 'not yet done',
    'pendiente', 'pendientes', 'pendente', 'pendentes', 'reste à faire', 'en suspens', 'ausstehend', 'offene punkte', 'noch offen', 'in sospeso', 'da fare', 'осталось', 'нерешённое', 'нерешенное',
    'leftover items', 'remaining items', 'still required', 'what remains', 'what is left', 'left over',
    // A fix planned or proposed is not one made.
    'planned fix', 'proposed fix', 'fix planned', 'planned remediation', 'correctif prévu', 'correction prévue', 'solution proposée', 'solución propuesta', 'corrección prevista',
    'solução proposta', 'correção planejada', 'geplante lösung', 'geplanter fix', 'correzione prevista', 'soluzione proposta', 'планируемое исправление', '修复计划', '対応予定', '수정 예정', 'tareas pendientes', 'asuntos pendientes', 'itens pendentes', 'points ouverts', 'restpunkte', 'punti aperti', 'открытые вопросы',
    '遗留事项', '遗留问题', '待办事项', '待处理', '待處理', '遺留事項', '未完了', '残課題', '残作業', '未解決事項', '남은 작업', '미해결 사항', '잔여 작업', '남은 일', '남은 과제', '剩余工作', '残りの作業',
    // Problems said to be still unresolved (`**未解決の課題(2026-08-07時点)**: …`, `Remaining issues:`).
    'remaining issues', 'remaining problems', 'unresolved issues', 'unresolved problems', 'open problems', 'problemas pendientes', 'problemas sin resolver', 'problèmes restants', 'problèmes non résolus',
    'offene probleme', 'ungelöste probleme', 'problemi aperti', 'problemi irrisolti', 'нерешённые проблемы', 'нерешенные проблемы', 'оставшиеся проблемы',
    '未解決の課題', '未解決の問題', '残っている課題', '残りの課題', '未解决问题', '未解決問題', '遗留的问题', '미해결 문제', '남은 문제',
  ].map(phraseKey),
);

/** Notes after a fix's key that say it is not in place yet (`조치(제안, 미적용)`, `Fix (proposed, not applied)`). */
const NOT_APPLIED = new Set(
  [
    'not applied', 'not yet applied', 'not deployed', 'not yet deployed', 'proposed', 'planned', 'no aplicado', 'propuesto', 'não aplicado', 'proposto', 'planejado', 'non appliqué', 'proposé', 'prévu',
    'nicht angewendet', 'nicht umgesetzt', 'vorgeschlagen', 'geplant', 'non applicato', 'не применено', 'предложено', 'запланировано',
    '未適用', '未反映', '提案', '予定', '未应用', '未实施', '未實施', '建议', '计划', '미적용', '미반영', '제안', '예정',
  ].map(phraseKey),
);
/** Keys of a fix beyond the resolution keys: the words CJK write-ups label what was done with. */
const FIX_WORDS = new Set(['조치', '해결', '対策', '対応', '修复', '修復', '解决', '解決', '措施', 'solution', 'the fix'].map(phraseKey));

/** Whether a key names a fix and its note in brackets says the fix is not in place (see NOT_APPLIED). */
export function fixNotApplied(key: string): boolean {
  const k = key.trim();
  const opener = k.endsWith(')') ? '(' : k.endsWith('）') ? '（' : '';
  const open = opener ? k.lastIndexOf(opener) : -1;
  if (open <= 0 || k.length > 80) return false;
  const base = phraseKey(k.slice(0, open));
  if (!RESOLUTION_KEY_SET.has(base) && !FIX_WORDS.has(base)) return false;
  // Every part of the note: `(planned, deployed 2026-02-10)` says it is in place.
  return k.slice(open + 1, -1).split(/[,，、;/]/).every((part) => NOT_APPLIED.has(phraseKey(part)));
}
/** What a team writes under such a key when nothing is left. */
const NOTHING = new Set(['nothing', 'nothing outstanding', 'nothing left', 'none known', 'nada', 'ninguno', 'ninguna', 'nenhum', 'nenhuma', 'rien', 'aucun', 'aucune', 'nichts', 'keine', 'kein', 'keine bekannt', 'niente', 'nulla', 'nessuno', 'nessuna', 'ничего', 'нет', 'なし', '無し', '无', '没有', '없음'].map(phraseKey));

/** Whether a key (a field's, a sub-heading's) names what is still outstanding about the incident (`Outstanding`, `Open items`, `Pendientes`). */
export function isOutstandingKey(key: string): boolean {
  const k = keyWords(key);
  if (OUTSTANDING_KEYS.has(k)) return true;
  // A label that ends by saying its part is not fixed (`**The half that is real and still unfixed:**`).
  // (Its words in full: a phrase key keeps only the first few.)
  if (key.length > 120) return false;
  const words = lettersAndDigits(stripInline(key).toLowerCase(), ' ').trim().split(' ');
  if (words.length > 12) return false;
  for (const n of [3, 2]) if (words.length > n && OUTSTANDING_TAILS.has(words.slice(-n).join(' '))) return true;
  return false;
}

/** How a longer label ends when what it introduces is not fixed yet. */
// Not `still open`: follow-up tickets and questions are said to be still open as often.
const OUTSTANDING_TAILS = new Set(['still unfixed', 'not yet fixed', 'not fixed yet', 'still not fixed', 'still broken', 'still unresolved', 'not yet resolved', 'remains unresolved'].map(phraseKey));

/** Whether what is listed as outstanding names something (not `none`, `nothing`, a placeholder). */
export function namesSomething(raw: string): boolean {
  if (isPlaceholderValue(raw)) return false;
  const t = stripInline(raw).trim();
  return hasLetterOrDigit(t) && !NOTHING.has(phraseKey(t));
}

/**
 * The first field that says the incident has not ended, when no status is written: an end still
 * to come (`Resolved at: <PENDING smoke test>`, `Closed: not yet`), a duration written as still
 * running (`Duration: Ongoing — not yet resolved`), or something listed as outstanding.
 */
export function openFact(fields: readonly Field[]): Field | undefined {
  return fields.find(
    (f) =>
      (f.canonical === 'resolved' && !isFilledValue(f.value) && /\p{L}/u.test(f.value)) ||
      (!f.canonical && isDurationKey(f.key) && saysOngoing(f.value)) ||
      (!f.canonical && isOutstandingKey(f.key) && namesSomething(f.value)) ||
      // A fix not applied yet, unless a resolution is written beside it (`**Resolution:** …`
      // over `**Fix (proposed):** autoscale`: that one is the long-term fix).
      (!f.canonical && fixNotApplied(f.key) && namesSomething(f.value) && !resolutionFact(fields)) ||
      // A fix described as still to come (`**Fix:** planned for 1.3`), with no other resolution beside it.
      (!f.canonical && isResolutionKey(f.key) && isFilledValue(f.value) && fixStillPlanned(f.value) !== undefined && !resolutionFact(fields)),
  );
}

const PLACEHOLDER_WORDS = new Set(['tbd', 'tba', 'todo', 'n a', 'na', 'none', 'nil', 'null', 'xxx', 'placeholder', 'à compléter', 'a completar', 'por definir', 'a definir'].map(phraseKey));
/** The ASCII letters a placeholder word can begin with (in both cases). */
const PLACEHOLDER_INITIALS = new Set([...PLACEHOLDER_WORDS].flatMap((w) => (/^[a-z]/.test(w) ? [w[0], w[0].toUpperCase()] : [])));
/** The first word of each placeholder phrase (`n` of `n a`, `por` of `por definir`). */
const PLACEHOLDER_FIRST_WORDS = new Set([...PLACEHOLDER_WORDS].map((w) => w.split(' ')[0]));

/**
 * Whether `t`, which begins with an ASCII letter, cannot be a placeholder by its first word: a
 * run of ASCII letters and digits ended by an ASCII character that is neither (or by the end) is
 * the first word both placeholder checks read, folded by lower-casing alone, and it is not the
 * first word of any placeholder phrase. A first word with a non-ASCII character in it or just
 * after it (`nonè` folds to `none`) is left to the checks.
 */
function firstWordRulesOut(t: string): boolean {
  let i = 1;
  for (; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 128) return false;
    if (!((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122))) break;
  }
  return !PLACEHOLDER_FIRST_WORDS.has(t.slice(0, i).toLowerCase());
}

/**
 * `[TBD]`, `<your name>`, `{date}`: one bracketed run of words, nothing else. HTML such as
 * `<svg onload="…"></svg>` or `[a] and [b]` is text, not a placeholder.
 */
function enclosedPlaceholder(t: string, open: string, close: string): boolean {
  if (t.length < 2 || t.length > 80 || t[0] !== open || t[t.length - 1] !== close) return false;
  const inner = t.slice(1, -1);
  return !/[[\]<>{}="']/.test(inner);
}

/**
 * Whether a value holds nothing yet: empty, dashes, a `[placeholder]` or `<placeholder>`, or
 * `TBD`, `N/A`, `none`.
 */
export function isPlaceholderValue(raw: string): boolean {
  const plain = stripInline(raw);
  if (!hasLetterOrDigit(plain)) return true;
  const t = plain.trim();
  if (enclosedPlaceholder(t, '[', ']') || enclosedPlaceholder(t, '<', '>') || enclosedPlaceholder(t, '{', '}')) return true;
  // Most values (names, times, severities) begin with a digit or a letter no placeholder word
  // begins with: both checks below read words from the first character on, so neither can match.
  // This runs for every field of every incident read.
  const c = t.charCodeAt(0);
  if (c >= 48 && c <= 57) return false;
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
    // Names such as `Priya` and `Ana` begin with such a letter: their first word rules them out.
    if (!PLACEHOLDER_INITIALS.has(t[0]) || firstWordRulesOut(t)) return false;
  }
  // `N/A`, `n.a.`: the whole value's words, whatever separates them.
  if (t.length <= 40 && PLACEHOLDER_WORDS.has(lettersAndDigits(foldWord(t), ' ').trim())) return true;
  return PLACEHOLDER_WORDS.has(leadingWords(t, MAX_WORDS).words.join(' '));
}

const PENDING = new Set(
  [
    'pending', 'unknown', 'ongoing', 'in progress', 'open', 'not yet', 'not resolved', 'unresolved', 'no', 'false', 'wip', 'awaiting', 'waiting', 'blocked', 'still open', 'in work',
    'pendiente', 'en curso', 'desconocido', 'sin resolver', 'pendente', 'em andamento', 'desconhecido', 'não resolvido', 'en cours', 'inconnu', 'à venir', 'non résolu',
    'offen', 'ausstehend', 'unbekannt', 'laufend', 'ungelöst', 'in corso', 'sconosciuto', 'da definire', 'non risolto', 'в работе', 'нет', 'неизвестно', 'не решено',
  ].map(phraseKey),
);

/**
 * Whether a value is filled in: not empty, not dashes or a `[placeholder]`, and not starting
 * with words that say it is still to come (`TBD`, `ongoing`, `Not yet resolved — PR #12`,
 * `Open — owner re-auth pending`, `pendiente`).
 */
export function isFilledValue(raw: string): boolean {
  if (isPlaceholderValue(raw)) return false;
  const t = stripInline(raw).trim();
  const { words } = leadingWords(t, 3);
  for (let k = 1; k <= words.length; k++) if (PENDING.has(words.slice(0, k).join(' '))) return false;
  // `0`, `0 min`: nothing was resolved.
  return !/^0+(\s*(m|min|mins|minutes|h|hours?))?$/i.test(t);
}

/** The first field that says the incident was resolved (a resolution, a filled TTR or duration). */
export function resolutionFact(fields: readonly Field[]): Field | undefined {
  for (const f of fields) {
    if (f.canonical) continue;
    if ((isResolutionKey(f.key) || isDurationKey(f.key)) && isFilledValue(f.value) && !fixNotApplied(f.key) && !(isResolutionKey(f.key) && fixStillPlanned(f.value))) return f;
  }
  return undefined;
}

/**
 * How a fix still to be made opens its description: `will retry`, `planned for 1.3`, `not yet`,
 * `pending`. Not `scheduled`, `needs` or `to be`, which open done fixes as often (`scheduled job
 * restored`, `needs no change`, `To be safe we rotated…`).
 */
const PLANNED_LEAD = /^(?:will\s|planned(?:\s+for\b|\s*[:,.(]|$)|todo\b|tbd\b|not\s+yet\b|pending\b)/i;
/** How Korean and Japanese end a fix still to be made: planned, needed, must (`수정할 예정`, `対応予定`). */
const PLANNED_ENDS = ['예정', '예정이다', '예정임', '예정입니다', '필요', '필요함', '필요하다', '해야 한다', '해야 함', '해야함', '해야 합니다', '予定', '予定です', '必要', '必要がある', '検討中'];
/** How Chinese opens one: a plan, a need, a fix or release to come (`计划在下个版本…`, `待修复`). Not `将` or `待` alone (`将配置回滚`, `待命工程师`). */
const PLANNED_CJK_LEADS = ['计划', '需要', '待修复', '待发布', '待处理', '待定'];
/** What says a fix was made, in Korean, Japanese and Chinese (`롤백했고`, `갱신함`, `戻した`, `已回滚`): a plan after it does not undo it. */
const DONE_CJK = ['했다', '했고', '했음', '하였다', '함.', '완료', '됨', '戻した', 'した。', 'しました', '済み', '済', '完了', '已', '了'];

/**
 * The words that say a fix's description is of a fix still to come, or undefined: its first words
 * (`will retry with backoff`, `planned for 1.3`) or, in Korean, Japanese and Chinese, its end or
 * start (`… 수정할 예정.`, `… 対応予定`, `计划在下个版本…`) when nothing in it says a fix was made.
 * A fix told as done that plans more after it (`restarted the job; we will keep an eye on it`,
 * `롤백해 정상화했고, … 추가할 예정`) is done.
 */
export function fixStillPlanned(raw: string): string | undefined {
  const value = stripInline(raw).trim().replace(/[.。!！\s]+$/u, '');
  if (!value) return undefined;
  const lead = PLANNED_LEAD.exec(value);
  if (lead) return lead[0].trim().replace(/[:,.(]$/, '').toLowerCase();
  if (!hasCjkChar(value)) return undefined;
  if (DONE_CJK.some((w) => value.includes(w) || (w.endsWith('.') && value.endsWith(w.slice(0, -1))))) return undefined;
  for (const end of PLANNED_ENDS) if (value.endsWith(end)) return `… ${end}`;
  for (const start of PLANNED_CJK_LEADS) if (value.startsWith(start)) return `${start}…`;
  return undefined;
}

/** Whether `text` holds a Chinese, Japanese or Korean character (from U+2E80). */
export function hasCjkChar(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x2e80) return true;
  return false;
}
