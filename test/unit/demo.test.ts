// The demo `npm start` opens (scripts/demoWorkspace.ts): samples/demo copied, its times moved to now.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { activeClocks, checkLog, indexLog, loadPolicy } from '../../src/core';
import { DEMO_AGE_MINUTES, demoShiftMinutes, prepareDemoWorkspace, shiftTimes } from '../../scripts/demoWorkspace';

const DEMO = resolve(__dirname, '../../samples/demo');
const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dirname(dir), { recursive: true, force: true });
});

test('shiftTimes moves canonical and ISO times across days, months and years, and nothing else', () => {
  const text = '## INC-2026-1231-001: x\n- **Detected:** 2026-12-31 23:50 UTC\n- 2026-12-31 23:55 UTC — a 2026-12-31 (@x)\n{"at": "2026-12-31T23:59:30Z", "b": "2026-12-31T23:40Z"}\n';
  assert.equal(
    shiftTimes(text, 15),
    '## INC-2026-1231-001: x\n- **Detected:** 2027-01-01 00:05 UTC\n- 2027-01-01 00:10 UTC — a 2026-12-31 (@x)\n{"at": "2027-01-01T00:14:30Z", "b": "2026-12-31T23:55Z"}\n',
  );
  assert.equal(shiftTimes(shiftTimes(text, 14_000), -14_000), text);
  assert.equal(shiftTimes(text, 0), text);
  assert.throws(() => shiftTimes(text, 1.5), /whole number/);
});

test('the demo opens with its newest active incident 40 minutes old, its update due in about 5, nothing overdue', () => {
  for (const now of [new Date('2027-03-14T09:26:53Z'), new Date('2026-11-21T00:50:00Z'), new Date()]) {
    const demo = prepareDemoWorkspace(DEMO, now, '/opt/incident/dist/cli.js');
    made.push(demo.dir);
    const policy = loadPolicy(readFileSync(join(demo.dir, '.incident/playbook.yml'), 'utf8'));
    const log = readFileSync(join(demo.dir, 'docs/INCIDENT_LOG.md'), 'utf8');
    const index = indexLog(log, { policy });
    const clocks = activeClocks(index, policy, now);
    assert.equal(clocks.length, 2);
    const newest = clocks.reduce((a, b) => ((a.elapsedMinutes ?? Infinity) <= (b.elapsedMinutes ?? Infinity) ? a : b));
    assert.equal(newest.incident.id, 'INC-2026-1121-001');
    assert.ok(Math.abs(newest.elapsedMinutes! - DEMO_AGE_MINUTES) < 1, `age ${newest.elapsedMinutes}`);
    assert.ok(newest.updateDueInMinutes! > 4 && newest.updateDueInMinutes! <= 5, `due in ${newest.updateDueInMinutes}`);
    // The status bar shows the most severe: the SEV-1, a little older, its update not yet due.
    assert.equal(clocks[0].incident.severity, 'SEV-1');
    assert.ok(clocks[0].elapsedMinutes! < 120 && clocks[0].updateDueInMinutes! > 0, JSON.stringify(clocks[0].updateDueInMinutes));
    // What `incident check --now` reports: no problems at all.
    assert.deepEqual(checkLog(index, policy, now), []);
    // The resolved incidents keep their durations; every entry is in the past.
    const times = [...log.matchAll(/(\d{4}-\d{2}-\d{2} \d{2}:\d{2}) UTC/g)].map((m) => Date.parse(`${m[1].replace(' ', 'T')}:00Z`));
    assert.ok(times.every((t) => t <= now.getTime()));
    // The health checks' results moved with the log.
    for (const name of readdirSync(join(demo.dir, 'scripts/health/status'))) {
      const at = Date.parse(JSON.parse(readFileSync(join(demo.dir, 'scripts/health/status', name), 'utf8')).checkedAt);
      assert.ok(at <= now.getTime() && at > now.getTime() - 30 * 60_000, name);
    }
    assert.match(readFileSync(join(demo.dir, 'README.md'), 'utf8'), /node \/opt\/incident\/dist\/cli\.js list/);
  }
});

test('only the times change: the copy is the demo byte for byte elsewhere, and samples/demo is untouched', () => {
  const before = readFileSync(join(DEMO, 'docs/INCIDENT_LOG.md'), 'utf8');
  const demo = prepareDemoWorkspace(DEMO, new Date('2030-01-01T12:00:00Z'));
  made.push(demo.dir);
  const copy = readFileSync(join(demo.dir, 'docs/INCIDENT_LOG.md'), 'utf8');
  const blank = (s: string) => s.replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/g, 'TIME');
  assert.notEqual(copy, before);
  assert.equal(blank(copy), blank(before));
  assert.equal(readFileSync(join(DEMO, 'docs/INCIDENT_LOG.md'), 'utf8'), before);
  assert.equal(shiftTimes(copy, -demo.shiftMinutes), before);
  assert.equal(demoShiftMinutes(copy, loadPolicy(readFileSync(join(DEMO, '.incident/playbook.yml'), 'utf8')), new Date('2030-01-01T12:00:00Z')), 0);
});
