// Process-group bookkeeping: every server this harness starts runs in its own process group
// (spawned detached = setsid), and is killed as a group on exit, failure, SIGINT and SIGTERM,
// so no extension host, pty host or shell is left behind.
import { readFileSync, readdirSync } from 'node:fs';

const groups = new Map(); // pgid -> label

/** Every process below `pid` (from /proc), e.g. terminal shells that node-pty put in sessions of their own. */
export function descendants(pid) {
  let entries;
  try {
    entries = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return [];
  }
  const children = new Map();
  for (const d of entries) {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(d));
    } catch {
      /* exited */
    }
  }
  const out = [];
  const queue = [pid];
  while (queue.length) {
    for (const c of children.get(queue.shift()) ?? []) {
      out.push(c);
      queue.push(c);
    }
  }
  return out;
}
let installed = false;

function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // already gone
  }
}

export function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Kills the group: TERM, then KILL after `graceMs` for whatever is left. Resolves when gone. */
export async function stopGroup(pgid, graceMs = 3000) {
  if (!groups.has(pgid) && !groupAlive(pgid)) return;
  // Processes that left the group (setsid) but descend from it are stopped too.
  const strays = descendants(pgid);
  killGroup(pgid, 'SIGTERM');
  for (const pid of strays) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      /* gone */
    }
  }
  const deadline = Date.now() + graceMs;
  while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (groupAlive(pgid)) killGroup(pgid, 'SIGKILL');
  for (const pid of strays) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  const hard = Date.now() + 2000;
  while (groupAlive(pgid) && Date.now() < hard) await new Promise((r) => setTimeout(r, 50));
  groups.delete(pgid);
}

function killAllNow() {
  for (const pgid of groups.keys()) {
    killGroup(pgid, 'SIGTERM');
    killGroup(pgid, 'SIGKILL');
  }
  groups.clear();
}

export function trackGroup(pgid, label) {
  groups.set(pgid, label);
  if (installed) return;
  installed = true;
  // 'exit' handlers run synchronously: a last SIGKILL for anything still registered.
  process.on('exit', killAllNow);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, async () => {
      const pending = [...groups.keys()];
      if (pending.length) process.stderr.write(`\n${sig}: stopping ${pending.length} server process group(s)...\n`);
      await Promise.all(pending.map((g) => stopGroup(g, 1500)));
      process.exit(sig === 'SIGINT' ? 130 : 143);
    });
  }
}

export function untrackGroup(pgid) {
  groups.delete(pgid);
}
