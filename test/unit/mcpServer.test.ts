// `incident mcp` as an agent meets it: the SDK's own client over stdio, spawning the built CLI in
// a fixture repository. Read tools, previews and apply_change with the exact bytes, and the
// refusals (stale preview, huge argument, unknown tool, an id that walks out of the repository),
// the server answering after each.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { builtCli, gitEnv, repo } from './gitHelpers';

const LOG = [
  '# Incident Log',
  '',
  '## INC-2026-1120-001: Checkout error rate above SLO',
  '- **Severity:** SEV-1',
  '- **Status:** Mitigating',
  '- **Detected:** 2026-11-20 14:30 UTC',
  '- **Incident Commander:** Dana Reyes',
  '',
  'Customers saw 502s on checkout after the payments deploy.',
  '',
  '### Timeline',
  '- 2026-11-20 14:30 UTC — Alert fired: checkout 5xx above 2% (@dana)',
  '- 2026-11-20 14:50 UTC — Rolled back the payments deploy (@sam)',
  '',
  '### Checklist',
  '- [x] Acknowledge the alert and declare the incident',
  '- [ ] Post the first status update',
  '',
  '## INC-2026-0301-001: Payments gateway timeouts',
  '- **Severity:** SEV-2',
  '- **Status:** Resolved',
  '- **Detected:** 2026-03-01 09:00 UTC',
  '- **Resolved:** 2026-03-01 10:15 UTC',
  '',
  '### Timeline',
  '- 2026-03-01 09:00 UTC — Payments gateway timeouts, checkout 502s (@lee)',
  '- 2026-03-01 10:15 UTC — Connection pool raised, timeouts gone (@lee)',
  '',
  '## INC-2026-0105-001: Search index lag',
  '- **Severity:** SEV-3',
  '- **Status:** Resolved',
  '- **Detected:** 2026-01-05 08:00 UTC',
  '- **Resolved:** 2026-01-05 09:00 UTC',
  '',
].join('\n');

const dir = repo('dana');
mkdirSync(join(dir, 'docs'));
const logPath = join(dir, 'docs', 'INCIDENT_LOG.md');
writeFileSync(logPath, LOG);

const clients: Client[] = [];
after(async () => {
  for (const c of clients) await c.close();
});

async function connect(args: string[] = []): Promise<Client> {
  const env = gitEnv() as Record<string, string>;
  const transport = new StdioClientTransport({ command: process.execPath, args: [builtCli(), 'mcp', ...args], cwd: dir, env, stderr: 'pipe' });
  const client = new Client({ name: 'mcp-test', version: '1.0.0' });
  await client.connect(transport);
  clients.push(client);
  return client;
}

type Result = { content: Array<{ type: string; text?: string }>; structuredContent?: Record<string, unknown>; isError?: boolean };
const call = async (c: Client, name: string, args: Record<string, unknown> = {}) => (await c.callTool({ name, arguments: args })) as Result;
const textOf = (r: Result) => r.content.map((p) => p.text ?? '').join('\n');

test('read-only by default: read tools are marked readOnlyHint, no write tool is served', async () => {
  const c = await connect();
  const { tools } = await c.listTools();
  const names = tools.map((t) => t.name).sort();
  assert.deepEqual(names, ['check_log', 'draft_executive_summary', 'draft_status_update', 'find_similar_incidents', 'get_incident', 'get_metrics', 'list_incidents', 'recent_changes', 'who_is_on_call']);
  for (const t of tools) {
    assert.equal(t.annotations?.readOnlyHint, true, t.name);
    assert.ok(t.outputSchema, `${t.name} has an output schema`);
  }
  const refused = await call(c, 'add_timeline_entry', { id: 'INC-2026-1120-001', text: 'x' }).catch((e: Error) => ({ isError: true, content: [{ type: 'text', text: e.message }] }) as Result);
  assert.equal(refused.isError, true);
  assert.equal(readFileSync(logPath, 'utf8'), LOG);
});

test('every read tool answers from the log', async () => {
  const c = await connect();
  const list = await call(c, 'list_incidents', { status: 'active' });
  assert.deepEqual((list.structuredContent?.incidents as Array<{ id: string }>).map((i) => i.id), ['INC-2026-1120-001']);
  const all = await call(c, 'list_incidents', { severity: 'SEV-2' });
  assert.equal(all.structuredContent?.total, 1);

  const inc = await call(c, 'get_incident', { id: 'INC-2026-1120-001' });
  const s = inc.structuredContent as { timeline: Array<{ text: string; line: number }>; checklist: { phases: Array<{ items: Array<{ number: number; done: boolean }> }> }; description: string; roles: { commander: string } };
  assert.equal(s.timeline[1].text, 'Rolled back the payments deploy');
  assert.equal(s.timeline[1].line, 13);
  assert.equal(LOG.split('\n')[12].includes('Rolled back'), true);
  assert.deepEqual(s.checklist.phases[0].items.map((i) => i.done), [true, false]);
  assert.match(s.description, /502s on checkout/);
  assert.equal(s.roles.commander, 'Dana Reyes');

  const check = await call(c, 'check_log');
  assert.ok(Array.isArray(check.structuredContent?.findings));
  const metrics = await call(c, 'get_metrics');
  assert.equal(metrics.structuredContent?.incidents, 3);
  const oncall = await call(c, 'who_is_on_call');
  assert.equal(oncall.isError, true, 'no rotation in the default playbook: said, not crashed');
  assert.match(textOf(oncall), /no on-call rotation/);
  const draft = await call(c, 'draft_status_update', { id: 'INC-2026-1120-001' });
  assert.match(String(draft.structuredContent?.text), /Checkout error rate above SLO/);
  const summary = await call(c, 'draft_executive_summary', { id: 'INC-2026-1120-001' });
  assert.match(String(summary.structuredContent?.text), /Checkout/);
  const similar = await call(c, 'find_similar_incidents', { text: 'checkout 502 errors after a payments deploy' });
  const ranked = similar.structuredContent?.incidents as Array<{ id: string; sharedTerms: string[] }>;
  assert.equal(ranked[0].id, 'INC-2026-1120-001');
  assert.equal(ranked[1].id, 'INC-2026-0301-001', 'the payments incident is next; the search one shares nothing');
  assert.ok(!ranked.some((r) => r.id === 'INC-2026-0105-001'));
  const like = await call(c, 'find_similar_incidents', { id: 'INC-2026-1120-001' });
  assert.equal((like.structuredContent?.incidents as Array<{ id: string }>)[0].id, 'INC-2026-0301-001');
  const changes = await call(c, 'recent_changes', { id: 'INC-2026-1120-001' });
  assert.ok(changes.isError || Array.isArray(changes.structuredContent?.commits), textOf(changes));
});

test('a write is a preview first, then apply_change writes exactly the previewed lines, attributed to the human and the client', async () => {
  const c = await connect(['--allow-write']);
  const { tools } = await c.listTools();
  const byName = new Map(tools.map((t) => [t.name, t]));
  assert.equal(byName.get('set_status')?.annotations?.destructiveHint, true);
  assert.equal(byName.get('add_timeline_entry')?.annotations?.readOnlyHint, false);
  assert.ok(byName.has('apply_change'));

  const before = readFileSync(logPath, 'utf8');
  const p = await call(c, 'add_timeline_entry', { id: 'INC-2026-1120-001', text: 'Error rate back to baseline', at: '2026-11-20T15:10:00Z' });
  assert.equal(p.isError, undefined, textOf(p));
  const preview = p.structuredContent as { preview_id: string; hunks: Array<{ line: number; removed: string[]; added: string[] }> };
  const line = '- 2026-11-20 15:10 UTC — Error rate back to baseline (@dana via mcp-test)';
  assert.deepEqual(preview.hunks, [{ line: 14, removed: [], added: [line] }]);
  assert.equal(readFileSync(logPath, 'utf8'), before, 'nothing written by the preview');

  const applied = await call(c, 'apply_change', { preview_id: preview.preview_id });
  assert.equal(applied.isError, undefined, textOf(applied));
  const lines = before.split('\n');
  lines.splice(13, 0, line);
  assert.equal(readFileSync(logPath, 'utf8'), lines.join('\n'));

  const again = await call(c, 'apply_change', { preview_id: preview.preview_id });
  assert.equal(again.isError, true, 'a preview is applied once');

  // Every other write tool, previewed and applied; each preview's lines are what lands.
  for (const [tool, args] of [
    ['set_status', { id: 'INC-2026-1120-001', status: 'Monitoring' }],
    ['set_severity', { id: 'INC-2026-1120-001', severity: 'SEV-2' }],
    ['assign_role', { id: 'INC-2026-1120-001', role: 'tech_lead', name: 'Sam Okafor' }],
    ['tick_checklist_item', { id: 'INC-2026-1120-001', item: 'Post the first' }],
    ['mark_update_sent', { id: 'INC-2026-1120-001', audience: 'internal', text: 'Checkout recovered; monitoring.' }],
    ['resolve_incident', { id: 'INC-2026-1120-001' }],
    ['declare_incident', { title: 'Login latency', severity: 'SEV-3' }],
  ] as const) {
    const text = readFileSync(logPath, 'utf8');
    const r = await call(c, tool, args);
    assert.equal(r.isError, undefined, `${tool}: ${textOf(r)}`);
    const hunks = (r.structuredContent as { hunks: Array<{ line: number; removed: string[]; added: string[] }> }).hunks;
    assert.ok(hunks.length > 0, tool);
    const a = await call(c, 'apply_change', { preview_id: String(r.structuredContent?.preview_id) });
    assert.equal(a.isError, undefined, `${tool} apply: ${textOf(a)}`);
    const now = readFileSync(logPath, 'utf8').split('\n');
    // Replaying the hunks on the old text gives the new text, line for line.
    const replay = text.split('\n');
    for (const h of [...hunks].reverse()) replay.splice(h.line - 1, h.removed.length, ...h.added);
    assert.deepEqual(now, replay, tool);
    for (const h of hunks) for (const l of h.added) if (/— /.test(l) && tool !== 'declare_incident') assert.match(l, /\(@dana via mcp-test\)$/, `${tool}: ${l}`);
  }
  const final = readFileSync(logPath, 'utf8');
  assert.match(final, /- \*\*Status:\*\* Resolved/);
  assert.match(final, /- \[x\] Post the first status update/);
  assert.match(final, /Login latency/);
});

test('a stale preview is refused; bad input is refused in a line; the server keeps answering', async () => {
  const c = await connect(['--allow-write']);
  const p = await call(c, 'add_timeline_entry', { id: 'INC-2026-0301-001', text: 'Late note' });
  writeFileSync(logPath, readFileSync(logPath, 'utf8') + '\n'); // a human edits the log meanwhile
  const edited = readFileSync(logPath, 'utf8');
  const stale = await call(c, 'apply_change', { preview_id: String(p.structuredContent?.preview_id) });
  assert.equal(stale.isError, true);
  assert.match(textOf(stale), /changed since the preview; nothing was written/);
  assert.equal(readFileSync(logPath, 'utf8'), edited);

  const huge = await call(c, 'add_timeline_entry', { id: 'INC-2026-0301-001', text: 'x'.repeat(100_000) }).catch((e: Error) => ({ isError: true, content: [{ type: 'text', text: e.message }] }) as Result);
  assert.equal(huge.isError, true);
  const outside = await call(c, 'get_incident', { id: '../../../../etc/passwd' });
  assert.equal(outside.isError, true);
  assert.match(textOf(outside), /^No incident "\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd"/);
  const resource = await c.readResource({ uri: 'incident-review://..%2F..%2F..%2Fetc%2Fpasswd' }).then(
    () => 'read',
    (e: Error) => e.message,
  );
  assert.match(resource, /No incident/);
  const unknown = await call(c, 'no_such_tool').catch((e: Error) => ({ isError: true, content: [{ type: 'text', text: e.message }] }) as Result);
  assert.equal(unknown.isError, true);
  const badStatus = await call(c, 'set_status', { id: 'INC-2026-0301-001', status: 'Exploded' });
  assert.equal(badStatus.isError, true);
  assert.doesNotMatch(textOf(badStatus), /\n\s+at /, 'no stack trace');
  // Still serving.
  const list = await call(c, 'list_incidents');
  assert.equal(list.isError, undefined);
  assert.equal(readFileSync(logPath, 'utf8'), edited, 'nothing written by any refusal');
});

test('resources and prompts: the log, each incident, and "catch me up" citing timeline lines', async () => {
  const c = await connect();
  const { resources } = await c.listResources();
  assert.ok(resources.some((r) => r.uri === 'incident-log://log'));
  assert.ok(resources.some((r) => r.uri === 'incident://INC-2026-0301-001'));
  const section = await c.readResource({ uri: 'incident://INC-2026-0301-001' });
  assert.match(String((section.contents[0] as { text: string }).text), /^## INC-2026-0301-001: Payments gateway timeouts/);
  const whole = await c.readResource({ uri: 'incident-log://log' });
  assert.equal((whole.contents[0] as { text: string }).text, readFileSync(logPath, 'utf8'));
  const { prompts } = await c.listPrompts();
  assert.deepEqual(prompts.map((p) => p.name).sort(), ['catch_me_up', 'draft_next_update', 'draft_review']);
  const catchUp = await c.getPrompt({ name: 'catch_me_up', arguments: { id: 'INC-2026-0301-001' } });
  const text = (catchUp.messages[0].content as { text: string }).text;
  assert.match(text, /Cite the timeline lines/);
  assert.match(text, /line \d+: 2026-03-01T09:00:00Z Payments gateway timeouts/);
});

test('--allow-run: health checks and runbook steps run with output redacted; a dangerous step needs confirm_dangerous', async () => {
  const runDir = repo('dana');
  mkdirSync(join(runDir, 'docs'));
  mkdirSync(join(runDir, '.incident'));
  const runLog = join(runDir, 'docs', 'INCIDENT_LOG.md');
  writeFileSync(runLog, LOG);
  writeFileSync(
    join(runDir, '.incident', 'playbook.yml'),
    [
      'healthChecks:',
      '  - name: api',
      '    run: echo "api ok token=ghp_abcdefghijklmnopqrstuvwxyz0123456789"',
      'runbooks:',
      '  scale:',
      '    title: Scale up',
      '    params:',
      '      - name: REPLICAS',
      '        pattern: "[1-9]"',
      '    steps:',
      '      - title: Scale',
      '        run: echo "scaled to $REPLICAS" > scaled.txt',
      '        dangerous: true',
      '',
    ].join('\n'),
  );
  const transport = new StdioClientTransport({ command: process.execPath, args: [builtCli(), 'mcp', '--allow-run', '--allow-write'], cwd: runDir, env: gitEnv() as Record<string, string>, stderr: 'pipe' });
  const c = new Client({ name: 'mcp-test', version: '1.0.0' });
  await c.connect(transport);
  clients.push(c);
  const names = (await c.listTools()).tools.map((t) => t.name);
  assert.ok(names.includes('run_health_check') && names.includes('run_runbook_step'));

  const health = await call(c, 'run_health_check', { id: 'INC-2026-1120-001' });
  assert.equal(health.isError, undefined, textOf(health));
  const results = health.structuredContent?.results as Array<{ status: string; output: string }>;
  assert.equal(results[0].status, 'pass');
  assert.match(results[0].output, /api ok/);
  assert.doesNotMatch(JSON.stringify(health), /ghp_abcdefghijklmnopqrstuvwxyz0123456789/, 'the secret never leaves the server');
  assert.equal(readFileSync(runLog, 'utf8'), LOG, 'the result is logged only through a preview');
  const logPreview = health.structuredContent?.logPreview as { preview_id: string; hunks: Array<{ added: string[] }> };
  assert.match(logPreview.hunks[0].added[0], /Health check api: PASS \(exit 0, \d+ ms\) \(@dana via mcp-test\)$/);
  assert.equal((await call(c, 'apply_change', { preview_id: logPreview.preview_id })).isError, undefined);
  assert.match(readFileSync(runLog, 'utf8'), /Health check api: PASS/);

  const refused = await call(c, 'run_runbook_step', { runbook: 'scale', step: 1, params: { REPLICAS: '3' } });
  assert.equal(refused.isError, true);
  assert.match(textOf(refused), /is dangerous\. It runs: echo "scaled to \$REPLICAS" > scaled\.txt/);
  assert.throws(() => readFileSync(join(runDir, 'scaled.txt')), 'nothing ran');
  const badParam = await call(c, 'run_runbook_step', { runbook: 'scale', step: 1, params: { REPLICAS: '3; rm -rf /' }, confirm_dangerous: true });
  assert.equal(badParam.isError, true);
  assert.throws(() => readFileSync(join(runDir, 'scaled.txt')), 'nothing ran');
  const ran = await call(c, 'run_runbook_step', { runbook: 'scale', step: 1, params: { REPLICAS: '3' }, confirm_dangerous: true });
  assert.equal(ran.isError, undefined, textOf(ran));
  assert.equal(readFileSync(join(runDir, 'scaled.txt'), 'utf8'), 'scaled to 3\n');
});

/** A client session as docs/AGENTS.md shows it: the calls and the server's text answers. */
test('docs/AGENTS.md shows a session this server answers word for word', async () => {
  const sessionDir = repo('dana');
  mkdirSync(join(sessionDir, 'docs'));
  writeFileSync(join(sessionDir, 'docs', 'INCIDENT_LOG.md'), LOG);
  const transport = new StdioClientTransport({ command: process.execPath, args: [builtCli(), 'mcp', '--allow-write'], cwd: sessionDir, env: gitEnv() as Record<string, string>, stderr: 'pipe' });
  const c = new Client({ name: 'claude-code', version: '1.0.0' });
  await c.connect(transport);
  clients.push(c);
  const out: string[] = [];
  let previewId = '';
  const say = async (name: string, args: Record<string, unknown>) => {
    const r = await call(c, name, args);
    if (r.structuredContent?.preview_id) previewId = String(r.structuredContent.preview_id);
    out.push(`→ ${name} ${JSON.stringify(args).replace(previewId || '\u0000', '<preview_id>')}`);
    out.push(...textOf(r).replaceAll(previewId || '\u0000', '<preview_id>').split('\n').map((l, i) => `${i === 0 ? '←' : ' '} ${l}`.trimEnd()));
  };
  await say('list_incidents', { status: 'active' });
  await say('find_similar_incidents', { id: 'INC-2026-1120-001', limit: 2 });
  await say('add_timeline_entry', { id: 'INC-2026-1120-001', text: 'Error rate back to baseline', at: '2026-11-20T15:10:00Z' });
  await say('apply_change', { preview_id: previewId });
  const transcript = out.join('\n');
  mkdirSync(join(__dirname, '../../artifacts/agents'), { recursive: true });
  writeFileSync(join(__dirname, '../../artifacts/agents/transcript.txt'), transcript + '\n');
  for (const page of ['docs/AGENTS.md']) {
    const doc = readFileSync(join(__dirname, '../..', page), 'utf8');
    assert.ok(doc.includes('```text\n' + transcript + '\n```'), `${page} should show this session (artifacts/agents/transcript.txt):\n${transcript}`);
  }
});

test('a malformed request gets no crash: the server answers the next one', async () => {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [builtCli(), 'mcp'], { cwd: dir, env: gitEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const send = (line: string) => child.stdin.write(line + '\n');
  send('this is not json');
  send('{"jsonrpc":"2.0","id":1,"method":"no/such/method"}');
  send(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } }));
  const deadline = Date.now() + 15_000;
  while (!/"id":2/.test(out) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  child.stdin.end();
  await new Promise((r) => child.once('exit', r));
  const answers = out.trim().split('\n').map((l) => JSON.parse(l) as { id?: number; error?: { code: number }; result?: { serverInfo: { name: string } } });
  assert.equal(answers.find((a) => a.id === 1)?.error?.code, -32601, 'an unknown method is a JSON-RPC error');
  assert.equal(answers.find((a) => a.id === 2)?.result?.serverInfo.name, 'incident-playbook');
  assert.doesNotMatch(err, /\n\s+at .+:\d+:\d+/, 'no stack trace');
  assert.equal(child.exitCode, 0, 'closing stdin ends the server cleanly');
});

test('each call sees the log as it is now: an edit of the same size, at once or later, is read', async () => {
  const editDir = repo('dana');
  mkdirSync(join(editDir, 'docs'));
  const path = join(editDir, 'docs', 'INCIDENT_LOG.md');
  writeFileSync(path, LOG);
  const transport = new StdioClientTransport({ command: process.execPath, args: [builtCli(), 'mcp'], cwd: editDir, env: gitEnv() as Record<string, string>, stderr: 'pipe' });
  const c = new Client({ name: 'mcp-test', version: '1.0.0' });
  await c.connect(transport);
  clients.push(c);
  const title = async () => (await call(c, 'get_incident', { id: 'INC-2026-0105-001' })).structuredContent?.title;
  assert.equal(await title(), 'Search index lag');
  writeFileSync(path, LOG.replace('Search index lag', 'Search index LAG'));
  assert.equal(await title(), 'Search index LAG', 'an edit right after a read');
  await new Promise((r) => setTimeout(r, 2500)); // past the window in which a file's times cannot tell
  assert.equal(await title(), 'Search index LAG');
  writeFileSync(path, LOG.replace('Search index lag', 'Search INDEX lag'));
  assert.equal(await title(), 'Search INDEX lag', 'an edit of the same size, later');
});
