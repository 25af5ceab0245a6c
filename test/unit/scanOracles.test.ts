// Three scans on the indexing hot path are held to the code they replaced, kept here as oracles:
// the severity-token count (a Unicode lookbehind pattern before), stripInline's no-markup test
// (a pattern and four searches before), and isPlaceholderValue (no first-word shortcut before).
// Each must give the same answer on the fixture logs and on many random strings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { severityTokenCounts } from '../../src/core/playbook/severityPreset';
import { foldWord, isPlaceholderValue } from '../../src/core/playbook/statusWords';
import { hasLetterOrDigit, isLetterOrDigitCode, lettersAndDigits, stripInline } from '../../src/core/reader/text';

// ---- The severity-token count as a pattern.

const TOKENS = /(?<![\p{L}\p{N}_-])(?:(P[0-4])|(?:SEV|Sev|sev)[- ]?\d)(?![\p{L}\p{N}_])/gu;

function oracleTokenCounts(text: string): { p: number; sev: number; p0: boolean } {
  let p = 0;
  let sev = 0;
  let p0 = false;
  TOKENS.lastIndex = 0;
  for (let m = TOKENS.exec(text); m; m = TOKENS.exec(text)) {
    if (m[1]) {
      p++;
      if (m[1] === 'P0') p0 = true;
    } else sev++;
  }
  return { p, sev, p0 };
}

function fixtureLogs(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...fixtureLogs(path));
    else out.push(path);
  }
  return out;
}

const FIXTURES = fixtureLogs(join(__dirname, '../fixtures/logs'));

test('severity tokens: the scan counts what the pattern counts in every fixture log', () => {
  assert.ok(FIXTURES.length > 10);
  let tokens = 0;
  for (const path of FIXTURES) {
    const text = readFileSync(path, 'utf8');
    const want = oracleTokenCounts(text);
    assert.deepEqual(severityTokenCounts(text), want, path);
    tokens += want.p + want.sev;
  }
  assert.ok(tokens > 20, 'the fixtures hold severity tokens');
});

test('severity tokens: the edges of a token, as the pattern reads them', () => {
  const cases = [
    'P0', 'P1', 'P4', 'P5', 'p1', 'SEV-1', 'SEV1', 'SEV 1', 'Sev-2', 'sev3', 'SeV1', 'sEV1', 'SEV--1', 'SEV -1', 'SEV- 1', 'SEV12', 'P12', 'SEV-1a',
    'xP1', '_P1', '-P1', 'P1_', 'P1-', 'P1.', '(P1)', 'é P1', 'éP1', 'P1é', '٣P1', 'P1٣', '²P1', 'P1²', 'ªP1',
    '\u{1D400}P1', 'P1\u{1D400}', '\u{1F600}P1', 'P1\u{1F600}', '\uD835P1', 'P1\uD835', '\uDC00P1', 'P1\uDC00', 'a\uDC00P1', '\uD835\uDC00SEV-2',
    'Severity: SEV-2', 'SEVSEV-1', 'PP1', 'P0P1', 'SEV-1 P2 p3 Sev 4', 'v', 'V', 'ev', 'EV', 'Sev', 'SEV',
  ];
  for (const text of cases) assert.deepEqual(severityTokenCounts(text), oracleTokenCounts(text), JSON.stringify(text));
});

const tokenUnits = fc.constantFrom('P', 'S', 's', 'E', 'e', 'V', 'v', '0', '1', '4', '5', '9', '-', ' ', '_', 'a', 'Z', '.', '\n', 'é', '٣', '²', '—', '\u{1D400}', '\u{1F600}', '\uD835', '\uDC00', 'SEV', 'Sev', 'sev', 'P1', 'P0');

test('severity tokens: the scan counts what the pattern counts on random text', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: tokenUnits, maxLength: 40 }), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 })), (text) => {
      assert.deepEqual(severityTokenCounts(text), oracleTokenCounts(text));
    }),
    { numRuns: 20000, seed: 20261205 },
  );
});

// ---- stripInline's test for markup and white space to fold.

/** stripInline as it read a value before: one pattern, then four searches for white space to fold. */
function oracleStripInline(text: string): string {
  if (!/[[\]<>`*_~\\&!]/.test(text)) {
    return text.indexOf('  ') === -1 && text.indexOf('\t') === -1 && text.indexOf('\n') === -1 && text.indexOf('\r') === -1 ? text.trim() : text.replace(/\s+/g, ' ').trim();
  }
  // With markup the passes run, as before.
  return stripInline(text);
}

const inlineUnits = fc.constantFrom(' ', '  ', '\t', '\n', '\r', '\r\n', '\f', '\v', '\u00a0', '\u2028', '\u3000', '\ufeff', 'a', 'Z', '1', 'é', '—', '\u{1F600}', '.', '-', '(', ')', '{', '|', ':', '[', ']', '<', '>', '`', '*', '_', '~', '\\', '&', '!', '&amp;', '\x7f', '\x80');

/** No markup: long values of these go to the white-space test. */
const plainUnits = fc.constantFrom('a', 'b', 'Z', '1', 'é', '\u{1F600}', '.', '-', ' ', '  ', '\t', '\n', '\r', '\f', '\u00a0', '\x7f', ...'abcdefghijklmnopqrstuvwxyz'.split(''));

test('stripInline: the first look (a scan, or two patterns on a long value) gives what the pattern and searches gave', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: inlineUnits, maxLength: 30 }), fc.string({ unit: inlineUnits, minLength: 40, maxLength: 90 }), fc.string({ unit: plainUnits, minLength: 40, maxLength: 90 }), fc.string({ maxLength: 30 }), fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\u00a0', 'a', '.'), maxLength: 12 })), (text) => {
      assert.equal(stripInline(text), oracleStripInline(text));
    }),
    { numRuns: 20000, seed: 20261205 },
  );
  for (const path of FIXTURES) {
    for (const line of readFileSync(path, 'utf8').split('\n')) assert.equal(stripInline(line), oracleStripInline(line), line);
  }
});

// ---- isPlaceholderValue before the first-word shortcut.

const MAX_WORDS = 4;

function oracleLeadingWords(text: string, max: number): string[] {
  const words: string[] = [];
  let i = 0;
  const n = Math.min(text.length, 200);
  while (i < n && words.length < max) {
    while (i < n && !isLetterOrDigitCode(text.charCodeAt(i))) {
      if (words.length && (/[,;()[\]—–:/.!?|]/.test(text[i]) || (text[i] === '-' && text[i - 1] === ' '))) return words;
      i++;
    }
    const from = i;
    while (i < n && isLetterOrDigitCode(text.charCodeAt(i))) i++;
    if (i > from) words.push(foldWord(text.slice(from, i)));
  }
  return words;
}

const phraseKey = (text: string) => oracleLeadingWords(text, MAX_WORDS).join(' ');
const WORDS = new Set(['tbd', 'tba', 'todo', 'n a', 'na', 'none', 'nil', 'null', 'xxx', 'placeholder', 'à compléter', 'a completar', 'por definir', 'a definir'].map(phraseKey));
const INITIALS = new Set([...WORDS].flatMap((w) => (/^[a-z]/.test(w) ? [w[0], w[0].toUpperCase()] : [])));

function oracleEnclosed(t: string, open: string, close: string): boolean {
  if (t.length < 2 || t.length > 80 || t[0] !== open || t[t.length - 1] !== close) return false;
  return !/[[\]<>{}="']/.test(t.slice(1, -1));
}

function oracleIsPlaceholderValue(raw: string): boolean {
  const plain = stripInline(raw);
  if (!hasLetterOrDigit(plain)) return true;
  const t = plain.trim();
  if (oracleEnclosed(t, '[', ']') || oracleEnclosed(t, '<', '>') || oracleEnclosed(t, '{', '}')) return true;
  const c = t.charCodeAt(0);
  if ((c >= 48 && c <= 57) || (((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) && !INITIALS.has(t[0]))) return false;
  if (t.length <= 40 && WORDS.has(lettersAndDigits(foldWord(t), ' ').trim())) return true;
  return WORDS.has(oracleLeadingWords(t, MAX_WORDS).join(' '));
}

const placeholderUnits = fc.constantFrom(
  'tbd', 'TBD', 'Tba', 'todo', 'TODO', 'n', 'N', 'a', 'A', 'na', 'NA', 'none', 'None', 'nil', 'null', 'xxx', 'XXX', 'placeholder', 'à', 'compléter', 'completar', 'por', 'Por', 'definir',
  'Priya', 'Ana', 'Natarajan', 'nonexistent', 'non', 'nul', 'tb', 'è', 'ĺ', 'Ĺ', 'p1', 'x', 'tbdx', 'tbd2', 'a'.repeat(12), 'n'.repeat(210),
  ' ', '  ', '/', '.', ',', '-', ' - ', '(', ')', '[', ']', '<', '>', '{', '}', '*', '_', '`', '1', '2026', 'é', 'É', 'İ', '\u0301', '\u{1D400}', '—', '\u00a0', '\t', 'ß', 'ﬀ',
);

test('isPlaceholderValue: the first-word shortcut changes no answer', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: placeholderUnits, maxLength: 8 }), fc.string({ maxLength: 20 })), (text) => {
      assert.equal(isPlaceholderValue(text), oracleIsPlaceholderValue(text), JSON.stringify(text));
    }),
    { numRuns: 30000, seed: 20261205 },
  );
  const values = ['TBD', 'tbd.', 'N/A', 'n.a.', 'None yet', 'Nil', 'Placeholder', 'À compléter', 'a completar', 'Por definir', 'Priya Natarajan', 'Ana Souza', 'Nate', 'Todo: call', 'Xxx', 'nA', 'N\u0301A', 'na\u0301', 'Ana\u0301', 'nonè', 'NONÈ', 'nulĺ', 'Tbd\u0301', 'non\u0065\u0300'];
  for (const v of values) assert.equal(isPlaceholderValue(v), oracleIsPlaceholderValue(v), v);
  let fields = 0;
  for (const path of FIXTURES) {
    for (const m of readFileSync(path, 'utf8').matchAll(/^\s*[-*]?\s*\**[^:\n*]{1,40}:\**\s*(.*)$/gm)) {
      fields++;
      assert.equal(isPlaceholderValue(m[1]), oracleIsPlaceholderValue(m[1]), m[1]);
    }
  }
  assert.ok(fields > 100);
});
