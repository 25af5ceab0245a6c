// The entry VS Code's extension host calls with `extensionTestsPath`: runs every *.test.js
// beside it with mocha and resolves (exit code 0) or rejects (exit code 1). The console of the
// extension host reaches the harness line by line, so the reporter prints plain lines, and a
// last machine-readable line carries the counts.
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const { EVENT_RUN_END, EVENT_TEST_FAIL, EVENT_TEST_PASS, EVENT_TEST_PENDING, EVENT_SUITE_BEGIN } = Mocha.Runner.constants;

class PlainReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const failures: Array<{ title: string; message: string }> = [];
    let passed = 0;
    let pending = 0;
    runner.on(EVENT_SUITE_BEGIN, (suite: Mocha.Suite) => {
      if (suite.title) console.log(`  ${suite.fullTitle()}`);
    });
    runner.on(EVENT_TEST_PASS, (test: Mocha.Test) => {
      passed++;
      console.log(`    ✔ ${test.title} (${test.duration ?? 0} ms)`);
    });
    runner.on(EVENT_TEST_PENDING, (test: Mocha.Test) => {
      pending++;
      console.log(`    - ${test.title} (skipped)`);
    });
    runner.on(EVENT_TEST_FAIL, (test: Mocha.Test, err: Error) => {
      const stack = (err.stack ?? String(err)).split('\n').slice(0, 8).join('\n');
      failures.push({ title: test.fullTitle(), message: err.message });
      console.log(`    ✘ ${test.title}\n${stack.replace(/^/gm, '      ')}`);
    });
    runner.once(EVENT_RUN_END, () => {
      console.log(`@@incident-results ${JSON.stringify({ passed, failed: failures.length, skipped: pending, failures })}`);
    });
  }
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: PlainReporter as unknown as typeof Mocha.reporters.Base });
  const grep = process.env.INCIDENT_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const f of readdirSync(__dirname).filter((x) => x.endsWith('.test.js')).sort()) mocha.addFile(join(__dirname, f));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed.`)) : resolve()));
    } catch (e) {
      console.log(`@@incident-results ${JSON.stringify({ passed: 0, failed: 1, skipped: 0, failures: [{ title: 'loading the suite', message: String(e) }] })}`);
      reject(e);
    }
  });
}
