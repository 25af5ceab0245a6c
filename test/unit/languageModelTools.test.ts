// The language model tools of the manifest are the agent tools' catalogue (src/core/agent/catalog.ts):
// one per tool, the same input schema as JSON Schema, the model description the catalogue's as
// VS Code runs the tool, and their texts in package.nls.json. `node --import tsx scripts/lm-tools.ts`
// writes them; this fails until it is run after a change to the catalogue.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { zodToJsonSchema } from 'zod-to-json-schema';
import { AGENT_TOOLS } from '../../src/core/agent/catalog';
import { LM_TOOL_PREFIX } from '../../src/extension/agents/toolNames';
import { SCHEMA_OPTIONS, VSCODE_WRITE, languageModelTools, modelDescriptionOf } from '../../scripts/lm-tools';

const ROOT = resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;

interface ManifestTool {
  name: string;
  displayName: string;
  userDescription: string;
  modelDescription: string;
  toolReferenceName: string;
  canBeReferencedInPrompt: boolean;
  tags: string[];
  inputSchema: Record<string, unknown>;
}
const tools: ManifestTool[] = pkg.contributes.languageModelTools ?? [];

/** The manifest as VS Code reads it: every "%key%" string replaced by its package.nls.json text. */
function localized(value: unknown): unknown {
  if (typeof value === 'string') {
    const key = /^%([^%]+)%$/.exec(value)?.[1];
    if (key === undefined) return value;
    assert.equal(typeof nls[key], 'string', `package.nls.json lacks "${key}"`);
    return nls[key];
  }
  if (Array.isArray(value)) return value.map(localized);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, localized(v)]));
  return value;
}

test('one tool per catalogue entry, in its order, named incident_<name>', () => {
  assert.deepEqual(
    tools.map((t) => t.name),
    AGENT_TOOLS.map((t) => `incident_${t.name}`),
  );
  assert.equal(LM_TOOL_PREFIX, 'incident_');
});

test('each input schema is the JSON Schema of the catalogue’s zod shape', () => {
  for (const [n, tool] of AGENT_TOOLS.entries()) {
    const { $schema: _, ...expected } = zodToJsonSchema(z.object(tool.input), SCHEMA_OPTIONS) as Record<string, unknown>;
    assert.deepEqual(localized(tools[n].inputSchema), expected, tool.name);
    assert.equal(expected.type, 'object');
  }
});

test('the model reads the catalogue’s description: the tools named as VS Code names them, a write said to ask first', () => {
  const named = (text: string) => text.replace(new RegExp(`\\b(${AGENT_TOOLS.map((t) => t.name).join('|')})\\b`, 'g'), 'incident_$1');
  for (const [n, tool] of AGENT_TOOLS.entries()) {
    const description = tools[n].modelDescription;
    assert.equal(description, modelDescriptionOf(tool), tool.name);
    if (tool.kind !== 'write') {
      assert.equal(description, named(tool.description), tool.name);
      continue;
    }
    // The preview protocol of the MCP server (preview_id, apply_change) is not VS Code's.
    assert.doesNotMatch(description, /preview_id|apply_change/, tool.name);
    assert.ok(description.endsWith(` ${VSCODE_WRITE}`), tool.name);
    const first = tool.description.slice(0, tool.description.indexOf(' Returns the exact lines'));
    assert.ok(first.length > 20 && description.startsWith(named(first)), `${tool.name}: ${description}`);
  }
});

test('names, texts and tags: a %key% display name (the catalogue’s title), a user description, a unique reference name', () => {
  const references = new Set<string>();
  for (const [n, tool] of AGENT_TOOLS.entries()) {
    const t = tools[n];
    assert.match(t.displayName, /^%languageModelTools\.[a-z_]+\.displayName%$/);
    assert.equal(localized(t.displayName), tool.title);
    assert.match(t.userDescription, /^%[^%]+%$/);
    assert.ok(String(localized(t.userDescription)).length > 20, tool.name);
    assert.match(t.toolReferenceName, /^incident[A-Z][A-Za-z]+$/);
    assert.ok(!references.has(t.toolReferenceName), `${t.toolReferenceName} twice`);
    references.add(t.toolReferenceName);
    assert.equal(t.canBeReferencedInPrompt, true);
    assert.deepEqual(t.tags, ['incident']);
  }
});

test('the manifest and package.nls.json hold what scripts/lm-tools.ts writes (run it after changing the catalogue)', () => {
  const generated = languageModelTools();
  assert.deepEqual(tools, generated.tools);
  assert.deepEqual(
    Object.fromEntries(Object.entries(nls).filter(([k]) => k.startsWith('languageModelTools.'))),
    generated.nls,
  );
});

test('no activation event is added for the tools: VS Code activates the extension for a contributed tool itself', () => {
  assert.ok(!pkg.activationEvents.some((e: string) => e.startsWith('onLanguageModelTool:')));
  assert.match(pkg.engines.vscode, /^\^1\.(9[5-9]|\d{3})\./);
});
