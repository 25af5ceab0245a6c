// The words of prose lines, as the prose rules read them: a line's letters and digits folded
// into words, phrases looked up from a table word by word, and the lines of a range that hold
// prose (not code, headings, tables or task items). Scans over characters and words: no
// pattern runs on the user's text beyond a bounded task-item prefix.
import { foldWord } from '../playbook/statusWords';
import { isFoldedWords, isLetterOrDigitCode } from './text';
import type { IndexContext } from './context';
import { stripInline } from './text';
import { MORE_NOT_AN_INCIDENT } from '../playbook/moreLanguages';

/** Folded words of `text` (letters and digits; anything else separates), at most `max`. */
export function wordsOf(text: string, max = 10_000): string[] {
  const out: string[] = [];
  let from = -1;
  const n = text.length;
  for (let i = 0; i <= n && out.length < max; i++) {
    const word = i < n && isLetterOrDigitCode(text.codePointAt(i) ?? 0);
    if (word && from === -1) from = i;
    else if (!word && from !== -1) {
      out.push(foldWord(text.slice(from, i)));
      from = -1;
    }
    if (i < n && (text.codePointAt(i) ?? 0) > 0xffff) i++;
  }
  return out;
}

export const key = (phrase: string) => (isFoldedWords(phrase) ? phrase : wordsOf(phrase).join(' '));

/**
 * The first phrase of `table` in a run of words, the longest at its position, passing over one
 * whose start `skip` refuses (a negated fix). Linear: at most `maxWords` lookups per word.
 */
export function findPhrase(words: readonly string[], table: ReadonlySet<string> | ReadonlyMap<string, unknown>, maxWords: number, skip?: (start: number) => boolean): string | undefined {
  for (let a = 0; a < words.length; a++) {
    let phrase = '';
    let found = '';
    for (let b = a; b < words.length && b - a < maxWords; b++) {
      phrase = phrase ? `${phrase} ${words[b]}` : words[b];
      if (table.has(phrase)) found = phrase;
    }
    if (found && !skip?.(a)) return found;
  }
  return undefined;
}

/** Lines of prose in [from, to): not code, headings, tables or task items; folded words per line. */
export function proseLines(ctx: IndexContext, from: number, to: number, visit: (words: string[], li: number) => boolean): void {
  eachProseLine(ctx, from, to, (line, li) => visit(wordsOf(line), li));
}

/** The same lines as text (from the first non-blank character, at most 4,000 characters), for a caller that needs no words. */
export function eachProseLine(ctx: IndexContext, from: number, to: number, visit: (line: string, li: number) => boolean): void {
  const { text, lines } = ctx;
  for (let li = from; li < to; li++) {
    if (lines.skip[li] || lines.level[li]) continue;
    let p = lines.starts[li];
    const e = lines.ends[li];
    while (p < e && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
    if (p >= e || text.charCodeAt(p) === 124 /* | */) continue;
    const line = text.slice(p, Math.min(e, p + 4000));
    // A task item (`- [ ] add an alert`) is a follow-up, not what the incident's state is.
    if (/^(?:[-*+]|\d{1,9}[.)])\s+\[[ xX]\]/.test(line)) continue;
    if (visit(line, li)) return;
  }
}

/** What a section or a table row says of itself when it is no incident (`not an incident, strictly speaking`, `**Ni incidenta.**`). */
const NOT_AN_INCIDENT = [
  'not an incident', 'not really an incident', 'not a real incident', 'not an outage', 'no incident',
  'no es un incidente', 'no fue un incidente', 'não é um incidente', 'não foi um incidente', 'pas un incident', 'pas vraiment un incident',
  'kein vorfall', 'kein incident', 'keine störung', 'non è un incidente', 'non è stato un incidente', 'не инцидент', 'не был инцидентом',
  // Of a part that lists something else (`## Next steps (not incidents)`, `## Próximos passos (não são incidentes)`).
  'not incidents', 'are not incidents', 'no son incidentes', 'não são incidentes', 'ce ne sont pas des incidents', 'pas des incidents', 'keine vorfälle', 'keine incidents', 'non sono incidenti', 'не инциденты',
  ...MORE_NOT_AN_INCIDENT,
].map(key);

export const NOT_AN_INCIDENT_SET = new Set(NOT_AN_INCIDENT);

/**
 * What a heading says of the parts under it when they have not happened (`## Known pitfalls (not
 * yet encountered)`, `## Armadilhas conhecidas (ainda não encontradas)`): warnings, not incidents.
 */
const NOT_YET_HAPPENED = [
  'not yet encountered', 'not encountered yet', 'not yet happened', 'not happened yet', 'not yet hit', 'not hit yet', 'not yet occurred',
  'ainda não encontradas', 'ainda não encontrados', 'ainda não ocorreram', 'aún no encontrados', 'aún no encontradas', 'todavía no encontrados', 'aún no ocurridos', 'todavía no ocurridos',
  'pas encore rencontrés', 'pas encore rencontrées', 'pas encore survenus', 'noch nicht aufgetreten', 'noch nicht eingetreten', 'non ancora incontrati', 'non ancora verificati', 'non ancora incontrate',
  'ещё не встречались', 'еще не встречались', 'пока не встречались', 'ещё не случались', 'еще не случались',
].map(key);
const NOT_YET_HAPPENED_SET = new Set(NOT_YET_HAPPENED);

/**
 * Whether a heading's title says what is under it has not happened yet (see NOT_YET_HAPPENED):
 * the phrase ends the title or its note, with nothing after it to qualify it (`not yet
 * encountered in production`, `… again` say where or whether it came back, not that it never did).
 */
export function saysNotYetHappened(title: string): boolean {
  if (title.length > 160) return false;
  const words = wordsOf(title.replace(/[)）\]]\s*$/u, ''), 24);
  for (const n of [4, 3, 2]) if (words.length >= n && NOT_YET_HAPPENED_SET.has(words.slice(-n).join(' '))) return true;
  return false;
}

/**
 * What a row says when there is nothing to list yet (`*No incidents recorded during the current
 * window.*`, `Nenhum incidente em produção registrado`): opening a cell, the row is a placeholder.
 * Only at a cell's start: a story may say `no incidents since` of something else.
 */
const NOTHING_YET = new Set(['no incidents', 'no incidents recorded', 'no incidents yet', 'none yet', 'sin incidentes', 'ningún incidente', 'nenhum incidente', 'aucun incident', 'keine vorfälle', 'keine störungen', 'nessun incidente', 'нет инцидентов', 'инцидентов нет'].map(key));

/** Where a sentence ends: a full stop, an exclamation or a question mark. */
export const SENTENCE_STOPS = ['.', '!', '?', '。', '！'];
/** Where a clause ends too: a semicolon or a colon (`**Ni incidenta;** …`, `No incident: …`). */
const CLAUSE_STOPS = [...SENTENCE_STOPS, ';', ':', '；', '：'];

/** A text's first sentence (or clause, with CLAUSE_STOPS): up to its first stop, 120 characters at most. */
export function firstSentence(text: string, stops: readonly string[] = CLAUSE_STOPS): string {
  let end = Math.min(text.length, 120);
  for (const stop of stops) {
    const at = text.indexOf(stop);
    if (at >= 0 && at < end) end = at;
  }
  return text.slice(0, end);
}

/**
 * Whether a text opens by saying it is no incident: its first sentence is such a phrase, or
 * starts with one (`**Ni incidenta.** The migration ran on deploy…`, `No incident; caught before
 * release`). Said later in the text, it may be about something else.
 */
export function opensSayingNoIncident(text: string): boolean {
  const words = wordsOf(firstSentence(stripInline(text).trimStart()), 6);
  let phrase = '';
  for (let n = 0; n < words.length; n++) {
    phrase = phrase ? `${phrase} ${words[n]}` : words[n];
    if (NOT_AN_INCIDENT_SET.has(phrase) || NOTHING_YET.has(phrase)) return true;
  }
  return false;
}
