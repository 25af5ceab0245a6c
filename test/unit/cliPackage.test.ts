// The CLI on its own: `npm pack` in packages/cli gives a tarball of the bundled `incident` command
// (no sources, tests or webview code, no dependencies, at most 1 MB) that `npm install -g` puts on
// a PATH with nothing else; the installed command prints its version and lists the demo's log.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const CLI_PACKAGE = join(ROOT, 'packages', 'cli');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

test('npm pack in packages/cli: a tarball of the bundled command that installs and runs alone', { timeout: 180_000 }, () => {
  const out = mkdtempSync(join(tmpdir(), 'incident-cli-pack-'));
  try {
    const [packed] = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', out], { cwd: CLI_PACKAGE, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as Array<{
      filename: string;
      version: string;
      files: Array<{ path: string }>;
    }>;
    const tarball = join(out, packed.filename);
    const bytes = statSync(tarball).size;
    console.log(`incident-playbook-cli ${packed.version}: ${packed.files.length} files, ${(bytes / 1024).toFixed(0)} KB packed (goal ≤ 1024 KB)`);
    assert.ok(bytes <= 1024 * 1024, `${bytes} bytes`);
    const paths = packed.files.map((f) => f.path);
    for (const p of paths) assert.match(p, /^(dist\/cli\.js|dist\/cli\/main\.cjs|package\.json|README\.md|LICENSE)$/, `unexpected file in the package: ${p}`);
    assert.ok(paths.includes('dist/cli.js') && paths.includes('dist/cli/main.cjs') && paths.includes('LICENSE'));
    const manifest = JSON.parse(readFileSync(join(CLI_PACKAGE, 'package.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(manifest.dependencies, undefined, 'the CLI package installs nothing else');
    assert.equal(packed.version, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);

    // Installed into a prefix of its own, offline: nothing to fetch.
    const prefix = join(out, 'prefix');
    execFileSync(npm, ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], { cwd: out, stdio: ['ignore', 'pipe', 'pipe'] });
    const bin = process.platform === 'win32' ? join(prefix, 'incident.cmd') : join(prefix, 'bin', 'incident');
    assert.equal(execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim(), packed.version);
    // The compiled-code cache goes to a folder of this test's own (XDG_CACHE_HOME), not the user's.
    const env = { ...process.env, XDG_CACHE_HOME: join(out, 'cache') };
    // On a copy of the demo in a repository of its own.
    const demo = join(out, 'demo');
    cpSync(join(ROOT, 'samples', 'demo'), demo, { recursive: true });
    execFileSync('git', ['init', '-q'], { cwd: demo });
    const listed = execFileSync(bin, ['list'], { cwd: demo, encoding: 'utf8', env });
    assert.match(listed, /^INC-2026-1121-001 +SEV-2 +Identified +.*Payment webhooks delayed up to 20 minutes$/m, listed);
    assert.equal(listed.trim().split('\n').length, 4, listed);
    // The first run kept the bundle's compiled code; the next runs from it and lists the same.
    assert.equal(readdirSync(join(out, 'cache', 'incident-playbook', 'code-cache')).filter((f) => f.endsWith('.bin')).length, 1);
    assert.equal(execFileSync(bin, ['list'], { cwd: demo, encoding: 'utf8', env }), listed);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
