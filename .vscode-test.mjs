// @vscode/test-cli configuration: `npm run test:electron` runs the integration suite
// (test/integration) in a downloaded desktop VS Code, on a fresh copy of the fixture workspace.
// It needs a machine that can download VS Code; CI uses code-server instead (npm run test:integration).
import { defineConfig } from '@vscode/test-cli';
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

// The suite is TypeScript; bundle it into out/test/integration first (npm run build, which
// test:electron runs before this, builds the extension itself).
execFileSync(process.execPath, ['scripts/vscode/build-tests.mjs'], { stdio: 'inherit' });

// A fresh copy each run, in the gitignored cache folder (the suite writes to its log).
const workspace = resolve('.vscode-test', 'electron-workspace');
rmSync(workspace, { recursive: true, force: true });
cpSync('test/fixtures/workspaces/basic', workspace, { recursive: true });

export default defineConfig({
  label: 'integration',
  files: 'out/test/integration/**/*.test.js',
  workspaceFolder: workspace,
  version: 'stable',
  mocha: { ui: 'bdd', timeout: 30_000 },
  launchArgs: ['--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
});
