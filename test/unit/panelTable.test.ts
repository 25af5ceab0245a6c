// The panels' table (src/extension/panels/panelTable.ts) and package.json name the same panels:
// each row's view type is activated on, and its command is contributed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Commands } from '../../src/extension/commandIds';
import { PANELS, PANEL_VIEW_TYPES } from '../../src/extension/panels/panelTable';

const ROOT = resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

test('every panel view type is a row of the table, activated on in package.json, and read as a panel tab', () => {
  const activated = (pkg.activationEvents as string[]).filter((e) => e.startsWith('onWebviewPanel:')).map((e) => e.slice('onWebviewPanel:'.length));
  assert.deepEqual(PANELS.map((r) => r.viewType).sort(), [...activated].sort());
  assert.deepEqual(PANELS.map((r) => r.viewType).sort(), Object.values(PANEL_VIEW_TYPES).sort());
  for (const r of PANELS) assert.match(r.viewType, /^incidentPlaybook\.\w+Panel$/);
});

test('each row opens with a contributed command of its own', () => {
  const contributed = new Set((pkg.contributes.commands as Array<{ command: string }>).map((c) => c.command));
  const known = new Set<string>(Object.values(Commands));
  for (const r of PANELS) assert.ok(known.has(r.command) && contributed.has(r.command), r.command);
  assert.equal(new Set(PANELS.map((r) => r.command)).size, PANELS.length);
  assert.deepEqual(
    PANELS.map((r) => r.command),
    [Commands.openChecklist, Commands.openReview, Commands.composeUpdate, Commands.composeSummary, Commands.showMetrics],
  );
});
