/* global setInterval, clearInterval */
// Leader of a code-server process group: starts code-server as its child (same group) and,
// should the harness process that started it die without cleaning up (SIGKILL, a crash, a CI
// time-out), kills the whole group so nothing is left running.
// Usage: node supervise.mjs PARENT_PID -- COMMAND ARGS...
import { spawn } from 'node:child_process';

const parent = Number(process.argv[2]);
const sep = process.argv.indexOf('--');
const [cmd, ...args] = process.argv.slice(sep + 1);
const child = spawn(cmd, args, { stdio: 'inherit' });

function killGroup() {
  try {
    process.kill(-process.pid, 'SIGTERM');
  } catch {
    /* gone */
  }
  setTimeout(() => {
    try {
      process.kill(-process.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }, 3000).unref();
}

const timer = setInterval(() => {
  let alive = process.ppid === parent;
  if (alive) {
    try {
      process.kill(parent, 0);
    } catch {
      alive = false;
    }
  }
  if (!alive) {
    clearInterval(timer);
    process.stderr.write(`[supervise] harness process ${parent} is gone; stopping code-server's process group\n`);
    killGroup();
  }
}, 1000);

child.on('exit', (code, signal) => {
  clearInterval(timer);
  process.exit(code ?? (signal ? 1 : 0));
});
child.on('error', (e) => {
  process.stderr.write(`[supervise] could not start ${cmd}: ${e.message}\n`);
  process.exit(127);
});
// A TERM to the group reaches code-server directly; this process just follows it out.
process.on('SIGTERM', () => {});
process.on('SIGINT', () => {});
