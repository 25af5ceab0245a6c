// Who an entry is by: the handle rule (the playbook's people matched by name or email, else the
// git name as written), how an author is written and read back, and the names Declare and Assign
// Role suggest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { applySplices, appendTimelineEntry, authorHandle, defaultPolicy, findIncident, gitAuthor, gitResponder, indexLog, isFullName, loadPolicy, ownerTrailer, responderOf } from '../../src/core';
import { extractOwner } from '../../src/core/reader/timeline';

const PEOPLE = {
  'Priya Raman': { email: 'priya@shop.example', handle: '@priya' },
  'Marco Bianchi': { handle: 'marco' },
  'Lena Vogel': { email: 'Lena@Shop.example' },
};

test('the author is the playbook handle of a person matched by name, in any case and spacing', () => {
  assert.equal(authorHandle({ name: 'Priya Raman', email: null }, PEOPLE), 'priya');
  assert.equal(authorHandle({ name: '  priya   RAMAN ', email: 'someone@else.example' }, PEOPLE), 'priya');
  assert.equal(authorHandle({ name: 'Marco Bianchi', email: null }, PEOPLE), 'marco', 'a handle written without its @');
  // A git name that is the handle itself is that person too.
  assert.equal(responderOf({ name: 'priya', email: null }, PEOPLE)?.name, 'Priya Raman');
});

test('the author is the playbook handle of a person matched by email when the name does not match', () => {
  assert.equal(authorHandle({ name: 'P. Raman', email: 'PRIYA@shop.example' }, PEOPLE), 'priya');
  assert.equal(authorHandle({ name: null, email: 'priya@shop.example' }, PEOPLE), 'priya');
  assert.deepEqual(responderOf({ name: 'praman', email: 'priya@shop.example' }, PEOPLE), { name: 'Priya Raman', handle: 'priya' });
});

test('a person without a handle, and anyone not in the playbook, is the git name as written', () => {
  assert.equal(authorHandle({ name: 'Lena V.', email: 'lena@shop.example' }, PEOPLE), 'Lena V.');
  assert.deepEqual(responderOf({ name: 'Lena V.', email: 'lena@shop.example' }, PEOPLE), { name: 'Lena Vogel', handle: 'Lena V.' });
  assert.equal(authorHandle({ name: 'Dana Reyes', email: 'dana@shop.example' }, PEOPLE), 'Dana Reyes');
  assert.equal(authorHandle({ name: 'Dana Reyes', email: null }, {}), 'Dana Reyes');
  assert.equal(authorHandle({ name: 'dana', email: null }, {}), 'dana', 'a plain handle');
  assert.equal(authorHandle({ name: null, email: 'dana@shop.example' }, {}), 'dana@shop.example', 'no name: the email');
  assert.equal(authorHandle(null, PEOPLE), null);
  assert.equal(authorHandle({ name: '  ', email: null }, PEOPLE), null);
});

test('gitAuthor reads user.name and user.email of the folder and applies the playbook', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'incident-authors-'));
  try {
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync('git', ['config', 'user.name', 'P Raman'], { cwd: dir });
    execFileSync('git', ['config', 'user.email', 'priya@shop.example'], { cwd: dir });
    const policy = loadPolicy('people:\n  Priya Raman: { email: priya@shop.example, handle: "@priya" }\n');
    assert.equal(await gitAuthor(dir, policy), 'priya', 'matched by email');
    assert.deepEqual(await gitResponder(dir, policy), { name: 'Priya Raman', handle: 'priya' });
    assert.equal(await gitAuthor(dir, defaultPolicy()), 'P Raman', 'no people: the name as written');
    assert.equal(await gitAuthor(undefined, policy), null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an author is written (@handle), a full name without the @, and both are read back', () => {
  assert.equal(ownerTrailer('dana'), ' (@dana)');
  assert.equal(ownerTrailer('@dana'), ' (@dana)');
  assert.equal(ownerTrailer('Dana Reyes'), ' (Dana Reyes)');
  assert.equal(ownerTrailer('Ahmed Al-Rashid'), ' (Ahmed Al-Rashid)');
  assert.equal(ownerTrailer('dana@shop.example'), ' (@dana@shop.example)');
  // A name that would not be read back as a name keeps its @, so the author is not lost.
  assert.equal(ownerTrailer('dana reyes'), ' (@dana reyes)');
  assert.equal(ownerTrailer(null), '');

  const text = '# Log\n\n## INC-2026-1120-001: Checkout down\n- **Status:** Investigating\n\n### Timeline\n- 2026-11-20 14:30 UTC — Alerts fired (@dana)\n';
  const at = new Date('2026-11-20T14:40:00Z');
  const policy = defaultPolicy();
  let after = applySplices(text, appendTimelineEntry(indexLog(text), 'INC-2026-1120-001', { at, text: 'Paged the database team', owner: 'Dana Reyes' }, policy));
  after = applySplices(after, appendTimelineEntry(indexLog(after), 'INC-2026-1120-001', { at, text: 'Rolled back', owner: 'sam' }, policy));
  assert.ok(after.includes('\n- 2026-11-20 14:40 UTC — Paged the database team (Dana Reyes)\n'), after);
  assert.ok(after.includes('\n- 2026-11-20 14:40 UTC — Rolled back (@sam)\n'), after);
  const timeline = findIncident(indexLog(after), 'INC-2026-1120-001')!.timeline;
  assert.deepEqual(
    timeline.map((e) => [e.text, e.owner]),
    [
      ['Alerts fired', 'dana'],
      ['Paged the database team', 'Dana Reyes'],
      ['Rolled back', 'sam'],
    ],
  );

  // A table timeline's owner column: `@sam`, or the full name without an @.
  const table = '# Log\n\n## INC-2026-1120-001: Checkout down\n\n### Timeline\n| Time | Event | Owner |\n|---|---|---|\n| 2026-11-20 14:30 UTC | Alerts fired | @dana |\n';
  const row = applySplices(table, appendTimelineEntry(indexLog(table), 'INC-2026-1120-001', { at, text: 'Paged', owner: 'Dana Reyes' }, policy));
  assert.ok(row.includes('| 2026-11-20 14:40 UTC | Paged | Dana Reyes |'), row);
  assert.equal(findIncident(indexLog(row), 'INC-2026-1120-001')!.timeline.at(-1)?.owner, 'Dana Reyes');
});

test('old entries "(@Dana Reyes)" are still read; parentheses that are not a full name stay in the text', () => {
  assert.deepEqual(extractOwner('Paged the team (@Dana Reyes)'), { text: 'Paged the team', owner: 'Dana Reyes' });
  assert.deepEqual(extractOwner('Paged the team (Dana Reyes)'), { text: 'Paged the team', owner: 'Dana Reyes' });
  assert.deepEqual(extractOwner('Escalated to Priya (Ludwig van Beethoven) '), { text: 'Escalated to Priya', owner: 'Ludwig van Beethoven' });
  assert.deepEqual(extractOwner('Mailed support@vendor.example (J. R. Smith)'), { text: 'Mailed support@vendor.example', owner: 'J. R. Smith' });
  for (const text of ['Incident declared (SEV-1)', 'Rolled back (deploy 7f3c)', 'Failover (EU West)', 'Status: Investigating (rolled back)', '(Dana Reyes)', 'Paged(Dana Reyes)', 'Named (A B C D E)', 'Checked (J. K.)']) {
    assert.deepEqual(extractOwner(text), { text: text.trim(), owner: null }, text);
  }
  assert.equal(isFullName("Seán O'Brien"), true);
  assert.equal(isFullName('Riley Oncall'), true);
  assert.equal(isFullName('Dana'), false, 'one word is written with an @');
});

test('extractOwner reads a trailing full name as a reference pattern does, on any mix of words', () => {
  const word = /^(?:\p{Lu}[\p{L}\p{M}]*(?:['’-][\p{L}\p{M}]+)*)$/u;
  const cap = (w: string) => word.test(w) && /\p{Ll}/u.test(w);
  const initial = (w: string) => /^\p{Lu}\.$/u.test(w);
  const particles = ['van', 'de', 'al'];
  const reference = (text: string): string | null => {
    const m = /\s\(([^()]*)\)\s*$/.exec(text);
    if (!m || !text.slice(0, m.index).trim() || m[1].length > 80) return null;
    const words = m[1].split(' ');
    if (words.length < 2 || words.length > 4) return null;
    if (![words[0], words.at(-1)!].every((w) => cap(w) || initial(w)) || !words.some(cap)) return null;
    return words.every((w) => cap(w) || initial(w) || particles.includes(w)) ? m[1] : null;
  };
  const token = fc.constantFrom('Ana', 'van', 'de', 'B.', 'x', 'SEV-1', 'O’Neil', 'EU', 'Al-Rashid', 'al', 'Ébé', '(', ')', '');
  // Lines that end in a group of words in parentheses (most of them names or nearly), and lines of loose tokens.
  const grouped = fc
    .tuple(fc.constantFrom(' ', '', '  '), fc.array(token, { minLength: 0, maxLength: 5 }), fc.constantFrom(' ', '  '), fc.constantFrom('', ' ', ')', 'x'))
    .map(([before, words, joiner, tail]) => `Entry${before}(${words.join(joiner)})${tail}`);
  const nameish = fc.array(fc.constantFrom('Ana', 'Ébé', 'Al-Rashid', 'O’Neil', 'B.', 'van', 'EU'), { minLength: 1, maxLength: 5 }).map((words) => `Entry (${words.join(' ')})`);
  const loose = fc.array(fc.constantFrom(' ', '(', ')', 'Ana', 'van', 'B.', 'x', 'EU'), { maxLength: 12 }).map((parts) => `Entry ${parts.join('')}`);
  let named = 0;
  fc.assert(
    fc.property(fc.oneof(grouped, nameish, loose), (line) => {
      const expected = reference(line);
      if (expected) named++;
      assert.equal(extractOwner(line).owner, expected, JSON.stringify(line));
    }),
    { numRuns: 20_000 },
  );
  assert.ok(named > 1000, `only ${named} lines ended in a name`);
  // A hostile line is read at once.
  const started = performance.now();
  extractOwner('x ' + '(A '.repeat(100_000) + 'B)');
  extractOwner('x' + ' ('.repeat(100_000) + 'Ana Bo)');
  assert.ok(performance.now() - started < 200);
});
