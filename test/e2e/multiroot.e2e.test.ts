// A multi-root workspace: the log lives in the second folder ("ops"), the first ("service") has
// none. The view, the commands and the writes all go to the folder that holds the log.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { waitForFile } from './files';
import { E2E_ARTIFACTS, openSession, useSession } from './session';

describe('A multi-root workspace in the browser (code-server + Chromium)', function () {
  this.timeout(120_000);
  const s = useSession(() => openSession('multiroot', 'multiroot', {}, { workspaceFile: 'incidents.code-workspace' }));
  const opsLog = () => join(s.workspace, 'ops', 'docs', 'INCIDENT_LOG.md');

  it('finds the log in the folder that has it, and writes there', async () => {
    await s.wb.openActivity('Incidents');
    const rows = s.wb.treeRows('incidentPlaybook');
    await rows.filter({ hasText: 'INC-2026-1115-001' }).filter({ hasText: 'Identified' }).first().waitFor({ timeout: 30_000 });

    await s.wb.runCommand('Incident: Add Timeline Entry');
    // No editor on the log: the command asks which active incident (only one is active).
    await s.wb.pick('INC-2026-1115-001');
    await s.wb.answerInput('Mail provider confirms throttling on our account');
    const log = await waitForFile(opsLog(), 'the entry in ops/docs/INCIDENT_LOG.md', (t) => t.includes('— Mail provider confirms throttling on our account (Riley Oncall)'));
    assert.match(log, /^- \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC — Mail provider confirms throttling on our account \(Riley Oncall\)$/m);
    // Nothing was created in the first folder.
    assert.equal(existsSync(join(s.workspace, 'service', 'docs')), false);
    await s.wb.screenshot(E2E_ARTIFACTS, '11-multi-root');
  });
});
