#!/usr/bin/env node
// Runs mocha test files in this process (start it with `node --import tsx` for TypeScript) and
// writes the counts to --result FILE. Used for the browser e2e suite.
// Usage: node --import tsx scripts/vscode/run-mocha.mjs --result FILE [--grep RE] FILE...
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Mocha from 'mocha';

const args = process.argv.slice(2);
let resultFile;
let grep;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--result') resultFile = args[++i];
  else if (args[i] === '--grep') grep = args[++i];
  else files.push(resolve(args[i]));
}

const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 120_000, color: process.stdout.isTTY });
if (grep) mocha.grep(grep);
for (const f of files) mocha.addFile(f);

const write = (r) => resultFile && writeFileSync(resultFile, JSON.stringify(r));
try {
  await mocha.loadFilesAsync();
  const failedTests = [];
  const runner = mocha.run((failures) => {
    const { passes = 0, failures: failed = 0, pending = 0 } = runner.stats ?? {};
    write({ passed: passes, failed: Math.max(failed, failures), skipped: pending, failures: failedTests });
    process.exitCode = failures > 0 ? 1 : 0;
  });
  runner.on('fail', (test, err) => failedTests.push({ title: test.fullTitle(), message: String(err?.message ?? err) }));
} catch (e) {
  console.error(`mocha: could not load the suite: ${e?.stack ?? e}`);
  write({ passed: 0, failed: 1, skipped: 0, error: String(e?.message ?? e) });
  process.exitCode = 1;
}
