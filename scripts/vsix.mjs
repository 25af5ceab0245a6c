#!/usr/bin/env node
// Packages the extension as users install it: the production build, then vsce over a staging copy
// of what .vscodeignore lets through (so dist/ in the working tree is never replaced under a
// running VS Code). `npm run package` writes incident-playbook-<version>.vsix here; the size test,
// the e2e install test and the bench call packageVsix() and read the same numbers.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/**
 * The most the .vsix may weigh, in bytes (400 KB). Time zones from the runtime's own data instead
 * of luxon took 70 KB out of the extension's bundle.
 */
export const VSIX_GOAL_BYTES = 400 * 1024;

/**
 * The README as the installed extension shows it: the repository's, without its Development
 * section (scripts, dependencies, the source layout), which is for people working on the code;
 * a line points them to it. Its licence line stays.
 */
export function marketplaceReadme(readme) {
  const eol = readme.includes('\r\n') ? '\r\n' : '\n';
  const start = readme.indexOf(`${eol}## Development${eol}`);
  if (start < 0) return readme;
  const next = readme.indexOf(`${eol}## `, start + eol.length);
  const rest = next < 0 ? '' : readme.slice(next);
  const licence = /^Licensed under .*$/m.exec(readme.slice(start, next < 0 ? undefined : next))?.[0];
  const note = `${eol}## Development${eol}${eol}Building, testing and the source layout: see the Development section of [the repository's README](README.md#development).${licence ? `${eol}${eol}${licence}` : ''}${eol}`;
  return readme.slice(0, start) + note + rest;
}

/** A manifest file as packed: package.json without `scripts` and `devDependencies` (the build ran already; nothing installs them). */
function packedJson(name, value) {
  if (name !== 'package.json') return value;
  // The bundle holds its dependencies and the .vsix no `incident` command: the installed
  // extension needs neither the dependency lists nor `bin`.
  const { scripts: _scripts, devDependencies: _dev, dependencies: _deps, bin: _bin, ...packed } = value;
  return packed;
}

/**
 * Builds and packages the extension in a new temp folder. Returns the .vsix path, its size, the
 * files it holds (as vsce lists them: `extension/dist/extension.js`, …) and the staging folder,
 * which the caller removes.
 */
export function packageVsix() {
  const stage = mkdtempSync(join(tmpdir(), 'incident-vsix-'));
  for (const entry of ['package.json', 'package.nls.json', 'README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore', 'media', 'docs']) {
    if (existsSync(join(ROOT, entry))) cpSync(join(ROOT, entry), join(stage, entry), { recursive: true });
  }
  writeFileSync(join(stage, 'README.md'), marketplaceReadme(readFileSync(join(ROOT, 'README.md'), 'utf8')));
  // The manifest and its strings as VS Code reads them, without the indentation kept for people,
  // and without what only this repository uses (its scripts and development packages).
  for (const json of ['package.json', 'package.nls.json']) writeFileSync(join(stage, json), JSON.stringify(packedJson(json, JSON.parse(readFileSync(join(ROOT, json), 'utf8')))));
  execFileSync(process.execPath, ['scripts/build.mjs', '--production', '--out', join(stage, 'dist')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const vsix = join(stage, 'incident-playbook.vsix');
  // Relative links and images in the README are rewritten to the repository's (package.json's
  // `repository`), so the installed extension's README shows them without shipping them.
  // With zlib's best level (scripts/deflate-best.mjs): the same files, a few KB smaller.
  execFileSync(process.execPath, ['--import', pathToFileURL(join(ROOT, 'scripts', 'deflate-best.mjs')).href, vsce, 'package', '--no-dependencies', '--out', vsix], { cwd: stage, stdio: 'pipe' });
  const listing = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: stage, encoding: 'utf8' });
  const files = listing.split('\n').filter(Boolean).map((f) => `extension/${f}`);
  return { vsix, bytes: statSync(vsix).size, files, stage };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const built = packageVsix();
  const out = join(ROOT, `incident-playbook-${version}.vsix`);
  copyFileSync(built.vsix, out);
  rmSync(built.stage, { recursive: true, force: true });
  console.log(`${out}: ${built.files.length} files, ${(built.bytes / 1024).toFixed(1)} KB (goal ≤ ${VSIX_GOAL_BYTES / 1024} KB)`);
}
