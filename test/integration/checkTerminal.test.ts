// The health-check runner in code-server's real terminal (bash with shell integration): pass,
// fail with its exit code, timeout, a multi-line command, and the pseudoterminal fallback with
// shell integration turned off.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CheckTerminal, TERMINAL_NAME, stripTerminalOutput } from '../../src/extension/terminal/checkTerminal';

describe('Health check terminal', function () {
  this.timeout(60_000);
  let runner: CheckTerminal;

  let waitBefore: number | undefined;
  // Bash's shell integration can take longer than the 5 s default to come up on a loaded machine;
  // these tests are about that path, so they give it 30 s (the fallback has its own tests below).
  before(async () => {
    const config = vscode.workspace.getConfiguration('incidentPlaybook.healthChecks');
    waitBefore = config.inspect<number>('shellIntegrationTimeout')?.globalValue;
    await config.update('shellIntegrationTimeout', 30, vscode.ConfigurationTarget.Global);
    runner = new CheckTerminal();
  });
  after(async () => {
    runner.dispose();
    await vscode.workspace.getConfiguration('incidentPlaybook.healthChecks').update('shellIntegrationTimeout', waitBefore, vscode.ConfigurationTarget.Global);
  });

  it('runs a passing command through shell integration and captures its output', async () => {
    const r = await runner.run({ run: 'echo "health ok $((40 + 2))"', timeoutMs: 20_000 });
    assert.equal(r.via, 'shell-integration');
    assert.equal(r.status, 'pass', JSON.stringify(r));
    assert.equal(r.exitCode, 0);
    assert.match(r.output, /health ok 42/);
    assert.ok(!r.output.includes('\x1b') && !r.output.includes(']633;'), JSON.stringify(r.output));
    assert.ok(vscode.window.terminals.some((t) => t.name === TERMINAL_NAME));
  });

  it('reports a failing command as fail with its exit code', async () => {
    const r = await runner.run({ run: 'echo broken >&2; exit 3', timeoutMs: 20_000 });
    assert.equal(r.via, 'shell-integration');
    assert.equal(r.status, 'fail', JSON.stringify(r));
    assert.equal(r.exitCode, 3);
    assert.match(r.output, /broken/);
  });

  it('runs a multi-line command as a script, in the given folder', async () => {
    const docs = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'docs').fsPath;
    const r = await runner.run({ run: 'echo first\nif true; then\n  echo "second $PHASE in $(basename "$PWD")"\nfi\nexit 4', cwd: docs, timeoutMs: 20_000, env: { PHASE: 'two' } });
    assert.equal(r.status, 'fail', JSON.stringify(r));
    assert.equal(r.exitCode, 4);
    assert.match(r.output, /first\s+second two in docs/);
  });

  it('stops a slow command at its timeout and reports timeout', async () => {
    const r = await runner.run({ run: 'echo waiting; sleep 30', timeoutMs: 1500 });
    assert.equal(r.status, 'timeout', JSON.stringify(r));
    assert.ok(r.durationMs >= 1400 && r.durationMs < 10_000, `${r.durationMs} ms`);
    // The terminal is usable again afterwards.
    const after = await runner.run({ run: 'echo again', timeoutMs: 20_000 });
    assert.equal(after.status, 'pass', JSON.stringify(after));
  });

  it('closes the terminal when a timed-out command ignores Ctrl+C, and the next run gets a new one', async () => {
    const r = await runner.run({ run: 'trap "" INT; echo stubborn; sleep 30', timeoutMs: 1000 });
    assert.equal(r.status, 'timeout', JSON.stringify(r));
    assert.ok(r.durationMs < 8000, `${r.durationMs} ms`);
    const next = await runner.run({ run: 'echo fresh', timeoutMs: 20_000 });
    assert.deepEqual([next.via, next.status, next.exitCode], ['shell-integration', 'pass', 0], JSON.stringify(next));
  });

  it('reports a cancelled run as unknown, never as success', async () => {
    const cts = new vscode.CancellationTokenSource();
    setTimeout(() => cts.cancel(), 800);
    const r = await runner.run({ run: 'sleep 30', timeoutMs: 20_000 }, cts.token);
    assert.equal(r.via, 'shell-integration');
    assert.deepEqual([r.status, r.cancelled], ['unknown', true], JSON.stringify(r));
    assert.ok(r.durationMs < 10_000, `${r.durationMs} ms`);
  });

  it('falls back to the pseudoterminal when shell integration does not come up in the configured time', async () => {
    const config = vscode.workspace.getConfiguration('incidentPlaybook.healthChecks');
    const before = config.inspect<number>('shellIntegrationTimeout')?.globalValue;
    await config.update('shellIntegrationTimeout', 0, vscode.ConfigurationTarget.Global);
    // A fresh runner: its new terminal has no shell integration yet, and it waits 0 s for it.
    const fresh = new CheckTerminal();
    try {
      const r = await fresh.run({ run: 'echo "no wait"; exit 5', timeoutMs: 20_000 });
      assert.deepEqual([r.via, r.status, r.exitCode], ['pseudoterminal', 'fail', 5], JSON.stringify(r));
      assert.match(r.output, /no wait/);
    } finally {
      fresh.dispose();
      await config.update('shellIntegrationTimeout', before, vscode.ConfigurationTarget.Global);
    }
  });

  describe('with shell integration disabled', () => {
    const config = () => vscode.workspace.getConfiguration('terminal.integrated');
    let before: boolean | undefined;
    beforeEach(async () => {
      before = config().inspect<boolean>('shellIntegration.enabled')?.globalValue;
      await config().update('shellIntegration.enabled', false, vscode.ConfigurationTarget.Global);
    });
    afterEach(() => config().update('shellIntegration.enabled', before, vscode.ConfigurationTarget.Global));

    it('falls back to a pseudoterminal that still captures output and exit code', async () => {
      const r = await runner.run({ run: 'echo "from the fallback"; exit 3', timeoutMs: 20_000 });
      assert.equal(r.via, 'pseudoterminal');
      assert.equal(r.status, 'fail', JSON.stringify(r));
      assert.equal(r.exitCode, 3);
      assert.match(r.output, /from the fallback/);
      const ok = await runner.run({ run: 'echo fine', timeoutMs: 20_000 });
      assert.deepEqual([ok.via, ok.status, ok.exitCode], ['pseudoterminal', 'pass', 0]);
    });

    it('reports a cancelled fallback run as unknown', async () => {
      const cts = new vscode.CancellationTokenSource();
      setTimeout(() => cts.cancel(), 500);
      const r = await runner.run({ run: 'sleep 30', timeoutMs: 20_000 }, cts.token);
      assert.deepEqual([r.via, r.status, r.exitCode, r.cancelled], ['pseudoterminal', 'unknown', undefined, true], JSON.stringify(r));
    });

    it('kills the whole process group at the timeout', async () => {
      const marker = `incident-check-${Date.now()}`;
      const r = await runner.run({ run: `sh -c 'sleep 30; echo ${marker}' & sleep 30`, timeoutMs: 1000 });
      assert.equal(r.status, 'timeout', JSON.stringify(r));
      assert.ok(r.durationMs < 5000, `${r.durationMs} ms`);
      // No process of the group is left: the grandchild's sleep went too.
      const { execFileSync } = await import('node:child_process');
      await new Promise((res) => setTimeout(res, 1500));
      const ps = execFileSync('ps', ['-eo', 'args']).toString();
      assert.ok(!ps.includes(marker), 'the background child was killed');
    });
  });
});

describe('Terminal output cleaning', () => {
  it('drops OSC 633, ANSI colours and progress rewrites', () => {
    const raw = '\x1b]633;C\x07\x1b[32mok\x1b[0m\r\n10%\r50%\r100%\r\n\x1b]633;D;0\x07';
    assert.equal(stripTerminalOutput(raw), 'ok\n100%\n');
  });
});
