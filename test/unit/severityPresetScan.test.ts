// presetForLog stops at the first SEV-n token and counts P-levels only when there is none: it
// must choose what the full count of both kinds chooses (a preset when the log writes P-levels
// and no SEV-n token; P0 above P1 when it writes P0), on the fixture logs and on random text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { defaultPolicy } from '../../src/core/playbook/policy';
import { presetForLog, severityTokenCounts } from '../../src/core/playbook/severityPreset';

const policy = defaultPolicy();

/** What the preset is, by the full count: none, the P1..P4 preset, or the one with P0. */
function expected(text: string): 'none' | 'p' | 'p0' {
  const counts = severityTokenCounts(text);
  if (counts.p === 0 || counts.sev > 0) return 'none';
  return counts.p0 ? 'p0' : 'p';
}

function chosen(text: string): 'none' | 'p' | 'p0' {
  const preset = presetForLog(text, policy);
  if (!preset) return 'none';
  return preset.policy.severities.some((s) => s.id === 'P0') ? 'p0' : 'p';
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

test('the preset a log is read with: as the full count of its tokens says, on every fixture log', () => {
  const seen = new Set<string>();
  for (const path of files(join(__dirname, '../fixtures/logs'))) {
    const text = readFileSync(path, 'utf8');
    const want = expected(text);
    assert.equal(chosen(text), want, path);
    seen.add(want);
  }
  assert.ok(seen.has('none') && (seen.has('p') || seen.has('p0')), 'the fixtures hold logs of both kinds');
});

test('the preset a log is read with: a SEV-n token anywhere, or a false start before it, decides as the count does', () => {
  const cases = [
    'P1', 'P0 P2', 'P1 SEV-1', 'SEV-1 P1', 'P1\nSeverity: SEV2', 'P1 Sev 3', 'P1 sev-2', 'P1 SEVx', 'P1 SEV-', 'P1 xSEV-1', 'P1 SEV-1x', 'P1 SEVSEV-1',
    'P1 SEV-1_', 'P1 _SEV-1', 'P1 -SEV-1', 'P1 SeV-1', 'P1 sEv1', 'P1 Severity', 'P1 SEV 12', 'P1 SEV--1', 'P1 éSEV1', 'P1 SEV1é', '', 'SEV-1',
  ];
  for (const text of cases) assert.equal(chosen(text), expected(text), JSON.stringify(text));
  // The policy a playbook gives is never replaced.
  assert.equal(presetForLog('P1', { ...policy, builtIn: false }), undefined);
});

const units = fc.constantFrom('P', 'S', 's', 'E', 'e', 'V', 'v', '0', '1', '4', '5', '-', ' ', '_', 'a', '.', '\n', 'é', '٣', '—', '\u{1D400}', 'SEV', 'Sev', 'sev', 'P1', 'P0', 'SEV-1');

test('the preset a log is read with: as the full count says, on random text', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: units, maxLength: 40 }), fc.string({ maxLength: 40 })), (text) => {
      assert.equal(chosen(text), expected(text));
    }),
    { numRuns: 20000, seed: 20261206 },
  );
});
