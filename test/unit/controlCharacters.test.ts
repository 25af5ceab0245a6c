// The control-character classes (src/core/format/controlCharacters.ts): each matches exactly its
// characters, the functions replace every match, and no ESC survives stripTerminalSequences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  C0_CONTROL,
  CONTROL_BUT_TAB_LF,
  HIDDEN_CONTROL,
  LINE_BREAK_CONTROL,
  LINE_CONTROL,
  TEXT_CONTROL,
  blankHiddenControls,
  foldLineBreakControls,
  stripControlsButTabLf,
  stripTerminalSequences,
  stripTextControls,
} from '../../src/core/format/controlCharacters';

const c0 = (c: number) => c <= 0x1f;
const line = (c: number) => c0(c) || c === 0x7f;
const CLASSES: Array<[string, RegExp, (c: number) => boolean]> = [
  ['C0_CONTROL', C0_CONTROL, c0],
  ['LINE_CONTROL', LINE_CONTROL, line],
  ['TEXT_CONTROL', TEXT_CONTROL, (c) => line(c) && c !== 0x09 && c !== 0x0a && c !== 0x0d],
  ['CONTROL_BUT_TAB_LF', CONTROL_BUT_TAB_LF, (c) => line(c) && c !== 0x09 && c !== 0x0a],
  ['LINE_BREAK_CONTROL', LINE_BREAK_CONTROL, (c) => line(c) || c === 0x2028 || c === 0x2029],
  ['HIDDEN_CONTROL', HIDDEN_CONTROL, (c) => c0(c) || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)],
];

test('each class matches exactly its characters, over the whole BMP', () => {
  for (const [name, re, expected] of CLASSES) {
    assert.equal(re.flags, '', `${name} has no flags`);
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (re.test(ch) !== expected(c)) assert.fail(`${name} on U+${c.toString(16).padStart(4, '0')}: ${!expected(c)}`);
    }
    assert.equal(re.test('\u{1F600}'), false, `${name} on an astral character`);
    // Without the g flag a test keeps no state: the same answer twice.
    assert.equal(re.test('a\u0001'), re.test('a\u0001'));
  }
});

test('the functions replace every match, and only those', () => {
  const sample = 'a\u0000\tb\r\nc\u001b\u007fd\u0085e\u2028f\u202eg\u2066h';
  assert.equal(stripTextControls(sample), 'a\tb\r\ncd\u0085e\u2028f\u202eg\u2066h');
  assert.equal(stripControlsButTabLf(sample), 'a\tb\ncd\u0085e\u2028f\u202eg\u2066h');
  assert.equal(foldLineBreakControls('a\u0000\u0001b\u2028\u2029c\n\td\u0085'), 'a b c d\u0085');
  assert.equal(blankHiddenControls(sample), 'a  b  c  d e f g h');
  for (const f of [stripTextControls, stripControlsButTabLf, foldLineBreakControls, blankHiddenControls]) {
    assert.equal(f('plain text, é, 日本'), 'plain text, é, 日本');
    assert.equal(f(f(sample)), f(sample), `${f.name} twice is once`);
  }
});

test('no ESC survives stripTerminalSequences (so what strips the rest need not name it)', () => {
  assert.equal(stripTerminalSequences('\x1b]0;title\x1b\\a\x1b[1;31mb\x9b0mc\x1b]633;E;ls\x07d'), 'abcd');
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const alphabet = ['\x1b', '[', ']', '\\', '\x07', '\x9b', '\x9d', '\x9c', 'P', '0', ';', 'm', '\n', '\r', ' ', 'x', '~', '\x7f'];
  for (let i = 0; i < 2000; i++) {
    const s = Array.from({ length: next() % 40 }, () => alphabet[next() % alphabet.length]).join('');
    assert.ok(!stripTerminalSequences(s).includes('\x1b'), JSON.stringify(s));
  }
});
