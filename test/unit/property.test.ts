// Property-based tests of the lossless writer: thousands of random edits on random and corpus
// logs, each checked against what the splice may touch and what the log must still say.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import {
  type Incident,
  type LogIndex,
  type Splice,
  appendTimelineEntry,
  applySplices,
  declareIncident,
  defaultPolicy,
  foldUserText,
  indexLog,
  policyOf,
  resolveIncident,
  setField,
  stripInline,
} from '../../src/core';
import { FIXTURES, fixture } from './helpers';

const policy = defaultPolicy();
const corpus = readdirSync(FIXTURES).filter((f) => f.endsWith('.md')).map(fixture);

const word = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 .,'-]{0,24}$/);
const ascii = fc.constantFrom('-', '*', '+');
const timeStamp = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T23:59:00Z'), noInvalidDate: true }).map((d) => {
  d.setUTCSeconds(0, 0);
  return d;
});

const fieldLine = fc.tuple(fc.constantFrom('list-bold', 'bold', 'bold-outside', 'plain'), fc.constantFrom('Severity', 'Status', 'Detected', 'Incident Commander', 'Owner', 'Region'), word, fc.boolean()).map(([style, key, value, hardBreak]) => {
  const v = key === 'Severity' ? 'SEV-2' : key === 'Detected' ? '2026-05-01 10:00 UTC' : value;
  const br = hardBreak ? '  ' : '';
  if (style === 'list-bold') return `- **${key}:** ${v}`;
  if (style === 'bold') return `**${key}:** ${v}${br}`;
  if (style === 'bold-outside') return `**${key}**: ${v}${br}`;
  return key === 'Owner' || key === 'Region' ? `- **${key}:** ${v}` : `${key}: ${v}`;
});

const timelineBlock = fc.tuple(ascii, fc.array(fc.tuple(timeStamp, word), { minLength: 0, maxLength: 4 }), fc.boolean()).map(([bullet, entries, bold]) => [
  '### Timeline',
  ...entries
    .sort((a, b) => a[0].getTime() - b[0].getTime())
    .map(([d, w]) => {
      const stamp = `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
      return `${bullet} ${bold ? `**${stamp}**` : stamp} — ${w}`;
    }),
]);

const incidentBlock = fc.tuple(fc.integer({ min: 1, max: 999 }), word, fc.array(fieldLine, { minLength: 1, maxLength: 5 }), fc.option(timelineBlock), fc.boolean()).map(([n, title, fields, timeline, checklist]) => [
  `## INC-2026-0501-${String(n).padStart(3, '0')}: ${title}`,
  '- **Severity:** SEV-1',
  ...fields,
  '',
  ...(timeline ?? []),
  ...(checklist ? ['', '### Checklist', '- [ ] one', '- [x] two'] : []),
]);

const otherBlock = fc.constantFrom(
  ['## Notes', 'Plain prose with a **bold** word.'],
  ['```', '## INC-2026-0101-001: inside a fence', '- **Severity:** SEV-1', '```'],
  ['<!--', '## 2026-01-02 hidden', '-->'],
  ['| Date | Note |', '| --- | --- |', '| 2026-01-01 | no severity column |'],
  ['    ## 2026-01-03 indented code'],
  ['Ünïcödé ✓ 日本語 — emoji 🚒'],
);

const randomLog = fc
  .tuple(fc.array(fc.oneof(incidentBlock, otherBlock), { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.boolean(), fc.boolean())
  .map(([blocks, eol, bom, frontMatter, finalEol]) => {
    const lines = [...(frontMatter ? ['---', 'title: log', '---'] : []), '# Incident Log', '', ...blocks.flatMap((b) => [...b, ''])];
    const body = lines.join(eol);
    return (bom ? '\ufeff' : '') + (finalEol ? body : body.replace(/(\r?\n)+$/, ''));
  });

const anyLog = fc.oneof(randomLog, fc.constantFrom(...corpus));
const nastyText = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '\n', '\r\n', '|', '#', '<', '>', '*', '`', '@', '(', ')', '\\', '—', 'é', '🚒', '\t', '-', '[', ']'), minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== '' && foldUserText(s) !== '');
const plainText = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ,.]{0,30}[A-Za-z0-9]$/);

type Edit =
  | { kind: 'append'; pick: number; text: string; at: Date }
  | { kind: 'set'; pick: number; field: string; value: string }
  | { kind: 'resolve'; pick: number; at: Date }
  | { kind: 'declare'; title: string; at: Date };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('append' as const), pick: fc.nat(), text: fc.oneof(nastyText, plainText), at: timeStamp }),
  fc.record({ kind: fc.constant('set' as const), pick: fc.nat(), field: fc.constantFrom('status', 'severity', 'commander', 'tech-lead', 'comms-lead', 'Region'), value: fc.oneof(plainText, nastyText) }),
  fc.record({ kind: fc.constant('resolve' as const), pick: fc.nat(), at: timeStamp }),
  fc.record({ kind: fc.constant('declare' as const), title: fc.oneof(plainText, nastyText), at: timeStamp }),
);

function sections(index: LogIndex): Incident[] {
  return index.incidents.filter((i) => i.source === 'section');
}

/** What every other incident says, for comparison before and after an edit. */
function summary(i: Incident) {
  return { id: i.id, title: i.title, severity: i.severity, status: i.status, fields: i.fields.map((f) => [f.key, f.value]), timeline: i.timeline.map((e) => [e.at, e.text, e.owner]), checklist: i.checklist.length };
}

function checkSplices(text: string, index: LogIndex, splices: Splice[], kind: Edit['kind']) {
  for (const s of splices) {
    // Nothing before the body (BOM, front matter) is ever touched.
    assert.ok(s.start >= index.bodyStart, 'splice inside the front matter');
    const removed = text.slice(s.start, s.end);
    assert.ok(!removed.includes('\n'), 'a splice never removes a line break');
    if (kind !== 'set' && kind !== 'resolve') assert.equal(s.start, s.end, 'appends and declares only insert');
    // Inserted text uses the file's own line endings.
    if (index.eol === '\r\n') assert.ok(!/[^\r]\n|^\n/.test(s.text), 'LF inserted into a CRLF file');
    else assert.ok(!s.text.includes('\r'), 'CR inserted into an LF file');
  }
}

function applyEdit(text: string, e: Edit): string {
  const index = indexLog(text, { policy });
  const targets = sections(index);
  let splices: Splice[];
  let target: Incident | undefined;
  if (e.kind === 'declare') {
    // A log read with an inferred preset (P-levels, no playbook) is written with that preset.
    const used = policyOf(index, policy);
    splices = declareIncident(index, { title: e.title, severity: used.severities[1].id, commander: 'Ana', at: e.at }, used).splices;
  } else {
    if (targets.length === 0) return text;
    target = targets[e.pick % targets.length];
    if (index.incidents.filter((i) => i.id === target!.id).length > 1) return text; // duplicate ids: ambiguous target
    if (e.kind === 'append') splices = appendTimelineEntry(index, target.id, { at: e.at, text: e.text, owner: 'ops' }, policy);
    else if (e.kind === 'set') splices = setField(index, target.id, e.field, e.value, policy);
    else splices = resolveIncident(index, target.id, { at: e.at }, policy);
  }
  checkSplices(text, index, splices, e.kind);
  const after = applySplices(text, splices);
  assert.ok(after.startsWith(text.slice(0, index.bodyStart)), 'BOM and front matter stay byte-identical');
  const re = indexLog(after, { policy });
  const grew = e.kind === 'declare' ? 1 : 0;
  assert.equal(re.incidents.length, index.incidents.length + grew, 'user text never creates or removes an incident');
  // Every incident the edit did not target reads exactly as before.
  const others = index.incidents.filter((i) => i !== target && i.source === 'section');
  for (const o of others) {
    const now = re.incidents.find((i) => i.id === o.id && i.title === o.title && i.fields.length === o.fields.length);
    assert.ok(now, `incident ${o.id} is still there`);
    assert.deepEqual(summary(now), summary(o));
  }
  if (target && e.kind === 'append') {
    const t = re.incidents.find((i) => i.start === target!.start)!;
    assert.equal(t.timeline.length, target.timeline.length + 1, 'exactly one entry more');
    const added = t.timeline.find((x) => !target!.timeline.some((y) => y.line === x.line && y.text === x.text)) ?? t.timeline.at(-1)!;
    if (/^[A-Za-z0-9 ,.]+$/.test(e.text)) assert.equal(added.text, stripInline(foldUserText(e.text)));
  }
  if (target && e.kind === 'set' && /^[A-Za-z0-9 ,.]+$/.test(e.value)) {
    const t = re.incidents.find((i) => i.start === target!.start)!;
    const f = t.fields.find((x) => x.key.toLowerCase() === e.field.toLowerCase() || (x.canonical && ({ status: 'status', severity: 'severity', commander: 'commander', 'tech-lead': 'techLead', 'comms-lead': 'commsLead' } as Record<string, string>)[e.field] === x.canonical));
    assert.equal(f?.value, foldUserText(e.value));
  }
  return after;
}

test('random edits on random and corpus logs change nothing outside their splices', () => {
  let edits = 0;
  fc.assert(
    fc.property(anyLog, fc.array(edit, { minLength: 1, maxLength: 4 }), (log, list) => {
      let text = log;
      for (const e of list) {
        text = applyEdit(text, e);
        edits++;
      }
    }),
    { numRuns: 1500, seed: Number(process.env.FC_SEED ?? 20261122) },
  );
  assert.ok(edits > 2000, `ran ${edits} edits`);
});

test('re-indexing any text never throws and offsets stay inside the text', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ maxLength: 400 }), randomLog, fc.string({ unit: fc.constantFrom('#', ' ', '\n', '`', '~', '|', '-', '*', ':', '<!--', '-->', 'INC-2026-0101-001', '2026-01-01', '**Severity:** SEV-1', '\r\n', '<<<<<<< a', '>>>>>>> b'), maxLength: 80 })), (text) => {
      const idx = indexLog(text, { policy });
      for (const i of idx.incidents) {
        assert.ok(i.start >= 0 && i.start <= i.end && i.end <= text.length);
        for (const f of i.fields) assert.ok(f.valueStart <= f.valueEnd && f.valueEnd <= text.length);
      }
    }),
    { numRuns: 1500, seed: 7 },
  );
});
