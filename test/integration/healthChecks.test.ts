// "Run Health Check" and "Run All Health Checks" in a real VS Code, with the playbook's checks
// running in code-server's terminal: one timeline entry per run (a summary for Run All), the
// results right, no secret in the log; and the trust gate (through its injectable UI: the
// harness starts code-server with --disable-workspace-trust, so Restricted Mode is not reachable).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { findIncident, indexLog } from '../../src/core';
import { Commands } from '../../src/extension/commandIds';
import type { HealthRunOutcome } from '../../src/extension/terminal/healthCheckCommands';
import { MANAGE_TRUST, RUN_ANYWAY, type TrustUi, confirmDangerous, requireTrust } from '../../src/extension/terminal/safety';
import { NOISY_OUTPUT, SECRET_SAMPLES } from '../unit/secretSamples';
import { EXTENSION_ID, diskText, resetLog, waitFor } from './helpers';

const FAKE_TOKEN = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';

const PLAYBOOK = `healthChecks:
  - name: api-up
    run: echo "api is up"
    timeout: 20s
  - name: payments
    run: echo "payments down, token ${FAKE_TOKEN}"; exit 3
    timeout: 20s
    capture: true
  - name: slow-queue
    run: sleep 30
    timeout: 1s
  - name: noisy
    run: cat .incident/noisy.txt
    capture: true
  - name: where
    run: echo "in $(basename "$PWD")"
    cwd: docs
    capture: true
`;

const ID = 'INC-2026-1121-001';

function timelineTexts(text: string, id: string): string[] {
  const inc = findIncident(indexLog(text), id);
  assert.ok(inc, `${id} is in the log`);
  const lines = text.split('\n');
  return inc.timeline.map((e) => lines[e.line]);
}

describe('Health check commands', function () {
  this.timeout(90_000);
  let original = '';
  let playbook: vscode.Uri;

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    original = await diskText();
    const folder = vscode.workspace.workspaceFolders![0].uri;
    playbook = vscode.Uri.joinPath(folder, '.incident', 'playbook.yml');
    await vscode.workspace.fs.writeFile(playbook, new TextEncoder().encode(PLAYBOOK));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(playbook, '..', 'noisy.txt'), new TextEncoder().encode(NOISY_OUTPUT));
  });
  after(async () => {
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(playbook, '..'), { recursive: true });
    await resetLog(original);
  });
  afterEach(() => resetLog(original));

  it('are contributed', async () => {
    const all = await vscode.commands.getCommands(true);
    assert.ok(all.includes(Commands.runHealthCheck) && all.includes(Commands.runAllHealthChecks));
  });

  it('Run Health Check logs one entry with the result (pass)', async () => {
    const before = timelineTexts(await diskText(), ID).length;
    // The playbook was just written: the store may still hold the policy read before it.
    const out = await waitFor('the check from the playbook', async () => (await vscode.commands.executeCommand<HealthRunOutcome | undefined>(Commands.runHealthCheck, { incident: ID, check: 'api-up' })) ?? false, 20_000);
    assert.equal(out.results[0].status, 'pass');
    assert.match(out.entry, /^Health check api-up: PASS \(exit 0, \d+(\.\d)? m?s\)$/);
    const after = timelineTexts(await diskText(), ID);
    assert.equal(after.length, before + 1);
    assert.ok(after.at(-1)!.includes(out.entry), after.at(-1));
  });

  it('Run Health Check logs a failure with its exit code, and the captured output without the secret', async () => {
    const out = await vscode.commands.executeCommand<HealthRunOutcome | undefined>(Commands.runHealthCheck, { incident: ID, check: 'payments' });
    assert.ok(out);
    assert.equal(out.results[0].status, 'fail');
    assert.equal(out.results[0].exitCode, 3);
    assert.match(out.entry, /^Health check payments: FAIL \(exit 3, [^)]*\) — output: .*payments down/);
    const disk = await diskText();
    assert.ok(!disk.includes(FAKE_TOKEN), 'the token is not in the log');
    assert.match(out.entry, /REDACTED/);
    assert.ok(disk.includes(out.entry), 'the entry as computed is in the log');
  });

  it('a check printing fake secrets of every kind leaves none in the log or in its result', async () => {
    const out = await vscode.commands.executeCommand<HealthRunOutcome | undefined>(Commands.runHealthCheck, { incident: ID, check: 'noisy' });
    assert.ok(out);
    assert.equal(out.results[0].status, 'pass');
    assert.match(out.entry, /^Health check noisy: PASS \(exit 0, [^)]*\) — output: /);
    const disk = await diskText();
    assert.ok(disk.includes(out.entry));
    for (const { kind, secret } of SECRET_SAMPLES) {
      assert.ok(!disk.includes(secret), `${kind} is in the log`);
      assert.ok(!out.results[0].output.includes(secret), `${kind} is in the result`);
    }
    // The output was really read (the channel gets this redacted text).
    assert.match(out.results[0].output, /connecting to postgres:\/\/app:\S*REDACTED\S*@db\.internal/);
  });

  it("runs a check in its cwd, relative to the playbook's repository", async () => {
    const out = await vscode.commands.executeCommand<HealthRunOutcome | undefined>(Commands.runHealthCheck, { incident: ID, check: 'where' });
    assert.ok(out);
    assert.match(out.entry, /^Health check where: PASS \(exit 0, [^)]*\) — output: in docs$/);
  });

  it('Run All logs one summary entry, with the timeout', async () => {
    const before = timelineTexts(await diskText(), ID).length;
    const out = await vscode.commands.executeCommand<HealthRunOutcome | undefined>(Commands.runAllHealthChecks, { incident: ID });
    assert.ok(out);
    assert.deepEqual(
      out.results.map((r) => [r.name, r.status]),
      [
        ['api-up', 'pass'],
        ['payments', 'fail'],
        ['slow-queue', 'timeout'],
        ['noisy', 'pass'],
        ['where', 'pass'],
      ],
    );
    assert.equal(out.entry, 'Health checks: 3 of 5 passed (payments FAIL, slow-queue TIMEOUT)');
    const after = timelineTexts(await diskText(), ID);
    assert.equal(after.length, before + 1);
    assert.ok(!(await diskText()).includes(FAKE_TOKEN));
  });
});

describe('Health check safety', () => {
  function fakeUi(trusted: boolean, choice: string | undefined) {
    const calls: { warned: string[]; executed: string[] } = { warned: [], executed: [] };
    const ui: TrustUi = {
      isTrusted: () => trusted,
      warn: (message, ...items) => {
        calls.warned.push(`${message} [${items.join('|')}]`);
        return Promise.resolve(choice);
      },
      execute: (command) => {
        calls.executed.push(command);
        return Promise.resolve();
      },
    };
    return { ui, calls };
  }

  it('runs in a trusted workspace without asking', async () => {
    const { ui, calls } = fakeUi(true, undefined);
    assert.equal(await requireTrust('Run Health Check', ui), true);
    assert.deepEqual(calls, { warned: [], executed: [] });
  });

  it('refuses in Restricted Mode, says why and offers Manage Workspace Trust', async () => {
    const { ui, calls } = fakeUi(false, MANAGE_TRUST);
    assert.equal(await requireTrust('Run Health Check', ui), false);
    assert.match(calls.warned[0], /Restricted Mode/);
    assert.match(calls.warned[0], /\[Manage Workspace Trust\]$/);
    assert.deepEqual(calls.executed, ['workbench.trust.manage']);
    const dismissed = fakeUi(false, undefined);
    assert.equal(await requireTrust('Run Health Check', dismissed.ui), false);
    assert.deepEqual(dismissed.calls.executed, []);
  });

  it('a dangerous step asks in a modal naming the exact command', async () => {
    const asked: Array<{ message: string; options: vscode.MessageOptions; items: string[] }> = [];
    const ask = (answer: string | undefined) => (message: string, options: vscode.MessageOptions, ...items: string[]) => {
      asked.push({ message, options, items });
      return Promise.resolve(answer);
    };
    assert.equal(await confirmDangerous('Roll back', './scripts/emergency-rollback.sh --now', ask(RUN_ANYWAY)), true);
    assert.equal(await confirmDangerous('Roll back', './scripts/emergency-rollback.sh --now', ask(undefined)), false);
    assert.equal(asked[0].options.modal, true);
    assert.equal(asked[0].options.detail, './scripts/emergency-rollback.sh --now');
    assert.match(asked[0].message, /Roll back/);
  });
});
