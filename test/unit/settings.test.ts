// The settings table (src/extension/settingIds.ts) and package.json's contributes.configuration
// name the same settings with the same defaults and bounds, as commandIds.test.ts holds commands.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Settings, settingValue } from '../../src/extension/settingIds';

const ROOT = resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const contributed = pkg.contributes.configuration.properties as Record<string, { default: unknown; minimum?: number; maximum?: number; enum?: unknown[] }>;

test('the table and contributes.configuration list the same settings, defaults, ranges and choices', () => {
  assert.deepEqual(Object.values(Settings).map((s) => s.id).sort(), Object.keys(contributed).sort());
  for (const s of Object.values(Settings)) {
    const c = contributed[s.id];
    assert.deepEqual(s.default, c.default, `${s.id} default`);
    assert.equal('min' in s ? s.min : undefined, c.minimum, `${s.id} minimum`);
    assert.equal('max' in s ? s.max : undefined, c.maximum, `${s.id} maximum`);
    assert.deepEqual('choices' in s ? s.choices : undefined, c.enum, `${s.id} choices`);
  }
});

test('a value of the wrong type, out of range or not offered reads as the default or the bound', () => {
  assert.equal(settingValue('logPath', '  logs/INCIDENTS.md '), 'logs/INCIDENTS.md');
  assert.equal(settingValue('logPath', '   '), 'docs/INCIDENT_LOG.md');
  assert.equal(settingValue('logPath', 42), 'docs/INCIDENT_LOG.md');
  assert.equal(settingValue('groupBy', 'severity'), 'severity');
  assert.equal(settingValue('groupBy', 'owner'), 'status');
  assert.equal(settingValue('remindersSnoozeMinutes', 0), 1);
  assert.equal(settingValue('remindersSnoozeMinutes', 10_000), 240);
  assert.equal(settingValue('remindersSnoozeMinutes', Number.NaN), 10);
  assert.equal(settingValue('remindersEnabled', 'no'), true);
  assert.equal(settingValue('shellIntegrationTimeout', 0), 0);
  assert.equal(settingValue('displayTimeZone', undefined), '');
});
