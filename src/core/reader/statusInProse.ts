// A status said in words where no status field says it: the incident's own sentences (`still
// unfixed`, `verification pending`; or a fix described: `rolled back`, `restored`), and a status
// restated in a sentence below the field (`Incident status: **Resolved**.`). Phrase tables in
// the seven built-in languages, looked up word by word; no pattern runs on the user's text.
import { fixStillPlanned, foldWord, hasCjkChar, isOutstandingKey, meaningEndsIt, namesSomething, readStatus } from '../playbook/statusWords';
import { canonicalField } from '../playbook/policy';
import { boldLineText, isLetterOrDigitCode, stripInline } from './text';
import type { IndexContext } from './context';
import { SENTENCE_STOPS, eachProseLine, findPhrase, firstSentence, key, wordsOf } from './proseWords';
import { MORE_FIX_PHRASES, MORE_PENDING_PHRASES } from '../playbook/moreLanguages';

/** Words that say the incident is not over, where no status is written. */
const PENDING_PHRASES = new Set(
  [
    'still unfixed', 'still not fixed', 'not yet fixed', 'not fixed yet', 'still broken', 'still open', 'still failing', 'still happening', 'still occurring', 'still ongoing',
    'still investigating', 'still under investigation', 'verification pending', 'pending verification', 'awaiting verification', 'not yet verified', 'not yet in place',
    'verification open', 'verification still open', 'verification outstanding',
    'still required', 'still needed', 'still to be done', 'remains to be done', 'yet to be done',
    'not in place yet', 'not yet deployed', 'not deployed yet', 'not yet resolved', 'not resolved yet', 'still unresolved', 'remains open', 'remains unresolved', 'fix pending',
    'aún sin resolver', 'todavía sin resolver', 'aún no resuelto', 'todavía no resuelto', 'aún no corregido', 'sigue abierto', 'sigue sin resolver', 'pendiente de verificación', 'verificación pendiente',
    'ainda não resolvido', 'ainda não corrigido', 'ainda sem correção', 'verificação pendente', 'continua aberto', 'ainda em aberto',
    'toujours pas corrigé', 'pas encore corrigé', 'pas encore résolu', 'pas encore en place', 'vérification en attente', 'toujours en cours', 'toujours ouvert',
    'noch nicht behoben', 'noch nicht gelöst', 'noch nicht umgesetzt', 'noch nicht verifiziert', 'noch offen', 'verifikation offen', 'verifizierung offen', 'überprüfung offen', 'prüfung offen', 'prüfung ausstehend', 'verifizierung ausstehend',
    'non ancora risolto', 'non ancora corretto', 'non ancora in atto', 'ancora aperto', 'verifica in sospeso', 'ancora da verificare',
    'ещё не исправлено', 'еще не исправлено', 'пока не исправлено', 'ещё не решено', 'еще не решено', 'не устранено', 'ожидает проверки', 'всё ещё открыто', 'все еще открыто',
    ...MORE_PENDING_PHRASES,
  ].map(key),
);

/** Words that describe a fix: with nothing said to be pending, the incident is over. */
const FIX_PHRASES = new Set(
  [
    'fixed', 'we fixed', 'resolved', 'restored', 'rolled back', 'reverted', 'patched', 'replaced', 'renewed', 'restarted', 'recovered', 'corrected', 'redeployed', 'backfilled',
    'refunded', 'upgraded', 'works again', 'working again', 'running again', 'cleaned up', 'turned off', 'switched back', 'added', 'capped', 'increased', 'raised', 'removed', 'disabled', 'rotated', 're ran', 'reran', 'mitigated',
    'rolled out', 'deduplicated',
    'corregimos', 'arreglamos', 'restauramos', 'actualizamos', 'reemplazamos', 'añadimos', 'revertimos', 'corregido', 'solucionado', 'resuelto', 'restablecido',
    'corrigimos', 'corrigido', 'atualizamos', 'substituímos', 'adicionamos', 'revertemos', 'resolvido', 'restabelecido',
    'corrigé', 'réparé', 'rétabli', 'renouvelé', 'remplacé', 'ajouté', 'restauré', 'redéployé', 'mis à jour', 'mise à jour', 'résolu',
    'behoben', 'gelöst', 'erneuert', 'ersetzt', 'repariert', 'korrigiert', 'wiederhergestellt', 'zurückgerollt', 'neu gestartet', 'neu installiert', 'hinzugefügt', 'aktualisiert', 'umgestellt', 'ergänzt', 'ausgerollt', 'entfernt', 'läuft wieder', 'funktioniert wieder',
    'risolto', 'corretto', 'ripristinato', 'rinnovato', 'sostituito', 'aggiunto', 'aggiornato',
    'исправили', 'исправлено', 'восстановили', 'заменили', 'добавили', 'обновили', 'откатили', 'устранили',
    ...MORE_FIX_PHRASES,
  ].map(key),
);

/** Words that turn a fix into its absence when they come just before it (`has not been resolved`, `wasn't fixed`). */
const NEGATIONS = new Set(['not', 'no', 'never', 't', 'nicht', 'kein', 'keine', 'nie', 'pas', 'jamais', 'non', 'nao', 'nunca', 'не', 'ни'].map(foldWord));

/** Words that may stand between a negation and the fix it negates (`non è stato risolto`, `n'a pas été rétabli`). */
const AUXILIARIES = new Set(['be', 'been', 'being', 'was', 'were', 'is', 'are', 'has', 'have', 'had', 'get', 'got', 'e', 'stato', 'stata', 'ha', 'sido', 'se', 'foi', 'wurde', 'worden', 'ist', 'a', 'ete', 'est', 'было', 'был', 'была'].map(foldWord));

/** Whether the word before `a`, or a negation behind auxiliaries (at most three words back), negates it. */
function negatedAt(words: readonly string[], a: number): boolean {
  for (let k = a - 1, n = 0; k >= 0 && n < 3; k--, n++) {
    if (NEGATIONS.has(words[k])) return true;
    // Past the word just before, only auxiliaries may stand between.
    if (n >= 1 && !AUXILIARIES.has(words[k])) return false;
  }
  return false;
}

/**
 * A sentence that is only a fix negated (`Not fixed.`, `**Не исправлено.**`, `Nicht behoben.`, `Not
 * yet resolved`): a statement of the incident's state, not a cause told in prose.
 */
function notFixedLine(words: readonly string[]): string | undefined {
  // The negation first: `Сервис не восстановили` (the service was not restored) tells what
  // happened, as a cause's sentence does; `Не исправлено.` says where the incident stands.
  if (words.length < 2 || words.length > 4 || !NEGATIONS.has(words[0])) return undefined;
  const fix = findPhrase(words, FIX_PHRASES, 3);
  if (!fix) return undefined;
  const at = words.indexOf(fix.split(' ')[0]);
  return at > 0 && at + fix.split(' ').length === words.length && negatedAt(words, at) ? words.join(' ') : undefined;
}

/**
 * The first fix phrase of a line that is not negated. A negated one (`could not be restored`,
 * `wasn't fixed`, `non è stato risolto`) says no fix happened; it is not read as pending either,
 * since such words as often describe the cause (`the variable was not resolved`).
 */
function findFix(words: readonly string[]): string | undefined {
  return findPhrase(words, FIX_PHRASES, 3, (a) => negatedAt(words, a));
}

/**
 * A status said only in words, for a section with no status written and nothing else that says
 * it ended: open when a line says the incident is not over (`still unfixed`, `verification
 * pending`, `not yet in place`), else resolved when one describes a fix (`rolled back`,
 * `restored`, `renewed`). The first such words and their 1-based line; undefined when none.
 */
export function statusInWords(
  ctx: IndexContext,
  ranges: ReadonlyArray<readonly [number, number]>,
  fieldLines: ReadonlySet<number>,
  /** The section's heading: a title that says what is still pending (`merged – verification open`) says it for the section. */
  heading?: { title: string; line: number },
): { words: string; line: number; open: boolean } | undefined {
  const inTitle = heading ? findPhrase(wordsOf(heading.title), PENDING_PHRASES, 4) : undefined;
  if (inTitle) return { words: inTitle, line: heading!.line + 1, open: true };
  // A title struck through (`~~2. Branch shown twice~~ ✓ Fixed`), or ending with a fix, says it
  // was fixed, unless the section's words say something is still pending.
  let fix: { words: string; line: number } | undefined = heading ? titleFix(heading.title, heading.line) : undefined;
  let saidOpen: { words: string; line: number } | undefined;
  let saidOver: { words: string; line: number } | undefined;
  for (const [from, to] of ranges) {
    let pending: { words: string; line: number } | undefined;
    /** A bold label alone on its line naming what is outstanding (`**Leftover items**`), over what it lists. */
    let outstanding: string | undefined;
    eachProseLine(ctx, from, to, (line, li) => {
      // A field line says what it says as a field (`Resolution: not yet resolved` is no fact).
      if (fieldLines.has(li)) return false;
      if (outstanding !== undefined && namesSomething(line)) {
        pending = { words: outstanding, line: li + 1 };
        return true;
      }
      const label = boldLabelAlone(line);
      outstanding = label !== undefined && isOutstandingKey(label) ? label.toLowerCase() : undefined;
      if (outstanding !== undefined) return false;
      const words = wordsOf(line);
      const said = statusSentences(ctx, line);
      if (said.open) saidOpen ??= { words: said.open, line: li + 1 };
      if (said.over) saidOver ??= { words: said.over, line: li + 1 };
      const p = findPhrase(words, PENDING_PHRASES, 4) ?? notFixedLine(wordsOf(firstSentence(line, SENTENCE_STOPS), 6)) ?? bracketedPending(line) ?? plannedFix(line);
      if (p) {
        pending = { words: p, line: li + 1 };
        return true;
      }
      const cjk = hasCjkChar(line) ? cjkStatusWord(line) : undefined;
      if (cjk?.open) {
        pending = { words: cjk.words, line: li + 1 };
        return true;
      }
      if (!fix) {
        const f = findFix(words) ?? cjk?.words ?? fixLabel(line);
        if (f) fix = { words: f, line: li + 1 };
      }
      return false;
    });
    if (pending) return { ...pending, open: true };
  }
  // A status said as a sentence of its own (`In progress.`, `Encerrado.`): one that ends it wins
  // over one that does not, since updates written one after another (`Investigating.` …
  // `Resolved.`) end with the incident's end in either order; an open one wins over a fix told.
  if (saidOver) return { ...saidOver, open: false };
  if (saidOpen) return { ...saidOpen, open: true };
  return fix ? { ...fix, open: false } : undefined;
}

/** Statuses that, as a label before a colon, name a part of the write-up rather than a state (`Monitoring: added an alert`). */
const PART_LABELS = new Set(['monitoring', 'watching', 'open', 'active']);

/**
 * The sentences of a line that are a status alone (`… emptied for logged-in users. In progress.`,
 * `Encerrado.`, `Em andamento: correção pronta, aguardando deploy`), in the words the playbook and
 * the seven languages read: the first that leaves the incident open, and the first that ends it.
 * A scan over sentence stops.
 */
function statusSentences(ctx: IndexContext, line: string): { open?: string; over?: string } {
  const found: { open?: string; over?: string } = {};
  let start = 0;
  for (let i = 0; i <= line.length; i++) {
    const c = line[i];
    if (i < line.length && c !== '.' && c !== '!' && c !== '?' && c !== ';' && c !== '。' && c !== '！' && c !== '；') continue;
    const sentence = stripInline(line.slice(start, i)).trim();
    start = i + 1;
    if (!sentence || sentence.length > 200) continue;
    let head = sentence;
    const colon = Math.min(...[':', '：'].map((k) => (sentence.indexOf(k) === -1 ? Infinity : sentence.indexOf(k))));
    if (colon !== Infinity) head = sentence.slice(0, colon).trim();
    if (!head || head.length > 30) continue;
    const words = wordsOf(head);
    if (!words.length || words.length > 3) continue;
    const read = readStatus(ctx.policy, head);
    if (!read?.meaning || read.note) continue;
    const said = words.join(' ');
    if (colon !== Infinity && PART_LABELS.has(said)) continue;
    // `Closed` (a duplicate, won't fix) and `Deferred` end it as a fix does.
    if (meaningEndsIt(read.meaning)) found.over ??= said;
    else found.open ??= said;
  }
  return found;
}

/**
 * Whether what follows an entry's arrow says nothing was done yet (`→ investigating, not
 * resolved`, `→ fix pending`): a clause that is an open status alone, or a fix negated.
 */
export function arrowSaysPending(ctx: IndexContext, text: string): boolean {
  const words = wordsOf(text.slice(0, 200));
  if (findPhrase(words, PENDING_PHRASES, 4)) return true;
  const fix = findPhrase(words, FIX_PHRASES, 3);
  if (fix && negatedAt(words, words.indexOf(fix.split(' ')[0]))) return true;
  for (const clause of text.slice(0, 200).split(/[,;、，；]/)) {
    const c = stripInline(clause).trim();
    if (!c || c.length > 30) continue;
    const read = readStatus(ctx.policy, c);
    if (read?.meaning && !read.note && !meaningEndsIt(read.meaning)) return true;
  }
  return false;
}

/**
 * Chinese, Japanese and Korean run their words together, so these are looked for inside the
 * line: what says it is not over first (`未修复`, `未解決`, `미해결`), then a fix (`已修复`, `復旧`,
 * `해결`) not negated by the character before it.
 */
const CJK_PENDING = ['未修复', '未解决', '待修复', '待处理', '未修正', '未解決', '未対応', '対応中', '調査中', '未完了', '미해결', '조사 중', '진행 중', '미완료'];
const CJK_FIX = ['已修复', '修复了', '已解决', '解决了', '修正了', '已恢复', '恢复了', '修复', '解决', '恢复', '修正済', '対応済', '解決済', '復旧', '解消', '修正しました', '解決しました', '해결', '수정 완료', '복구', '수정함'];
const CJK_NEGATIONS = '未没沒不无無';
/** What negates a fix when it stands just before it (`无法恢复`: could not be restored) or just after it (`復旧できない`, `복구 실패`). */
const CJK_NEGATED_BEFORE = ['无法', '無法', '不能', '没能', '沒能', '未能', '没有', '沒有'];
const CJK_NEGATED_AFTER = ['できな', 'できず', 'せず', '不了', '失败', '失敗', '실패', ' 못', '하지 못', '되지 않'];

function cjkStatusWord(line: string): { words: string; open: boolean } | undefined {
  for (const w of CJK_PENDING) {
    // Korean `… 중인` / `… 중이던` qualifies a noun (`진행 중인 요청`: a request in progress), no
    // status, unless the noun is the state itself (`조사 중인 상태`: still under investigation).
    for (let at = line.indexOf(w); at !== -1; at = line.indexOf(w, at + w.length)) {
      const after = line.slice(at + w.length, at + w.length + 5);
      const qualifies = w.endsWith('중') && (after[0] === '인' || after.startsWith('이던')) && !after.replace(/^(?:인|이던)\s*/, '').startsWith('상태');
      if (!qualifies) return { words: w, open: true };
    }
  }
  for (const w of CJK_FIX) {
    const at = line.indexOf(w);
    if (at === -1 || CJK_NEGATIONS.includes(line[at - 1] ?? '')) continue;
    const before = line.slice(Math.max(0, at - 2), at);
    const after = line.slice(at + w.length, at + w.length + 5);
    if (CJK_NEGATED_BEFORE.includes(before) || CJK_NEGATED_AFTER.some((n) => after.startsWith(n))) continue;
    return { words: w, open: false };
  }
  return undefined;
}

/** `~~…~~` around a title, or a fix word ending it (`… ✓ Fixed`, `… — resuelto`), as the words that say so. */
function titleFix(title: string, line: number): { words: string; line: number } | undefined {
  const t = title.trim();
  if (t.startsWith('~~') && t.indexOf('~~', 2) > 2) return { words: 'struck through', line: line + 1 };
  const words = wordsOf(t.slice(-60));
  for (const n of [2, 1]) {
    const tail = words.slice(-n).join(' ');
    if (words.length > n && FIX_PHRASES.has(tail) && !negatedAt(words, words.length - n)) return { words: tail, line: line + 1 };
  }
  return undefined;
}

/** Labels that introduce what was done about it, inside a line (`… retired the testnet. Fix: switched to the demo API.`). */
export const FIX_LABELS = ['fix', 'fixed', 'the fix', 'solution', 'resolution', 'corrección', 'solución', 'correção', 'solução', 'correctif', 'correction', 'lösung', 'behebung', 'correzione', 'soluzione', 'исправление', 'решение', '修复', '解决方案', '解決策', '対策', '해결', '조치'];

/** `Fix: <what was done>` inside a line, as the words that describe a fix, or undefined. */
function fixLabel(line: string): string | undefined {
  const found = labelledFix(line, 80);
  return found && !/^(?:none|n\/a|tbd|todo|-+|…)$/i.test(found.value) ? `${found.label}:` : undefined;
}

/** The first fix label on a line that starts a word and has something after it, with up to `chars` of what follows. */
function labelledFix(line: string, chars: number): { label: string; value: string } | undefined {
  const lower = line.length > 4000 ? line.slice(0, 4000).toLowerCase() : line.toLowerCase();
  for (const label of FIX_LABELS) {
    for (const colon of [':', '：']) {
      const at = lower.indexOf(label + colon);
      if (at === -1) continue;
      // The label starts a word (`Hotfix:` is not `fix:`), and something follows it.
      if (at > 0 && isLetterOrDigitCode(lower.codePointAt(at - 1) as number)) continue;
      // It opens the line or a sentence (`Screen resolution: 1080p` names a setting).
      const before = line.slice(0, at).replace(/^[\s>]*(?:[-*+]|\d{1,3}[.)])?\s*/, '').replace(/[\s*_]+$/, '');
      if (before !== '' && !/[.!?;。！？；]$/.test(before)) continue;
      const value = stripInline(line.slice(at + label.length + 1, at + label.length + 1 + chars)).trim();
      if (value) return { label, value };
    }
  }
  return undefined;
}

/**
 * A fix label whose value says the fix is still to come: in its first words (`Fix: planned`,
 * `Fix: will retry with backoff`) or, in Korean, Japanese and Chinese, at its end or start (`조치:
 * … 수정할 예정.`, `対策：… 対応予定`, `修复：计划在下个版本`). The label and that word, or undefined.
 */
function plannedFix(line: string): string | undefined {
  const found = labelledFix(line, 400);
  if (!found) return undefined;
  const planned = fixStillPlanned(found.value);
  return planned ? `${found.label}: ${planned}` : undefined;
}

/** A step marked as still to do in brackets: `(Pendiente) Add a CHECK constraint`, `[pending]`, `（未対応）`. */
const BRACKET_PENDING = new Set(['pending', 'todo', 'to do', 'not done', 'pendiente', 'pendente', 'en attente', 'à faire', 'a faire', 'ausstehend', 'offen', 'in sospeso', 'da fare', 'в работе', 'не сделано', '未対応', '未完了', '対応中', '待办', '待处理', '待處理', '未完成', '미완료', '대기',
  // Not `(proposed)`: a follow-up's proposal (`- Add an alert (proposed)`) reopens nothing.
  'not applied', 'not yet applied', 'no aplicado', 'não aplicado', 'non appliqué', 'nicht angewendet', 'non applicato', 'не применено', '未適用', '未应用', '미적용'].map(key));

/** The pending word of the first bracket on `line` that holds one alone, or among words it lists (`(제안, 미적용)`) (see BRACKET_PENDING), or undefined. */
function bracketedPending(line: string): string | undefined {
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c !== '(' && c !== '[' && c !== '（') continue;
    const close = c === '(' ? ')' : c === '[' ? ']' : '）';
    const end = line.indexOf(close, i + 1);
    if (end === -1) return undefined;
    if (end - i <= 40) {
      for (const part of line.slice(i + 1, end).split(/[,，、;/]/)) {
        const inner = key(part);
        if (BRACKET_PENDING.has(inner)) return inner;
      }
    }
    i = end;
  }
  return undefined;
}

/** The text of a line that is only a bold label (`**遗留事项**`, `- **Outstanding:**`), its colon removed, or undefined. */
function boldLabelAlone(line: string): string | undefined {
  let t = line.trim();
  if ((t[0] === '-' || t[0] === '*' || t[0] === '+') && t[1] === ' ') t = t.slice(2).trim();
  if (t.length > 60) return undefined;
  // `**Outstanding**:`: the colon after the bold run.
  if ((t.endsWith(':') || t.endsWith('：')) && t.slice(-3, -1) === '**') t = t.slice(0, -1);
  return boldLineText(t)?.replace(/[:：]$/, '').trim() || undefined;
}

/** How far back from a colon a restated status's key may start (`Incident status:`). */
const RESTATED_KEY_CHARS = 30;
/** How much of the sentence after it a restated status's value is read from (its words lead). */
const RESTATED_VALUE_CHARS = 200;

/**
 * The last status restated in a sentence below the status field (`… verified the ten-lesson
 * queue. Incident status: **Resolved**.`): logs that append a resolution under an incident say
 * its new status there, and a person reads the latest. Only a key the policy reads as Status,
 * starting a sentence, followed by a value whose words it knows. Lines after `after` (0-based).
 */
export function restatedStatus(ctx: IndexContext, ranges: ReadonlyArray<readonly [number, number]>, fieldLines: ReadonlySet<number>, after: number): { status: string; words: string; line: number; open: boolean } | undefined {
  let found: { status: string; words: string; line: number; open: boolean } | undefined;
  for (const [from, to] of ranges) {
    eachProseLine(ctx, Math.max(from, after + 1), to, (line, li) => {
      if (fieldLines.has(li)) return false;
      // Linear in the line: each colon looks back a bounded way, the sentence's end only moves on.
      let end = 0;
      for (let c = line.indexOf(':'); c !== -1; c = line.indexOf(':', c + 1)) {
        // The key runs back to the sentence's start: the line's, or a `.`, `!` or `?` before it.
        let k = c;
        while (k > 0 && c - k < RESTATED_KEY_CHARS && !'.!?'.includes(line[k - 1])) k--;
        if (k > 0 && !'.!?'.includes(line[k - 1])) continue;
        const key = stripInline(line.slice(k, c)).trim();
        if (!key || canonicalField(ctx.policy, key) !== 'status') continue;
        if (end <= c) end = c + 1;
        while (end < line.length && !'.;!?'.includes(line[end])) end++;
        const value = stripInline(line.slice(c + 1, Math.min(end, c + 1 + RESTATED_VALUE_CHARS))).trim();
        const read = value ? readStatus(ctx.policy, value) : undefined;
        if (read?.meaning) found = { status: read.status, words: `${key}: ${value}`.toLowerCase(), line: li + 1, open: read.meaning !== 'Resolved' && read.meaning !== 'Closed' };
      }
      return false;
    });
  }
  return found;
}
