// Entry point of the `incident` command (dist/cli.js, what `bin` names): answers `--version`
// alone at once, else runs the bundle beside it (cli/main.cjs) with its compiled code from the
// user's cache when there is some (see codeCache.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { codeCacheFile, codeCacheFolder, readCodeCache, writeCodeCache } from './codeCache';

declare const __INCIDENT_VERSION__: string;
/** The hash of cli/main.cjs, put here by the build: the cache of another bundle is never read. */
declare const __INCIDENT_BUNDLE_HASH__: string;

function run(): void {
  const file = join(__dirname, 'cli', 'main.cjs');
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (e) {
    console.error(`incident: could not start: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 2;
    return;
  }
  const folder = codeCacheFolder();
  const cacheFile = folder && codeCacheFile(folder, __INCIDENT_BUNDLE_HASH__);
  const cachedData = cacheFile ? readCodeCache(cacheFile) : undefined;
  // The bundle is a CommonJS module: compiled in the wrapper require puts around one.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n});`, { filename: file, cachedData });
  // Written as the process ends, when every function the command ran has been compiled.
  if (cacheFile && (!cachedData || script.cachedDataRejected)) process.once('exit', () => writeCodeCache(cacheFile, script));
  const bundle = { exports: {} };
  script.runInThisContext()(bundle.exports, createRequire(file), bundle, file, join(__dirname, 'cli'));
}

if (process.argv.length === 3 && process.argv[2] === '--version') {
  // Before the bundle (the reader, the zone data, the lock library): as fast as starting node.
  console.log(__INCIDENT_VERSION__);
} else {
  run();
}
