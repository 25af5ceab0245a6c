// Incremental re-indexing must always agree with a full index of the same text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { type Incident, type LogIndex, applySplices, appendTimelineEntry, defaultPolicy, indexLog, plainIncident, readingProblems, reindexLog, setField } from '../../src/core';
import { fixture } from './helpers';

const policy = defaultPolicy();

function snapshot(index: LogIndex) {
  return {
    incidents: index.incidents.map((i: Incident) => plainIncident(i)),
    problems: index.problems,
    // What an editor checks after a keystroke: the scan's problems and each incident's own.
    scanProblems: index.scanProblems,
    reading: index.incidents.map((i) => readingProblems(i)),
    declareSlot: index.declareSlot,
    lineCount: index.lineCount,
    hasConflicts: index.hasConflicts,
  };
}

function bigLog(n: number): string {
  const parts = ['# Incident Log', ''];
  for (let k = n; k >= 1; k--) {
    const id = `INC-2026-0101-${String(k).padStart(3, '0')}`;
    parts.push(`## ${id}: Incident ${k}`, '- **Severity:** SEV-2', '- **Status:** Mitigating', `- **Detected:** 2026-01-01 10:${String(k % 60).padStart(2, '0')} UTC`, '', '### Timeline', '- 2026-01-01 10:00 UTC — start (@a)', '');
  }
  return parts.join('\n');
}

test('an edit inside one incident reuses the others and matches a full index', () => {
  const text = bigLog(50);
  const prev = indexLog(text, { policy });
  const target = prev.incidents[20];
  const edited = applySplices(text, appendTimelineEntry(prev, target.id, { at: new Date('2026-01-01T11:00:00Z'), text: 'more', owner: 'b' }, policy));
  const next = reindexLog(prev, edited, { policy });
  assert.strictEqual(next.incidents[0], prev.incidents[0], 'incidents before the edit are the same objects');
  assert.deepEqual(snapshot(next), snapshot(indexLog(edited, { policy })));
  // Edits keep composing.
  const again = applySplices(edited, setField(next, prev.incidents[40].id, 'status', 'Resolved', policy));
  assert.deepEqual(snapshot(reindexLog(next, again, { policy })), snapshot(indexLog(again, { policy })));
});

test('random edits: reindexLog always equals indexLog', () => {
  const corpus = ['canonical.md', 'bold-breaks.md', 'fences.md', 'crlf-bom.md', 'table-fields.md'].map(fixture);
  corpus.push(bigLog(8));
  const pieces = fc.constantFrom('x', ' ', '\n', '- 2026-01-01 12:00 UTC — y\n', '**Status:** Resolved\n', '## ', '```\n', '    ', '<!--', '|', '- [ ] t\n', '\r\n', 'SEV-1', '14:30 ');
  fc.assert(
    fc.property(fc.constantFrom(...corpus), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 20 }), fc.array(pieces, { maxLength: 3 })), { minLength: 1, maxLength: 5 }), (log, edits) => {
      let text = log;
      let index = indexLog(text, { policy });
      for (const [at, len, insert] of edits) {
        const start = at % (text.length + 1);
        const end = Math.min(text.length, start + len);
        text = text.slice(0, start) + insert.join('') + text.slice(end);
        index = reindexLog(index, text, { policy });
        assert.deepEqual(snapshot(index), snapshot(indexLog(text, { policy })));
      }
    }),
    { numRuns: 600, seed: 11 },
  );
});

test('an edit of a section pasted twice word for word reads the log whole: the copies are two incidents once they differ', () => {
  const policy = defaultPolicy();
  const section = '## Incidente #002\n- **Status:** Resolvido\n\nFila de e-mails parada.\n\n';
  const log = `# Registro de Incidentes\n\n## Incidente #001\n- **Status:** Resolvido\n\nLogin lento.\n\n${section}${section}## Incidente #005\n- **Status:** Resolvido\n\nRelatório vazio.\n`;
  const before = indexLog(log, { policy });
  assert.deepEqual(before.incidents.map((i) => i.id), ['#001', '#002', '#005']);
  const typed = log.replace('Fila de e-mails parada.', 'Fila de e-mails parada por uma hora.');
  const shape = (index: ReturnType<typeof indexLog>) => index.incidents.map((i) => [i.id, i.line, i.start, i.end]);
  assert.deepEqual(shape(reindexLog(before, typed, { policy })), shape(indexLog(typed, { policy })));
  assert.equal(indexLog(typed, { policy }).incidents.length, 4);
});
