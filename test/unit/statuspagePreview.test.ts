// The status page's preview (one script-less document: the index with the incident pages inlined
// and linked by anchor) and "what changed since the last generated site" (the last site read
// back from its status.json and manifest, the two dry-run texts, nothing changed but the time).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { indexLog, loadPolicy } from '../../src/core';
import { RepositoryFiles } from '../../src/core/log/repositoryFiles';
import { buildStatusPage } from '../../src/core/statuspage/model';
import { renderPreview } from '../../src/core/statuspage/preview';
import { modelFromStatusJson, siteChanges } from '../../src/core/statuspage/lastSite';
import { publishSite } from '../../src/core/statuspage/publish';
import { dryRunText, renderSite } from '../../src/core/statuspage/site';
import { renderStatusJson } from '../../src/core/statuspage/statusJson';
import { STYLE_HASH } from '../../src/core/statuspage/style';

const REPO = resolve(__dirname, '../fixtures/statuspage/repo');
const NOW = new Date('2026-11-21T10:00:00Z');
const policy = loadPolicy(readFileSync(join(REPO, '.incident/playbook.yml'), 'utf8'));
const log = readFileSync(join(REPO, 'docs/INCIDENT_LOG.md'), 'utf8');
const model = (text = log, now = NOW, title?: string) => buildStatusPage(indexLog(text, { policy }), policy, now, { title });
const CSP = `default-src 'none'; style-src ${STYLE_HASH}; img-src vscode-resource: data:; base-uri 'none'; form-action 'none'`;

test('the preview: the index with every incident page inlined, linked by anchor, under the given policy', () => {
  const m = model();
  const html = renderPreview(m, CSP);
  assert.ok(html.includes(`content="${CSP.replace(/'/g, '&#39;')}"`), 'the given policy');
  assert.equal(html.match(/http-equiv="Content-Security-Policy"/g)?.length, 1);
  assert.doesNotMatch(html, /<script|href="incidents\/|href="index\.html"|href="\.\.\//);
  for (const i of [...m.active, ...m.resolved]) {
    const anchor = `incident-${i.id}`;
    assert.ok(html.includes(`<a href="#${anchor}">`), `${i.id} linked`);
    assert.ok(html.includes(`<section id="${anchor}" aria-labelledby="${anchor}-title">`), `${i.id} inlined`);
    for (const u of i.updates) assert.ok(html.includes(u.body.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')), u.body);
  }
  // Every id once, every labelledby names one of them; one h1.
  const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((x) => x[1]);
  assert.equal(new Set(ids).size, ids.length, `repeated ids: ${ids.join(' ')}`);
  for (const [, id] of html.matchAll(/aria-labelledby="([^"]+)"/g)) assert.ok(ids.includes(id), id);
  assert.equal(html.match(/<h1\b/g)?.length, 1);
  // The escaping is the renderer's.
  assert.ok(html.includes('<h2 id="incident-INC-2026-1102-001-title">Sign-in failures alert(&quot;title&quot;) &amp; errors</h2>'));
  assert.ok(!html.includes('Flaky canary') && !html.includes('Lee Park'));
});

test('a deferred incident: the dry run says it is not resolved, and read back from status.json it is still deferred', () => {
  // INC-2026-1120-002 (announced, Monitoring) put off.
  const deferredLog = log.replace('## INC-2026-1120-002: Elasticsearch shard relocation storm\n- **Severity:** SEV-2\n- **Status:** Monitoring', '## INC-2026-1120-002: Elasticsearch shard relocation storm\n- **Severity:** SEV-2\n- **Status:** Deferred');
  assert.notEqual(deferredLog, log);
  const m = model(deferredLog);
  const text = dryRunText(m);
  assert.match(text, /INC-2026-1120-002[^]*?Resolved: Not resolved: on hold/);
  assert.match(text, /^Past incidents in the last 90 days:/m);
  const back = modelFromStatusJson(renderStatusJson(m, 'https://status.acme.example/'), 90);
  assert.ok(back);
  assert.equal(dryRunText(back.model), text, 'the Publish diff shows no change that is not there');
});

test('status.json read back gives the same dry-run text as the page it was written from', () => {
  for (const days of [90, 3650]) {
    const m = buildStatusPage(indexLog(log, { policy }), policy, NOW, { days, title: 'Acme status' });
    const back = modelFromStatusJson(renderStatusJson(m, 'https://status.acme.example/'), days);
    assert.ok(back);
    assert.equal(back.baseUrl, 'https://status.acme.example/');
    assert.equal(dryRunText(back.model), dryRunText(m));
    assert.deepEqual(renderSite(back.model, { baseUrl: back.baseUrl }).map((f) => f.path), renderSite(m).map((f) => f.path));
  }
  for (const bad of ['', '{', '{}', '[]', JSON.stringify({ page: { name: 1 } })]) assert.equal(modelFromStatusJson(bad), null, bad);
});

test('what changed since the last site: none yet, then nothing but the time, then a new update', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'statuspage-changes-'));
  try {
    cpSync(REPO, dir, { recursive: true });
    const files = new RepositoryFiles(dir);
    const out = join(dir, 'site', 'status');
    let text = log;
    const build = (now: Date, title: string | undefined) => model(text, now, title);
    const first = siteChanges(files, out, build, NOW);
    assert.equal(first.last, null);
    assert.equal(first.unchanged, false);
    assert.equal(first.before, '');
    assert.ok(first.after.startsWith(dryRunText(first.model)));
    assert.deepEqual(first.changed, first.site.map((f) => f.path));
    await publishSite(files, out, first.site);

    // An hour on, the same log: nothing to publish.
    const later = new Date(NOW.getTime() + 3_600_000);
    const same = siteChanges(files, out, build, later);
    assert.equal(same.unchanged, true);
    assert.equal(same.before, first.after);
    // A site generated with its own title keeps it.
    writeFileSync(join(out, 'status.json'), readFileSync(join(out, 'status.json'), 'utf8').replace('"name": "Service status"', '"name": "Acme status"'));
    const titled = siteChanges(files, out, build, later);
    assert.equal(titled.model.title, 'Acme status');
    assert.equal(titled.unchanged, false, 'its index still says Service status');

    // A new status page update: it shows in the new text only.
    text = log.replace('- 2026-11-21 09:15 UTC', '- 2026-11-21 09:40 UTC — Status update (status page): Monitoring: Checkout works again (@lee)\n- 2026-11-21 09:15 UTC');
    const edited = siteChanges(files, out, build, later);
    assert.equal(edited.unchanged, false);
    assert.ok(edited.after.includes('Monitoring: Checkout works again') && !edited.before.includes('Checkout works again'));
    assert.ok(edited.changed.includes('index.html') && edited.changed.includes('incidents/INC-2026-1121-001.html'));
    assert.deepEqual(edited.removed, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
