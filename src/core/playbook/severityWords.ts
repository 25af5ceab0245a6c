// Severities as teams write them: `SEV-1 (Critical - Credentials Exposed)`, `**P2**`,
// `P1. Workers saturated`, `Critical (System Outage)`, `Alta`, `Критический`. The leading token
// wins and the rest is kept as a note. Words of seven languages are aliases of the built-in
// presets (see policy.ts); a log written in P0/P1..P4 without a playbook is read with the P1..P4
// preset (presetForLog).
import { type Policy, matchSeverity } from './policy';
import { SEVERITY_WORDS } from './severityVocabulary';
import { foldWord } from './statusWords';
import { isLetterOrDigitCode, stripInline } from '../reader/text';

/** Keys that hold an impact: read as a severity only when the value starts with a severity token. */
const IMPACT_KEYS = new Set(['impact', 'impacto', 'auswirkung', 'auswirkungen', 'impatto', 'влияние', 'воздействие'].map(foldWord));

export function isImpactKey(key: string): boolean {
  return IMPACT_KEYS.has(foldWord(key.trim().replace(/\s+/g, ' ')));
}

export interface SeverityReading {
  /** The policy's label when the leading token names a level, else the token (or the text) as written. */
  severity: string;
  /** What followed the token (`Credentials Exposed`, `false positive`), empty when nothing did. */
  note: string;
  /** True when the policy has the level. */
  known: boolean;
  /** The token as written (`SEV-1`, `Critical`), or the whole value when no token was found. */
  written: string;
}

const SEP = /[,;()[\]—–:/.!?|]/;
const EDGE = /[\s.,;:()[\]—–\-/|!?]/;

function isWordChar(c: string): boolean {
  return isLetterOrDigitCode(c.charCodeAt(0));
}

/**
 * The first words of a value with where each ends: a run stops at a separator (`(`, `,`, `.`,
 * ` - `, `—`). `SEV-1` is one token (a hyphen between letters and a digit joins).
 */
function leadingTokens(text: string, max: number): number[] {
  const ends: number[] = [];
  const n = Math.min(text.length, 120);
  let i = 0;
  while (i < n && ends.length < max) {
    while (i < n && !isWordChar(text[i])) {
      if (ends.length && (SEP.test(text[i]) || (text[i] === '-' && text[i - 1] === ' '))) return ends;
      // `SEV-1`, `Sev 2`: the digit belongs to the word before it.
      i++;
    }
    const from = i;
    while (i < n && isWordChar(text[i])) i++;
    if (i > from) ends.push(i);
  }
  return ends;
}

/** `SEV-4`, `Sev 2`, `P0`, `Priority 3`: a severity's shape even when the policy lacks it. */
const SEVERITY_SHAPE = /^(?:sev(?:erity)?|p|prio(?:rity)?)[\s-]?\d{1,2}$/i;

let wordSet: Set<string> | undefined;
function isSeverityWord(token: string): boolean {
  if (!wordSet) wordSet = new Set(Object.values(SEVERITY_WORDS).flat().map(foldWord));
  return wordSet.has(foldWord(token));
}

function noteAfter(plain: string, end: number): string {
  let a = end;
  let b = plain.length;
  while (a < b && EDGE.test(plain[a])) a++;
  while (b > a && EDGE.test(plain[b - 1])) b--;
  return plain.slice(a, b);
}

/**
 * Reads a severity value. `impact`: the value comes from an Impact field, which is a severity
 * only when it starts with a severity token followed by nothing or a separator
 * (`High — checkout down`), never a sentence (`Low conversion on checkout`).
 */
export function readSeverity(policy: Policy, raw: string, impact = false): SeverityReading | undefined {
  let plain = stripInline(raw);
  let s = 0;
  while (s < plain.length && s < 40 && !isWordChar(plain[s])) s++;
  plain = plain.slice(s);
  if (!plain) return undefined;
  const whole = matchSeverity(policy, plain);
  if (whole) return { severity: whole.id, note: '', known: true, written: plain };
  const ends = leadingTokens(plain, 3);
  for (let k = ends.length; k >= 1; k--) {
    const token = plain.slice(0, ends[k - 1]);
    const next = plain[ends[k - 1]];
    // An impact sentence that happens to start with `Low` or `High` is not a severity.
    if (impact && next !== undefined && !SEP.test(next) && !/^\s+[-—–(]/.test(plain.slice(ends[k - 1], ends[k - 1] + 3))) continue;
    const level = matchSeverity(policy, token);
    if (level) return { severity: level.id, note: noteAfter(plain, ends[k - 1]), known: true, written: token };
    if (SEVERITY_SHAPE.test(token) || (k === 1 && isSeverityWord(token))) return { severity: token, note: noteAfter(plain, ends[k - 1]), known: false, written: token };
  }
  if (impact) return undefined;
  return { severity: plain, note: '', known: false, written: plain };
}
