/* global fetch, AbortSignal */
// Starts code-server for one run: 127.0.0.1 only, a free port, fresh user-data / extensions /
// XDG / TMP folders, no gallery, no telemetry; in its own process group, which stop() (and any
// exit, failure or Ctrl+C of this process) kills as a whole.
import { spawn, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, RUNS } from './config.mjs';
import { HarnessError, ensureHarness } from './install.mjs';
import { groupAlive, stopGroup, trackGroup, untrackGroup } from './proc.mjs';

const log = (msg) => process.stderr.write(`[harness] ${msg}\n`);

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

function portTaken(port) {
  return new Promise((resolveTaken) => {
    const srv = createServer();
    srv.once('error', () => resolveTaken(true));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolveTaken(false)));
  });
}

const BASE_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'files.autoSave': 'off',
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'terminal.integrated.enablePersistentSessions': false,
  'terminal.integrated.defaultProfile.linux': 'bash',
  'terminal.integrated.shellIntegration.enabled': true,
  'terminal.integrated.gpuAcceleration': 'off',
  'window.restoreWindows': 'none',
  'editor.minimap.enabled': false,
  'markdown.preview.openMarkdownLinks': 'inPreview',
};

/** Removes run folders whose server is gone and that are older than an hour. */
function pruneRuns() {
  if (!existsSync(RUNS)) return;
  for (const name of readdirSync(RUNS)) {
    const dir = join(RUNS, name);
    try {
      const pgid = Number(readFileSync(join(dir, 'pgid'), 'utf8'));
      if (pgid && groupAlive(pgid)) continue;
      if (Date.now() - statSync(dir).mtimeMs < 60 * 60_000) continue;
      rmSync(dir, { recursive: true, force: true });
    } catch {
      /* leave it */
    }
  }
}

/** Makes the extension loadable from the extensions folder, pointing at the working tree. */
export function linkExtension(extensionsDir) {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const dir = join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(ROOT, pkg.main ?? 'dist/extension.js'))) throw new HarnessError(`${pkg.main} is missing: run npm run build first.`);
  for (const entry of ['package.json', 'package.nls.json', 'dist', 'media', 'webview', 'README.md', 'CHANGELOG.md', 'LICENSE', 'docs']) {
    if (!existsSync(join(ROOT, entry))) continue;
    // The code is copied, not linked: VS Code tells which extension made an API call from the
    // calling module's real path, and a linked dist/ resolves outside the extension's folder, so
    // its notifications would say "Source: Null Extension Description".
    if (entry === 'dist') cpSync(join(ROOT, entry), join(dir, entry), { recursive: true, dereference: true });
    else symlinkSync(join(ROOT, entry), join(dir, entry));
  }
  return dir;
}

/** Installs a .vsix into the run's extensions folder with code-server's own `--install-extension`. */
function installVsix(harness, vsix, dirs) {
  const r = spawnSync(harness.nodeBin, [harness.codeServerEntry, '--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData, '--install-extension', vsix], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, XDG_CONFIG_HOME: dirs.config, XDG_DATA_HOME: dirs.data },
  });
  if (r.status !== 0) throw new HarnessError(`code-server could not install ${vsix} (exit ${r.status ?? r.signal}):\n${(r.stdout ?? '') + (r.stderr ?? '')}`);
}

/**
 * @param {object} options
 * @param {string} options.workspace      folder to open
 * @param {string} [options.label]        names the run folder
 * @param {boolean} [options.installExtension=true] link the working tree's extension into the extensions folder
 * @param {boolean} [options.smokeTestDriver=false] accept the test payload (extensionTestsPath)
 * @param {number} [options.port]         fixed port (fails if taken); default: a free one
 * @param {object} [options.settings]     extra user settings
 * @param {object} [options.env]          extra environment for the server and its extension host
 * @param {string} [options.vsix]         install this packaged extension (as a user would) instead of linking the working tree
 * @param {boolean} [options.ownHome=true] give the server a HOME of its own, so the terminal's shells do
 *                                         not run the developer's start-up files (`npm start` keeps the real one)
 */
export async function startServer(options) {
  const harness = await ensureHarness();
  pruneRuns();
  const label = (options.label ?? 'run').replace(/[^\w.-]+/g, '-');
  const runDir = join(RUNS, `${label}-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
  const dirs = {
    userData: join(runDir, 'user-data'),
    extensions: join(runDir, 'extensions'),
    config: join(runDir, 'xdg', 'config'),
    data: join(runDir, 'xdg', 'data'),
    cache: join(runDir, 'xdg', 'cache'),
    state: join(runDir, 'xdg', 'state'),
    tmp: join(runDir, 'tmp'),
    ...(options.ownHome === false ? {} : { home: join(runDir, 'home') }),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...(options.settings ?? {}) }, null, 2));
  // A test's terminal must not wait on the machine's ~/.bashrc: one that hangs (a stale pyenv
  // rehash lock waits 60 s) keeps bash's shell integration from coming up, and VS Code from
  // resolving the shell environment at all.
  if (dirs.home) writeFileSync(join(dirs.home, '.bashrc'), '# The test run\'s own home: the machine\'s shell start-up files are not read.\n');
  if (options.vsix) installVsix(harness, options.vsix, dirs);
  else if (options.installExtension !== false) linkExtension(dirs.extensions);
  if (!existsSync(options.workspace)) throw new HarnessError(`Workspace folder ${options.workspace} does not exist.`);

  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('VSCODE_') || k.startsWith('npm_') || k === 'NODE_OPTIONS' || k === 'ELECTRON_RUN_AS_NODE') delete env[k];
  Object.assign(env, {
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    XDG_STATE_HOME: dirs.state,
    TMPDIR: dirs.tmp,
    ...(dirs.home ? { HOME: dirs.home } : {}),
    EXTENSIONS_GALLERY: '{}',
    CS_DISABLE_FILE_DOWNLOADS: '1',
    ...(options.env ?? {}),
  });

  let attempts = 0;
  for (;;) {
    attempts++;
    let port = options.port;
    if (port) {
      if (await portTaken(port)) throw new HarnessError(`Port ${port} on 127.0.0.1 is already in use; pick another with --port or leave it out for a free one.`);
    } else port = await freePort();
    const logFile = join(runDir, `server${attempts > 1 ? `-${attempts}` : ''}.log`);
    const fd = openSync(logFile, 'a');
    const args = [
      harness.codeServerEntry,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--user-data-dir', dirs.userData,
      '--extensions-dir', dirs.extensions,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--disable-proxy',
      '--ignore-last-opened',
      ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
      options.workspace,
    ];
    // The group's leader is a small supervisor that kills the group if this process dies
    // without stopping it; code-server, its extension host, pty host and shells are its members.
    const supervisor = join(dirname(fileURLToPath(import.meta.url)), 'supervise.mjs');
    const child = spawn(process.execPath, [supervisor, String(process.pid), '--', harness.nodeBin, ...args], { cwd: options.workspace, env, detached: true, stdio: ['ignore', fd, fd] });
    closeSync(fd);
    const pgid = child.pid;
    trackGroup(pgid, label);
    writeFileSync(join(runDir, 'pgid'), String(pgid));
    let exited = null;
    child.on('exit', (code, signal) => (exited = signal ?? `exit ${code}`));
    const started = Date.now();
    const base = `http://127.0.0.1:${port}`;
    let healthy = false;
    while (!healthy && exited === null && Date.now() - started < 60_000) {
      try {
        const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) });
        healthy = res.ok;
      } catch {
        /* not listening yet */
      }
      if (!healthy) await new Promise((r) => setTimeout(r, 150));
    }
    if (!healthy) {
      await stopGroup(pgid, 1000);
      const tail = readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
      if (!options.port && attempts < 3 && /EADDRINUSE/.test(tail)) continue;
      throw new HarnessError(`code-server did not become ready (${exited ?? 'no answer on /healthz after 60 s'}). Last lines of ${logFile}:\n${tail}`);
    }
    log(`code-server ready on ${base} in ${Date.now() - started} ms (pgid ${pgid}, run folder ${runDir})`);
    let stopped = false;
    return {
      port,
      baseUrl: base,
      runDir,
      logFile,
      pgid,
      dirs,
      chromium: harness.chromium,
      /** The workbench URL for a folder (or a .code-workspace file), with an optional smoke-test payload. */
      url(folder = options.workspace, payload) {
        const kind = folder.endsWith('.code-workspace') ? 'workspace' : 'folder';
        let u = `${base}/?${kind}=${encodeURIComponent(folder).replace(/%2F/g, '/')}`;
        if (payload) u += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
        return u;
      },
      remoteUri(absPath) {
        return `vscode-remote://127.0.0.1:${port}${absPath}`;
      },
      /** Copies the server log somewhere (e.g. artifacts/ on failure). */
      saveLog(dest) {
        cpSync(logFile, dest);
        return dest;
      },
      async stop({ keepRunDir = !!process.env.INCIDENT_KEEP_RUNS } = {}) {
        if (stopped) return;
        stopped = true;
        await stopGroup(pgid);
        untrackGroup(pgid);
        if (groupAlive(pgid)) throw new HarnessError(`code-server process group ${pgid} survived SIGKILL.`);
        if (!keepRunDir) rmSync(runDir, { recursive: true, force: true });
      },
    };
  }
}

/**
 * Copies a fixture workspace into a fresh folder outside the repository (tests write to its
 * log, and the CLI must not find this repository's git root from there), as its own git repo.
 * Returns { path, remove() }.
 */
export function freshWorkspace(fixtureDir, name = 'workspace') {
  const parent = mkdtempSync(join(tmpdir(), 'incident-playbook-'));
  const path = join(parent, name);
  cpSync(fixtureDir, path, { recursive: true });
  spawnSync('git', ['init', '-q'], { cwd: path, stdio: 'ignore' });
  // A known git user: commands default owners and commanders to it, and tests check that.
  spawnSync('git', ['config', 'user.name', 'Riley Oncall'], { cwd: path, stdio: 'ignore' });
  return { path, remove: () => rmSync(parent, { recursive: true, force: true }) };
}
