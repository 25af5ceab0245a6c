#!/usr/bin/env node
// Bundles the extension host code, the CLI and (when present) the webview code with esbuild.
// `--watch` rebuilds on change; `--production` empties the output folder first (so no source map
// or other leftover of a development build reaches the .vsix) and minifies.
import * as esbuild from 'esbuild';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';

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
    // proper-lockfile's graceful-fs swapped for Node's own fs, which proper-lockfile documents as
    // its `fs` option (graceful-fs adds retries when a process runs out of file handles, which a
    // lock file's few calls do not need), for the .vsix's size goal.
    // yaml's ES module build (the same version's `browser` entry, plain JavaScript that runs on
    // Node as well) rather than its CommonJS one: esbuild drops more of it, 3 KB off the .vsix.
    alias: { 'graceful-fs': 'node:fs', yaml: './node_modules/yaml/browser/index.js' },
    // The reader's word tables in seven languages and CJK, written as UTF-8 rather than \u escapes
    // (6 bytes a character): a smaller bundle and a smaller .vsix.
    charset: 'utf8',
    outdir: outRoot,
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
  },
  {
    // The CLI is one CommonJS bundle: a command's own modules (the markdown parser, YAML, git)
    // are evaluated on first use, and dist/cli.js (src/cli/entry.ts, built below) runs it with
    // its compiled code kept between runs, which one file makes possible on every Node.
    entryPoints: { main: 'src/cli/main.ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    outdir: `${outRoot}/cli`,
    outExtension: { '.js': '.cjs' },
    define: { __INCIDENT_VERSION__: JSON.stringify(version) },
    charset: 'utf8',
    sourcemap: !production,
    minify: true,
    logLevel: 'warning',
    metafile: true,
    plugins: [{ name: 'cli-entry', setup: (build) => build.onEnd(afterCliBuild) }],
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

/**
 * The codicon stylesheet and font cut down to the icons webview/codicons.json lists: the rules
 * before the icon list (font face, sizes, modifiers) as they are, then one rule per listed icon,
 * and a font with only their glyphs. Throws when a listed icon is not in the codicon set.
 */
async function codiconSubset(names) {
  const css = readFileSync('node_modules/@vscode/codicons/dist/codicon.css', 'utf8');
  const rules = new Map();
  for (const m of css.matchAll(/^\.codicon-([a-z0-9-]+):before \{ content: "\\([0-9a-f]+)" \}$/gm)) rules.set(m[1], m[2]);
  const missing = names.filter((n) => !rules.has(n));
  if (missing.length) throw new Error(`webview/codicons.json: no codicon named ${missing.join(', ')}`);
  const head = css.slice(0, css.search(/^\.codicon-[a-z0-9-]+:before /m));
  const body = names.map((n) => `.codicon-${n}:before { content: "\\${rules.get(n)}" }\n`).join('');
  const { default: subsetFont } = await import('subset-font');
  const glyphs = names.map((n) => String.fromCodePoint(parseInt(rules.get(n), 16))).join('');
  const font = await subsetFont(readFileSync('node_modules/@vscode/codicons/dist/codicon.ttf'), glyphs, { targetFormat: 'truetype' });
  return { css: head + body, font };
}

/**
 * A production bundle's local names renamed once more, by terser (mangle only: no other
 * transform): esbuild names them by position, terser by how often each is used, and the .vsix
 * is about 8 KB smaller for it. Comments marked to be kept (`/*!`, `@license`) stay.
 */
async function mangleAgain(file) {
  const { minify } = await import('terser');
  const { code } = await minify(readFileSync(file, 'utf8'), { compress: false, mangle: true, ecma: 2020, format: { comments: 'some' } });
  writeFileSync(file, code);
}

/** Writes the assets the page loads (codicons, the stylesheets) next to the bundle. */
async function copyWebviewAssets() {
  if (!existsSync('webview/main.ts')) return;
  mkdirSync(`${webviewOut}/codicons`, { recursive: true });
  const { icons } = JSON.parse(readFileSync('webview/codicons.json', 'utf8'));
  const { css, font } = await codiconSubset(icons);
  writeFileSync(`${webviewOut}/codicons/codicon.css`, css);
  writeFileSync(`${webviewOut}/codicons/codicon.ttf`, font);
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

/**
 * After each build of the CLI's bundle: refuses one that holds an import() (the entry compiles
 * the bundle as a script, where import() has no loader: a module the bundle does not hold, a
 * node: builtin, must be imported statically), keeps its import graph for the tests
 * (dist/cli-meta.json, not shipped) and builds the entry, dist/cli.js (src/cli/entry.ts).
 */
async function afterCliBuild(result) {
  if (result.errors.length) return;
  const bundle = readFileSync(`${outRoot}/cli/main.cjs`, 'utf8');
  const dynamic = /(?<![\w$.])import\(/.exec(bundle);
  if (dynamic) {
    rmSync(`${outRoot}/cli/main.cjs`, { force: true });
    return { errors: [{ text: `src/cli: an import() esbuild left in the bundle (${bundle.slice(dynamic.index, dynamic.index + 40)}…): import it statically` }] };
  }
  writeFileSync(`${outRoot}/cli-meta.json`, JSON.stringify(result.metafile));
  await esbuild.build({
    entryPoints: ['src/cli/entry.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    outfile: `${outRoot}/cli.js`,
    banner: { js: '#!/usr/bin/env node' },
    define: { __INCIDENT_VERSION__: JSON.stringify(version) },
    logLevel: 'warning',
  });
  chmodSync(`${outRoot}/cli.js`, 0o755);
}

// (Not with --only: the other half of the build stays.)
if (production && !watch && !only) rmSync(outRoot, { recursive: true, force: true });
mkdirSync(outRoot, { recursive: true });

if (watch) {
  await copyWebviewAssets();
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
  if (production) {
    for (const file of [`${outRoot}/extension.js`, `${webviewOut}/webview.js`]) if (existsSync(file)) await mangleAgain(file);
  }
  if (present.some((b) => b.outdir === webviewOut)) {
    await copyWebviewAssets();
    await reportWebviewSize(results[present.findIndex((b) => b.outdir === webviewOut)]);
  }
}
