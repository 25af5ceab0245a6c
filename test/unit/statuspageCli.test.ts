// `incident statuspage` as a real process: the site written into the repository (the golden
// files of statuspage.test.ts), rebuilt removing only its own files, --out outside the repository
// or through a link refused with one line, --dry-run printing the public text and writing nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { useBuiltCli } from './cliProcess';

const cli = useBuiltCli('statuspage');
const FIXTURE = resolve(__dirname, '../fixtures/statuspage');
const NOW = ['--now', '2026-11-21T10:00:00Z'];

function repo(): string {
  const dir = cli.repo();
  cpSync(join(FIXTURE, 'repo'), dir, { recursive: true });
  return dir;
}

function filesUnder(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`])).sort();
}

test('writes the golden site into site/status/ with its manifest; a second run rewrites nothing', () => {
  const dir = repo();
  const r = cli.run(dir, 'statuspage', ...NOW);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.err, 'Status page in site/status/: 7 written, 0 unchanged.\n');
  const out = join(dir, 'site/status');
  const golden = filesUnder(join(FIXTURE, 'golden'));
  assert.deepEqual(filesUnder(out), ['.statuspage-manifest.json', ...golden].sort());
  for (const f of golden) assert.equal(readFileSync(join(out, f), 'utf8'), readFileSync(join(FIXTURE, 'golden', f), 'utf8'), f);
  assert.deepEqual(JSON.parse(readFileSync(join(out, '.statuspage-manifest.json'), 'utf8')).files.sort(), golden);
  const again = cli.run(dir, 'statuspage', ...NOW);
  assert.equal(again.err, 'Status page in site/status/: 0 written, 7 unchanged.\n');
});

test('a rebuild removes only the files it wrote before; a file it did not write is never replaced', () => {
  const dir = repo();
  assert.equal(cli.run(dir, 'statuspage', ...NOW, '--out', 'public').code, 0);
  const out = join(dir, 'public');
  writeFileSync(join(out, 'notes.txt'), 'mine\n');
  writeFileSync(join(out, 'incidents', 'custom.html'), '<p>mine</p>\n');
  // Five days: the incident resolved on 2026-11-02 leaves the page, and its file the folder.
  const r = cli.run(dir, 'statuspage', ...NOW, '--out', 'public', '--days', '5');
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /removed 1 \(incidents\/INC-2026-1102-001\.html\)/);
  assert.deepEqual(filesUnder(out), ['.statuspage-manifest.json', 'feed.atom', 'feed.rss', 'incidents/INC-2026-1120-002.html', 'incidents/INC-2026-1121-001.html', 'incidents/custom.html', 'index.html', 'notes.txt', 'status.json']);
  assert.equal(readFileSync(join(out, 'notes.txt'), 'utf8'), 'mine\n');
  // A folder holding an index.html of someone else's: refused before anything is written.
  mkdirSync(join(dir, 'other'));
  writeFileSync(join(dir, 'other', 'index.html'), '<h1>Our own page</h1>\n');
  const refused = cli.run(dir, 'statuspage', ...NOW, '--out', 'other');
  assert.equal(refused.code, 2);
  assert.equal(refused.err, 'incident: other/index.html is already there and was not written by incident statuspage; move it, or choose another --out.\n');
  assert.deepEqual(filesUnder(join(dir, 'other')), ['index.html']);
});

test('--out outside the repository, or through a symbolic link, is refused with one line and writes nothing', () => {
  const dir = repo();
  const outside = cli.tempDir();
  const r = cli.run(dir, 'statuspage', ...NOW, '--out', outside);
  assert.equal(r.code, 2);
  assert.equal(r.err, `incident: ${outside} is outside the repository (${dir}); the status page is written only inside it.\n`);
  assert.deepEqual(filesUnder(outside), []);
  const up = cli.run(join(dir, 'docs'), 'statuspage', ...NOW, '--out', '../../elsewhere');
  assert.equal(up.code, 2);
  assert.match(up.err, /^incident: \.\.\/\.\.\/elsewhere is outside the repository/);
  symlinkSync(outside, join(dir, 'site'));
  const linked = cli.run(dir, 'statuspage', ...NOW);
  assert.equal(linked.code, 2);
  assert.equal(linked.err, 'incident: site is a symbolic link; the status page is not written through one.\n');
  assert.deepEqual(filesUnder(outside), []);
  const git = cli.run(dir, 'statuspage', ...NOW, '--out', '.git/site');
  assert.equal(git.code, 2);
});

test('--dry-run prints every public word of every incident and writes nothing', () => {
  const dir = repo();
  const r = cli.run(dir, 'statuspage', ...NOW, '--dry-run');
  assert.equal(r.code, 0, r.err);
  assert.equal(existsSync(join(dir, 'site')), false);
  assert.match(r.out, /^Service status: Major outage \(as of 2026-11-21 10:00 UTC\)\n/);
  for (const line of [
    '  INC-2026-1121-001 → incidents/INC-2026-1121-001.html',
    '    Title: Checkout errors',
    '    Impact: Some customers cannot complete checkout.',
    '    2026-11-21 09:15 UTC Identified: We found the cause of the checkout errors & are rolling back a change alert(1)',
    '    Title: Partial outage of Search',
    '    Resolved: 2026-11-02 07:35 UTC (after 1 h 35 min)',
    'Would write 7 files to site/status/: index.html, incidents/INC-2026-1121-001.html, incidents/INC-2026-1120-002.html, incidents/INC-2026-1102-001.html, feed.atom, feed.rss, status.json',
  ]) {
    assert.ok(r.out.split('\n').includes(line), `missing: ${line}\n${r.out}`);
  }
  assert.doesNotMatch(r.out, /Dana|Sam|Priya|Lee Park|runbooks\.internal|Flaky canary|Drill/);
});

test('bad --days and --base-url are refused with exit 2', () => {
  const dir = repo();
  assert.match(cli.run(dir, 'statuspage', '--days', '0').err, /^incident: --days "0" is not a number of days from 1 to 3650\.\n$/);
  assert.match(cli.run(dir, 'statuspage', '--base-url', 'javascript:alert(1)').err, /^incident: --base-url "javascript:alert\(1\)" is not an http\(s\) address/);
  assert.equal(cli.run(dir, 'statuspage', '--base-url', 'ftp://x.example/').code, 2);
});
