#!/usr/bin/env node
// Bundles the extension host code, the CLI and (when present) the webview code with esbuild.
// `--watch` rebuilds on change; `--production` empties the output folder first (so no source map
// or other leftover of a development build reaches the .vsix) and minifies.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
// `--only cli` builds just the CLI (the unit tests run it as a real process).
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
// `--out DIR` puts the build somewhere other than dist/ (the unit tests build the CLI into a temp
// folder so that they never replace dist/ under a running VS Code).
const outRoot = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : 'dist';
// The version `incident --version` prints, put into the bundle: the CLI reads no package.json.
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// re2-wasm (runbook parameter patterns, matched in linear time) reads re2.wasm from the folder of
// its loader, `__dirname`. One copy goes into the output folder: there dist/extension.js (CommonJS)
// finds it as is; the CLI's chunks are ES modules in dist/cli/, which have no __dirname, so the
// loader is told the folder above them, which the banner of each chunk names (`import.meta` in
// the loader itself would make esbuild take it for an ES module, and its exports would be lost).
const RE2_WASM = 'node_modules/re2-wasm/build/wasm/re2.wasm';
const RE2_LOADER = /re2-wasm[\\/]build[\\/]wasm[\\/]re2\.js$/;
const RE2_FOLDER_LINE = "scriptDirectory = __dirname + '/';";

/** An esbuild plugin that has re2-wasm look for re2.wasm in the folder `folderExpression` gives. */
function re2WasmIn(folderExpression) {
  return {
    name: 're2-wasm-folder',
    setup(build) {
      build.onLoad({ filter: RE2_LOADER }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes(RE2_FOLDER_LINE)) throw new Error(`${args.path}: the line that finds re2.wasm has changed; update scripts/build.mjs`);
        return { contents: source.replace(RE2_FOLDER_LINE, `scriptDirectory = ${folderExpression};`), loader: 'js' };
      });
    },
  };
}

/** Puts re2.wasm where both bundles look for it. */
function copyRe2Wasm() {
  copyFileSync(RE2_WASM, `${outRoot}/re2.wasm`);
}

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
    // The CLI is split ESM: commands load what they need (the markdown parser, YAML, git) on first use, so
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
    banner: {
      js: "import { createRequire as __incidentCreateRequire } from 'node:module'; const require = __incidentCreateRequire(import.meta.url); const __incidentOutFolder = new URL('../', import.meta.url);",
    },
    plugins: [re2WasmIn("require('node:url').fileURLToPath(__incidentOutFolder)")],
    sourcemap: !production,
    minify: true,
    logLevel: 'warning',
  },
];
// The panels' browser code: one bundle for every panel (the page names its app), built into
// dist/webview/ beside the codicon font and the page stylesheets, the only files a panel may load.
const webviewOut = `${outRoot}/webview`;
if (existsSync('webview/main.ts')) {
  builds.push({
    entryPoints: { webview: 'webview/main.ts' },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    tsconfig: 'webview/tsconfig.json',
    outdir: webviewOut,
    sourcemap: !production,
    minify: production,
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
}

/** Copies the assets the page loads (codicons, the stylesheet) next to the bundle. */
function copyWebviewAssets() {
  if (!existsSync('webview/main.ts')) return;
  mkdirSync(`${webviewOut}/codicons`, { recursive: true });
  for (const f of ['codicon.css', 'codicon.ttf']) copyFileSync(`node_modules/@vscode/codicons/dist/${f}`, `${webviewOut}/codicons/${f}`);
  copyFileSync('webview/webview.css', `${webviewOut}/webview.css`);
  // The chart library's stylesheet, for the metrics dashboard (a file: the CSP allows no inline style).
  copyFileSync('node_modules/uplot/dist/uPlot.min.css', `${webviewOut}/uplot.css`);
}

/** Prints the size of the webview bundle (minified in --production; the aim is < 200 KB). */
async function reportWebviewSize(result) {
  const out = Object.entries(result.metafile?.outputs ?? {}).find(([f]) => f.endsWith('webview.js'));
  if (!out) return;
  const bytes = statSync(out[0]).size;
  let note = '';
  if (!production) {
    // A development build is not minified: measure what the minified bundle would weigh.
    const min = await esbuild.build({ entryPoints: ['webview/main.ts'], bundle: true, platform: 'browser', format: 'iife', target: 'es2022', tsconfig: 'webview/tsconfig.json', minify: true, legalComments: 'none', write: false });
    note = `, ${(min.outputFiles[0].contents.length / 1024).toFixed(1)} KB minified`;
  }
  console.log(`webview bundle: ${out[0]} ${(bytes / 1024).toFixed(1)} KB${note} (aim < 200 KB minified)`);
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
  copyWebviewAssets();
  copyRe2Wasm();
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
  const results = await Promise.all(present.map((options) => esbuild.build(options)));
  if (present.some((b) => b.outdir !== webviewOut)) copyRe2Wasm();
  if (present.some((b) => b.outdir === webviewOut)) {
    copyWebviewAssets();
    await reportWebviewSize(results[present.findIndex((b) => b.outdir === webviewOut)]);
  }
}
