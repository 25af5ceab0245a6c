// The layering rules of eslint.config.mjs, as the project's own ESLint configuration applies them:
// src/core imports neither vscode nor the CLI, the extension or src/shared; src/cli imports
// neither vscode nor the extension; the webview imports only src/shared among the src folders.
// Relative paths are refused whatever their depth, and lazy import()s as well as declarations.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const ROOT = join(__dirname, '..', '..');
const LAYER_RULES = new Set(['@typescript-eslint/no-restricted-imports', 'no-restricted-imports', 'no-restricted-syntax']);

let eslint: ESLint | undefined;

/** The layering messages for `code` placed at `file` (a path from the repository root, not read from disk). */
async function layeringProblems(file: string, code: string): Promise<string[]> {
  eslint ??= new ESLint({ cwd: ROOT });
  const filePath = join(ROOT, file);
  assert.equal(await eslint.isPathIgnored(filePath), false, `${file} is linted`);
  const [result] = await eslint.lintText(code, { filePath });
  const fatal = result.messages.filter((m) => m.fatal);
  assert.deepEqual(fatal, [], `${file}: the snippet parses`);
  return result.messages.filter((m) => m.ruleId !== null && LAYER_RULES.has(m.ruleId)).map((m) => `${m.ruleId}: ${m.message}`);
}

const REFUSED: Array<[file: string, code: string]> = [
  ['src/core/x.ts', "export { y } from '../extension/y';"],
  ['src/core/x.ts', "import { y } from '../extension/y';\nexport const z = y;"],
  ['src/core/log/x.ts', "import type { P } from '../../shared/protocol';\nexport type Q = P;"],
  ['src/core/x.ts', "import { main } from '../cli/main';\nexport const m = main;"],
  ['src/core/x.ts', "import * as vscode from 'vscode';\nexport const w = vscode.window;"],
  ['src/core/x.ts', "import * as vscode from '../../src/extension/extension';\nexport const w = vscode;"],
  ['src/core/x.ts', "export async function f() {\n  return import('vscode');\n}"],
  ['src/core/log/x.ts', "export async function f() {\n  return (await import('../../cli/main')).main;\n}"],
  ['src/core/x.ts', "export const p = require('../shared/protocol');"],
  ['src/cli/x.ts', "import * as vscode from 'vscode';\nexport const w = vscode.window;"],
  ['src/cli/commands/x.ts', "import { LogStore } from '../../extension/logStore';\nexport const s = LogStore;"],
  ['src/cli/x.ts', "export async function f() {\n  return import('../extension/logStore');\n}"],
  ['src/shared/x.ts', "import { appendTimelineEntry } from '../core/log/writer';\nexport const a = appendTimelineEntry;"],
  ['src/shared/x.ts', "import { LogStore } from '../extension/logStore';\nexport const s = LogStore;"],
  ['webview/x.ts', "import { z } from '../src/core/z';\nexport const a = z;"],
  ['webview/review/x.ts', "import type { Z } from '../../src/extension/z';\nexport type A = Z;"],
  ['webview/x.ts', "import { run } from '../src/cli/main';\nexport const a = run;"],
  ['webview/x.ts', "import { z } from '../src/other/z';\nexport const a = z;"],
  ['webview/x.ts', "import * as vscode from 'vscode';\nexport const a = vscode;"],
  ['webview/x.ts', "export async function f() {\n  return import('../src/core/index');\n}"],
];

const ALLOWED: Array<[file: string, code: string]> = [
  ['src/core/x.ts', "import { parse } from 'yaml';\nimport { readFileSync } from 'node:fs';\nimport { defaultPolicy } from './playbook/policy';\nexport const a = [parse, readFileSync, defaultPolicy];"],
  ['src/core/log/x.ts', "import { normalizeToken } from '../reader/text';\nexport async function f() {\n  return [normalizeToken, (await import('../playbook/playbook')).loadPolicy];\n}"],
  ['src/cli/x.ts', "import { indexLog } from '../core';\nimport { print } from './commands/shared';\nexport const a = [indexLog, print];"],
  ['src/cli/commands/x.ts', "import { guarded } from './shared';\nexport async function f() {\n  return [guarded, await import('../../core/index')];\n}"],
  ['src/shared/x.ts', "export { TEXT_CONTROL } from '../core/format/controlCharacters';"],
  ['src/extension/x.ts', "import * as vscode from 'vscode';\nimport { indexLog } from '../core';\nexport const a = [vscode, indexLog];"],
  ['webview/x.ts', "import type { PanelState } from '../src/shared/protocol';\nimport { clip } from './text';\nexport const a = clip;\nexport type S = PanelState;"],
  ['webview/compose/x.ts', "import { MAX_DRAFT_TEXT } from '../../src/shared/limits';\nexport const a = MAX_DRAFT_TEXT;"],
  ['webview/compose/x.ts', "export async function f() {\n  return import('../../src/shared/limits');\n}"],
];

test('layering: an import across a layer is refused, through src/ or a relative path at any depth', { timeout: 120_000 }, async () => {
  const missed: string[] = [];
  for (const [file, code] of REFUSED) {
    if ((await layeringProblems(file, code)).length === 0) missed.push(`${file}: ${code}`);
  }
  assert.deepEqual(missed, []);
});

test('layering: imports within the rules pass', { timeout: 120_000 }, async () => {
  const refused: string[] = [];
  for (const [file, code] of ALLOWED) {
    for (const problem of await layeringProblems(file, code)) refused.push(`${file}: ${problem}`);
  }
  assert.deepEqual(refused, []);
});

test('layering: the webview imports values of src/shared from limits only (protocol as types)', { timeout: 120_000 }, async () => {
  assert.notDeepEqual(await layeringProblems('webview/x.ts', "import { ChecklistFromWebview } from '../src/shared/protocol';\nexport const a = ChecklistFromWebview;"), []);
});
