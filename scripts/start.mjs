#!/usr/bin/env node
/* global setInterval, clearInterval, fetch, AbortSignal */
// `npm start`: builds the extension, installs the VS Code harness on first use, and opens the
// extension in code-server at 127.0.0.1 on a copy of samples/demo whose times are moved to now
// (scripts/demoWorkspace.ts), or on --workspace FOLDER as it is. Runs until Ctrl+C, then stops
// code-server and everything it started, and removes the demo copy.
// Usage: npm start [-- --workspace FOLDER] [--port N]
// Runs under tsx (see package.json) for the demo module, which reads the log with the core.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { prepareDemoWorkspace } from './demoWorkspace.ts';
import { ROOT } from './vscode/config.mjs';
import { HarnessError } from './vscode/install.mjs';
import { startServer } from './vscode/server.mjs';

const USAGE = 'Usage: npm start [-- --workspace FOLDER] [--port N]';

function parse(argv) {
  const opts = { workspace: undefined, port: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined || v === '') throw new HarnessError(`${a.split('=')[0]} needs a value.\n${USAGE}`);
      return v;
    };
    if (a === '--workspace' || a.startsWith('--workspace=')) opts.workspace = resolve(process.cwd(), value());
    else if (a === '--port' || a.startsWith('--port=')) {
      const v = value();
      const n = Number(v);
      if (!/^\d+$/.test(v) || n < 1024 || n > 65535) throw new HarnessError(`--port must be a number from 1024 to 65535, not "${v}".`);
      opts.port = n;
    } else if (a === '-h' || a === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else throw new HarnessError(`Unknown option "${a}".\n${USAGE}`);
  }
  if (opts.workspace !== undefined && (!existsSync(opts.workspace) || !statSync(opts.workspace).isDirectory())) throw new HarnessError(`--workspace ${opts.workspace} is not a folder.`);
  return opts;
}

/** "by 9 d 23 h 20 min" / "back by …" for the start message. */
function formatShift(minutes) {
  const m = Math.abs(minutes);
  const text = [[Math.floor(m / 1440), 'd'], [Math.floor((m % 1440) / 60), 'h'], [m % 60, 'min']].filter(([n]) => n).map(([n, u]) => `${n} ${u}`).join(' ') || '0 min';
  return `${minutes < 0 ? 'back ' : ''}by ${text}`;
}

async function main() {
  const opts = parse(process.argv.slice(2));
  console.log('Building the extension...');
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new HarnessError('The build failed (see above).');
  let demo;
  if (opts.workspace === undefined) {
    demo = prepareDemoWorkspace(resolve(ROOT, 'samples', 'demo'), new Date(), resolve(ROOT, 'dist', 'cli.js'));
    console.log(`Demo workspace: ${demo.dir} (a copy of samples/demo, its times moved ${formatShift(demo.shiftMinutes)})`);
  }
  const workspace = opts.workspace ?? demo.dir;
  const removeDemo = () => {
    if (demo) rmSync(dirname(demo.dir), { recursive: true, force: true });
  };
  // However the process ends (Ctrl+C during the harness install, a failed start), the copy goes.
  process.on('exit', removeDemo);
  // Until the harness has signal handlers of its own (it adds them once it starts a process), a
  // signal must still end the process through 'exit'.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      if (process.listenerCount(sig) === 1) process.exit(sig === 'SIGINT' ? 130 : 143);
    });
  }
  const server = await startServer({ workspace, port: opts.port, label: 'start', ownHome: false });
  console.log(`\nIncident Playbook is running at ${server.url(workspace)}`);
  console.log('Open it in a browser; the Incidents view is in the activity bar. Press Ctrl+C to stop.\n');
  const stop = async (why) => {
    process.stdout.write(`\n${why}: stopping code-server...\n`);
    await server.stop();
    console.log(demo ? 'Stopped; the demo copy was removed.' : 'Stopped.');
    process.exit(0);
  };
  // These replace the harness's own handlers' exit code with a clean 0 for a deliberate stop.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => stop('Ctrl+C'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGHUP', () => stop('SIGHUP'));
  // If code-server dies on its own, say so and exit.
  const watch = setInterval(async () => {
    try {
      await fetch(`${server.baseUrl}/healthz`, { signal: AbortSignal.timeout(5000) });
    } catch {
      clearInterval(watch);
      console.error(`code-server stopped answering; its log is ${server.logFile}`);
      await server.stop({ keepRunDir: true });
      process.exit(1);
    }
  }, 5000);
}

main().catch((e) => {
  console.error(`npm start: ${e instanceof HarnessError || !process.env.INCIDENT_DEBUG ? e?.message ?? e : e?.stack}`);
  process.exit(1);
});
