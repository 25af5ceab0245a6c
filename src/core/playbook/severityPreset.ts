// Without a playbook, the log's own severities choose the preset: a log written in P0/P1..P4
// (and never in SEV-n) is read with the P1..P4 preset, with a P0 level above P1 when it writes
// P0. Decided by one scan of the text for severity tokens, before any incident is read, so that
// every incident is read once, with the preset it will be checked against.
import { type Policy, priorityPolicy } from './policy';
import { isLetterOrDigitCode } from '../reader/text';

export interface InferredPolicy {
  policy: Policy;
  /** Why it was chosen, as `check` and the view's tooltip say it. */
  reason: string;
}

// Built-in policies differ only by their zone (a setting): one preset object per zone, so that
// re-indexes and incremental checks see an unchanged policy.
const cache = new Map<string, { p: Policy; p0: Policy }>();

function presets(base: Policy): { p: Policy; p0: Policy } {
  let hit = cache.get(base.timeZone);
  if (!hit) {
    const keep = (p: Policy): Policy => ({ ...p, timeZone: base.timeZone, builtIn: true });
    hit = { p: keep(priorityPolicy()), p0: keep(priorityPolicy(true)) };
    if (cache.size < 50) cache.set(base.timeZone, hit);
  }
  return hit;
}

// `P0`..`P4` and `SEV-1`, `Sev 2`, `SEV3` as whole words: not after a letter, digit, `_` or `-`,
// and not before a letter, digit or `_` (letters and digits as Unicode reads them). Found by one
// scan of the character codes: a pattern with a Unicode lookbehind tried it at every offset of
// the log, and its `\p{L}` class cost a compile per process on two-byte text.

/** Whether no letter, digit, `_` or `-` ends just before `i`, a surrogate pair read as one code point. */
function freeBefore(text: string, i: number): boolean {
  if (i === 0) return true;
  let cp = text.charCodeAt(i - 1);
  if (cp === 95 || cp === 45) return false;
  if (cp >= 0xdc00 && cp <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) cp = (high - 0xd800) * 0x400 + (cp - 0xdc00) + 0x10000;
  }
  return !isLetterOrDigitCode(cp);
}

/** Whether no letter, digit or `_` begins at `i` (or the text ends there). */
function freeAfter(text: string, i: number): boolean {
  if (i >= text.length) return true;
  const cp = text.codePointAt(i) as number;
  return cp !== 95 && !isLetterOrDigitCode(cp);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Where a `SEV`, `Sev` or `sev` token starting at `i` ends (after its digit), or -1. */
function sevTokenEnd(text: string, i: number): number {
  const sep = text.charCodeAt(i + 3);
  const end = (sep === 45 || sep === 32) && isDigit(text.charCodeAt(i + 4)) ? i + 5 : isDigit(sep) ? i + 4 : -1;
  return end !== -1 && freeBefore(text, i) && freeAfter(text, end) ? end : -1;
}

/**
 * How many P0..P4 and SEV-n tokens the text writes, and whether P0 is one. The scan jumps from
 * one `P`, `v` or `V` to the next (native searches, faster than reading every character) and
 * reads the characters around each. Tokens cannot overlap (none holds a character another
 * begins with), so the three kinds are counted apart.
 */
export function severityTokenCounts(text: string): { p: number; sev: number; p0: boolean } {
  let sev = 0;
  // `Sev` and `sev`, found by their `v`.
  for (let j = text.indexOf('v', 2); j !== -1; j = text.indexOf('v', j + 1)) {
    const s = text.charCodeAt(j - 2);
    if ((s === 83 || s === 115) && text.charCodeAt(j - 1) === 101 && sevTokenEnd(text, j - 2) !== -1) sev++;
  }
  // `SEV`, found by its `V`.
  for (let j = text.indexOf('V', 2); j !== -1; j = text.indexOf('V', j + 1)) {
    if (text.charCodeAt(j - 2) === 83 && text.charCodeAt(j - 1) === 69 && sevTokenEnd(text, j - 2) !== -1) sev++;
  }
  return { ...priorityTokenCounts(text), sev };
}

/** How many P0..P4 tokens the text writes, and whether P0 is one. */
function priorityTokenCounts(text: string): { p: number; p0: boolean } {
  let p = 0;
  let p0 = false;
  for (let i = text.indexOf('P'); i !== -1; i = text.indexOf('P', i + 1)) {
    const d = text.charCodeAt(i + 1);
    if (d >= 48 && d <= 52 && freeBefore(text, i) && freeAfter(text, i + 2)) {
      p++;
      if (d === 48) p0 = true;
    }
  }
  return { p, p0 };
}

/** Where `SEV`, `Sev` or `sev` may begin a token (none of them holds the start of another). */
const SEV_START = /SEV|Sev|sev/g;

/**
 * Whether the text writes a SEV-n token at all: the first one ends the look, so a log kept in
 * SEV levels (most are) is decided by its first incident, not by a scan of every character.
 */
function writesSevToken(text: string): boolean {
  SEV_START.lastIndex = 0;
  for (let m = SEV_START.exec(text); m; m = SEV_START.exec(text)) if (sevTokenEnd(text, m.index) !== -1) return true;
  return false;
}

/**
 * The preset a log is read with when there is no playbook: the P1..P4 preset (P0..P4 when it
 * writes P0) for a log whose severities are P-levels; undefined to keep `policy`. Only the
 * built-in SEV policy is replaced: a playbook always wins.
 */
export function presetForLog(text: string, policy: Policy): InferredPolicy | undefined {
  if (!policy.builtIn || policy.name !== 'SEV-1..SEV-3') return undefined;
  if (writesSevToken(text)) return undefined;
  const counts = priorityTokenCounts(text);
  if (counts.p === 0) return undefined;
  const chosen = counts.p0 ? presets(policy).p0 : presets(policy).p;
  return {
    policy: chosen,
    reason: `No playbook: the log writes its severities as P-levels, so it is read with the P1..P4 preset${counts.p0 ? ' (P0 above P1)' : ''}.`,
  };
}
