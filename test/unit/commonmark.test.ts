// The reader agrees with CommonMark 0.31.2 on block structure, as markdown-it (the parser behind
// VS Code's own markdown preview and outline) reads it: after every example of the spec (all 652,
// the inline ones too: a heading directly after one must interrupt its paragraph), an incident
// heading is seen as an incident exactly where markdown-it sees a heading, both after a blank line
// and directly after the example.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import spec from 'commonmark-spec';
import { indexLog } from '../../src/core';

const PROBE = 'INC-2099-1231-999';
const md = new MarkdownIt('commonmark');

interface Case {
  number: number;
  section: string;
  joined: 'after a blank line' | 'directly after';
  text: string;
  probeLine: number;
}

export function probeCases(): Case[] {
  const cases: Case[] = [];
  for (const example of (spec as { tests: Array<{ markdown: string; section: string; number: number }> }).tests) {
    const markdown = example.markdown.replace(/→/g, '\t');
    const body = markdown.endsWith('\n') ? markdown : markdown + '\n';
    for (const joined of ['after a blank line', 'directly after'] as const) {
      const text = body + (joined === 'after a blank line' ? '\n' : '') + `## ${PROBE}: Probe\n`;
      cases.push({ number: example.number, section: example.section, joined, text, probeLine: text.split('\n').length - 2 });
    }
  }
  return cases;
}

/** Whether markdown-it reads the probe line as a heading of its own (at any depth). */
function markdownItSeesHeading(c: Case): boolean {
  const tokens = md.parse(c.text, {});
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'heading_open' && t.map && t.map[0] === c.probeLine) return true;
  }
  return false;
}

function readerSeesIncident(c: Case): boolean {
  return indexLog(c.text).incidents.some((i) => i.id === PROBE);
}

test('the reader sees an incident heading exactly where markdown-it sees a heading', () => {
  const cases = probeCases();
  const disagree: string[] = [];
  for (const c of cases) {
    const want = markdownItSeesHeading(c);
    const got = readerSeesIncident(c);
    if (want !== got) disagree.push(`example ${c.number} (${c.section}), probe ${c.joined}: markdown-it ${want ? 'sees' : 'does not see'} a heading, the reader ${got ? 'sees' : 'does not see'} an incident\n${JSON.stringify(c.text)}`);
  }
  console.log(`commonmark: ${cases.length - disagree.length} of ${cases.length} probes agree`);
  assert.deepEqual(disagree, []);
});
