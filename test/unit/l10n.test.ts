// Localization of the manifest: every title, description and welcome text of package.json is a
// %key% of package.nls.json (English), so a translation is a package.nls.<locale>.json beside it
// and no change to the manifest; every key is used, and the VSIX ships the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

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
    // Ids and paths that look like names are not text (a view's id, a command's id).
    .filter(([path]) => !/\.(id|command|view|when|icon)$/.test(path))
    .filter(([, value]) => !/^%[^%]+%$/.test(value));
  assert.deepEqual(literal, []);
});

test('the VSIX ships package.nls.json', () => {
  const ignore = readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n');
  assert.ok(ignore.includes('!package.nls.json'));
});
