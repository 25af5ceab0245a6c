// Block structure as CommonMark reads it, on log-shaped text: what hides an incident heading,
// what does not, and the finding that says why and how to fix it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indexLog } from '../../src/core';

const ids = (text: string) => indexLog(text).incidents.map((i) => i.id);
const findings = (text: string) => indexLog(text).problems.filter((p) => p.code === 'swallowed-heading' || p.code === 'unterminated-fence');

const A = '## INC-2026-0101-001: Checkout down\n\n- **Severity:** SEV-1\n';
const B = '## INC-2026-0102-001: Webhooks delayed\n\n- **Severity:** SEV-2\n';

test('a fence inside a timeline entry ends with its list item: later incidents stay visible', () => {
  const text = `${A}\n### Timeline\n\n- 10:00 Ran\n  \`\`\`\n  kubectl rollout undo\n${B}`;
  assert.deepEqual(ids(text), ['INC-2026-0101-001', 'INC-2026-0102-001']);
  assert.deepEqual(findings(text), []);
  // The fence may open on the marker's own line, too.
  assert.deepEqual(ids(`${A}\n- \`\`\`\n  x\n${B}`), ['INC-2026-0101-001', 'INC-2026-0102-001']);
});

test('a closing fence indented 4 spaces does not close the fence', () => {
  const text = `${A}\n\`\`\`\nlog\n    \`\`\`\n${B}`;
  assert.deepEqual(ids(text), ['INC-2026-0101-001']);
  const [fence, swallowed] = findings(text);
  assert.equal(fence.code, 'unterminated-fence');
  assert.equal(swallowed.line, 8);
  assert.match(swallowed.message, /^Line 8 looks like an incident heading but is not read as one: it is inside the code fence opened on line 5, which is never closed\. To make it an incident, close that fence before line 8\.$/);
});

test('an HTML block runs on to the next blank line: a heading directly after it is HTML', () => {
  const text = `${A}\n<details>\n<summary>Graphs</summary>\n</details>\n${B}`;
  assert.deepEqual(ids(text), ['INC-2026-0101-001']);
  const [swallowed] = findings(text);
  assert.match(swallowed.message, /HTML block opened on line 5 \(<details\) runs on to the next blank line\. To make it an incident, add a blank line before line 8\./);
  assert.deepEqual(ids(`${A}\n<details>\n</details>\n\n${B}`), ['INC-2026-0101-001', 'INC-2026-0102-001']);
});

test('raw HTML blocks (<style>, <script>, <pre>, <textarea>) run to their end tag', () => {
  assert.deepEqual(ids(`${A}\n<pre>\n${B}</pre>\n`), ['INC-2026-0101-001']);
  assert.deepEqual(ids(`${A}\n<pre>\nx\n</PRE>\n\n${B}`), ['INC-2026-0101-001', 'INC-2026-0102-001']);
  const open = findings(`${A}\n<style\n  type="text/css">\n\n${B}`);
  assert.deepEqual(open.map((p) => p.code), ['unterminated-fence', 'swallowed-heading']);
  assert.match(open[0].message, /HTML block opened on line 5 \(<style\) is never closed with <\/style>/);
});

test('a complete tag alone on a line is an HTML block only where it does not continue a paragraph', () => {
  assert.deepEqual(ids(`${A}\n<a href="/runbook">\n${B}`), ['INC-2026-0101-001']);
  assert.deepEqual(ids(`${A}\nSee\n<a href="/runbook">\n${B}`), ['INC-2026-0101-001', 'INC-2026-0102-001']);
});

test('a fence that is closed hides its headings without a finding (a template or an example)', () => {
  const text = `${A}\n\`\`\`markdown\n## INC-2026-0101-009: Example\n\`\`\`\n\n${B}`;
  assert.deepEqual(ids(text), ['INC-2026-0101-001', 'INC-2026-0102-001']);
  assert.deepEqual(findings(text), []);
});

test('a line of 200 KB of nested list markers is read in linear time', () => {
  const line = '- '.repeat(100_000) + 'x';
  const t = performance.now();
  assert.deepEqual(ids(`${A}${line}\n${B}`), ['INC-2026-0101-001', 'INC-2026-0102-001']);
  assert.ok(performance.now() - t < 2000);
});
