// Browser end-to-end: an overdue status update is seen without hovering. A SEV-2 whose update is
// overdue sits behind a SEV-1 whose update is due later: the SEV-2's row in the Incidents view
// says it is overdue (and its icon takes the warning colour), and the status bar shows the SEV-2,
// the most urgent incident, with every active incident's due state in its tooltip.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_ARTIFACTS, openSession, useSession } from './session';

const SEV1 = 'INC-2026-1205-001';
const SEV2 = 'INC-2026-1205-002';

/** "2026-12-05 14:03 UTC", `minutesAgo` before now. */
function logTime(minutesAgo: number): string {
  return `${new Date(Date.now() - minutesAgo * 60_000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

describe('Overdue status update in the browser (code-server + Chromium)', function () {
  this.timeout(120_000);
  // Written as the session opens (not when mocha loads the file: the e2e run before this suite
  // can take minutes), relative to now; SEV-1 and SEV-2 both update every 30 min. The SEV-1 was
  // updated 18 min ago (next update in about 12 min); the SEV-2 was detected 42 min ago and has
  // had no update since (overdue by about 12 min).
  const dir = mkdtempSync(join(tmpdir(), 'incident-overdue-'));
  const log = () =>
    [
      '# Incident Log',
      '',
      `## ${SEV2}: Payment webhooks delayed`,
      '- **Severity:** SEV-2',
      '- **Status:** Identified',
      `- **Detected:** ${logTime(42)}`,
      '- **Incident Commander:** Sam',
      '',
      `## ${SEV1}: Checkout API returning 500s`,
      '- **Severity:** SEV-1',
      '- **Status:** Mitigating',
      `- **Detected:** ${logTime(50)}`,
      '- **Incident Commander:** Dana',
      '',
      '### Timeline',
      `- ${logTime(18)} — Status update posted (@dana)`,
      '',
    ].join('\n');
  const s = useSession(() => {
    mkdirSync(join(dir, 'docs'), { recursive: true });
    writeFileSync(join(dir, 'docs', 'INCIDENT_LOG.md'), log());
    return openSession(dir, 'overdue');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('marks the overdue SEV-2 on its tree row and names it in the status bar, ahead of the later SEV-1', async () => {
    await s.wb.openActivity('Incidents');
    const rows = s.wb.treeRows('incidentPlaybook');
    const sev2 = rows.filter({ hasText: SEV2 }).first();
    const sev1 = rows.filter({ hasText: SEV1 }).first();
    await sev1.waitFor({ timeout: 30_000 });
    await sev2.waitFor({ timeout: 30_000 });
    // On the row itself, without hovering: the description says the update is overdue.
    assert.match(await sev2.innerText(), /Identified · update overdue 1\d min/);
    assert.match((await sev2.getAttribute('aria-label')) ?? '', /SEV-2 · Identified · update overdue 1\d min/);
    // The SEV-1's update is not due yet: its row carries no overdue mark.
    const sev1Text = await sev1.innerText();
    assert.match(sev1Text, /Mitigating · 5\d min/);
    assert.doesNotMatch(sev1Text, /overdue/);
    // The SEV-2's icon is a bell in the list's warning colour; the SEV-1 keeps its severity's flame.
    const icon = (row: typeof sev2) => row.locator('.custom-view-tree-node-item-icon').first();
    const rgb = (colour: string) => colour.replace(/\s+/g, '').toLowerCase();
    // Run in the page (the e2e tests compile without the DOM's types).
    const colourOf = (row: typeof sev2) => icon(row).evaluate((e) => (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(e).color).then(rgb);
    const warning = rgb(await s.page.evaluate<string>(`(() => {
      const probe = document.createElement('span');
      probe.style.color = 'var(--vscode-list-warningForeground)';
      document.querySelector('.monaco-workbench').appendChild(probe);
      const colour = getComputedStyle(probe).color;
      probe.remove();
      return colour;
    })()`));
    assert.match(warning, /^rgba?\(/);
    assert.match((await icon(sev2).getAttribute('class')) ?? '', /codicon-bell-dot/);
    assert.equal(await colourOf(sev2), warning);
    assert.match((await icon(sev1).getAttribute('class')) ?? '', /codicon-flame/);
    assert.notEqual(await colourOf(sev1), warning);

    // The status bar: the overdue SEV-2, not the SEV-1 that is due later, in the error colour.
    const status = s.page.locator('.statusbar-item').filter({ hasText: /INC-2026-1205-00\d/ });
    await status.first().waitFor({ timeout: 30_000 });
    assert.equal(await status.count(), 1);
    assert.match(await status.innerText(), /SEV-2 INC-2026-1205-002 · 4\d min · update overdue 1\d min/);
    assert.match((await status.getAttribute('class')) ?? '', /error-kind|has-background-color/);
    await s.wb.screenshot(E2E_ARTIFACTS, '08-overdue-update');

    // Its hover lists every active incident with its due state, most urgent first.
    await status.hover();
    const hover = s.page.locator('.workbench-hover, .monaco-hover').filter({ hasText: SEV1 }).filter({ visible: true }).first();
    await hover.waitFor({ timeout: 10_000 });
    const tip = await hover.innerText();
    assert.match(tip, /SEV-2 INC-2026-1205-002[^\n]*update overdue 1\d min[\s\S]*SEV-1 INC-2026-1205-001[^\n]*update in 1\d min/);
  });
});
