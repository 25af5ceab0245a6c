// The public status page (src/core/statuspage): the exact site of a fixture log (golden files
// under test/fixtures/statuspage/golden; `UPDATE_GOLDEN=1` rewrites them), public and internal
// kept apart, the Atom feed read back by an XML parser, status.json against its schema, the
// same bytes from the same log, escaping, and check's unknown component.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { checkLog, indexLog, loadPolicy, type LogIndex, type Policy } from '../../src/core';
import { buildStatusPage } from '../../src/core/statuspage/model';
import { renderSite, dryRunText, type SiteFile } from '../../src/core/statuspage/site';
import { renderIncidentPage, renderIndex } from '../../src/core/statuspage/html';
import { renderAtom } from '../../src/core/statuspage/feeds';
import { affectedComponents } from '../../src/core/statuspage/components';

const REPO = resolve(__dirname, '../fixtures/statuspage/repo');
const GOLDEN = resolve(__dirname, '../fixtures/statuspage/golden');
const NOW = new Date('2026-11-21T10:00:00Z');

function fixture(): { policy: Policy; index: LogIndex } {
  const policy = loadPolicy(readFileSync(join(REPO, '.incident/playbook.yml'), 'utf8'));
  return { policy, index: indexLog(readFileSync(join(REPO, 'docs/INCIDENT_LOG.md'), 'utf8'), { policy }) };
}

function site(now = NOW, baseUrl?: string): SiteFile[] {
  const { policy, index } = fixture();
  return renderSite(buildStatusPage(index, policy, now), { baseUrl });
}

function goldenFiles(dir = GOLDEN, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? goldenFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}

test('the site of the fixture log is exactly the golden files (UPDATE_GOLDEN=1 rewrites them)', () => {
  const files = site();
  if (process.env.UPDATE_GOLDEN === '1') {
    for (const f of files) {
      mkdirSync(dirname(join(GOLDEN, f.path)), { recursive: true });
      writeFileSync(join(GOLDEN, f.path), f.text);
    }
  }
  assert.deepEqual(files.map((f) => f.path).sort(), goldenFiles().sort());
  for (const f of files) assert.equal(f.text, readFileSync(join(GOLDEN, f.path), 'utf8'), `${f.path} differs from its golden file`);
});

test('what is published: the announced incidents, drills and unannounced ones left out, old ones past --days', () => {
  const { policy, index } = fixture();
  const model = buildStatusPage(index, policy, NOW);
  assert.deepEqual(model.active.map((i) => [i.id, i.title, i.status, i.impact]), [
    ['INC-2026-1121-001', 'Checkout errors', 'identified', 'critical'],
    // No Public title: a neutral title from its impact and components, never the log's own.
    ['INC-2026-1120-002', 'Partial outage of Search', 'monitoring', 'major'],
  ]);
  assert.deepEqual(model.resolved.map((i) => [i.id, i.durationMinutes]), [['INC-2026-1102-001', 95]]);
  assert.equal(model.state, 'major_outage');
  assert.deepEqual(model.components.map((c) => [c.id, c.state]), [['checkout', 'major_outage'], ['payments', 'major_outage'], ['search', 'degraded_performance'], ['login', 'operational']]);
  // The hand-written post says what it said; "Status page updated — monitoring" says nothing and is not an update.
  assert.deepEqual(model.active[1].updates.map((u) => [u.status, u.body]), [['identified', 'Search results may be slow or incomplete']]);
  assert.deepEqual(buildStatusPage(index, policy, NOW, { days: 200 }).resolved.map((i) => i.id), ['INC-2026-1102-001', 'INC-2026-0701-001']);
  assert.deepEqual(buildStatusPage(index, policy, NOW, { days: 5 }).resolved, []);
});

/** Every string of the fixture the public must never read: entries, names, roles, links, runbook output, review text, internal titles. */
function internalStrings(index: LogIndex, policy: Policy): string[] {
  const publicKeys = new Set(['severity', 'status', 'detected', 'started', 'resolved', 'affected', 'impacted services', 'public title', 'public impact', 'drill']);
  const out = new Set<string>();
  const model = buildStatusPage(index, policy, NOW, { days: 3650 });
  const publicBodies = new Set([...model.active, ...model.resolved].flatMap((i) => i.updates.map((u) => u.body)));
  for (const inc of index.incidents) {
    out.add(inc.title);
    for (const e of inc.timeline) {
      if (e.owner) out.add(e.owner);
      if (![...publicBodies].some((b) => e.text.includes(b))) out.add(e.text);
    }
    for (const f of inc.fields) if (!publicKeys.has(f.key.toLowerCase())) out.add(f.value);
    for (const r of Object.values(inc.roles)) if (r) out.add(r);
  }
  for (const line of readFileSync(join(REPO, 'docs/pir/INC-2026-1102-001.md'), 'utf8').split('\n')) if (line.trim().length > 12) out.add(line.replace(/^#+\s*/, ''));
  // By hand, as a reader would look for them.
  for (const s of ['Dana Reyes', 'Sam Okafor', 'Lee Park', 'Priya Natarajan', 'Marco Bianchi', 'runbooks.internal.example', 'grafana.internal.example', 'rolled back to revision 41', 'checkout-db-primary', 'Flaky canary', 'billing', 'Drill announcement', 'auth-gw-2', '/etc/ssl/private', 'Game day']) out.add(s);
  return [...out].filter((s) => s.trim().length >= 4);
}

test('public and internal stay apart: no internal string of the fixture appears in any generated file', () => {
  const { policy, index } = fixture();
  const strings = internalStrings(index, policy);
  assert.ok(strings.length > 40, `only ${strings.length} internal strings collected`);
  const model = buildStatusPage(index, policy, NOW, { days: 3650 });
  const files = [...renderSite(model, { baseUrl: 'https://status.example.com/' }), { path: 'dry-run', text: dryRunText(model) }];
  const escaped = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  for (const f of files) {
    for (const s of strings) {
      for (const form of new Set([s, escaped(s), JSON.stringify(s).slice(1, -1)])) assert.ok(!f.text.includes(form), `${f.path} holds the internal "${s}"`);
    }
  }
});

test('the pages: no script, a strict CSP, no other origin, relative links, landmarks and time elements', () => {
  for (const f of site().filter((x) => x.path.endsWith('.html'))) {
    assert.doesNotMatch(f.text, /<script/i, f.path);
    assert.match(f.text, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-[A-Za-z0-9+/=]+&#39;; img-src &#39;self&#39; data:; base-uri &#39;none&#39;; form-action &#39;none&#39;">/, f.path);
    assert.doesNotMatch(f.text, /(?:src|href)="(?:https?:)?\/\//, `${f.path} requests another origin`);
    assert.doesNotMatch(f.text, /href="\//, `${f.path} has a root-relative link`);
    for (const tag of ['<main', '<header', '<footer', '<h1', '<time datetime=', 'lang="en"', 'name="viewport"', 'prefers-color-scheme:dark']) assert.ok(f.text.includes(tag), `${f.path} lacks ${tag}`);
  }
});

test('every log string is escaped: a <script> in a title, an update or an impact is text', () => {
  const { policy, index } = fixture();
  const model = buildStatusPage(index, policy, NOW);
  const evil = '<script>alert(1)</script> & "quotes" \'single\'';
  const incident = { ...model.active[0], title: evil, impactText: evil, updates: model.active[0].updates.map((u) => ({ ...u, body: evil })) };
  const changed = { ...model, title: evil, active: [incident] };
  for (const text of [renderIndex(changed), renderIncidentPage(incident, changed), renderAtom(changed)]) {
    assert.doesNotMatch(text, /<script/i);
    assert.ok(text.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;'), text.slice(0, 400));
  }
});

test('deterministic: the same log and --now give the same bytes; another --now changes only the as-of time', () => {
  assert.deepEqual(site(), site());
  const later = site(new Date('2026-11-21T11:00:00Z'));
  const before = site();
  for (let i = 0; i < before.length; i++) {
    const a = before[i].text.replace(/2026-11-21T10:00:00\.000Z|2026-11-21 10:00 UTC/g, 'NOW');
    const b = later[i].text.replace(/2026-11-21T11:00:00\.000Z|2026-11-21 11:00 UTC/g, 'NOW');
    assert.equal(a, b, before[i].path);
  }
});

/** The Atom feed as an XML document, read strictly. */
async function parseXml(text: string): Promise<{ feed: Record<string, unknown[]> & { $: Record<string, string> } }> {
  // xml2js (through @vscode/vsce) reads XML strictly: a stray `&` or `<` fails the parse.
  const xml2js = createRequire(__filename)('xml2js') as { parseStringPromise(text: string, options: object): Promise<unknown> };
  return (await xml2js.parseStringPromise(text, { strict: true })) as { feed: Record<string, unknown[]> & { $: Record<string, string> } };
}

const text = (v: unknown): string => (typeof v === 'string' ? v : (v as { _: string })._);
const attrs = (v: unknown) => (v as { $: Record<string, string> }).$;

test('feed.atom is well-formed Atom 1.0: feed id, title, updated, author; each entry id, title, updated, link; stable tag: ids', async () => {
  const atom = site(NOW, 'https://status.example.com/status/').find((f) => f.path === 'feed.atom')!.text;
  const { feed } = await parseXml(atom);
  assert.equal(feed.$.xmlns, 'http://www.w3.org/2005/Atom');
  assert.equal(text(feed.id[0]), 'tag:status.example.com,2026:status');
  assert.equal(text(feed.title[0]), 'Service status');
  assert.equal(text(feed.updated[0]), '2026-11-21T09:15:00.000Z');
  assert.equal(text((feed.author[0] as Record<string, unknown[]>).name[0]), 'Service status');
  assert.deepEqual(feed.link.map(attrs).map((l) => [l.rel, l.href]), [['alternate', 'https://status.example.com/status/index.html'], ['self', 'https://status.example.com/status/feed.atom']]);
  const entries = feed.entry as Array<Record<string, unknown[]>>;
  assert.deepEqual(
    entries.map((e) => [text(e.title[0]), text(e.updated[0]), attrs(e.link[0]).href, text(e.content[0])]),
    [
      ['Checkout errors: Identified', '2026-11-21T09:15:00.000Z', 'https://status.example.com/status/incidents/INC-2026-1121-001.html', 'We found the cause of the checkout errors & are rolling back a change alert(1)'],
      ['Checkout errors: Investigating', '2026-11-21T09:05:00.000Z', 'https://status.example.com/status/incidents/INC-2026-1121-001.html', 'Checkout errors'],
      ['Partial outage of Search: Identified', '2026-11-20T16:10:00.000Z', 'https://status.example.com/status/incidents/INC-2026-1120-002.html', 'Search results may be slow or incomplete'],
      ['Sign-in failures alert("title") & errors: Resolved', '2026-11-02T07:36:00.000Z', 'https://status.example.com/status/incidents/INC-2026-1102-001.html', 'Sign-in works normally again'],
      ['Sign-in failures alert("title") & errors: Monitoring', '2026-11-02T06:45:00.000Z', 'https://status.example.com/status/incidents/INC-2026-1102-001.html', 'A fix is in place and sign-in is recovering'],
      ['Sign-in failures alert("title") & errors: Investigating', '2026-11-02T06:10:00.000Z', 'https://status.example.com/status/incidents/INC-2026-1102-001.html', 'Some customers cannot sign in'],
    ],
  );
  const ids = entries.map((e) => text(e.id[0]));
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^tag:status\.example\.com,\d{4}-\d{2}-\d{2}:[A-Za-z0-9._-]+\/[0-9TZ:.-]+$/);
  // Another --now (a later rebuild) keeps every id.
  const later = (await parseXml(site(new Date('2026-11-25T00:00:00Z'), 'https://status.example.com/status/').find((f) => f.path === 'feed.atom')!.text)).feed;
  assert.deepEqual((later.entry as Array<Record<string, unknown[]>>).map((e) => text(e.id[0])), ids);
  // A maintained feed parser reads it as Atom, with the same entries.
  const { detectAtomFeed, parseAtomFeed } = await import('feedsmith');
  assert.ok(detectAtomFeed(atom), 'feedsmith detects an Atom feed');
  const parsed = parseAtomFeed(atom);
  assert.equal(parsed.id, 'tag:status.example.com,2026:status');
  assert.equal(parsed.updated, '2026-11-21T09:15:00.000Z');
  assert.deepEqual(
    parsed.entries?.map((e) => [e.id, typeof e.title === 'string' ? e.title : (e.title as { value?: string } | undefined)?.value, e.updated, e.links?.[0]?.href]),
    entries.map((e) => [text(e.id[0]), text(e.title[0]), text(e.updated[0]), attrs(e.link[0]).href]),
  );
});

test('feed.rss is well-formed RSS 2.0 with the Atom feed\'s entries: guid the Atom id, RFC 822 dates, a maintained parser reads it', async () => {
  const files = site(NOW, 'https://status.example.com/status/');
  const rss = files.find((f) => f.path === 'feed.rss')!.text;
  const atomEntries = ((await parseXml(files.find((f) => f.path === 'feed.atom')!.text)).feed.entry as Array<Record<string, unknown[]>>).map((e) => ({ id: text(e.id[0]), title: text(e.title[0]), at: text(e.updated[0]), link: attrs(e.link[0]).href, content: text(e.content[0]) }));
  const xml2js = createRequire(__filename)('xml2js') as { parseStringPromise(text: string, options: object): Promise<unknown> };
  const { rss: doc } = (await xml2js.parseStringPromise(rss, { strict: true })) as { rss: { $: Record<string, string>; channel: Array<Record<string, unknown[]>> } };
  assert.equal(doc.$.version, '2.0');
  const channel = doc.channel[0];
  assert.deepEqual([text(channel.title[0]), text(channel.link[0]), text(channel.lastBuildDate[0])], ['Service status', 'https://status.example.com/status/index.html', 'Sat, 21 Nov 2026 09:15:00 GMT']);
  const items = (channel.item as Array<Record<string, unknown[]>>).map((i) => ({ id: text(i.guid[0]), permalink: attrs(i.guid[0]).isPermaLink, title: text(i.title[0]), at: new Date(text(i.pubDate[0])).toISOString(), link: text(i.link[0]), content: text(i.description[0]) }));
  assert.deepEqual(items.map(({ permalink: _, ...rest }) => rest), atomEntries);
  assert.ok(items.every((i) => i.permalink === 'false'));
  const { detectRssFeed, parseRssFeed } = await import('feedsmith');
  assert.ok(detectRssFeed(rss), 'feedsmith detects an RSS feed');
  const parsed = parseRssFeed(rss);
  assert.deepEqual(parsed.items?.map((i) => [i.title, i.guid?.value ?? i.guid, i.link]), atomEntries.map((e) => [e.title, e.id, e.link]));
  // Without --base-url the links are relative to the feed, as in the Atom feed, and no self link is written.
  const local = site(NOW).find((f) => f.path === 'feed.rss')!.text;
  assert.match(local, /<link>index\.html<\/link>/);
  assert.doesNotMatch(local, /atom:link/);
});

const STATES = z.enum(['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance']);
const STAGES = z.enum(['investigating', 'identified', 'monitoring', 'resolved', 'postmortem']);
const TIME = z.string().datetime();
const componentSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    status: STATES,
    description: z.string().nullable(),
    position: z.number().int().positive(),
    group_id: z.string().nullable(),
    group: z.boolean(),
    only_show_if_degraded: z.boolean(),
    page_id: z.string(),
    updated_at: TIME.nullable(),
    components: z.array(z.string()).optional(),
  })
  .strict();
const incidentSchema = z
  .object({
    id: z.string(),
    name: z.string().min(1),
    status: STAGES,
    impact: z.enum(['none', 'minor', 'major', 'critical']),
    impact_description: z.string().nullable(),
    page_id: z.string(),
    shortlink: z.string(),
    started_at: TIME.nullable(),
    created_at: TIME.nullable(),
    updated_at: TIME.nullable(),
    monitoring_at: TIME.nullable(),
    resolved_at: TIME.nullable(),
    incident_updates: z.array(z.object({ id: z.string(), incident_id: z.string(), status: STAGES, body: z.string().min(1), created_at: TIME, updated_at: TIME, display_at: TIME }).strict()),
    components: z.array(componentSchema),
  })
  .strict();
/** Statuspage's summary.json, as docs/STATUSPAGE.md documents it (with resolved_incidents added). */
const statusJsonSchema = z
  .object({
    page: z.object({ id: z.string(), name: z.string(), url: z.string().url().nullable(), time_zone: z.string(), updated_at: TIME }).strict(),
    status: z.object({ indicator: z.enum(['none', 'minor', 'major', 'critical']), description: z.string() }).strict(),
    components: z.array(componentSchema),
    incidents: z.array(incidentSchema),
    resolved_incidents: z.array(incidentSchema),
    scheduled_maintenances: z.array(z.unknown()).length(0),
  })
  .strict();

test('status.json follows Statuspage summary.json: validated against its schema, with the expected figures', () => {
  const json = JSON.parse(site(NOW, 'https://status.example.com/').find((f) => f.path === 'status.json')!.text);
  const parsed = statusJsonSchema.parse(json);
  assert.deepEqual(parsed.status, { indicator: 'critical', description: 'Major outage' });
  assert.deepEqual(parsed.components.map((c) => [c.id, c.status, c.group_id]), [
    ['group-storefront', 'major_outage', null], ['checkout', 'major_outage', 'group-storefront'], ['payments', 'major_outage', 'group-storefront'],
    ['search', 'degraded_performance', null], ['group-accounts', 'operational', null], ['login', 'operational', 'group-accounts'],
  ]);
  assert.deepEqual(parsed.incidents.map((i) => [i.id, i.status, i.incident_updates.length, i.components.map((c) => c.id)]), [
    ['INC-2026-1121-001', 'identified', 2, ['checkout', 'payments']],
    ['INC-2026-1120-002', 'monitoring', 1, ['search']],
  ]);
  assert.equal(parsed.incidents[0].shortlink, 'https://status.example.com/incidents/INC-2026-1121-001.html');
  assert.deepEqual(parsed.resolved_incidents.map((i) => [i.id, i.resolved_at, i.monitoring_at]), [['INC-2026-1102-001', '2026-11-02T07:35:00.000Z', '2026-11-02T06:45:00.000Z']]);
});

test('components: Affected by id or name under the playbook alias; check reports a name the playbook does not list', () => {
  const { policy, index } = fixture();
  const byId = (id: string) => index.incidents.find((i) => i.id === id)!;
  assert.deepEqual(affectedComponents(byId('INC-2026-1121-001'), policy).known.map((c) => c.id), ['checkout', 'payments']);
  assert.deepEqual(affectedComponents(byId('INC-2026-1120-002'), policy).known.map((c) => c.id), ['search']);
  const problems = checkLog(index, policy, NOW).filter((p) => p.code === 'unknown-component');
  assert.deepEqual(problems.map((p) => [p.incidentId, p.line, p.message]), [
    ['INC-2026-1120-001', 39, 'INC-2026-1120-001 is affected on "billing", which is not a component of the playbook (checkout, payments, search, login).'],
  ]);
  // Without a components list there is nothing to check against.
  const bare = loadPolicy('preset: sev\n');
  assert.deepEqual(checkLog(indexLog(index.text, { policy: bare }), bare, NOW).filter((p) => p.code === 'unknown-component'), []);
});

test('the playbook refuses a component id or name listed twice, and a field alias it does not know', () => {
  assert.throws(() => loadPolicy('components:\n  - id: api\n    name: API\n  - id: web\n    name: api\n'), /line 5: components\.1\.name: "api" is already the id of components\.0/);
  assert.throws(() => loadPolicy('components:\n  - id: api\n    name: API\n    colour: red\n'), /unknown setting "colour"/);
  assert.throws(() => loadPolicy('fieldAliases:\n  affectedd: [Impacted]\n'), /unknown field "affectedd" \(use one of .*, or affected, publicTitle, publicImpact\)/);
});

test('an announced incident later deferred is neither active nor said to be resolved: it keeps its last public stage', () => {
  const { policy } = fixture();
  const log = [
    '# Incident Log',
    '',
    '## INC-2026-1120-002: Elasticsearch shard relocation storm',
    '- **Severity:** SEV-2',
    '- **Status:** Deferred',
    '- **Detected:** 2026-11-20 16:00 UTC',
    '- **Impacted services:** search',
    '',
    '### Timeline',
    '- 2026-11-20 16:05 UTC — Status: Investigating → Identified (@priya)',
    '- 2026-11-20 16:10 UTC — Status page: "Search results may be slow or incomplete" posted (@priya)',
    '- 2026-11-20 17:00 UTC — Put off until the storage migration (@priya)',
    '',
  ].join('\n');
  const model = buildStatusPage(indexLog(log, { policy }), policy, NOW);
  assert.deepEqual(model.active, []);
  assert.deepEqual(model.resolved.map((i) => [i.id, i.status, i.active, i.resolvedAt]), [['INC-2026-1120-002', 'identified', false, null]]);
  assert.deepEqual(model.components.find((c) => c.id === 'search')?.state, 'operational');
  const page = renderIncidentPage(model.resolved[0], model);
  assert.match(page, /<dt>Status<\/dt><dd>Identified<\/dd>/);
  assert.match(page, /<dt>Resolved<\/dt><dd>Not resolved: on hold<\/dd>/);
  const index = renderIndex(model);
  assert.match(index, /<h2 id="past">Past incidents in the last 90 days<\/h2>/);
  assert.doesNotMatch(index, /Resolved in the last/);
});
