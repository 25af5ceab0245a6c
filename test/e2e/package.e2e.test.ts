// The extension as users get it: `npm run package`'s production build, packaged by vsce into a
// .vsix, installed with code-server's own --install-extension (no working-tree links, no
// node_modules beside it). The view and a palette command must work.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { packageVsix } from '../../scripts/vsix.mjs';
import { waitForFile } from './files';
import { E2E_ARTIFACTS, openSession, useSession } from './session';

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

  it('is installed without source maps, node_modules or a copy of the CLI', () => {
    const installed = readdirSync(s.server.dirs.extensions).find((d) => d.startsWith('incident-playbook.incident-playbook-'));
    assert.ok(installed, `not installed: ${readdirSync(s.server.dirs.extensions).join(', ')}`);
    const dir = join(s.server.dirs.extensions, installed);
    assert.ok(existsSync(join(dir, 'dist', 'extension.js')));
    assert.ok(!existsSync(join(dir, 'dist', 'extension.js.map')), 'a source map was packaged');
    assert.ok(!existsSync(join(dir, 'node_modules')), 'node_modules was packaged');
    // The `incident` command is its own package (packages/cli), tested by test/unit/cliPackage.test.ts.
    assert.ok(!existsSync(join(dir, 'dist', 'cli')), 'the CLI was packaged into the extension');
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
