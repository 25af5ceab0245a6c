// `incident`: the same operations as the extension, from any terminal.
// Exit codes: 0 ok; 1 `check` found problems; 2 bad usage, unknown id, unreadable log, refused write.
// This file only dispatches: the command is found in the table (commandTable.ts), the command line
// parsed against that command's options (parse.ts), the log opened, the number of words after the
// command's name checked against its minArgs and maxArgs, and its `run` (commands/<name>.ts) called.
// Only the table, which imports nothing heavy, is loaded at start: the log's reader and writer
// load once a command runs, so `incident --version` and `--help` stay fast.
import { checkArgCount } from './command';
import { parseCommandLine } from './parse';
import { UsageError, note } from './output';

// The package version, put in by scripts/build.mjs (esbuild `define`), so the bundle needs no
// package.json beside it. Unbundled (tsx), there is none.
declare const __INCIDENT_VERSION__: string | undefined;
const VERSION = typeof __INCIDENT_VERSION__ === 'string' ? __INCIDENT_VERSION__ : '0.0.0-dev';

async function main(argv: string[]): Promise<number> {
  const call = parseCommandLine(argv);
  if (call.kind === 'version') {
    console.log(VERSION);
    return 0;
  }
  if (call.kind === 'help') {
    process.stdout.write(call.text);
    return call.code;
  }
  const { openContext } = await import('./context');
  const ctx = await openContext(call.args, call.values);
  // After the log and its playbook are opened: a broken playbook is reported before a wrong count.
  checkArgCount(call.command, call.args);
  return call.command.run(ctx);
}

/** Whether `e` is one the CLI reports as a message alone (a usage error, an unreadable log, a refused write). */
async function isReported(e: unknown): Promise<boolean> {
  if (e instanceof UsageError) return true;
  if (e instanceof TypeError && 'code' in e && String((e as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')) return true;
  if (!(e instanceof Error)) return false;
  // Loaded already when one of them was thrown (the same module instance), so these cost nothing then.
  const { LogFileError } = await import('../core/log/logFile');
  const { WriteRefused } = await import('../core/log/writer');
  return e instanceof LogFileError || e instanceof WriteRefused;
}

// A reader that stops early (`incident list --json | head`) closes the pipe: that is the end of
// the output wanted, not an error to report.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  async (e: unknown) => {
    const message = e instanceof Error ? e.message : String(e);
    if (await isReported(e)) note(`incident: ${message}`);
    else note(`incident: unexpected error: ${message}`);
    process.exitCode = 2;
  },
);
