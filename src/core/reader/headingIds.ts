// Where an id may stand in a heading. A heading names an incident by an id written at its start
// (after dates, severity or status markers, an ordinal, an emoji or an incident word), after an
// incident word anywhere (`Checkout down, incident #12`), alone in brackets (`(E-13)`), or last
// after a separator (`Checkout down — OPS-88`).
// An issue or pull-request reference in prose (`Row-inclusion rule (extends #1332)`,
// `Fix (PR #476)`) is none of these. Every scan here runs over the capped heading text (see
// HEADING_FACTS_CAP) with bounded patterns or by hand.
import { type Policy, matchSeverity } from '../playbook/policy';
import { isLetterOrDigitCode } from './text';
import { monthNumber } from '../format/time';

/**
 * `INC-2026-1120-001`, `ABC-123`, `INC-20260614-01`, `I-1765106488`, `E-13`, `#12`, and
 * `#2026-05-15-KWL` (whose id is what follows the `#`).
 */
const ID_CANDIDATE = /(?:^|[\s[(（【：:#*_"'«“])((?:[A-Z][A-Z0-9]{0,9}(?:-[A-Z0-9]{1,12}){0,3}-\d{1,12})|(?:#\d{1,8}(?:-[0-9A-Za-z]{1,12}){1,4})|(?:#\d{1,7}))(?=$|[\s\]):,.—–\-：、。）】*_"'»”!?;|｜])/g;

/** Words that name an incident, in the languages logs are kept in (lower-case). */
const INCIDENT_WORDS = new Set([
  'incident', 'incidents', 'inc', 'incidente', 'incidentes', 'incidencia', 'incidência', 'incidencias', 'vorfall', 'störung', 'störfall',
  'инцидент', 'інцидент', 'περιστατικό', 'outage', 'postmortem', 'post-mortem',
]);

/** Incident words of scripts written without spaces: found inside a longer run of letters. */
const CJK_INCIDENT_WORDS = ['事故', '事件', '障害', 'インシデント', '장애', '사고'];

/** Labels an id may follow: `ID: ABC-12`, `Nº 12`, `编号：E-3`. */
const ID_LABELS = new Set(['id', 'no', 'nr', 'nº', 'n°', '№', 'número', 'numero', 'nummer', 'номер', 'ref']);
const CJK_ID_LABELS = ['编号', '編號', '番号', '번호'];

/** Status words a heading may carry in brackets (`[OPEN] I-12 …`), beside the policy's own. */
const BRACKET_STATUS_WORDS = new Set([
  'open', 'opened', 'closed', 'resolved', 'fixed', 'mitigated', 'investigating', 'identified', 'monitoring', 'ongoing', 'active', 'done',
  'wontfix', 'in progress', 'postmortem', 'post-mortem',
]);

function isLetterOrDigit(ch: string): boolean {
  return isLetterOrDigitCode(ch.charCodeAt(0));
}

function isSpaceChar(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u00a0' || ch === '\u3000';
}

/** Whether `word` (lower-case, trailing punctuation removed) names an incident. */
export function isIncidentWord(word: string): boolean {
  const w = word.toLowerCase();
  if (INCIDENT_WORDS.has(w)) return true;
  // Only a word with letters past Latin can hold one of the CJK words.
  return w.charCodeAt(0) > 0x2e80 && CJK_INCIDENT_WORDS.some((k) => w.includes(k));
}

function isIdLabel(word: string): boolean {
  const w = word.toLowerCase();
  return ID_LABELS.has(w) || CJK_ID_LABELS.some((k) => w.endsWith(k));
}

/** Whether a bracketed word is a status (`OPEN`, `Resolved`, or a status of the policy). */
export function isBracketStatus(inner: string, policy: Policy): boolean {
  const t = inner.trim().toLowerCase();
  if (!t || t.length > 24) return false;
  return BRACKET_STATUS_WORDS.has(t) || policy.statuses.some((s) => s.toLowerCase() === t);
}

/**
 * A word that may stand before an id at a heading's start: a date or time, an ordinal, a
 * severity, a month, an incident word or an id label.
 */
function isLeadWord(word: string, policy: Policy): boolean {
  let w = word;
  while (w.length && /[.,:;—–\-|·•：]/.test(w[w.length - 1])) w = w.slice(0, -1);
  if (!w) return true;
  if (/^[\d\-/.:T]{1,24}$/.test(w)) return true;
  if (/^(?:sev|p|prio)-?\d$/i.test(w) || matchSeverity(policy, w)) return true;
  if (monthNumber(w)) return true;
  if (/^(?:utc|gmt|am|pm)$/i.test(w)) return true;
  return isIncidentWord(w) || isIdLabel(w);
}

/**
 * Whether what stands before `at` is only lead matter: blanks, punctuation and symbols (emoji),
 * bracket groups (`[P1]`, `[paper]`, `(4)`), and lead words.
 */
function leadOnly(text: string, at: number, policy: Policy): boolean {
  let i = 0;
  while (i < at) {
    const ch = text[i];
    if (ch === '[' || ch === '(' || ch === '（' || ch === '【') {
      const close = ch === '[' ? ']' : ch === '(' ? ')' : ch === '（' ? '）' : '】';
      const j = text.indexOf(close, i + 1);
      // An unclosed bracket before the id is the id's own: `(E-13)`.
      i = j !== -1 && j < at && j - i <= 40 ? j + 1 : i + 1;
      continue;
    }
    if (!isLetterOrDigit(ch)) {
      i++;
      continue;
    }
    let j = i;
    while (j < at && !isSpaceChar(text[j]) && text[j] !== '[' && text[j] !== '(' && text[j] !== '（' && text[j] !== '：') j++;
    if (!isLeadWord(text.slice(i, j), policy)) return false;
    i = j;
  }
  return true;
}

/**
 * Where the incident word or id label just before `at` (past blanks, `:`, `#`, dashes) starts,
 * or -1 when there is none.
 */
function incidentWordBefore(text: string, at: number): number {
  let j = at;
  while (j > 0 && /[\s:：#—–\-.№]/.test(text[j - 1])) j--;
  let k = j;
  while (k > 0 && isLetterOrDigit(text[k - 1])) k--;
  if (k === j) return -1;
  const word = text.slice(k, j);
  return isIncidentWord(word) || isIdLabel(word) ? k : -1;
}

/** Whether an id closes the heading after a separator: `Checkout down — OPS-88`, `Checkout down | INC-2026-1120-001`. */
function trailing(text: string, start: number, end: number): boolean {
  if (!/^[\s.!)\]*_]*$/.test(text.slice(end))) return false;
  return /\s[—–|:·-]\s{0,3}$|[：]\s{0,3}$/.test(text.slice(Math.max(0, start - 8), start));
}

export interface FoundId {
  id: string;
  start: number;
  end: number;
  /** Where the incident word before the id starts, when the id was found after one in the title (`Checkout down, incident #12`). */
  wordStart?: number;
}

/** Severity-looking tokens are never ids: `SEV-1`, `P-2`, or a level of the policy. */
function isSeverityToken(token: string, policy: Policy): boolean {
  // Severity labels are short; an id of 12 characters or more is never one.
  return /^(SEV|P|PRIO|PRIORITY)-?\d$/i.test(token) || (token.length < 12 && matchSeverity(policy, token) !== undefined);
}

/** The heading's id and where it stands in `text`, under the rules above; undefined when none. */
export function findHeadingId(text: string, policy: Policy): FoundId | undefined {
  ID_CANDIDATE.lastIndex = 0;
  for (let m = ID_CANDIDATE.exec(text); m; m = ID_CANDIDATE.exec(text)) {
    const token = m[1];
    const start = m.index + m[0].length - token.length;
    const end = start + token.length;
    // Let a candidate that overlaps this one's lead char be found too (`:#12`).
    ID_CANDIDATE.lastIndex = end;
    if (isSeverityToken(token, policy)) continue;
    const bracketed = /[[(（【]/.test(text[start - 1] ?? '') && /[\])）】]/.test(text[end] ?? '');
    const id = token[0] === '#' && token.includes('-') ? token.slice(1) : token;
    if (leadOnly(text, start, policy) || (token[0] !== '#' && (bracketed || trailing(text, start, end)))) return { id, start, end };
    const wordStart = incidentWordBefore(text, start);
    if (wordStart !== -1) return { id, start, end, wordStart };
  }
  // `Incident 001`, `Incidente nº 4`, `Инцидент 3`: a number after an incident word.
  const word = /(?:^|[^\p{L}])(incident|incidente|incidencia|incidência|vorfall|инцидент|інцидент|事故|事件|障害|インシデント)[\s:：]{0,3}(?:no\.?\s{0,2}|nº\s{0,2}|№\s{0,2})?(\d{1,6})(?![\d\p{L}]|[-/.:]\d)/iu.exec(text);
  // A year is not an incident number (`Incidents 2026` is a year's heading, `Incident 2026` too).
  if (word && !/^(?:19|20)\d\d$/.test(word[2])) {
    const start = word.index + word[0].length - word[2].length;
    return { id: word[2], start, end: start + word[2].length };
  }
  return undefined;
}

/** Ids of a log's seed or template entry: `I-INIT-001`, `INC-TEMPLATE-1`, `EX-EXAMPLE-2`. */
export function isTemplateId(id: string): boolean {
  return /(?:^|-)(?:INIT|SEED|TEMPLATE|EXAMPLE|SAMPLE|PLACEHOLDER|XXX+|NNN+)(?:-|$)/i.test(id);
}
