// The `incident` command as a real process, built the way `bin` ships it (dist/cli.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FIXTURES } from './helpers';
import { useBuiltCli } from './cliProcess';

const ROOT = resolve(__dirname, '../..');
const cli = useBuiltCli('cli');
const run = cli.run;
const repo = () => cli.repo();

test('declare creates the log under the git root, prints the id last; list/show read it back', () => {
  const dir = repo();
  mkdirSync(join(dir, 'src/deep'), { recursive: true });
  const d = run(join(dir, 'src/deep'), 'declare', '--title', 'Checkout down', '--severity', 'sev 1', '--commander', 'Ana', '--at', '2026-11-20T14:30:00Z');
  assert.equal(d.code, 0, d.err);
  assert.equal(d.out.trim().split('\n').at(-1), 'INC-2026-1120-001');
  const log = readFileSync(join(dir, 'docs/INCIDENT_LOG.md'), 'utf8');
  assert.ok(log.startsWith('# Incident Log\n\n## INC-2026-1120-001: Checkout down\n- **Severity:** SEV-1\n'));
  const second = run(dir, 'declare', '--title', 'Search slow', '--severity', 'SEV-3', '--at', '2026-11-20T15:00:00Z');
  assert.equal(second.out.trim(), 'INC-2026-1120-002');
  const list = run(dir, 'list', '--json');
  assert.equal(list.code, 0);
  const items = JSON.parse(list.out);
  assert.ok(Array.isArray(items));
  assert.deepEqual(items.map((i: { id: string }) => i.id), ['INC-2026-1120-002', 'INC-2026-1120-001']);
  const first = items[1];
  assert.equal(first.title, 'Checkout down');
  assert.equal(first.severity, 'SEV-1');
  assert.equal(first.status, 'Investigating');
  assert.equal(first.detected, '2026-11-20T14:30:00Z');
  assert.equal(first.resolved, null);
  assert.deepEqual(first.roles, { commander: 'Ana', techLead: null, commsLead: null });
  assert.deepEqual(first.timeline, [
    { at: '2026-11-20T14:30:00Z', text: 'Incident declared (SEV-1)', owner: 'Dana Reyes' },
    { at: '2026-11-20T14:30:00Z', text: 'Incident Commander: Ana', owner: 'Dana Reyes' },
  ]);
  assert.equal(typeof first.line, 'number');
  assert.equal(items[0].timeline[0].owner, 'Dana Reyes', 'owner defaults to git user.name');
  const filtered = JSON.parse(run(dir, 'list', '--json', '--severity', 'Sev 3').out);
  assert.deepEqual(filtered.map((i: { id: string }) => i.id), ['INC-2026-1120-002']);
  assert.deepEqual(JSON.parse(run(dir, 'list', '--json', '--status', 'resolved').out), []);
  const table = run(dir, 'list');
  assert.match(table.out, /INC-2026-1120-001 +SEV-1 +Investigating/);
  const show = run(dir, 'show', 'INC-2026-1120-001');
  assert.match(show.out, /Commander: Ana/);
  assert.match(show.out, /Checklist: 0\/13/, 'the 7 phases of the default playbook, 13 items');
});

test('log, set, resolve write the log; check reports problems with exit 1', () => {
  const dir = repo();
  run(dir, 'declare', '--title', 'API errors', '--severity', 'SEV-2', '--at', '2026-11-20T10:00:00Z');
  const id = 'INC-2026-1120-001';
  assert.equal(run(dir, 'log', id, 'Rolled', 'back', 'deploy', '--at', '2026-11-20T10:10:00Z').code, 0);
  assert.equal(run(dir, 'log', id, 'Paged DB team', '--owner', 'sam', '--at', '2026-11-20T10:12:00Z').code, 0);
  assert.equal(run(dir, 'set', id, 'severity', 'sev 1', '--at', '2026-11-20T10:14:00Z').code, 0);
  assert.equal(run(dir, 'set', id, 'tech-lead', 'Sam Okafor', '--at', '2026-11-20T10:15:00Z').code, 0);
  assert.equal(run(dir, 'set', id, 'Region', 'eu-west-1').code, 0);
  let inc = JSON.parse(run(dir, 'show', id, '--json').out);
  assert.equal(inc.severity, 'SEV-1');
  assert.equal(inc.roles.techLead, 'Sam Okafor');
  // `set` logs severity and role changes as the extension does, owned by the git user.
  assert.deepEqual(inc.timeline.slice(1).map((e: { text: string; owner: string }) => [e.text, e.owner]), [
    ['Rolled back deploy', 'Dana Reyes'],
    ['Paged DB team', 'sam'],
    ['Escalated: SEV-2 → SEV-1', 'Dana Reyes'],
    ['Technical Lead: Sam Okafor', 'Dana Reyes'],
  ]);
  const before = readFileSync(join(dir, 'docs/INCIDENT_LOG.md'), 'utf8');
  assert.ok(before.includes('- **Region:** eu-west-1\n'));

  const check = run(dir, 'check', '--json', '--now', '2026-11-20T11:00:00Z');
  assert.equal(check.code, 1);
  const codes = JSON.parse(check.out).map((p: { code: string }) => p.code);
  assert.deepEqual(codes, ['response-time-breach', 'update-overdue']);
  const human = run(dir, 'check', '--now', '2026-11-20T11:00:00Z');
  assert.match(human.out, /docs\/INCIDENT_LOG\.md:3: error: .*no incident commander for 1 h 00 min; the response time is 15 min/);

  assert.equal(run(dir, 'set', id, 'commander', 'Ana', '--at', '2026-11-20T11:20:00Z').code, 0);
  assert.equal(run(dir, 'resolve', id, '--at', '2026-11-20T11:30:00Z').code, 0);
  inc = JSON.parse(run(dir, 'show', id, '--json').out);
  assert.equal(inc.status, 'Resolved');
  assert.equal(inc.resolved, '2026-11-20T11:30:00Z');
  assert.equal(inc.timeline.at(-1).text, 'Incident resolved');
  const clean = run(dir, 'check', '--now', '2026-11-20T12:00:00Z');
  assert.equal(clean.code, 0);
  assert.match(clean.out, /No problems/);
});

test('bad usage and unknown things exit 2 with a message that names them, and write nothing', () => {
  const dir = repo();
  const missing = run(dir, 'list');
  assert.equal(missing.code, 2);
  assert.match(missing.err, /No incident log at .*docs\/INCIDENT_LOG\.md/);
  run(dir, 'declare', '--title', 'x', '--severity', 'SEV-3', '--at', '2026-11-20T10:00:00Z');
  const path = join(dir, 'docs/INCIDENT_LOG.md');
  const before = readFileSync(path, 'utf8');
  const cases: Array<[string[], RegExp]> = [
    [['show', 'INC-1999-0101-001'], /No incident "INC-1999-0101-001"/],
    [['log', 'NOPE-1', 'text'], /No incident "NOPE-1"/],
    [['set', 'INC-2026-1120-001', 'severity', 'SEV-9'], /Unknown severity "SEV-9" \(the policy has SEV-1, SEV-2, SEV-3\)/],
    [['set', 'INC-2026-1120-001', 'status', 'Sleeping'], /Unknown status "Sleeping"/],
    [['declare', '--title', 'y', '--severity', 'P7'], /Unknown severity "P7"/],
    [['declare', '--severity', 'SEV-1'], /declare needs a title/],
    [['declare', 'A', '--title', 'B', '--severity', 'SEV-1'], /Give the title once/],
    [['log', 'INC-2026-1120-001', 'x', '--at', 'yesterday'], /--at "yesterday" is not a date-time/],
    [['list', '--severity', 'huge'], /Unknown severity "huge"/],
    [['frobnicate'], /Unknown command "frobnicate"/],
    [['list', '--colour'], /Unknown option '--colour'/],
    [['show'], /Usage: incident show ID/],
  ];
  for (const [args, message] of cases) {
    const r = run(dir, ...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, message, args.join(' '));
  }
  assert.equal(readFileSync(path, 'utf8'), before, 'nothing was written');
  assert.equal(run(dir, '--help').code, 0);
});

test('a log with conflict markers is reported and never written', () => {
  const dir = repo();
  mkdirSync(join(dir, 'docs'));
  const text = '# Log\n\n## INC-2026-0101-001: A\n<<<<<<< HEAD\n- **Status:** Investigating\n=======\n- **Status:** Resolved\n>>>>>>> main\n';
  writeFileSync(join(dir, 'docs/INCIDENT_LOG.md'), text);
  const r = run(dir, 'log', 'INC-2026-0101-001', 'note');
  assert.equal(r.code, 2);
  assert.match(r.err, /conflict markers \(line 4\)/);
  const c = run(dir, 'check');
  assert.equal(c.code, 1);
  assert.match(c.out, /:4: error: .*conflict markers/);
  // No review draft either: it could not be linked from the log.
  const review = run(dir, 'review', 'INC-2026-0101-001');
  assert.equal(review.code, 2);
  assert.match(review.err, /conflict markers/);
  assert.equal(existsSync(join(dir, 'docs/pir')), false);
  assert.equal(readFileSync(join(dir, 'docs/INCIDENT_LOG.md'), 'utf8'), text);
});

test('binary, invalid UTF-8 and directory logs get a clear message', () => {
  const dir = repo();
  writeFileSync(join(dir, 'bin.md'), Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02]));
  writeFileSync(join(dir, 'latin1.md'), Buffer.from([0x23, 0x20, 0xe9, 0x0a]));
  assert.match(run(dir, 'list', '--log', 'bin.md').err, /bin\.md is a binary file/);
  assert.match(run(dir, 'list', '--log', 'latin1.md').err, /latin1\.md is not valid UTF-8/);
  assert.match(run(dir, 'list', '--log', '.').err, /is a directory/);
});

test('CRLF + BOM logs keep every byte outside the new line', () => {
  const dir = repo();
  const src = readFileSync(join(FIXTURES, 'crlf-bom.md'));
  writeFileSync(join(dir, 'log.md'), src);
  assert.equal(run(dir, 'log', '--log', 'log.md', 'INC-2026-0302-001', 'Recovered', '--at', '2026-03-02T10:00:00Z', '--owner', 'ana').code, 0);
  const after = readFileSync(join(dir, 'log.md'));
  const added = Buffer.from('- 2026-03-02 10:00 UTC — Recovered (@ana)\r\n');
  assert.equal(Buffer.compare(after, Buffer.concat([src, added])), 0);
});

test('linked per-incident files and table rows are written where they live', () => {
  const dir = repo();
  cpSync(FIXTURES, join(dir, 'logs'), { recursive: true });
  const linked = join(dir, 'logs/incidents/2026-03-04-db-failover.md');
  const before = readFileSync(linked, 'utf8');
  const indexBefore = readFileSync(join(dir, 'logs/index-table.md'), 'utf8');
  assert.equal(run(dir, 'log', '--log', 'logs/index-table.md', 'INC-2026-0304-001', 'Volume replaced', '--at', '2026-03-04T04:00:00Z', '--owner', 'olu').code, 0);
  assert.equal(readFileSync(linked, 'utf8'), before + '- 2026-03-04 04:00 UTC — Volume replaced (@olu)\n');
  assert.equal(run(dir, 'set', '--log', 'logs/index-table.md', 'INC-2026-0304-001', 'severity', 'SEV-2').code, 0);
  assert.ok(readFileSync(linked, 'utf8').includes('\nseverity: SEV-2\n'));
  assert.equal(readFileSync(join(dir, 'logs/index-table.md'), 'utf8'), indexBefore, 'the index table is untouched');
  writeFileSync(join(dir, '.incident-placeholder'), '');
  mkdirSync(join(dir, '.incident'));
  writeFileSync(join(dir, '.incident/playbook.yml'), 'preset: p1-p4\n');
  assert.equal(run(dir, 'set', '--log', 'logs/table-rows.md', 'OPS-97', 'status', 'resolved').code, 0);
  assert.ok(readFileSync(join(dir, 'logs/table-rows.md'), 'utf8').includes('| OPS-97 | P3 | Slow reports page | Resolved | |'));
  const refused = run(dir, 'log', '--log', 'logs/table-rows.md', 'OPS-97', 'x');
  assert.equal(refused.code, 2);
  assert.match(refused.err, /row of a table on line 7/);
});

test('the team playbook is read; a broken one is named with its line', () => {
  const dir = repo();
  mkdirSync(join(dir, '.incident'));
  writeFileSync(join(dir, '.incident/playbook.yml'), 'preset: p1-p4\n');
  const d = run(dir, 'declare', '--title', 'Feed down', '--severity', 'p1', '--at', '2026-11-20T10:00:00Z');
  assert.equal(d.code, 0, d.err);
  assert.equal(JSON.parse(run(dir, 'list', '--json').out)[0].severity, 'P1');
  assert.equal(run(dir, 'check', '--now', '2026-11-20T10:16:00Z').code, 1, 'P1 updates are due every 15 minutes');
  writeFileSync(join(dir, '.incident/playbook.yml'), 'preset: p1-p4\nseverities:\n  - id: P1\n    updates: often\n');
  const bad = run(dir, 'list');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /playbook\.yml: line 4: severities\.0\.updates: "often" is not a duration/);
});

test('review drafts pir/ID.md beside the log, links it from the incident, and never overwrites it', () => {
  const dir = repo();
  run(dir, 'declare', '--title', 'Cart totals wrong', '--severity', 'SEV-2', '--commander', 'Lee', '--at', '2026-11-20T10:00:00Z');
  const id = 'INC-2026-1120-001';
  run(dir, 'log', id, 'Coupon cache flushed', '--at', '2026-11-20T10:20:00Z', '--owner', 'sam');
  run(dir, 'resolve', id, '--at', '2026-11-20T11:00:00Z');
  const r = run(dir, 'review', id);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out.trim().split('\n').pop(), join('docs', 'pir', `${id}.md`));
  const review = readFileSync(join(dir, 'docs/pir', `${id}.md`), 'utf8');
  assert.match(review, /^---\nincident: "INC-2026-1120-001"\n/);
  assert.match(review, /^review_due: "2026-11-25"$/m);
  assert.match(review, /^\| 2026-11-20 10:20 UTC \| Coupon cache flushed \(@sam\) \| {2}\|$/m, 'the timeline table, prefilled');
  assert.match(review, /^duration: "1 h 00 min"$/m);
  assert.match(review, /\(\.\.\/INCIDENT_LOG\.md#inc-2026-1120-001-cart-totals-wrong\)/);
  const log = readFileSync(join(dir, 'docs/INCIDENT_LOG.md'), 'utf8');
  assert.ok(log.includes(`- **Review:** [pir/${id}.md](pir/${id}.md)\n`), log);
  // Again: the draft (with the reviewer's edits) and the log stay as they are.
  writeFileSync(join(dir, 'docs/pir', `${id}.md`), `${review}Notes.\n`);
  const again = run(dir, 'review', id);
  assert.equal(again.code, 0);
  assert.match(again.err, /already exists/);
  assert.equal(readFileSync(join(dir, 'docs/pir', `${id}.md`), 'utf8'), `${review}Notes.\n`);
  assert.equal(readFileSync(join(dir, 'docs/INCIDENT_LOG.md'), 'utf8'), log);
  assert.equal(run(dir, 'review', 'INC-1999-0101-001').code, 2);
});

test('review uses .incident/templates/pir.md; check reports the review’s overdue action items', () => {
  const dir = repo();
  mkdirSync(join(dir, '.incident/templates'), { recursive: true });
  writeFileSync(join(dir, '.incident/templates/pir.md'), '---\nteam: payments\n---\n# Our PIR\n\n## Timeline\n\n| When | What happened |\n|---|---|\n\n## Action items\n\nOwners please.\n');
  run(dir, 'declare', '--title', 'Cart totals wrong', '--severity', 'SEV-2', '--commander', 'Lee', '--at', '2026-11-20T10:00:00Z');
  const id = 'INC-2026-1120-001';
  run(dir, 'resolve', id, '--at', '2026-11-20T11:00:00Z');
  assert.equal(run(dir, 'review', id).code, 0);
  const path = join(dir, 'docs/pir', `${id}.md`);
  const review = readFileSync(path, 'utf8');
  assert.ok(review.startsWith('---\nteam: payments\nincident: "INC-2026-1120-001"\n'), review);
  assert.match(review, /^# Our PIR$/m);
  assert.match(review, /^\| 2026-11-20 10:00 UTC \| Incident declared \(SEV-2\) \(Dana Reyes\) \|$/m);
  assert.ok(!review.includes('## Root cause'), 'the template replaces the built-in sections');
  assert.match(review, /Owners please\.\n\n\| Action \| Owner \| Due date \| Status \|/);
  writeFileSync(path, review.replace('| --- | --- | --- | --- |', '| --- | --- | --- | --- |\n| Add a coupon test \\| now | Sam | 2026-11-24 | Open |\n| Done one | Lee | 2026-11-21 | Done |'));
  const check = run(dir, 'check', '--json', '--now', '2026-11-25T09:00:00Z');
  const overdue = JSON.parse(check.out).filter((p: { code: string }) => p.code === 'overdue-action-item');
  assert.equal(overdue.length, 1, check.out);
  assert.equal(overdue[0].file, `pir/${id}.md`);
  assert.equal(overdue[0].incidentId, id);
  assert.match(overdue[0].message, /Add a coupon test \| now.*was due 2026-11-24/);
  const human = run(dir, 'check', '--now', '2026-11-25T09:00:00Z');
  assert.match(human.out, new RegExp(`docs/pir/${id}\\.md:\\d+: warning: .*\\[overdue-action-item\\]`));
  assert.ok(!run(dir, 'check', '--json', '--now', '2026-11-24T22:00:00Z').out.includes('overdue-action-item'), 'due today is not overdue');
});

test('--version prints the package version from the bundle alone', () => {
  const dir = repo();
  const r = run(dir, '--version');
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out.trim(), JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  // The bundle reads no package.json: a copy of it on its own prints the same.
  const lone = cli.tempDir('incident-cli-lone-');
  cpSync(cli.build, lone, { recursive: true });
  const copy = spawnSync(process.execPath, [join(lone, 'cli.js'), '--version'], { cwd: dir, encoding: 'utf8' });
  assert.equal(copy.stdout, r.out);
});

test('declare takes the title as words; list --status open means every active incident', () => {
  const dir = repo();
  const d = run(dir, 'declare', 'Checkout down', '--severity', 'SEV-1', '--at', '2026-11-20T14:30:00Z');
  assert.equal(d.code, 0, d.err);
  assert.equal(d.out.trim(), 'INC-2026-1120-001');
  assert.equal(run(dir, 'declare', 'Search', 'slow', '--severity', 'SEV-3', '--at', '2026-11-20T15:00:00Z').code, 0);
  assert.equal(run(dir, 'declare', '--title', 'Old outage', '--severity', 'SEV-2', '--at', '2026-11-19T09:00:00Z').code, 0);
  assert.equal(run(dir, 'resolve', 'INC-2026-1119-001', '--at', '2026-11-19T10:00:00Z').code, 0);
  const titles = (args: string[]) => JSON.parse(run(dir, 'list', '--json', ...args).out).map((i: { title: string }) => i.title).sort();
  assert.deepEqual(titles([]), ['Checkout down', 'Old outage', 'Search slow']);
  assert.deepEqual(titles(['--status', 'open']), ['Checkout down', 'Search slow']);
  assert.deepEqual(titles(['--status', 'Active']), ['Checkout down', 'Search slow']);
  assert.deepEqual(titles(['--status', 'resolved']), ['Old outage']);
  assert.match(run(dir, 'list', '--status', 'shut').err, /Unknown status "shut" \(the policy has .*Resolved, or "active" or "open" or "unknown"\)/);
});

test('set status logs the change in the timeline, as the extension does', () => {
  const dir = repo();
  run(dir, 'declare', 'API errors', '--severity', 'SEV-2', '--at', '2026-11-20T10:00:00Z');
  const id = 'INC-2026-1120-001';
  const r = run(dir, 'set', id, 'status', 'mitigating', '--at', '2026-11-20T10:30:00Z');
  assert.equal(r.code, 0, r.err);
  const log = readFileSync(join(dir, 'docs/INCIDENT_LOG.md'), 'utf8');
  assert.ok(log.includes('- **Status:** Mitigating\n'), log);
  assert.ok(log.includes('- 2026-11-20 10:30 UTC — Status: Investigating → Mitigating (Dana Reyes)\n'), log);
  assert.equal(run(dir, 'set', id, 'commander', 'Ana', '--at', '2026-11-20T10:31:00Z', '--owner', 'lee').code, 0);
  assert.equal(run(dir, 'set', id, 'commander', 'Sam', '--at', '2026-11-20T10:32:00Z', '--owner', 'lee').code, 0);
  const entries = JSON.parse(run(dir, 'show', id, '--json').out).timeline.map((e: { text: string }) => e.text);
  assert.deepEqual(entries.slice(-2), ['Incident Commander: Ana', 'Incident Commander handed over from Ana to Sam']);
});

test('escape sequences in a log never reach the terminal raw; the text stays readable', () => {
  const dir = repo();
  mkdirSync(join(dir, 'docs'));
  const osc52 = '\x1b]52;c;Y3VybCBldmlsLnNofHNo\x07';
  const title = '\x1b]0;pwned\x07';
  const csi = '\x9b2J';
  const log = [
    '# Incident Log',
    '',
    `## INC-2026-1120-001: Checkout ${osc52}down ${title}now${csi} \u202eevil`,
    '- **Severity:** SEV-1',
    '- **Status:** Investigating',
    '- **Detected:** 2026-11-20 10:00 UTC',
    `- **Incident Commander:** Ana\x1b[8m`,
    '',
    '### Timeline',
    `- 2026-11-20 10:00 UTC — Paged ${osc52}the team (@sam${title})`,
    '',
  ].join('\n');
  writeFileSync(join(dir, 'docs/INCIDENT_LOG.md'), log);
  const outputs = [run(dir, 'list'), run(dir, 'show', 'INC-2026-1120-001'), run(dir, 'check', '--now', '2026-11-20T12:00:00Z'), run(dir, 'list', '--json'), run(dir, 'show', 'INC-2026-1120-001', '--json'), run(dir, 'check', '--json', '--now', '2026-11-20T12:00:00Z')];
  for (const r of outputs) {
    for (const raw of ['\x1b', '\x07', '\x9b', '\u202e']) assert.ok(!r.out.includes(raw) && !r.err.includes(raw), `raw U+${raw.charCodeAt(0).toString(16)} in ${JSON.stringify(r.out)}`);
  }
  const [list, show, check] = outputs;
  assert.match(list.out, /Checkout ␛\]52;c;Y3VybCBldmlsLnNofHNo␇down ␛\]0;pwned␇now␛\[2J evil/);
  assert.match(show.out, /Commander: Ana␛\[8m/);
  assert.match(show.out, /Paged ␛\]52;c;Y3VybCBldmlsLnNofHNo␇the team \(@sam␛\]0;pwned␇\)/);
  assert.match(check.out, /INC-2026-1120-001 \(SEV-1\) status update is overdue/);
  // JSON stays the same data: the escapes parse back to the characters the log holds.
  assert.equal(JSON.parse(outputs[3].out)[0].title, `Checkout ${osc52}down ${title}now${csi} \u202eevil`);
  assert.equal(JSON.parse(outputs[4].out).timeline[0].owner, `sam${title}`);
});

// `incident health`, `incident runbook` and `incident init` (core/health/healthChecks.ts, core/health/healthRun.ts).
function demoRepo(): string {
  const dir = repo();
  cpSync(join(ROOT, 'samples/demo'), dir, { recursive: true });
  return dir;
}

test('health on the demo playbook: a table, exit 1 (payment-webhooks fails), logged only when the incident is clear', () => {
  const dir = demoRepo();
  const before = readFileSync(join(dir, 'docs/INCIDENT_LOG.md'), 'utf8');
  const r = run(dir, 'health');
  assert.equal(r.code, 1, r.err);
  assert.match(r.out, /^CHECK +RESULT +EXIT +TIME +OUTPUT\n/);
  assert.match(r.out, /checkout-api +PASS +0 +\d+ ms +checkout-api: OK/);
  assert.match(r.out, /payment-webhooks +FAIL +1 +\d+ ms +payment-webhooks: UNHEALTHY/);
  assert.match(r.err, /Not logged: 2 incidents are active/);
  assert.equal(readFileSync(join(dir, 'docs/INCIDENT_LOG.md'), 'utf8'), before, 'nothing written');

  const one = run(dir, 'health', 'checkout-api', '--incident', 'INC-2026-1121-001', '--owner', 'sam');
  assert.equal(one.code, 0, one.err);
  const logged = run(dir, 'health', '--incident', 'INC-2026-1121-001', '--owner', 'sam');
  assert.equal(logged.code, 1);
  const show = JSON.parse(run(dir, 'show', 'INC-2026-1121-001', '--json').out);
  const texts: string[] = show.timeline.map((e: { text: string }) => e.text);
  assert.match(texts.at(-4) ?? '', /^Health check checkout-api: PASS \(exit 0, \d+ ms\) — output: checkout-api: OK \(error rate 0\.004, p95 310 ms\)$/);
  assert.match(texts.at(-3) ?? '', /^Health check checkout-api: PASS/);
  assert.match(texts.at(-2) ?? '', /^Health check payment-webhooks: FAIL \(exit 1, \d+ ms\) — output: payment-webhooks: UNHEALTHY \(queue 31250 messages/);
  assert.equal(texts.at(-1), 'Health checks: 1 of 2 passed (payment-webhooks FAIL)');
  assert.equal(show.timeline.at(-1).owner, 'sam');

  const json = JSON.parse(run(dir, 'health', '--json', '--no-log', 'payment-webhooks').out);
  assert.deepEqual(json.results.map((x: { name: string; status: string; exitCode: number }) => [x.name, x.status, x.exitCode]), [['payment-webhooks', 'fail', 1]]);
  assert.equal(json.loggedTo, null);
});

test('health: unknown names and bad flags are usage errors (exit 2); a single active incident is logged to', () => {
  const dir = demoRepo();
  const unknown = run(dir, 'health', 'checkout-api', 'nope');
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /No health check "nope" in the playbook \(there are: checkout-api, payment-webhooks\)/);
  assert.equal(run(dir, 'health', '--incident', 'INC-1999-0101-001').code, 2);
  assert.equal(run(dir, 'health', '--incident', 'INC-2026-1121-001', '--no-log').code, 2);
  assert.equal(run(dir, 'set', 'INC-2026-1120-001', 'status', 'Resolved', '--at', '2026-11-21T01:00:00Z').code, 0);
  const r = run(dir, 'health', 'checkout-api');
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /Logged the result to INC-2026-1121-001/);
  const none = repo();
  const empty = run(none, 'health');
  assert.equal(empty.code, 2);
  assert.match(empty.err, /declares no healthChecks/);
});

test('health: failing, slow and noisy checks; the slow one is killed at its timeout with its children; no secret reaches the log or the terminal', async () => {
  const { SECRET_SAMPLES, NOISY_OUTPUT } = await import('./secretSamples');
  const dir = repo();
  mkdirSync(join(dir, '.incident'), { recursive: true });
  mkdirSync(join(dir, 'checks'), { recursive: true });
  writeFileSync(join(dir, 'checks/noisy.txt'), NOISY_OUTPUT);
  writeFileSync(
    join(dir, '.incident/playbook.yml'),
    [
      'healthChecks:',
      '  - name: failing',
      '    run: |',
      '      echo "db unreachable" >&2',
      '      exit 3',
      '  - name: slow',
      '    run: (sleep 30; echo late) & echo $! > slow.pid; sleep 30',
      '    cwd: checks',
      '    timeout: 1s',
      '  - name: noisy',
      '    run: cat noisy.txt',
      '    cwd: checks',
      '    capture: true',
      '',
    ].join('\n'),
  );
  assert.equal(run(dir, 'declare', 'Checkout down', '--severity', 'SEV-1', '--at', '2026-11-20T14:30:00Z').code, 0);
  const started = Date.now();
  const r = run(dir, 'health');
  assert.equal(r.code, 1, r.err);
  assert.ok(Date.now() - started < 15_000, 'the slow check did not hold the run');
  assert.match(r.out, /failing +FAIL +3 .*db unreachable/);
  assert.match(r.out, /slow +TIMEOUT +- +1\.\d s/);
  assert.match(r.out, /noisy +PASS +0 /);
  const pid = Number(readFileSync(join(dir, 'checks/slow.pid'), 'utf8'));
  let alive = true;
  try {
    process.kill(pid, 0);
    alive = !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    alive = false;
  }
  assert.equal(alive, false, 'the slow check’s background child was killed');
  const log = readFileSync(join(dir, 'docs/INCIDENT_LOG.md'), 'utf8');
  assert.match(log, /Health check failing: FAIL \(exit 3, \d+ ms\) \(Dana Reyes\)\n/);
  assert.match(log, /Health check slow: TIMEOUT \(timed out after 1\.\d s\)/);
  assert.match(log, /Health check noisy: PASS \(exit 0, \d+ ms\) — output: .*REDACTED/);
  assert.match(log, /Health checks: 1 of 3 passed \(failing FAIL, slow TIMEOUT\)/);
  for (const { kind, secret } of SECRET_SAMPLES) {
    assert.ok(!log.includes(secret), `${kind} in the log`);
    assert.ok(!r.out.includes(secret) && !r.err.includes(secret), `${kind} on the terminal`);
  }
  const json = run(dir, 'health', 'noisy', '--json', '--no-log');
  for (const { kind, secret } of SECRET_SAMPLES) assert.ok(!json.out.includes(secret), `${kind} in --json`);
});

test('runbook: lists, prints steps, runs one with validated parameters; a dangerous step needs --yes', () => {
  const dir = demoRepo();
  assert.match(run(dir, 'runbook').out, /payment-webhooks +Payment webhook backlog \(SEV-2\), 4 steps/);
  const steps = run(dir, 'runbook', 'payment-webhooks');
  assert.equal(steps.code, 0);
  assert.match(steps.out, /4\. Scale the webhook dispatcher {2}\[dangerous: needs --yes\]\n {5}\$ echo "Scaling/);
  const refused = run(dir, 'runbook', 'payment-webhooks', '--run', '4', '--param', 'REPLICAS=3', '--no-log');
  assert.equal(refused.code, 2);
  assert.match(refused.err, /Step 4 \(Scale the webhook dispatcher\) is dangerous\. It runs:\n\n {2}echo "Scaling webhook-dispatcher to \$REPLICAS replicas \(demo; nothing changes\)"\n\nRun it again with --yes/);
  const injected = run(dir, 'runbook', 'payment-webhooks', '--run', '4', '--param', 'REPLICAS=3; touch pwned', '--yes', '--no-log');
  assert.equal(injected.code, 2);
  assert.match(injected.err, /REPLICAS must match/);
  assert.equal(existsSync(join(dir, 'pwned')), false);
  const ran = run(dir, 'runbook', 'payment-webhooks', '--run', '4', '--param', 'REPLICAS=3', '--yes', '--incident', 'INC-2026-1121-001');
  assert.equal(ran.code, 0, ran.err);
  assert.match(ran.out, /Scaling webhook-dispatcher to 3 replicas/);
  assert.match(readFileSync(join(dir, 'docs/INCIDENT_LOG.md'), 'utf8'), /Runbook step payment-webhooks #4 Scale the webhook dispatcher: PASS \(exit 0, \d+ ms\)/);
  assert.equal(run(dir, 'runbook', 'payment-webhooks', '--run', '1', '--no-log').code, 1, 'the step fails as the check does');
  assert.equal(run(dir, 'runbook', 'payment-webhooks', '--run', '9').code, 2);
  assert.equal(run(dir, 'runbook', 'nope').code, 2);
});

test('init writes the commented playbook with four runbooks once, and never overwrites', () => {
  const dir = repo();
  const r = run(dir, 'init');
  assert.equal(r.code, 0, r.err);
  const path = join(dir, '.incident/playbook.yml');
  const text = readFileSync(path, 'utf8');
  assert.match(text, /^# /);
  assert.match(text, /\$APP_URL/);
  assert.match(text, /\$DATABASE_URL/);
  assert.match(run(dir, 'runbook').out, /website-outage +Website outage \(P1\), \d+ steps\ndatabase-issues +Database issues.*\nsecurity-incident +Security incident.*\nperformance-issues +Performance issues/);
  writeFileSync(path, 'preset: sev\n');
  const again = run(dir, 'init');
  assert.equal(again.code, 0);
  assert.match(again.err, /already exists; it was left as it is/);
  assert.equal(readFileSync(path, 'utf8'), 'preset: sev\n');
});

test('list shows an unknown status as unknown, never active; check says it once per log, with the preset as info', () => {
  const dir = repo();
  mkdirSync(join(dir, 'docs'), { recursive: true });
  cpSync(join(FIXTURES, 'status/history-table.md'), join(dir, 'docs/INCIDENT_LOG.md'));
  const list = run(dir, 'list');
  assert.equal(list.code, 0, list.err);
  const lines = list.out.trim().split('\n');
  assert.equal(lines.length, 6);
  assert.match(lines.find((l) => l.includes('Typo in status page')) ?? '', /P4\s+unknown\s+2026-04-18/);
  assert.match(list.err, /read with the P1\.\.P4 preset \(P0 above P1\)/);
  assert.equal(run(dir, 'list', '--status', 'active').out.trim(), 'No incidents.');
  const unknown = JSON.parse(run(dir, 'list', '--json', '--status', 'unknown').out) as Array<{ title: string; status: string; state: string }>;
  assert.deepEqual(unknown.map((i) => [i.title, i.status, i.state]), [
    ['Typo in status page', 'unknown', 'unknown'],
    ['Intermittent websocket drops', 'unknown', 'unknown'],
  ]);
  const resolved = JSON.parse(run(dir, 'list', '--json', '--status', 'resolved').out) as Array<{ severity: string; statusFrom?: string }>;
  assert.deepEqual(resolved.map((i) => i.severity), ['P2', 'P1', 'P3', 'P0']);
  assert.equal(resolved[0].statusFrom, 'TTR: 38 min');
  const check = run(dir, 'check', '--now', '2026-12-01T00:00:00Z');
  assert.equal(check.code, 1, 'the unknown statuses are worth fixing');
  assert.equal(check.out.match(/\[unknown-status\]/g)?.length, 1, check.out);
  assert.match(check.out, /INCIDENT_LOG\.md:1: info: No playbook: .*P1\.\.P4 preset .*\[severity-preset\]/);
  assert.doesNotMatch(check.out, /missing-severity/);
});

test('show keeps the words after a status or severity, and the approximation of a time', () => {
  const dir = repo();
  mkdirSync(join(dir, 'docs'), { recursive: true });
  cpSync(join(FIXTURES, 'status/written-statuses.md'), join(dir, 'docs/INCIDENT_LOG.md'));
  const leak = run(dir, 'show', 'INC-2026-0802-001');
  assert.equal(leak.code, 0, leak.err);
  assert.match(leak.out, /Severity: {2}SEV-1 \(Critical - Credentials Exposed\)/);
  assert.match(leak.out, /Status: {4}Identified \(pending fix from the provider\)/);
  const webhooks = run(dir, 'show', 'INC-2026-0828-002');
  assert.match(webhooks.out, /Detected: {2}~2026-08-28T08:15:00Z/);
  const disk = run(dir, 'show', 'INC-2026-0705-001');
  assert.match(disk.out, /Status: {4}unknown \(no status written, nothing says it ended\)/);
  // Only INC-2026-0802-001 is still worked.
  assert.deepEqual(JSON.parse(run(dir, 'list', '--json', '--status', 'open').out).map((i: { id: string }) => i.id), ['INC-2026-0802-001']);
});

test('init beside an existing log proposes a playbook listing what the log writes, and never overwrites', () => {
  const dir = repo();
  mkdirSync(join(dir, 'docs'), { recursive: true });
  cpSync(join(FIXTURES, 'status/history-table.md'), join(dir, 'docs/INCIDENT_LOG.md'));
  const r = run(dir, 'init');
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /map the ones marked UNKNOWN/);
  const path = join(dir, '.incident/playbook.yml');
  const text = readFileSync(path, 'utf8');
  assert.match(text, /Proposed from docs\/INCIDENT_LOG\.md \(6 incidents read\)/);
  assert.match(text, /^preset: p0-p4$/m);
  assert.match(text, /^# {3}Root cause \(6×\) → UNKNOWN/m);
  // The playbook now holds the preset: check no longer says it was guessed.
  const check = run(dir, 'check', '--now', '2026-12-01T00:00:00Z');
  assert.doesNotMatch(check.out, /severity-preset/);
  assert.doesNotMatch(check.out, /missing-severity/);
  writeFileSync(path, 'preset: sev\n');
  assert.match(run(dir, 'init').err, /already exists; it was left as it is/);
  assert.equal(readFileSync(path, 'utf8'), 'preset: sev\n');
});
