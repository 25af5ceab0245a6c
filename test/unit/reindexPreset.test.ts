// Re-indexing after an edit counts the log's severity tokens again only when the edited lines
// hold one: the preset (P1..P4 or SEV) must still be what a full index of the new text chooses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type Incident, type LogIndex, defaultPolicy, indexLog, plainIncident, reindexLog } from '../../src/core';

const policy = defaultPolicy();

function log(severities: string[]): string {
  const parts = ['# Incident Log', ''];
  severities.forEach((sev, k) => {
    const id = `INC-2026-0101-${String(k + 1).padStart(3, '0')}`;
    parts.push(`## ${id}: Incident ${k + 1}`, `- **Severity:** ${sev}`, '- **Status:** Mitigating', '- **Detected:** 2026-01-01 10:00 UTC', '', 'Notes about the impact.', '');
  });
  return parts.join('\n');
}

function facts(index: LogIndex) {
  return { preset: index.inferredPolicy?.reason ?? null, incidents: index.incidents.map((i: Incident) => plainIncident(i)) };
}

/** `text` with the first `from` after `after` replaced by `to`. */
function edit(text: string, after: string, from: string, to: string): string {
  const at = text.indexOf(from, text.indexOf(after));
  return text.slice(0, at) + to + text.slice(at + from.length);
}

test('an edit of a line without severity tokens keeps the preset the log was read with', () => {
  const text = log(['P1', 'P2', 'P3']);
  const prev = indexLog(text, { policy });
  assert.ok(prev.inferredPolicy, 'a log in P-levels is read with the P1..P4 preset');
  const edited = edit(text, 'INC-2026-0101-002', 'Notes about', 'More notes about');
  const next = reindexLog(prev, edited, { policy });
  assert.strictEqual(next.inferredPolicy?.policy, prev.inferredPolicy.policy);
  assert.deepEqual(facts(next), facts(indexLog(edited, { policy })));
});

test('writing the first SEV token into a P-level log reads it with the SEV policy again', () => {
  const text = log(['P1', 'P2', 'P3']);
  const prev = indexLog(text, { policy });
  const edited = edit(text, 'INC-2026-0101-002', 'Notes about', 'SEV-1 notes about');
  const next = reindexLog(prev, edited, { policy });
  assert.equal(next.inferredPolicy, undefined);
  assert.deepEqual(facts(next), facts(indexLog(edited, { policy })));
});

test('removing the only SEV token of a log reads it with the P1..P4 preset', () => {
  const text = log(['P1', 'P2', 'P3']).replace('Notes about the impact.', 'Notes: SEV-1 at first.');
  const prev = indexLog(text, { policy });
  assert.equal(prev.inferredPolicy, undefined);
  const edited = text.replace('Notes: SEV-1 at first.', 'Notes: high at first.');
  const next = reindexLog(prev, edited, { policy });
  assert.ok(next.inferredPolicy);
  assert.deepEqual(facts(next), facts(indexLog(edited, { policy })));
});

test('adding P0 to a P-level log moves it to the P0..P4 preset', () => {
  const text = log(['P1', 'P2', 'P3']);
  const prev = indexLog(text, { policy });
  const edited = edit(text, 'INC-2026-0101-003', 'Notes about', 'Was P0 at first. Notes about');
  const next = reindexLog(prev, edited, { policy });
  assert.notStrictEqual(next.inferredPolicy?.policy, prev.inferredPolicy?.policy);
  assert.deepEqual(facts(next), facts(indexLog(edited, { policy })));
});
