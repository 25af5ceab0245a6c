#!/usr/bin/env node
// Bundles the integration suite (test/integration/*.ts) into out/test/integration/ for the
// extension host: index.js (the mocha runner VS Code calls) and one *.test.js per test file,
// which is also the layout @vscode/test-cli (.vscode-test.mjs) loads.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from './config.mjs';

export const INTEGRATION_OUT = join(ROOT, 'out', 'test', 'integration');

export async function buildIntegrationTests() {
  const src = join(ROOT, 'test', 'integration');
  const entries = existsSync(src) ? readdirSync(src).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')) : [];
  if (!entries.includes('index.ts')) throw new Error(`${join(src, 'index.ts')} is missing.`);
  rmSync(INTEGRATION_OUT, { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: entries.filter((f) => f === 'index.ts' || f.endsWith('.test.ts')).map((f) => join(src, f)),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    outdir: INTEGRATION_OUT,
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return INTEGRATION_OUT;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildIntegrationTests().then(
    (out) => console.log(`integration tests built into ${out}`),
    (e) => {
      console.error(`build-tests: ${e.message}`);
      process.exit(1);
    },
  );
}
