#!/usr/bin/env node
// Bundles the extension host code, the CLI and (when present) the webview code with esbuild.
// `--watch` rebuilds on change; `--production` empties the output folder first (so no source map
// or other leftover of a development build reaches the .vsix) and minifies.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
// `--only cli` builds just the CLI (the unit tests run it as a real process).
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
// `--out DIR` puts the build somewhere other than dist/ (the unit tests build the CLI into a temp
// folder so that they never replace dist/ under a running VS Code).
const outRoot = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : 'dist';
// The version `incident --version` prints, put into the bundle: the CLI reads no package.json.
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** @type {esbuild.BuildOptions[]} */
const builds = [
  {
    entryPoints: { extension: 'src/extension/extension.ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
    outdir: outRoot,
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
  },
  {
    // The CLI is split ESM: commands load what they need (remark, YAML, git) on first use, so
    // a process that only lists incidents parses a fraction of the code. dist/cli.js is the
    // small CommonJS entry that `bin` points at.
    entryPoints: { main: 'src/cli/main.ts' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node18',
    outdir: `${outRoot}/cli`,
    outExtension: { '.js': '.mjs' },
    define: { __INCIDENT_VERSION__: JSON.stringify(version) },
    banner: { js: "import { createRequire as __incidentCreateRequire } from 'node:module'; const require = __incidentCreateRequire(import.meta.url);" },
    sourcemap: !production,
    minify: true,
    logLevel: 'warning',
  },
];
if (existsSync('webview/main.ts')) {
  builds.push({
    entryPoints: { webview: 'webview/main.ts' },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    outdir: outRoot,
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
  });
}

const cliShim = `#!/usr/bin/env node
// Entry point of the \`incident\` command; the implementation is the ESM bundle beside it.
import('./cli/main.mjs').catch((e) => {
  console.error('incident: could not start: ' + (e && e.message ? e.message : e));
  process.exitCode = 2;
});
`;
// (Not with --only: the other half of the build stays.)
if (production && !watch && !only) rmSync(outRoot, { recursive: true, force: true });
mkdirSync(outRoot, { recursive: true });
if (only !== 'extension') writeFileSync(`${outRoot}/cli.js`, cliShim, { mode: 0o755 });

if (watch) {
  for (const options of builds) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
  console.log('esbuild: watching for changes');
} else {
  if (only !== 'extension') rmSync(`${outRoot}/cli`, { recursive: true, force: true });
  const present = builds
    .filter((b) => Object.values(b.entryPoints).every((f) => existsSync(f)))
    .filter((b) => !only || (only === 'cli' ? b.outdir === `${outRoot}/cli` : b.outdir !== `${outRoot}/cli`));
  await Promise.all(present.map((options) => esbuild.build(options)));
}
