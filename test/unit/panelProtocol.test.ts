// The webview message protocol: what a panel's page may send is checked in shape and values
// before the host acts on it; links go only to http(s) and to files inside the workspace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultPolicy, findIncident, indexLog } from '../../src/core';
import { MAX_TEXT, checklistMessageSchema, panelStateSchema, parseMessage } from '../../src/shared/protocol';
import { linkTarget } from '../../src/extension/panels/links';
import { panelView } from '../../src/extension/panels/checklistView';
import { contentSecurityPolicy } from '../../src/extension/panels/csp';

const ID = 'INC-2026-1121-001';
const schema = checklistMessageSchema(ID);
const item = { index: 1, text: 'Assess customer impact' };
const accepts = (m: unknown) => parseMessage(schema, m).ok;

test('the checklist panel accepts its own messages', () => {
  for (const m of [
    { type: 'ready' },
    { type: 'setDone', incident: ID, item, done: true },
    { type: 'setDone', incident: ID, item, done: false },
    { type: 'skip', incident: ID, item, reason: 'Not customer facing' },
    { type: 'run', incident: ID, item },
    { type: 'command', incident: ID, command: 'addTimelineEntry' },
    { type: 'command', incident: ID, command: 'setStatus' },
    { type: 'command', incident: ID, command: 'resolve' },
    { type: 'openLink', incident: ID, href: 'https://status.example.com/incidents/42' },
    { type: 'openLink', incident: ID, href: 'runbooks/db-failover.md#promote' },
  ])
    assert.ok(accepts(m), JSON.stringify(m));
});

test('wrong types, unknown kinds and extra fields are refused', () => {
  for (const m of [
    undefined,
    null,
    42,
    'ready',
    [],
    [{ type: 'ready' }],
    {},
    { type: 42 },
    { type: 'READY' },
    { type: 'ready', extra: true },
    { type: 'delete', incident: ID },
    { type: '__proto__', incident: ID },
    { type: 'setDone', incident: ID, item, done: 'true' },
    { type: 'setDone', incident: ID, item: { index: '1', text: item.text }, done: true },
    { type: 'setDone', incident: ID, item: { index: -1, text: item.text }, done: true },
    { type: 'setDone', incident: ID, item: { index: 1.5, text: item.text }, done: true },
    { type: 'setDone', incident: ID, item: { index: 1, text: item.text, line: 3 }, done: true },
    { type: 'setDone', incident: ID, item: { index: 1 }, done: true },
    { type: 'setDone', incident: ID, done: true },
    { type: 'setDone', incident: ID, item, done: true, splices: [{ start: 0, end: 9, text: '' }] },
    { type: 'command', incident: ID, command: 'workbench.action.terminal.sendSequence' },
    { type: 'command', incident: ID, command: 'declare' },
    { type: 'skip', incident: ID, item, reason: '' },
    { type: 'skip', incident: ID, item, reason: '   ' },
    { type: 'skip', incident: ID, item, reason: 'two\nlines' },
    { type: 'skip', incident: ID, item, reason: 'bell\u0007' },
  ])
    assert.equal(accepts(m), false, JSON.stringify(m));
});

test('a message naming another incident, or a path for an id, is refused', () => {
  for (const incident of ['INC-2026-1120-001', '', 'inc-2026-1121-001', `${ID} `, '../../etc/passwd', '/etc/passwd', 'C:\\Windows', 'file:///etc/passwd', null, 7])
    assert.equal(accepts({ type: 'setDone', incident, item, done: true }), false, String(incident));
  assert.equal(accepts({ type: 'command', command: 'resolve' }), false, 'the id is required');
});

test('oversized messages are refused', () => {
  assert.equal(accepts({ type: 'setDone', incident: ID, item: { index: 1, text: 'x'.repeat(MAX_TEXT + 1) }, done: true }), false);
  assert.equal(accepts({ type: 'skip', incident: ID, item, reason: 'y'.repeat(MAX_TEXT + 1) }), false);
  assert.equal(accepts({ type: 'openLink', incident: ID, href: `https://example.com/${'z'.repeat(5000)}` }), false);
  assert.equal(accepts({ type: 'setDone', incident: ID, item: { index: 1e9, text: item.text }, done: true }), false);
});

test('links: only http(s) URLs and relative paths that stay inside', () => {
  for (const href of [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'vscode://settings',
    'command:workbench.action.terminal.new',
    '/etc/passwd',
    '~/.ssh/id_rsa',
    '../secrets.md',
    'docs/../../secrets.md',
    'C:\\Windows\\win.ini',
    '\\\\server\\share',
    'https://user:pass@example.com/',
    'http://',
    'a\u0000b',
  ])
    assert.equal(accepts({ type: 'openLink', incident: ID, href }), false, href);
});

test('why a message was refused is short and does not echo the message', () => {
  const r = parseMessage(schema, { type: 'setDone\n<script>', incident: 'x'.repeat(10_000), item, done: true });
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.ok(r.reason.length < 400, r.reason);
    assert.ok(!r.reason.includes('\n'));
    assert.ok(!r.reason.includes('x'.repeat(50)));
  }
});

test("a restored panel's state must name an incident, nothing else", () => {
  assert.ok(panelStateSchema.safeParse({ incident: ID }).success);
  for (const s of [undefined, null, {}, { incident: '' }, { incident: '../x' }, { incident: ID, path: '/etc' }, { incident: 3 }]) assert.equal(panelStateSchema.safeParse(s).success, false, JSON.stringify(s));
});

test('link targets: a URL, or a real file inside the workspace (after symlinks)', () => {
  const root = mkdtempSync(join(tmpdir(), 'links-'));
  const outside = mkdtempSync(join(tmpdir(), 'links-out-'));
  try {
    mkdirSync(join(root, 'docs', 'runbooks'), { recursive: true });
    writeFileSync(join(root, 'docs', 'runbooks', 'db.md'), '# DB');
    writeFileSync(join(outside, 'secret.md'), 'secret');
    symlinkSync(join(outside, 'secret.md'), join(root, 'docs', 'sneaky.md'));
    const base = join(root, 'docs');
    assert.deepEqual(linkTarget('https://example.com/a?b=1', base, root), { kind: 'url', url: 'https://example.com/a?b=1' });
    const file = linkTarget('runbooks/db.md#promote', base, root);
    assert.equal(file.kind, 'file');
    assert.equal(linkTarget('runbooks/missing.md', base, root).kind, 'refused');
    assert.equal(linkTarget('sneaky.md', base, root).kind, 'refused', 'a symlink out of the workspace');
    assert.equal(linkTarget('../../etc/passwd', base, root).kind, 'refused');
    assert.equal(linkTarget('%2e%2e/%2e%2e/etc/passwd', base, root).kind, 'refused');
    assert.equal(linkTarget('javascript:alert(1)', base, root).kind, 'refused');
    assert.equal(linkTarget('runbooks/%E0%A4%A.md', base, root).kind, 'refused');
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
});

test('the CSP allows scripts by nonce only, and styles, fonts and images from the extension', () => {
  assert.equal(
    contentSecurityPolicy('https://x.vscode-cdn.net', 'abc123'),
    "default-src 'none'; script-src 'nonce-abc123'; style-src https://x.vscode-cdn.net; font-src https://x.vscode-cdn.net; img-src https://x.vscode-cdn.net data:",
  );
});

test("the panel's view of an incident: facts, clocks, phases and items numbered in checklist order", () => {
  const text = [
    '# Incident Log',
    '',
    `## ${ID}: Payment webhooks delayed`,
    '- **Severity:** SEV-2',
    '- **Status:** Investigating',
    '- **Detected:** 2026-11-21 09:12 UTC',
    '',
    '### Timeline',
    '- 2026-11-21 09:12 UTC — Queue depth alert',
    '',
    '### Checklist',
    '#### Acknowledge',
    '- [x] Acknowledge the alert',
    '#### Assess',
    '- [ ] Assess customer impact',
    '- [x] Check the status page — skipped: not customer facing',
    '',
  ].join('\n');
  const policy = defaultPolicy();
  const index = indexLog(text, { policy });
  const view = panelView(index, findIncident(index, ID)!, policy, new Date('2026-11-21T10:00:00Z'));
  assert.equal(view.incident.title, 'Payment webhooks delayed');
  assert.equal(view.incident.severity, 'SEV-2');
  assert.deepEqual(view.incident.roles.map((r) => [r.label, r.name]), [
    ['Incident Commander', null],
    ['Technical Lead', null],
    ['Communications Lead', null],
  ]);
  assert.equal(view.clock.elapsed, '48 min');
  assert.ok(view.clock.breached, 'no commander past the response time');
  assert.ok(view.clock.nextUpdate?.overdue);
  assert.deepEqual(view.phases.map((p) => [p.title, p.done, p.skipped, p.total]), [
    ['Acknowledge', 1, 0, 1],
    ['Assess', 0, 1, 2],
  ]);
  assert.deepEqual(view.progress, { done: 1, skipped: 1, total: 3 });
  assert.deepEqual(view.phases[1].items, [
    { index: 1, text: 'Assess customer impact', done: false, skipped: null, runnable: false, dangerous: false },
    { index: 2, text: 'Check the status page', done: false, skipped: 'not customer facing', runnable: false, dangerous: false },
  ]);
  assert.equal(view.readOnly, null);
});

test('a resolved incident: its duration to the resolution, when it was resolved, and no update clock', () => {
  const text = [
    '# Incident Log',
    '',
    `## ${ID}: Payment webhooks delayed`,
    '- **Severity:** SEV-2',
    '- **Status:** Resolved',
    '- **Detected:** 2026-11-21 09:12 UTC',
    '- **Resolved:** 2026-11-21 09:16 UTC',
    '',
  ].join('\n');
  const policy = defaultPolicy();
  const index = indexLog(text, { policy });
  // Read a day later: the duration stops at the resolution.
  const view = panelView(index, findIncident(index, ID)!, policy, new Date('2026-11-22T10:00:00Z'));
  assert.equal(view.incident.active, false);
  assert.equal(view.clock.elapsed, '4 min');
  assert.equal(view.clock.resolved, '2026-11-21 09:16 UTC');
  assert.equal(view.clock.nextUpdate, null);
  const activeIndex = indexLog(text.replace('- **Status:** Resolved', '- **Status:** Identified').replace('- **Resolved:** 2026-11-21 09:16 UTC\n', ''), { policy });
  const active = panelView(activeIndex, findIncident(activeIndex, ID)!, policy, new Date('2026-11-21T09:20:00Z'));
  assert.equal(active.incident.active, true);
  assert.equal(active.clock.resolved, null);
  assert.equal(active.clock.elapsed, '8 min');
});

test('prototype-pollution keys, non-finite numbers, 5 MB strings and look-alike commands are refused', () => {
  // JSON.parse (as structured clone does) makes `__proto__` and `constructor` own keys.
  const own = (json: string) => JSON.parse(json) as unknown;
  const big = 'x'.repeat(5 * 1024 * 1024);
  for (const m of [
    own(`{"type":"setDone","incident":"${ID}","item":{"index":1,"text":"${item.text}"},"done":true,"__proto__":{"polluted":true}}`),
    own(`{"type":"setDone","incident":"${ID}","item":{"index":1,"text":"${item.text}","__proto__":{"index":0}},"done":true}`),
    own(`{"type":"command","incident":"${ID}","command":"resolve","constructor":{"prototype":{"polluted":true}}}`),
    own(`{"__proto__":{"type":"ready"}}`),
    { type: 'constructor', incident: ID },
    { type: 'toString', incident: ID },
    { type: 'command', incident: ID, command: '__proto__' },
    { type: 'command', incident: ID, command: 'constructor' },
    { type: 'command', incident: ID, command: 'hasOwnProperty' },
    { type: 'setDone', incident: ID, item: { index: Number.NaN, text: item.text }, done: true },
    { type: 'setDone', incident: ID, item: { index: Number.POSITIVE_INFINITY, text: item.text }, done: true },
    { type: 'setDone', incident: ID, item: item.text, done: true },
    { type: 'setDone', incident: ID, item: { index: 1, text: [item.text] }, done: true },
    { type: 'setDone', incident: ID, item, done: 1 },
    { type: 'setDone', incident: ID, item: { index: 1, text: big }, done: true },
    { type: 'skip', incident: ID, item, reason: big },
    { type: 'openLink', incident: ID, href: `https://example.com/${big}` },
    { type: big, incident: ID },
    { type: 'setDone', incident: big, item, done: true },
    { type: 'setDone', incident: ID, item: { index: 1, text: `${item.text}\u001b[2J` }, done: true },
    { type: 'skip', incident: ID, item, reason: 'ok\u0000' },
    { type: 'openLink', incident: ID, href: '..\\..\\etc\\passwd' },
    { type: 'openLink', incident: ID, href: 'vscode://file/etc/passwd' },
  ]) {
    const r = parseMessage(schema, m);
    assert.equal(r.ok, false, JSON.stringify(m)?.slice(0, 120));
    if (!r.ok) assert.ok(r.reason.length < 400 && !r.reason.includes('x'.repeat(50)), r.reason.slice(0, 120));
  }
  assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype untouched');
});

test('a path as item text passes the schema (it is text) and is refused by the host against the log', () => {
  // The schema cannot know the items; the host compares index and text with the log (itemAt).
  assert.ok(accepts({ type: 'setDone', incident: ID, item: { index: 1, text: '../../etc/passwd' }, done: true }));
});
