// Text from a log made safe for a terminal or a tree row (core/format/displayText.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeJsonForTerminal, sanitizeForDisplay } from '../../src/core';

test('escape sequences lose their ESC: OSC 52, window title, CSI, 8-bit CSI', () => {
  assert.equal(sanitizeForDisplay('Pay \x1b]52;c;ZXZpbA==\x07 down'), 'Pay ␛]52;c;ZXZpbA==␇ down');
  assert.equal(sanitizeForDisplay('\x1b]0;owned\x1b\\'), '␛]0;owned␛\\');
  assert.equal(sanitizeForDisplay('red \x1b[31mtext\x1b[0m'), 'red ␛[31mtext␛[0m');
  assert.equal(sanitizeForDisplay('clear \x9b2J \x9d0;t\x9c'), 'clear ␛[2J ␛]0;t␛\\');
});

test('C0 controls, DEL and C1 are shown; tabs and line feeds depend on one line or a block', () => {
  assert.equal(sanitizeForDisplay('a\x00b\x08c\rd\x7fe\x85f'), 'a␀b␈c␍d␡e␛Ef');
  assert.equal(sanitizeForDisplay('a\tb\nc'), 'a b␊c');
  assert.equal(sanitizeForDisplay('a\tb\nc\r\n', { multiline: true }), 'a\tb\nc␍\n');
  for (let c = 0; c < 0xa0; c++) {
    const out = sanitizeForDisplay(`x${String.fromCharCode(c)}y`);
    const printable = (c >= 0x20 && c < 0x7f) || c === 0x09;
    assert.ok(printable ? out.length === 3 : ![...out].some((ch) => ch.charCodeAt(0) < 0x20 || (ch.charCodeAt(0) >= 0x7f && ch.charCodeAt(0) <= 0x9f)), `U+${c.toString(16)}`);
  }
});

test('bidi embeddings, overrides and isolates are removed; other text is untouched', () => {
  assert.equal(sanitizeForDisplay('invoice\u202Efdp.exe'), 'invoicefdp.exe');
  assert.equal(sanitizeForDisplay('\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069ok'), 'ok');
  // The directional marks too (left-to-right, right-to-left, Arabic letter mark).
  assert.equal(sanitizeForDisplay('a\u200Eb\u200Fc\u061Cd'), 'abcd');
  const plain = 'Checkout — 502s für Kunden, 决定 🚨 (@Dana) مرحبا \u200D\u200B';
  assert.equal(sanitizeForDisplay(plain), plain);
  assert.equal(sanitizeForDisplay(''), '');
});

test('sanitizing twice is the same as once', () => {
  const s = '\x1b]52;c;x\x07\t\n\x9b\u202e\x7f';
  assert.equal(sanitizeForDisplay(sanitizeForDisplay(s)), sanitizeForDisplay(s));
  assert.equal(sanitizeForDisplay(sanitizeForDisplay(s, { multiline: true }), { multiline: true }), sanitizeForDisplay(s, { multiline: true }));
});

test('JSON for a terminal: the same data, with DEL, C1, bidi and line separators escaped', () => {
  const value = { title: 'a\x1b]0;t\x07 \x9b2J \x7f \u202e \u2028 \u2066 \u200f \u061c é' };
  const json = escapeJsonForTerminal(JSON.stringify(value));
  const unsafe = (c: number) => c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0x200e || c === 0x200f || c === 0x061c;
  assert.ok(![...json].some((ch) => unsafe(ch.charCodeAt(0))), json);
  assert.ok(json.includes('\\u009b') && json.includes('\\u202e') && json.includes('é'));
  assert.deepEqual(JSON.parse(json), value);
});

/** Best of several runs, in milliseconds. */
function time(f: () => unknown, runs = 7): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    f();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return best;
}

test('a 200 KB hostile string takes time in proportion to its length, like a benign one', () => {
  const size = 200_000;
  const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  const benign = fill('Checkout API returns 502 for some users; rolled back the deploy. ');
  const hostile = [
    fill('\x1b]52;c;'), // OSC 52 starts with no terminator
    fill('\x1b'), // nothing but ESC
    fill('\x9b\x9d\x90'), // 8-bit CSI / OSC / DCS
    fill('\u202e\u2066'), // bidi overrides (removed)
    fill('\x1b[\x07\t\n\x7f\x85\u202ea'), // a mix
  ];
  // Warm up, then compare each with the benign string of the same length in the same run.
  for (const s of [benign, ...hostile]) sanitizeForDisplay(s);
  const base = Math.max(time(() => sanitizeForDisplay(benign)), 0.05);
  for (const s of hostile) {
    const t = time(() => sanitizeForDisplay(s));
    // Every character of a hostile string is replaced, so it costs more than a benign one, but
    // a constant factor more (measured here: 3x to 10x); a quadratic scan would be thousands.
    assert.ok(t / base < 50, `${JSON.stringify(s.slice(0, 12))}…: ${t.toFixed(2)} ms against ${base.toFixed(2)} ms for a benign string`);
    const t10 = time(() => sanitizeForDisplay(s.slice(0, size / 10)));
    assert.ok(t / Math.max(t10, 0.01) < 40, `10x the length took ${(t / t10).toFixed(1)}x the time`);
  }
  const jsonBase = Math.max(time(() => escapeJsonForTerminal(benign)), 0.05);
  const jsonHostile = time(() => escapeJsonForTerminal(fill('\x9b\u202e')));
  assert.ok(jsonHostile / jsonBase < 50, `JSON: ${jsonHostile.toFixed(2)} ms against ${jsonBase.toFixed(2)} ms`);
});
