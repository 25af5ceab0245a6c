// Entry point of the `incident` command (dist/cli.js, what `bin` names): answers `--version`
// alone at once, else runs the bundle beside it (cli/main.cjs) with its compiled code from the
// user's cache when there is some (see codeCache.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import { type CodeCache, codeCacheFolder, codeCacheFor, readCodeCache, writeCodeCache } from './codeCache';

declare const __INCIDENT_VERSION__: string;

/** The exit codes after which a run's compiled code is kept: a command that ran (1 is `check`'s problems found). */
const KEPT_AFTER = new Set([0, 1]);

function couldNotStart(e: unknown): void {
  console.error(`incident: could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 2;
}

/**
 * Less inlining by V8's optimizing compiler than its default (920 bytes of bytecode into one
 * function). A command runs for a fraction of a second: with the default, the compiler is still
 * inlining into the reader's first functions while most of the others wait for it and run
 * unoptimized, and a list of 2,000 incidents spends twice its own time in the compiler. Set on
 * the Node versions it was measured on, 20 and 24 (a V8 without the flag would say so on every
 * run; others keep the default); the MCP server runs for long and keeps the default. (Node's own modules loaded after it compile
 * afresh, their built-in code being for the default flags: about a millisecond for
 * child_process.)
 */
const SHORT_RUN_FLAGS = '--max-inlined-bytecode-size-cumulative=100';
const SHORT_RUN_NODES = /^v(20|24)\./;

/**
 * The command a run names, as far as the entry can tell without the bundle's option table: the
 * first word of lower-case letters (`incident --log docs/x.md list` names `list`). It only
 * chooses the cache file and the flags: the bundle parses the command line itself.
 */
function commandWord(argv: readonly string[]): string | undefined {
  return argv.find((a) => /^[a-z][a-z-]{0,23}$/.test(a));
}

function run(): void {
  const file = join(__dirname, 'cli', 'main.cjs');
  const args = process.argv.slice(2);
  const command = commandWord(args);
  if (command !== 'mcp' && SHORT_RUN_NODES.test(process.version)) setFlagsFromString(SHORT_RUN_FLAGS);
  const requireHere = createRequire(file);
  // With source maps on (--enable-source-maps), a stack names the TypeScript sources only for a
  // module loaded by require: then the bundle is, and nothing is cached.
  if (process.sourceMapsEnabled) {
    try {
      requireHere(file);
    } catch (e) {
      couldNotStart(e);
    }
    return;
  }
  let bundle: Buffer;
  let script: Script;
  let cache: CodeCache | null = null;
  let cachedData: Buffer | undefined;
  try {
    bundle = readFileSync(file);
    const folder = codeCacheFolder();
    cache = folder ? codeCacheFor(folder, bundle, command) : null;
    cachedData = cache ? readCodeCache(cache) : undefined;
    // The bundle is a CommonJS module: compiled in the wrapper require puts around one, on a line
    // of its own so that the bundle's lines and columns are the file's.
    script = new Script(`(function (exports, require, module, __filename, __dirname) {\n${bundle.toString('utf8')}\n})`, { filename: file, lineOffset: -1, cachedData });
  } catch (e) {
    couldNotStart(e);
    return;
  }
  // Written as the process ends, when every function the command ran has been compiled; not
  // after a run that only printed help (it would hold a fraction of what the command runs), nor
  // after one that failed or crashed.
  const keep = cache;
  if (keep && (!cachedData || script.cachedDataRejected) && !args.includes('--help') && !args.includes('-h')) {
    let crashed = false;
    process.on('uncaughtExceptionMonitor', () => (crashed = true));
    process.once('exit', (code) => {
      if (!crashed && KEPT_AFTER.has(code)) writeCodeCache(keep, script);
    });
  }
  const bundleModule = { exports: {} };
  try {
    script.runInThisContext()(bundleModule.exports, requireHere, bundleModule, file, join(__dirname, 'cli'));
  } catch (e) {
    couldNotStart(e);
  }
}

if (process.argv.length === 3 && process.argv[2] === '--version') {
  // Before the bundle (the reader, the zone data, the lock library): as fast as starting node.
  console.log(__INCIDENT_VERSION__);
} else {
  run();
}
