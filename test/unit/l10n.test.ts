// Localization of the manifest: every title, description and welcome text of package.json is a
// %key% of package.nls.json (English), so a translation is a package.nls.<locale>.json beside it
// and no change to the manifest; every key is used, and the VSIX ships the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { defaultPolicy, indexLog, loadPolicy } from '../../src/core';
import { teamOf } from '../../src/core/oncall/oncall';
import { l10n, useTranslation } from '../../src/extension/l10n';
import { buildOnCallTree } from '../../src/extension/oncall/model';
import { DetailNode, IncidentNode, buildGroups, detailRow, incidentRow } from '../../src/extension/tree/model';

const ROOT = resolve(__dirname, '../..');
const manifest = readFileSync(join(ROOT, 'package.json'), 'utf8');
const pkg = JSON.parse(manifest);
const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;

/** Every string of `value` with the path that leads to it. */
function strings(value: unknown, path: string[] = []): Array<[string, string]> {
  if (typeof value === 'string') return [[path.join('.'), value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, [...path, String(i)]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, [...path, k]));
  return [];
}

test('every %key% in package.json is in package.nls.json, and every key there is used', () => {
  const used = [...manifest.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]);
  assert.ok(used.length >= 60, `${used.length} keys`);
  for (const k of used) assert.equal(typeof nls[k], 'string', `package.nls.json lacks "${k}"`);
  assert.deepEqual(Object.keys(nls).filter((k) => !used.includes(k)), [], 'keys no manifest string uses');
  for (const [k, v] of Object.entries(nls)) assert.ok(v.trim().length > 0, `"${k}" is empty`);
});

test('no user-facing text of the manifest is left in code: titles, names, descriptions and welcome texts are keys', () => {
  const shown = /(^|\.)(title|name|contextualTitle|description|markdownDescription|contents|displayName|category|enumDescriptions\.\d+)$/;
  const literal = strings({ displayName: pkg.displayName, description: pkg.description, capabilities: pkg.capabilities, contributes: pkg.contributes })
    .filter(([path]) => shown.test(path))
    // Ids and paths that look like names are not text (a view's id, a command's id, a language model tool's name).
    .filter(([path]) => !/\.(id|command|view|when|icon)$/.test(path) && !/^contributes\.languageModelTools\.\d+\.name$/.test(path))
    // What a language model reads (a tool's input schema) is the agent tools' English, as the MCP server serves it.
    .filter(([path]) => !/^contributes\.languageModelTools\.\d+\.inputSchema\./.test(path))
    .filter(([, value]) => !/^%[^%]+%$/.test(value));
  assert.deepEqual(literal, []);
});

test('the VSIX ships package.nls.json', () => {
  const ignore = readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n');
  assert.ok(ignore.includes('!package.nls.json'));
});

// Localization of what the extension shows: every message, its buttons included, goes through
// vscode.l10n.t (or is a value made by it), so a translation is an l10n bundle and no change to
// the code. Checked on the syntax tree of every file of src/extension.

/**
 * Not converted yet (being edited elsewhere at the time): each is to be wrapped like the rest,
 * then taken off this list; a path ending in / stands for every file under that folder.
 */
const L10N_TODO: string[] = [];
const todo = (file: string) => L10N_TODO.some((t) => (t.endsWith('/') ? file.startsWith(t) : file === t));

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(rel);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [rel] : [];
  });
}

/** The string or template literals an argument shows as they are (through `? :`, `??`, `||`, `+` and parentheses). */
function bareLiterals(node: ts.Expression): ts.Expression[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) return [node];
  if (ts.isParenthesizedExpression(node)) return bareLiterals(node.expression);
  if (ts.isConditionalExpression(node)) return [...bareLiterals(node.whenTrue), ...bareLiterals(node.whenFalse)];
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.PlusToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(node.operatorToken.kind)) return [...bareLiterals(node.left), ...bareLiterals(node.right)];
  return [];
}

/** `file:line: text` for each message or button of a show{Information,Warning,Error}Message call given as a literal. */
export function unlocalizedMessages(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
      if (/^show(Information|Warning|Error)Message$/.test(name)) {
        for (const arg of node.arguments) {
          for (const literal of bareLiterals(arg)) {
            const { line } = source.getLineAndCharacterOfPosition(literal.getStart(source));
            found.push(`${file}:${line + 1}: ${literal.getText(source).slice(0, 80)}`);
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test('every message the extension shows goes through vscode.l10n.t (no string or template literal in show…Message)', () => {
  const files = sourceFiles('src/extension').filter((f) => !todo(f));
  assert.ok(files.length >= 30, `${files.length} files`);
  const found = files.flatMap((f) => unlocalizedMessages(f, readFileSync(join(ROOT, f), 'utf8')));
  assert.deepEqual(found, []);
});

test('the check finds a literal message, a literal button and a literal branch, and passes l10n.t and variables', () => {
  const code = [
    "vscode.window.showErrorMessage('Incident Playbook: open a folder first.');",
    'void vscode.window.showInformationMessage(`Added to ${id}.`, open);',
    "vscode.window.showWarningMessage(vscode.l10n.t('Saved.'), 'Show Output');",
    "vscode.window.showWarningMessage(ok ? vscode.l10n.t('Done.') : 'Failed.');",
    "vscode.window.showInformationMessage(vscode.l10n.t('Logged {0}.', text), openButton, vscode.l10n.t('Copy'));",
    'vscode.window.showErrorMessage(e instanceof WriteRefused ? e.message : message);',
  ].join('\n');
  assert.deepEqual(unlocalizedMessages('x.ts', code), [
    "x.ts:1: 'Incident Playbook: open a folder first.'",
    'x.ts:2: `Added to ${id}.`',
    "x.ts:3: 'Show Output'",
    "x.ts:4: 'Failed.'",
  ]);
});

/** `file:line: text` for each error thrown for the user (`new WriteRefused(…)`, `new Error(…)`) given a literal: report() shows its message as it stands. */
export function unlocalizedErrors(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && /^(WriteRefused|Error)$/.test(node.expression.text)) {
      for (const literal of (node.arguments ?? []).flatMap(bareLiterals)) {
        const { line } = source.getLineAndCharacterOfPosition(literal.getStart(source));
        found.push(`${file}:${line + 1}: ${literal.getText(source).slice(0, 80)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * Errors thrown for the user that still read as a literal (in a file being edited elsewhere), as
 * `file: text` (no line: the file moves): each to be wrapped, then taken off.
 */
const THROWN_TODO: string[] = []; // every thrown message is translated

test('every error the extension throws for the user goes through vscode.l10n.t (no string or template literal in new WriteRefused/Error)', () => {
  const found = sourceFiles('src/extension').flatMap((f) => unlocalizedErrors(f, readFileSync(join(ROOT, f), 'utf8')));
  assert.deepEqual(
    found.map((f) => f.replace(/:\d+: /, ': ')),
    THROWN_TODO,
  );
});

test('the thrown-error check finds literal and template messages, and passes l10n.t, variables and core messages', () => {
  const code = [
    "throw new WriteRefused('The incident log cannot be read.');",
    'throw new WriteRefused(`${id} is not in the log any more; nothing was written.`);',
    "if (x) throw new Error(ok ? vscode.l10n.t('Done.') : 'Failed.');",
    "throw new WriteRefused(vscode.l10n.t('{0} Nothing was written.', refused));",
    'throw new WriteRefused(unknownSeverityMessage(policy, given));',
    'throw new Error(c.error);',
    "const r = new RangeError('not checked');",
  ].join('\n');
  assert.deepEqual(unlocalizedErrors('x.ts', code), [
    "x.ts:1: 'The incident log cannot be read.'",
    'x.ts:2: `${id} is not in the log any more; nothing was written.`',
    "x.ts:3: 'Failed.'",
  ]);
});

test('the list of files still to convert names only files that exist', () => {
  for (const f of L10N_TODO) assert.ok(existsSync(join(ROOT, f)), f);
});

test("the view models' English fallback fills {0} placeholders as vscode.l10n.t does without a bundle", () => {
  assert.equal(l10n.t('Timeline'), 'Timeline');
  assert.equal(l10n.t('{0} of {1} entries, {0} again', 'INC-1', 3), 'INC-1 of 3 entries, INC-1 again');
  assert.equal(l10n.t('{0}: {1}', '{1}', 'x'), '{1}: x', 'an argument is not read again for placeholders');
  assert.equal(l10n.t('{0} and {1}', 'only one'), 'only one and {1}', 'a placeholder without an argument stays');
});

test('the Incidents and On Call views take their row text from the translation they are given', () => {
  const log = ['## INC-2026-1120-001: Checkout errors', '- **Status:** Mitigating', '', '### Timeline', '- 2026-11-20 14:20 UTC — Alert fired', ''].join('\n');
  const policy = defaultPolicy();
  const team = teamOf(loadPolicy('escalation:\n  - { name: CEO, contact: "+966-5X-XXX-XXXX" }\n'));
  const read = () => {
    const [group] = buildGroups(indexLog(log, { policy }).incidents, policy, 'status', { severities: [], statuses: [] });
    const incident = group.children[0] as IncidentNode;
    return { group: group.label, description: incidentRow(incident, undefined).description, timeline: detailRow(new DetailNode('timeline', incident, 3, 'k')), oncall: buildOnCallTree(team, new Date())[0].label };
  };
  assert.deepEqual(read(), { group: 'Active', description: 'no severity · Mitigating · INC-2026-1120-001', timeline: { label: 'Timeline', description: '1 entry' }, oncall: 'Escalation' });
  useTranslation((message, ...args) => `«${message.replace(/\{(\d+)\}/g, (_, n: string) => String(args[Number(n)]))}»`);
  try {
    assert.deepEqual(read(), { group: '«Active»', description: '«no severity» · Mitigating · INC-2026-1120-001', timeline: { label: '«Timeline»', description: '«1 entry»' }, oncall: '«Escalation»' });
  } finally {
    useTranslation((message, ...args) => message.replace(/\{(\d+)\}/g, (m, n: string) => (args[Number(n)] === undefined ? m : String(args[Number(n)]))));
  }
});
