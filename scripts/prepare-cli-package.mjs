#!/usr/bin/env node
// Builds the `incident` command into packages/cli/ for `npm pack` there (its prepack script):
// the minified CLI bundle under packages/cli/dist, and the licence beside them. The
// CLI package has no dependencies: everything it runs is in the bundle.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'packages', 'cli');
const version = (file) => JSON.parse(readFileSync(file, 'utf8')).version;
// `incident --version` prints the root package's version: the CLI package must carry the same.
if (version(join(cli, 'package.json')) !== version(join(root, 'package.json'))) {
  console.error(`packages/cli/package.json has version ${version(join(cli, 'package.json'))}, the extension ${version(join(root, 'package.json'))}: make them the same.`);
  process.exit(1);
}
execFileSync(process.execPath, ['scripts/build.mjs', '--production', '--only', 'cli', '--out', 'packages/cli/dist'], { cwd: root, stdio: 'inherit' });
copyFileSync(join(root, 'LICENSE'), join(cli, 'LICENSE'));
