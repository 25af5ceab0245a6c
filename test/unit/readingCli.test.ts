// How a log was read, through the CLI as it ships: `incident check` says it once as an info
// finding when a reading rule guessed; `show` and `--json` carry each incident's reading notes,
// and logs no rule guessed on print exactly what they printed before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './helpers';
import { useBuiltCli } from './cliProcess';

const cli = useBuiltCli('reading');

function repoWith(fixture: string): string {
  const dir = cli.repo();
  mkdirSync(join(dir, 'docs'));
  copyFileSync(join(FIXTURES, fixture), join(dir, 'docs', 'INCIDENT_LOG.md'));
  return dir;
}

test('incident check says once how a guessed log was read; show and --json give the notes', () => {
  const dir = repoWith('shapes/prose-sections.md');
  const r = cli.run(dir, 'check');
  assert.match(
    r.out,
    /^docs\/INCIDENT_LOG\.md:1: info: Read 4 H2 sections under 'Postmortems' as incidents \(no ids or dates\)\. 3 statuses were read from the words of the text \(no status written\)\. \[reading-summary\]$/m,
  );
  assert.equal(r.out.match(/\[reading-summary\]/g)?.length, 1);
  const shown = cli.run(dir, 'show', 'calendar-sync-with-the-partner-hotels');
  assert.match(shown.out, /^ {2}Status: {4}Open \(read from the words "still unfixed" \(line 18\)\)$/m);
  assert.match(shown.out, /^ {2}Read as: {3}an untitled section under 'Postmortems' telling one incident \(no id, date or fields\)$/m);
  const json = JSON.parse(cli.run(dir, 'list', '--json').out) as Array<Record<string, unknown>>;
  assert.equal(json[1].statusFromText, '"still unfixed" (line 18)');
  assert.equal(json[1].readAs, "an untitled section under 'Postmortems' telling one incident (no id, date or fields)");
  assert.equal(json[3].state, 'unknown');
  assert.ok(!('statusFromText' in json[3]));
});

test('a table of occurrences is said with its lines; a log read without a guess gets no such finding', () => {
  const occ = cli.run(repoWith('shapes/occurrence-table.md'), 'check');
  assert.match(occ.out, /info: Read 1 table of occurrences under 'Downtime' \(lines 9–11\): 3 incidents\. \[reading-summary\]$/m);
  const plain = cli.run(repoWith('canonical.md'), 'check', '--json');
  assert.ok(!(JSON.parse(plain.out) as Array<{ code: string }>).some((p) => p.code === 'reading-summary'));
  const json = JSON.parse(cli.run(repoWith('canonical.md'), 'list', '--json').out) as Array<Record<string, unknown>>;
  for (const i of json) assert.ok(!('readAs' in i) && !('statusFromText' in i));
});
