// The streaming redactor (core/health/redactStream.ts): output shown live, chunk by chunk, is redacted
// as if it had been read whole. Only complete lines go out; a private-key block is held until its
// END line (or a cap); a secret split across chunks never shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REDACTED, createRedactingStream, redactSecrets } from '../../src/core/health/redact';
import { MAX_HELD_LINE_CHARS, MAX_KEY_BLOCK_LINES } from '../../src/core/health/redactStream';
import { useBuiltCli } from './cliProcess';
import { NOISY_OUTPUT, SECRET_SAMPLES } from './secretSamples';

const cli = useBuiltCli('redact-stream');

const KEY_BODY = ['MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj', 'MZR5xJ2tkFSH8Ltf4n3WzXvB3ZpJr8OqhbLvqqkN9aLfPm0qRKVxJbEDyp2P4Hgs', 'y0dLBfQ1vC3nJZr8kUQ5bGvXW4ep7nEp2OmqL9aRxwY3Tr6m5NqSsUdKiHcA=='];
const KEY_TEXT = `checking the deploy key\n-----BEGIN OPENSSH PRIVATE KEY-----\n${KEY_BODY.join('\n')}\n-----END OPENSSH PRIVATE KEY-----\ndone\n`;

/** What a stream shows for `text` cut into the given pieces, and each push's output. */
function streamed(pieces: string[]): { whole: string; outputs: string[] } {
  const stream = createRedactingStream();
  const outputs = pieces.map((p) => stream.push(p));
  outputs.push(stream.end());
  return { whole: outputs.join(''), outputs };
}

/** A small seeded generator, so that a failure can be replayed. */
function randomCuts(text: string, seed: number, maxPiece: number): string[] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const pieces: string[] = [];
  for (let at = 0; at < text.length; ) {
    const n = 1 + Math.floor(next() * maxPiece);
    pieces.push(text.slice(at, at + n));
    at += n;
  }
  return pieces;
}

test('a private key cut into two chunks at every place: no line of its body is ever shown', () => {
  const expected = redactSecrets(KEY_TEXT);
  assert.equal(expected, `checking the deploy key\n-----BEGIN PRIVATE KEY----- ${REDACTED} -----END PRIVATE KEY-----\ndone\n`);
  for (let cut = 0; cut <= KEY_TEXT.length; cut++) {
    const { whole } = streamed([KEY_TEXT.slice(0, cut), KEY_TEXT.slice(cut)]);
    for (const line of KEY_BODY) assert.ok(!whole.includes(line.slice(0, 16)) && !whole.includes(line.slice(-16)), `cut at ${cut}: ${whole}`);
    assert.equal(whole, expected, `cut at ${cut}`);
  }
});

test('every secret sample in random chunks, and one character at a time: the same as redacting the whole', () => {
  const expected = redactSecrets(NOISY_OUTPUT);
  for (let seed = 1; seed <= 40; seed++) {
    const { whole } = streamed(randomCuts(NOISY_OUTPUT, seed, seed % 2 ? 7 : 300));
    assert.equal(whole, expected, `seed ${seed}`);
  }
  assert.equal(streamed([...NOISY_OUTPUT]).whole, expected);
  for (const { kind, secret } of SECRET_SAMPLES) assert.ok(!expected.includes(secret), kind);
  assert.match(expected, /after the pgp key\n/);
});

test('only complete lines go out; the rest waits for its line end or for end()', () => {
  const stream = createRedactingStream();
  assert.equal(stream.push('Authorization: Bearer abc'), '');
  assert.equal(stream.push('def ok\nnext'), `Authorization: Bearer ${REDACTED} ok\n`);
  assert.equal(stream.push(' line\r'), 'next line\r');
  assert.equal(stream.push('GITHUB_TOKEN=x1y2'), '');
  assert.equal(stream.end(), `GITHUB_TOKEN=${REDACTED}`);
});

test('a line without a line end is still shown, redacted, once it passes the cap', () => {
  const stream = createRedactingStream();
  const fields = Array.from({ length: 4000 }, (_, i) => `"field${i}": "value ${i}"`).join(', ');
  const line = `{"password": "hunter2", ${fields}`;
  assert.ok(line.length > MAX_HELD_LINE_CHARS);
  let shown = '';
  for (let at = 0; at < line.length; at += 1000) shown += stream.push(line.slice(at, at + 1000));
  assert.ok(shown.length > MAX_HELD_LINE_CHARS / 2, `only ${shown.length} characters shown before the line ended`);
  assert.ok(shown.startsWith(`{"password": "${REDACTED}", "field0"`));
  assert.equal(shown + stream.end(), redactSecrets(line));
});

test('a key block with no END line is held to the cap, then shown redacted; the lines after it show again', () => {
  const body = Array.from({ length: MAX_KEY_BLOCK_LINES + 50 }, (_, i) => `${KEY_BODY[i % 3].slice(0, 60)}${String(i).padStart(4, '0')}`);
  const text = `-----BEGIN RSA PRIVATE KEY-----\n${body.join('\n')}\nservice restarted\n`;
  const { whole, outputs } = streamed(randomCuts(text, 7, 500));
  assert.equal(whole, `-----BEGIN PRIVATE KEY----- ${REDACTED}\nservice restarted\n`);
  assert.ok(outputs.slice(0, -1).join('').includes(REDACTED), 'shown before the stream ended');
  // Cut off by the end of the output: everything from BEGIN on is redacted.
  assert.equal(redactSecrets(`ok\n-----BEGIN EC PRIVATE KEY-----\n${KEY_BODY[0]}\nnot a key line`), `ok\n-----BEGIN PRIVATE KEY----- ${REDACTED}`);
});

test('incident runbook --run: a key whose body comes in a later chunk than its BEGIN line is not printed', () => {
  const dir = cli.repo();
  mkdirSync(join(dir, '.incident'), { recursive: true });
  writeFileSync(join(dir, 'key.txt'), `${KEY_BODY.join('\n')}\n-----END RSA PRIVATE KEY-----\n`);
  writeFileSync(
    join(dir, '.incident/playbook.yml'),
    [
      'runbooks:',
      '  leaky:',
      '    title: Leaky step',
      '    steps:',
      '      - title: Print a key slowly',
      '        run: |',
      "          printf 'loading\\n-----BEGIN RSA PRIVATE KEY-----\\n'",
      '          sleep 0.3',
      '          cat key.txt',
      '          sleep 0.3',
      "          printf 'X-Api-Key: abc'",
      '          sleep 0.3',
      "          printf 'def123\\nall done\\n'",
      '',
    ].join('\n'),
  );
  const r = cli.run(dir, 'runbook', 'leaky', '--run', '1', '--no-log');
  assert.equal(r.code, 0, r.err);
  for (const line of KEY_BODY) assert.ok(!r.out.includes(line.slice(0, 20)), r.out);
  assert.ok(!r.out.includes('def123'), r.out);
  assert.equal(r.out, `loading\n-----BEGIN PRIVATE KEY----- ${REDACTED} -----END PRIVATE KEY-----\nX-Api-Key: ${REDACTED}\nall done\n`);
});
