// Several logs read as one (`--log` repeated or a glob) by list, metrics and statuspage: the glob
// matcher, the service each log is shown with, and the figures and page of several logs equal to
// those of their parts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LogPatternError, expandLogPattern, resolveLogs, segmentMatches, serviceOfLog } from '../../src/core/log/logGlob';
import { defaultPolicy } from '../../src/core/playbook/policy';
import { loadPolicy } from '../../src/core/playbook/playbook';
import { useBuiltCli } from './cliProcess';

const cli = useBuiltCli('many-logs');
const FIXTURE = resolve(__dirname, '../fixtures/statuspage/repo');
const NOW = '2026-11-21T12:00:00Z';

/** An incident of the second service with the same id as one of the first's, announced on the status page. */
const DUPLICATE = `
## INC-2026-1121-001: Search index rebuild stalled
- **Severity:** SEV-2
- **Status:** Resolved
- **Detected:** 2026-11-21 01:00 UTC
- **Resolved:** 2026-11-21 03:30 UTC
- **Incident Commander:** Wei Chen
- **Affected:** search, email

### Timeline
- 2026-11-21 01:00 UTC — Rebuild job stuck at 40% (@wei)
- 2026-11-21 01:10 UTC — Status page: "Search results may be out of date" posted (@wei)
- 2026-11-21 02:00 UTC — Status: Investigating → Identified (@wei)
- 2026-11-21 03:30 UTC — Status: Identified → Resolved (@wei)
`;

/**
 * A monorepo: services/a (the status page fixture's log, under the root playbook) and
 * services/b (another log with its own playbook: `service: search-team`, Europe/Berlin, its own
 * components), sharing an incident id.
 */
function monorepo(): string {
  const root = cli.repo('incident-many-');
  cpSync(join(FIXTURE, '.incident'), join(root, '.incident'), { recursive: true });
  cpSync(join(FIXTURE, 'docs'), join(root, 'services/a/docs'), { recursive: true });
  const ops = readFileSync(resolve(__dirname, '../fixtures/workspaces/multiroot/ops/docs/INCIDENT_LOG.md'), 'utf8');
  mkdirSync(join(root, 'services/b/docs'), { recursive: true });
  mkdirSync(join(root, 'services/b/.incident'), { recursive: true });
  writeFileSync(join(root, 'services/b/docs/INCIDENT_LOG.md'), ops.replace('# Incident Log\n', `# Incident Log\n${DUPLICATE}`));
  writeFileSync(
    join(root, 'services/b/.incident/playbook.yml'),
    'preset: sev\ntimeZone: Europe/Berlin\nservice: search-team\ncomponents:\n  - id: search\n    name: Search\n  - id: email\n    name: Email\n',
  );
  return root;
}

const A = 'services/a/docs/INCIDENT_LOG.md';
const B = 'services/b/docs/INCIDENT_LOG.md';

function ok(cwd: string, ...args: string[]): string {
  const r = cli.run(cwd, ...args);
  assert.equal(r.code, 0, `${args.join(' ')}: ${r.err}`);
  return r.out;
}

test('segments match * and ? within a name, never a leading dot unless the pattern has one, in linear time', () => {
  assert.ok(segmentMatches('*', 'payments'));
  assert.ok(segmentMatches('svc-??', 'svc-07'));
  assert.ok(!segmentMatches('svc-??', 'svc-7'));
  assert.ok(segmentMatches('*.md', 'INCIDENT_LOG.md'));
  assert.ok(!segmentMatches('*', '.git'));
  assert.ok(segmentMatches('.*', '.hidden'));
  assert.ok(!segmentMatches('*a*a*a*a*a*a*b', 'a'.repeat(5000)));
  const t0 = performance.now();
  for (let i = 0; i < 20; i++) segmentMatches('*a*a*a*a*a*a*a*a*b', 'a'.repeat(5000));
  assert.ok(performance.now() - t0 < 2000, 'a pathological pattern takes polynomial, not exponential, time');
});

test('globs: * and ** expand inside the repository, sorted; repeated --log keeps its order, each log once', () => {
  const root = monorepo();
  mkdirSync(join(root, 'services/c/nested/docs'), { recursive: true });
  writeFileSync(join(root, 'services/c/nested/docs/INCIDENT_LOG.md'), '# Incident Log\n');
  mkdirSync(join(root, 'node_modules/pkg/docs'), { recursive: true });
  writeFileSync(join(root, 'node_modules/pkg/docs/INCIDENT_LOG.md'), '# Incident Log\n');
  const rel = (paths: string[]) => paths.map((p) => p.slice(root.length + 1).split('\\').join('/'));
  assert.deepEqual(rel(expandLogPattern('services/*/docs/INCIDENT_LOG.md', root, root)), [A, B]);
  assert.deepEqual(rel(expandLogPattern('**/docs/INCIDENT_LOG.md', root, root)), [A, B, 'services/c/nested/docs/INCIDENT_LOG.md']);
  assert.deepEqual(rel(expandLogPattern('services/?/docs/*.md', root, root)), [A, B]);
  // From a sub-folder, relative to it.
  assert.deepEqual(rel(expandLogPattern('*/docs/INCIDENT_LOG.md', join(root, 'services'), root)), [A, B]);
  assert.deepEqual(rel(resolveLogs([B, 'services/*/docs/INCIDENT_LOG.md'], root)), [B, A]);
  assert.throws(() => expandLogPattern('services/*/docs/NOPE.md', root, root), (e: Error) => e instanceof LogPatternError && /matches no file in services/.test(e.message));
  assert.throws(() => expandLogPattern('../*/docs/INCIDENT_LOG.md', root, root), (e: Error) => e instanceof LogPatternError && /outside the repository/.test(e.message));
});

test('globs never follow a symbolic link out of the repository, nor match a FIFO', (t) => {
  if (process.platform === 'win32') return t.skip('symbolic links and FIFOs');
  const root = monorepo();
  const outside = cli.tempDir('incident-many-outside-');
  mkdirSync(join(outside, 'docs'), { recursive: true });
  writeFileSync(join(outside, 'docs/INCIDENT_LOG.md'), '# Incident Log\n\n## INC-9999-0101-001: secret\n');
  symlinkSync(outside, join(root, 'services/leak'));
  // A link that stays inside is followed (each real folder once per pattern position).
  symlinkSync(join(root, 'services/a'), join(root, 'services/alias'));
  mkdirSync(join(root, 'services/f/docs'), { recursive: true });
  execFileSync('mkfifo', [join(root, 'services/f/docs/INCIDENT_LOG.md')]);
  const found = expandLogPattern('services/*/docs/INCIDENT_LOG.md', root, root).map((p) => p.slice(root.length + 1));
  assert.deepEqual(found, [A, B], 'the link inside is the same log as services/a; the link out and the FIFO are not matched');
  const deep = expandLogPattern('**/INCIDENT_LOG.md', root, root).map((p) => p.slice(root.length + 1));
  assert.deepEqual(deep, [A, B]);
  const r = cli.run(root, 'list', '--log', 'services/*/docs/INCIDENT_LOG.md');
  assert.equal(r.code, 0, r.err);
  assert.doesNotMatch(r.out, /secret|INC-9999/);
});

test('a service is the playbook’s service:, else the log’s folder without a last docs/, else the repository’s name', () => {
  assert.equal(serviceOfLog('/r/services/payments/docs/INCIDENT_LOG.md', '/r', defaultPolicy()), 'services/payments');
  assert.equal(serviceOfLog('/r/ops/LOG.md', '/r', defaultPolicy()), 'ops');
  assert.equal(serviceOfLog('/r/payments/docs/INCIDENT_LOG.md', '/r/payments', defaultPolicy()), 'payments');
  assert.equal(serviceOfLog('/r/services/payments/docs/INCIDENT_LOG.md', '/r', loadPolicy('service: Payments API\n')), 'Payments API');
});

test('list: one log lists as always (no service); several add a SERVICE column and a service key, duplicate ids included', () => {
  const root = monorepo();
  const one = ok(root, 'list', '--log', A);
  assert.equal(ok(root, 'list', '--log', 'services/a/*/INCIDENT_LOG.md'), one, 'a glob matching one log reads one log');
  assert.match(one.split('\n')[0], /^INC-2026-1121-001 {2}SEV-1/);
  const oneJson = JSON.parse(ok(root, 'list', '--json', '--log', A));
  assert.ok(oneJson.every((i: Record<string, unknown>) => !('service' in i)));

  const bJson = JSON.parse(ok(root, 'list', '--json', '--log', B));
  const many = ok(root, 'list', '--log', A, '--log', B).trimEnd().split('\n');
  assert.equal(many.length, oneJson.length + bJson.length);
  assert.match(many[0], /^services\/a {3}INC-2026-1121-001 {2}SEV-1/, 'the service column is as wide as its longest name');
  assert.match(many[oneJson.length], /^search-team {2}INC-2026-1121-001 {2}SEV-2 +Resolved/);
  const manyJson = JSON.parse(ok(root, 'list', '--json', '--log', 'services/*/docs/INCIDENT_LOG.md'));
  assert.deepEqual(
    manyJson.map((i: { service: string; id: string }) => `${i.service} ${i.id}`),
    [...oneJson.map((i: { id: string }) => `services/a ${i.id}`), ...bJson.map((i: { id: string }) => `search-team ${i.id}`)],
  );
  // Each element is the one log's element with its service first.
  assert.deepEqual(manyJson[0], { service: 'services/a', ...oneJson[0] });
  assert.deepEqual(Object.keys(manyJson[0])[0], 'service');
  // A filter applies to every log under its own playbook.
  const active = JSON.parse(ok(root, 'list', '--json', '--status', 'active', '--log', 'services/*/docs/INCIDENT_LOG.md'));
  assert.ok(active.length > 0 && active.every((i: { state: string }) => i.state === 'active'));
});

test('only list, metrics and statuspage read several logs; a pattern matching nothing says so', () => {
  const root = monorepo();
  const show = cli.run(root, 'show', 'INC-2026-1121-001', '--log', A, '--log', B);
  assert.equal(show.code, 2);
  assert.match(show.err, /show reads one log, but --log is given 2 times \(only list, metrics, statuspage read several\)\. Usage: incident show/);
  const glob = cli.run(root, 'check', '--log', 'services/*/docs/INCIDENT_LOG.md');
  assert.equal(glob.code, 2);
  assert.match(glob.err, /check reads one log, but --log "services\/\*\/docs\/INCIDENT_LOG\.md" is a pattern/);
  const none = cli.run(root, 'metrics', '--log', 'services/*/docs/NOPE.md');
  assert.equal(none.code, 2);
  assert.match(none.err, /^incident: --log "services\/\*\/docs\/NOPE\.md" matches no file in services/);
});

type Stats = { mean: number | null; median: number | null; p90: number | null; n: number; unknown: number };
type MetricsJson = Record<string, unknown> & {
  incidents: number;
  drills: number;
  bySeverity: Record<string, number>;
  byMonth: Record<string, Record<string, number>>;
  openActionItems: number;
  overdueActionItems: number;
  timeToResolveMinutes: Stats;
  timeToAcknowledgeMinutes: Stats;
  details: { compliance: Record<string, { hits: number; measured: number }> };
  services?: string[];
};

function sumCounts(...records: Array<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of records) for (const [k, n] of Object.entries(r)) out[k] = (out[k] ?? 0) + n;
  return out;
}

/** The median as the metrics define it: the middle value, the mean of the two middle ones for an even count. */
function median(values: number[]): number | null {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

test('metrics of several logs equal the sum of the parts, and a median is the median of all their incidents', () => {
  const root = monorepo();
  const metrics = (...logs: string[]) => JSON.parse(ok(root, 'metrics', '--json', '--now', NOW, ...logs.flatMap((l) => ['--log', l]))) as MetricsJson;
  const a = metrics(A);
  const b = metrics(B);
  const both = metrics('services/*/docs/INCIDENT_LOG.md');
  assert.deepEqual(both.services, ['services/a', 'search-team']);
  assert.ok(a.incidents > 0 && b.incidents > 0);
  assert.equal(both.incidents, a.incidents + b.incidents);
  assert.equal(both.drills, a.drills + b.drills);
  assert.deepEqual(both.bySeverity, sumCounts(a.bySeverity, b.bySeverity));
  // Months in each log's own zone: services/b's are counted in Europe/Berlin, as it alone counts them.
  const months = [...new Set([...Object.keys(a.byMonth), ...Object.keys(b.byMonth)])].sort();
  assert.deepEqual(Object.keys(both.byMonth), months);
  for (const m of months) assert.deepEqual(both.byMonth[m], sumCounts(a.byMonth[m] ?? {}, b.byMonth[m] ?? {}), m);
  assert.equal(both.openActionItems, a.openActionItems + b.openActionItems);
  assert.equal(both.overdueActionItems, a.overdueActionItems + b.overdueActionItems);
  for (const k of ['responseTime', 'updateCadence', 'review']) {
    assert.deepEqual(both.details.compliance[k], { hits: a.details.compliance[k].hits + b.details.compliance[k].hits, measured: a.details.compliance[k].measured + b.details.compliance[k].measured }, k);
  }
  for (const figure of ['timeToResolveMinutes', 'timeToAcknowledgeMinutes'] as const) {
    assert.equal(both[figure].n, a[figure].n + b[figure].n, figure);
    assert.equal(both[figure].unknown, a[figure].unknown + b[figure].unknown, figure);
  }
  // The median over the union: from each log's own rows (its CSV), put together.
  const column = (csv: string, name: string) => {
    const [header, ...rows] = csv.trimEnd().split('\n').map((l) => l.split(','));
    const at = header.indexOf(name);
    return rows.map((r) => r[at]).filter((v) => v !== '').map(Number);
  };
  const csvA = ok(root, 'metrics', '--csv', '--now', NOW, '--log', A);
  const csvB = ok(root, 'metrics', '--csv', '--now', NOW, '--log', B);
  const union = [...column(csvA, 'time_to_resolve_minutes'), ...column(csvB, 'time_to_resolve_minutes')];
  assert.ok(union.length >= 2);
  assert.equal(both.timeToResolveMinutes.median, median(union));
  // The CSV of several logs: each log's rows, in order, with their service first.
  const csvBoth = ok(root, 'metrics', '--csv', '--now', NOW, '--log', A, '--log', B).trimEnd().split('\n');
  assert.equal(csvBoth[0], `service,${csvA.split('\n')[0]}`);
  assert.deepEqual(csvBoth.slice(1), [...csvA.trimEnd().split('\n').slice(1).map((l) => `services/a,${l}`), ...csvB.trimEnd().split('\n').slice(1).map((l) => `search-team,${l}`)]);
  // The text report names the logs read; one log's report is unchanged (no such line).
  assert.match(ok(root, 'metrics', '--now', NOW, '--log', A, '--log', B), /^Logs: 2 \(services\/a, search-team\)\nIncidents: /);
  assert.match(ok(root, 'metrics', '--now', NOW, '--log', A), /^Incidents: /);
});

test('statuspage over several logs: every log’s public incidents and components on one page, a duplicate id on a page of its own', () => {
  const root = monorepo();
  const dry = ok(root, 'statuspage', '--dry-run', '--now', NOW, '--log', 'services/*/docs/INCIDENT_LOG.md');
  assert.match(dry, /INC-2026-1121-001 → incidents\/INC-2026-1121-001\.html\n {4}Title: Checkout errors/);
  assert.match(dry, /INC-2026-1121-001 → incidents\/INC-2026-1121-001-2\.html\n {4}Title: Partial outage of Search and Email/);
  // Components of both playbooks, a component both list once.
  assert.match(dry, /Components:\n(?: {2}.+\n)*? {2}Search: .+\n(?: {2}.+\n)*? {2}Email: Operational\n/);
  assert.equal(dry.match(/^ {2}Search: /gm)?.length, 1);
  ok(root, 'statuspage', '--now', NOW, '--log', A, '--log', B);
  const site = join(root, 'site/status');
  const status = JSON.parse(readFileSync(join(site, 'status.json'), 'utf8'));
  ok(root, 'statuspage', '--now', NOW, '--log', A, '--out', 'one');
  const one = JSON.parse(readFileSync(join(root, 'one/status.json'), 'utf8'));
  const ids = (s: { incidents: Array<{ id: string }>; resolved_incidents: Array<{ id: string }> }) => [...s.incidents, ...s.resolved_incidents].map((i) => i.id);
  assert.equal(ids(status).filter((id: string) => id === 'INC-2026-1121-001').length, 2);
  assert.ok(ids(one).every((id: string) => ids(status).includes(id)), 'every incident of services/a is on the page of both');
  assert.deepEqual(readdirSync(join(site, 'incidents')).filter((f) => f.startsWith('INC-2026-1121-001')).sort(), ['INC-2026-1121-001-2.html', 'INC-2026-1121-001.html']);
  // Nothing internal of services/b (names, internal entries) is published.
  for (const f of ['index.html', 'feed.atom', 'feed.rss', 'status.json', 'incidents/INC-2026-1121-001-2.html']) assert.doesNotMatch(readFileSync(join(site, f), 'utf8'), /Wei Chen|Rebuild job stuck|search-team/, f);
});
