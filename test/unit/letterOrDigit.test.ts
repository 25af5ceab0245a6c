// The letter-or-digit helpers answer from the code point for most characters; they must agree
// with Unicode's classes, as `/[\p{L}\p{N}]/u` reads them, on every code point.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasLetterOrDigit, isLetterOrDigitCode, lettersAndDigits, normalizeToken, stripInline, withoutLeadingSymbols } from '../../src/core/reader/text';
import { isNotApplicableStatus } from '../../src/core/playbook/statusWords';

const CLASS = /[\p{L}\p{N}]/u;

test('isLetterOrDigitCode agrees with \\p{L}|\\p{N} on every code point; lone surrogates and non-numbers are neither', () => {
  const wrong: string[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    const expected = cp >= 0xd800 && cp <= 0xdfff ? false : CLASS.test(String.fromCodePoint(cp));
    if (isLetterOrDigitCode(cp) !== expected) wrong.push(cp.toString(16));
  }
  assert.deepEqual(wrong.slice(0, 20), []);
  assert.equal(isLetterOrDigitCode(Number.NaN), false);
  assert.equal(isLetterOrDigitCode(0x110000), false);
});

test('hasLetterOrDigit and lettersAndDigits read text as the patterns they replace', () => {
  const samples = [
    '', ' ', '—', '— — —', 'SEV-1', 'Sev 3', 'N/A', 'n.a.', ' TBD ', '🔥 Checkout down 🔥', '🔥', '️⚠️', 'Résolu — 14:05', 'в работе', '事故 2026年7月',
    '①②③', '½ done', 'x²', '𝐀𝐁𝐂 bold', '\ud83d', 'a\ud83db', '->→⇒', '│ box │', '«Résolu»', '—TBD—', 'Ⓐ', 'ℹ info', 'Ⅻ', '〇', '々',
  ];
  for (const s of samples) {
    assert.equal(hasLetterOrDigit(s), CLASS.test(s), JSON.stringify(s));
    for (const sep of ['', ' ']) assert.equal(lettersAndDigits(s, sep), s.replace(/[^\p{L}\p{N}]+/gu, sep), `${JSON.stringify(s)} with ${JSON.stringify(sep)}`);
    assert.equal(withoutLeadingSymbols(s), s.replace(/^[^\p{L}\p{N}]+/u, ''), JSON.stringify(s));
  }
  assert.equal(normalizeToken('**SEV-3**'), 'sev3');
  assert.equal(normalizeToken('Sev 3 — high'), 'sev3high');
});

test('lettersAndDigits is linear: 200 KB of alternating punctuation and letters', () => {
  const s = '—a'.repeat(100_000);
  const t0 = performance.now();
  const out = lettersAndDigits(s, ' ');
  assert.equal(out.length, s.length);
  assert.ok(performance.now() - t0 < 1000);
});

test('text isFoldedWords passes through is exactly what wordsOf makes of it', async () => {
  const { isFoldedWords } = await import('../../src/core/reader/text');
  const { wordsOf, key } = await import('../../src/core/reader/proseWords');
  // Letters of every kind the tables hold: upper and lower case, Latin with marks, Cyrillic, Greek,
  // CJK, Hangul, Thai (marks), digits, spaces and punctuation.
  const alphabet = [...'aZzß éÉàñçøı Ии Ωω 修复対応해결 ไม่ 09 -_.,:/()\'’', 'İ', 'ǅ', 'ạ', '\u0301', '\u00a0', '\t'];
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  let passed = 0;
  for (let n = 0; n < 200_000; n++) {
    const len = 1 + Math.floor(random() * 12);
    let s = '';
    for (let i = 0; i < len; i++) s += alphabet[Math.floor(random() * alphabet.length)];
    if (!isFoldedWords(s)) continue;
    passed++;
    assert.equal(wordsOf(s).join(' '), s, JSON.stringify(s));
    assert.equal(key(s), s);
  }
  assert.ok(passed > 1000, `${passed} phrases passed through`);
  for (const s of ['resolved', 'en cours', '已修复', 'не исправлено', 'fixed 2']) assert.equal(isFoldedWords(s), true, s);
  for (const s of ['Resolved', 'résolu', 'two  spaces', ' lead', 'trail ', 'a-b', '']) assert.equal(isFoldedWords(s), false, s);
});

test('isNotApplicableStatus reads n/a as the pattern it replaces, on status values and near misses', () => {
  const pattern = /^[^\p{L}\p{N}]{0,3}(?:n ?\/ ?a|n\.a\.?|na)(?![\p{L}\p{N}])/iu;
  const samples = [
    'n/a', 'N/A', 'n / a', 'N /A', 'n.a.', 'N.A', 'NA', 'na', 'n/a (superseded)', '— N/A', '(n/a)', '*** n/a', '**** n/a', '— — — — n/a', '🔥 N/A',
    'NaN', 'nav', 'Natural', 'n/ab', 'n.a.b', 'N/A2', 'na—', 'na.', 'n/a—covered', 'ná', 'n', '', ' ', 'Resolved', 'N A', 'n//a', '«NA»', '𝐍𝐀', 'ℕ/a',
  ];
  // The value is read without its inline markup, as every status is.
  for (const s of samples) assert.equal(isNotApplicableStatus(s), pattern.test(stripInline(s)), JSON.stringify(s));
});
