// docs/FORMAT.md shows every accepted shape: each of its markdown examples must read as it says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { indexLog } from '../../src/core';

const doc = readFileSync(resolve(__dirname, '../../docs/FORMAT.md'), 'utf8');
const blocks = [...doc.matchAll(/```markdown\n([\s\S]*?)\n```\n/g)].map((m) => m[1]);

test('FORMAT.md: every markdown example is read as an incident (examples without a heading inside one)', () => {
  assert.ok(blocks.length >= 7, `found ${blocks.length} examples`);
  for (const block of blocks) {
    const firstLine = block.split('\n')[0];
    const standalone = (/^#{1,4} /.test(firstLine) || firstLine.startsWith('|')) && !/Timeline/.test(firstLine);
    const text = standalone ? block : `## INC-2026-0101-001: Wrapped example\n\n${block}\n`;
    const idx = indexLog(text);
    assert.ok(idx.incidents.length >= 1, `no incident in:\n${block}`);
    const first = idx.incidents[0];
    if (/Timeline/.test(block)) assert.ok(first.timeline.length >= 1, `no timeline entries in:\n${block}`);
    if (/Severity|Priority|Status/.test(block) && !/Timeline/.test(block.split('\n')[0])) {
      assert.ok(idx.incidents.some((i) => i.severity || i.status), `no fields read in:\n${block}`);
    }
  }
});

test('FORMAT.md: the canonical example reads completely', () => {
  const idx = indexLog(blocks[0]);
  const [inc] = idx.incidents;
  assert.equal(inc.id, 'INC-2026-1120-001');
  assert.deepEqual(inc.roles, { commander: 'Dana Reyes', techLead: 'Sam Okafor', commsLead: 'Priya Natarajan' });
  assert.equal(inc.timeline.length, 2);
  assert.equal(inc.checklist.length, 2);
  assert.equal(inc.actionItems.length, 1);
});
