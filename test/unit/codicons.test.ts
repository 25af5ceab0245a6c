// The panels' codicon font is cut down at build time to the icons webview/codicons.json lists
// (scripts/build.mjs). An icon a panel names but the list lacks would show as an empty box: this
// test reads every icon name the panel code gives and holds the list to it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const listed: string[] = JSON.parse(readFileSync(join(ROOT, 'webview', 'codicons.json'), 'utf8')).icons;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Icon names written in the panel code: `icon="x"` attributes and `icon: 'x'` properties. */
function namedIcons(text: string): string[] {
  return [...text.matchAll(/\bicon(?:="|: ')([a-z0-9-]+)['"]/g)].map((m) => m[1]);
}

test('every icon a panel names is in webview/codicons.json', () => {
  const named = new Set(sources(join(ROOT, 'webview')).flatMap((f) => namedIcons(readFileSync(f, 'utf8'))));
  assert.ok(named.size >= 5, `found ${named.size} icon names: the scan has stopped finding them`);
  const missing = [...named].filter((n) => !listed.includes(n));
  assert.deepEqual(missing, [], 'add these to webview/codicons.json');
});

test('the scan finds both spellings', () => {
  assert.deepEqual(namedIcons(`<vscode-button icon="go-to-file">Open</vscode-button> { icon: 'megaphone' }`), ['go-to-file', 'megaphone']);
});

test('every listed icon is a codicon', () => {
  const css = readFileSync(join(ROOT, 'node_modules', '@vscode', 'codicons', 'dist', 'codicon.css'), 'utf8');
  for (const n of listed) assert.ok(css.includes(`.codicon-${n}:before`), n);
});
