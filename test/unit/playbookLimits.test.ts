// Hostile playbooks: refused before they are turned into objects, with the line where a bound is
// passed, and the worst ones within the bounds read in under a second. The playbook is read by
// every command, so a slow one would make every command slow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPolicy } from '../../src/core';
import { PLAYBOOK_LIMITS } from '../../src/core/playbook/playbook';
import { policyErrorOf } from './helpers';

const MB = 1024 * 1024;

/** A list of `n` one-letter field aliases written `[a,a,…]` on line 2 (the issue's 16 MB playbook, smaller). */
function flowAliases(n: number): string {
  return `# field aliases\nfieldAliases: { severity: [${'a,'.repeat(n - 1)}a] }\n`;
}

/**
 * The processor time to read `make(salt)` (a busy machine stretches the wall-clock time, not
 * this), the least of up to three tries when slow; the wall-clock time of that try beside it.
 */
function readTime(make: (salt: number) => string, limitMs: number): { ms: number; wallMs: number; outcome: string } {
  let best = { ms: Infinity, wallMs: Infinity };
  let outcome = '';
  // Each try reads a new text: the same text again is not parsed again.
  for (let salt = 1; salt <= 3 && best.ms > limitMs; salt++) {
    const text = make(salt);
    const cpu = process.cpuUsage();
    const t = performance.now();
    try {
      loadPolicy(text);
      outcome = 'read';
    } catch (e) {
      outcome = `refused: ${(e as Error).message.slice(0, 80)}`;
    }
    const wallMs = performance.now() - t;
    const used = process.cpuUsage(cpu);
    const ms = (used.user + used.system) / 1000;
    if (ms < best.ms) best = { ms, wallMs };
  }
  return { ...best, outcome };
}

test('a playbook over 1 MB is refused before it is parsed, saying its size', () => {
  const big = flowAliases(8 * MB - 30);
  const t = performance.now();
  const e = policyErrorOf(big);
  assert.ok(performance.now() - t < 500, 'refused at once');
  assert.match(e.message, /^the playbook is too large \(16\.0 MB; the limit is 1 MB\)$/);
  assert.match(policyErrorOf('a: "' + 'x'.repeat(MB) + '"\n').message, /too large \(1\.1 MB; the limit is 1 MB\)/, 'just past the bound');
  assert.doesNotThrow(() => loadPolicy(`timeZone: UTC\n${'#'.repeat(MB - 15)}\n`), 'at the bound');
  assert.match(policyErrorOf('#\n'.repeat(PLAYBOOK_LIMITS.lines + 1)).message, /too large \(over 20000 lines; the limit is 20000\)/);
});

test('a playbook of too many items is refused with the line where it passes the bound', () => {
  assert.match(policyErrorOf(flowAliases(PLAYBOOK_LIMITS.items + 1)).message, /^the playbook has too many items \(over 10000, at line 2\)$/);
  const block = `fieldAliases:\n  severity:\n${'    - a\n'.repeat(PLAYBOOK_LIMITS.items)}`;
  assert.match(policyErrorOf(block).message, /too many items \(over 10000, at line 10001\)/, 'fieldAliases and severity, then one item a line from line 3');
  assert.match(policyErrorOf(`x: [${','.repeat(40_000)}]\n`).message, /too many items \(over 10000, at line 1\)/, 'bare commas');
  assert.match(policyErrorOf(`x: ${'['.repeat(65)}${']'.repeat(65)}\n`).message, /nested too deeply \(over 64 levels of \[ and \{, at line 1\)/);
});

test('aliases: a billion laughs, too many, unknown or looping ones are refused naming the line', () => {
  const laughs = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < 9; i++) {
    const [prev, name] = [String.fromCharCode(96 + i), String.fromCharCode(97 + i)];
    laughs.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
  }
  // a: 9 items, b: 81, c: 729, d: 6,561, e: 59,049: the count passes 10,000 in e's list, on line 5.
  assert.match(policyErrorOf(laughs.join('\n') + '\n').message, /^the playbook's aliases stand for too many items \(over 10000, at line 5\)$/);
  const many = `x: &a v\ny: [${Array(PLAYBOOK_LIMITS.aliases + 1).fill('*a').join(', ')}]\n`;
  assert.match(policyErrorOf(many).message, /^the playbook has too many aliases \(over 1000, at line 2\)$/);
  let e = policyErrorOf('timeZone: UTC\nstatuses: *s\n');
  assert.equal(e.line, 2);
  assert.match(e.message, /the alias \*s names no anchor &s before it/);
  e = policyErrorOf('timeZone: UTC\nfieldAliases: &f\n  severity: [*f]\n');
  assert.equal(e.line, 3);
  assert.match(e.message, /the alias \*f is inside the item it names/);
  // Aliases within the bounds read as before.
  const p = loadPolicy('statuses: &s [Open, Closed]\nresolvedStatus: Closed\nsections:\n  timeline: *s\n');
  assert.deepEqual(p.statuses, ['Open', 'Closed']);
});

test('the worst playbooks within the bounds are read in under a second', () => {
  const { items, aliases, lines, flowDepth } = PLAYBOOK_LIMITS;
  const big = MB - 200;
  const worst: Record<string, (salt: number) => string> = {
    'flow list of 9,990 aliases': (s) => `# ${s}\n` + flowAliases(items - 10).slice(`# field aliases\n`.length),
    'block list of 9,990 items': (s) => `# ${s}\nfieldAliases:\n  severity:\n${'    - a\n'.repeat(items - 10)}`,
    'map of 4,990 keys': (s) => `# ${s}\npeople:\n${Array.from({ length: items / 2 - 10 }, (_, i) => `  p${i}: x\n`).join('')}`,
    'flow map of 4,990 keys': (s) => `# ${s}\nx: {${Array.from({ length: items / 2 - 10 }, (_, i) => `k${i}: v`).join(', ')}}\n`,
    '800 runbooks': (s) => `# ${s}\nrunbooks:\n${Array.from({ length: 800 }, (_, i) => `  r${i}:\n    title: T\n    params: [ID]\n    steps:\n      - title: a\n        run: echo $ID\n`).join('')}`,
    '1,000 anchors and 1,000 aliases': (s) => `# ${s}\nx:\n${Array.from({ length: aliases }, (_, i) => `  - &a${i} v\n`).join('')}y:\n${Array.from({ length: aliases }, (_, i) => `  - *a${i}\n`).join('')}`,
    'aliases standing for 9,800 items': (s) => `# ${s}\nstatuses: &s [${Array(98).fill('Open').join(', ')}]\nsections:\n  timeline: [${Array(98).fill('*s').join(', ')}]\n`,
    '19,990 comment lines': (s) => `# ${s}\n` + '#\n'.repeat(lines - 10),
    '19,990 blank lines in a block scalar': (s) => `# ${s}\nchecklist:\n  - |\n    x\n${'\n'.repeat(lines - 10)}    y\n`,
    '1 MB double-quoted string': (s) => `# ${s}\nfieldAliases: { severity: ["${'x'.repeat(big)}"] }\n`,
    '1 MB of escapes': (s) => `# ${s}\nfieldAliases: { severity: ["${'\\n'.repeat(big / 2)}"] }\n`,
    '1 MB plain string': (s) => `# ${s}\nfieldAliases: { severity: [${'x'.repeat(big)}] }\n`,
    '1 MB folded over 19,990 lines': (s) => `# ${s}\nfieldAliases:\n  severity:\n    - x\n${`      ${'x'.repeat(Math.floor(big / lines) - 8)}\n`.repeat(lines - 10)}`,
    '1 MB time zone': (s) => `# ${s}\ntimeZone: ${'x'.repeat(big)}\n`,
    '1 MB severity id': (s) => `# ${s}\nseverities:\n  - id: ${'S'.repeat(big)}\n`,
    '1 MB status': (s) => `# ${s}\nstatuses: [${'s'.repeat(big)}]\n`,
    '1 MB phase name': (s) => `# ${s}\nchecklist:\n  phases:\n    - name: ${'timeline '.repeat(big / 9)}\n      items: [x]\n`,
    '1 MB parameter pattern': (s) => `# ${s}\nrunbooks:\n  r:\n    title: T\n    params:\n      - name: ID\n        pattern: "${'(a+)+'.repeat(big / 5)}"\n    steps:\n      - title: a\n        run: echo\n`,
    '64 levels of [': (s) => `# ${s}\nx: ${'['.repeat(flowDepth)}${']'.repeat(flowDepth)}\n`,
    'a line of 9,990 nested lists': (s) => `# ${s}\n${'- '.repeat(items - 10)}a\n`,
  };
  const slow: string[] = [];
  for (const [name, make] of Object.entries(worst)) {
    assert.ok(Buffer.byteLength(make(1)) <= PLAYBOOK_LIMITS.bytes, `${name} is within the size bound`);
    const { ms, wallMs, outcome } = readTime(make, 1000);
    console.log(`playbook limits: ${name}: ${ms.toFixed(0)} ms of processor time (${wallMs.toFixed(0)} ms wall), ${outcome}`);
    if (ms > 1000) slow.push(`${name}: ${ms.toFixed(0)} ms`);
  }
  assert.deepEqual(slow, []);
});

test('a refusal quotes at most 400 characters of what it refuses', () => {
  const e = policyErrorOf(`timeZone: Mars/${'x'.repeat(100_000)}\n`);
  assert.ok(e.message.length < 450, `${e.message.length} characters`);
  assert.match(e.message, /^line 1: timeZone: "Mars\/x+ … x+" is not an IANA time zone \(e\.g\. UTC, Europe\/Berlin\)$/);
});

test('the same playbook read twice in one process is parsed once', () => {
  const text = flowAliases(5000);
  const t0 = performance.now();
  const first = loadPolicy(text);
  const firstMs = performance.now() - t0;
  const t1 = performance.now();
  const second = loadPolicy(text);
  const secondMs = performance.now() - t1;
  assert.equal(second, first, 'the same policy, not a new one');
  assert.ok(secondMs < Math.max(1, firstMs / 10), `read again in ${secondMs.toFixed(2)} ms (first: ${firstMs.toFixed(1)} ms)`);
  // A refusal is remembered too, and another text is read anew.
  const bad = 'statuses: []\n';
  const e1 = policyErrorOf(bad);
  assert.equal(policyErrorOf(bad), e1);
  assert.notEqual(loadPolicy('timeZone: UTC\n'), first);
});
