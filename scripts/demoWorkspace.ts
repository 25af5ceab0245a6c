// The demo `npm start` opens: a copy of samples/demo whose times are moved to now, so that a
// newcomer sees a live incident (the newest active one 40 minutes old, its next status update due
// in about 5 minutes) rather than an outage that has been overdue for days.
//
// Every date-time in the log (and the health checks' `checkedAt`) moves by the same number of
// whole minutes, so the story keeps its shape: gaps between entries, which incident came first,
// the resolved incidents' durations. Only the times' characters change; the rest of each file is
// byte for byte the same. Date-only values and the dates inside incident ids are left as written.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Policy, defaultPolicy, indexLog, isActive, loadPolicy, toDate } from '../src/core';

/** How old the newest active incident is when the demo opens. */
export const DEMO_AGE_MINUTES = 40;

// The log's canonical time (`2026-11-20 14:30 UTC`, what the tools write) and ISO 8601 UTC
// (`2026-11-20T14:30:00Z`, as in JSON). No nested or unbounded quantifier: linear on any text.
const TIMES = /\b(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}) UTC\b|T(\d{2}):(\d{2})(:\d{2})?Z\b)/g;

const two = (n: number) => String(n).padStart(2, '0');

/** `text` with every date-time in the two forms above moved by `minutes` (whole minutes). */
export function shiftTimes(text: string, minutes: number): string {
  if (!Number.isInteger(minutes)) throw new Error(`shiftTimes: ${minutes} is not a whole number of minutes.`);
  return text.replace(TIMES, (match, y: string, mo: string, d: string, h1?: string, mi1?: string, h2?: string, mi2?: string, sec?: string) => {
    const canonical = h1 !== undefined;
    const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(canonical ? h1 : h2), Number(canonical ? mi1 : mi2));
    if (Number.isNaN(ms)) return match;
    const t = new Date(ms + minutes * 60_000);
    const day = `${t.getUTCFullYear()}-${two(t.getUTCMonth() + 1)}-${two(t.getUTCDate())}`;
    const hm = `${two(t.getUTCHours())}:${two(t.getUTCMinutes())}`;
    return canonical ? `${day} ${hm} UTC` : `${day}T${hm}${sec ?? ''}Z`;
  });
}

/**
 * The whole minutes to move the log's times by so that its newest active incident (the latest
 * detected) was detected `ageMinutes` before `now`; 0 when no active incident has a detection time.
 */
export function demoShiftMinutes(logText: string, policy: Policy, now: Date, ageMinutes = DEMO_AGE_MINUTES): number {
  let newest: Date | null = null;
  for (const incident of indexLog(logText, { policy }).incidents) {
    const detected = isActive(incident, policy) && incident.detected && incident.detected.length > 10 ? toDate(incident.detected) : null;
    if (detected && (!newest || detected > newest)) newest = detected;
  }
  if (!newest) return 0;
  return Math.floor((now.getTime() - newest.getTime()) / 60_000) - ageMinutes;
}

function demoPolicy(dir: string): Policy {
  const path = join(dir, '.incident', 'playbook.yml');
  return existsSync(path) ? loadPolicy(readFileSync(path, 'utf8')) : defaultPolicy();
}

export interface DemoWorkspace {
  /** The copy to open. */
  dir: string;
  /** The minutes every time was moved by. */
  shiftMinutes: number;
}

/**
 * Copies the demo folder into a new temp folder and moves the times of its log
 * (docs/INCIDENT_LOG.md) and of its health checks' results to `now`. `cliPath` replaces the
 * README's `../../dist/cli.js`, which only works from samples/demo.
 */
export function prepareDemoWorkspace(source: string, now = new Date(), cliPath?: string): DemoWorkspace {
  const dir = join(mkdtempSync(join(tmpdir(), 'incident-playbook-demo-')), 'demo');
  cpSync(source, dir, { recursive: true });
  const logPath = join(dir, 'docs', 'INCIDENT_LOG.md');
  if (!existsSync(logPath)) return { dir, shiftMinutes: 0 };
  const log = readFileSync(logPath, 'utf8');
  const shiftMinutes = demoShiftMinutes(log, demoPolicy(dir), now);
  writeFileSync(logPath, shiftTimes(log, shiftMinutes));
  const status = join(dir, 'scripts', 'health', 'status');
  if (existsSync(status)) {
    for (const name of readdirSync(status).filter((n) => n.endsWith('.json'))) {
      writeFileSync(join(status, name), shiftTimes(readFileSync(join(status, name), 'utf8'), shiftMinutes));
    }
  }
  const readme = join(dir, 'README.md');
  if (cliPath && existsSync(readme)) writeFileSync(readme, readFileSync(readme, 'utf8').split('../../dist/cli.js').join(cliPath));
  return { dir, shiftMinutes };
}
