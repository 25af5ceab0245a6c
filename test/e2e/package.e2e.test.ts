// The extension as users get it: `npm run package`'s production build, packaged by vsce into a
// .vsix, installed with code-server's own --install-extension (no working-tree links, no
// node_modules beside it). The view, a palette command and the bundled CLI must all work.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../scripts/vscode/config.mjs';
import { waitForFile } from './files';
import { E2E_ARTIFACTS, openSession, useSession } from './session';

/** Packages the working tree as `npm run package` does, in a staging folder (dist/ stays as it is). */
function packageVsix(): { vsix: string; stage: string } {
  const stage = mkdtempSync(join(tmpdir(), 'incident-vsix-'));
  for (const entry of ['package.json', 'package.nls.json', 'README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore', 'media', 'docs']) {
    if (existsSync(join(ROOT, entry))) cpSync(join(ROOT, entry), join(stage, entry), { recursive: true });
  }
  execFileSync(process.execPath, ['scripts/build.mjs', '--production', '--out', join(stage, 'dist')], { cwd: ROOT, stdio: 'inherit' });
  const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const vsix = join(stage, 'incident-playbook.vsix');
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsix], { cwd: stage, stdio: 'pipe' });
  return { vsix, stage };
}

describe('The packaged extension (.vsix) installed in code-server', function () {
  this.timeout(120_000);
  let stage = '';
  const s = useSession(() => {
    const built = packageVsix();
    stage = built.stage;
    return openSession('basic', 'vsix', {}, { vsix: built.vsix });
  });

  after(() => {
    if (stage) rmSync(stage, { recursive: true, force: true });
  });

  it('is installed without source maps or node_modules, and its bundled CLI runs from there', () => {
    const installed = readdirSync(s.server.dirs.extensions).find((d) => d.startsWith('incident-playbook.incident-playbook-'));
    assert.ok(installed, `not installed: ${readdirSync(s.server.dirs.extensions).join(', ')}`);
    const dir = join(s.server.dirs.extensions, installed);
    assert.ok(existsSync(join(dir, 'dist', 'extension.js')));
    assert.ok(!existsSync(join(dir, 'dist', 'extension.js.map')), 'a source map was packaged');
    assert.ok(!existsSync(join(dir, 'node_modules')), 'node_modules was packaged');
    const r = spawnSync(process.execPath, [join(dir, 'dist', 'cli.js'), 'list', '--json', '--log', join(s.workspace, 'docs', 'INCIDENT_LOG.md')], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).map((i: { id: string }) => i.id), ['INC-2026-1121-001', 'INC-2026-1120-001', 'INC-2026-1102-001']);
  });

  it('fills the Incidents view and writes a timeline entry from the palette', async () => {
    await s.wb.openActivity('Incidents');
    const rows = s.wb.treeRows('incidentPlaybook');
    const row = rows.filter({ hasText: 'INC-2026-1120-001' }).first();
    await row.waitFor({ timeout: 30_000 });
    assert.match((await row.getAttribute('aria-label')) ?? '', /^INC-2026-1120-001: Checkout API returning 500s, SEV-1 · Mitigating · /);
    const log = join(s.workspace, 'docs', 'INCIDENT_LOG.md');
    await s.wb.runCommand('Incident: Add Timeline Entry');
    await s.wb.pick('INC-2026-1121-001');
    await s.wb.answerInput('Installed from the .vsix');
    await waitForFile(log, 'the entry in the log', (t) => t.includes('— Installed from the .vsix (Riley Oncall)'));
    await s.wb.screenshot(E2E_ARTIFACTS, '10-installed-vsix');
  });
});
