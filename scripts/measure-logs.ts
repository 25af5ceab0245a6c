// Measures how the reader counts real incident logs against what a person counts in them.
//
// Usage:
//   node --import tsx scripts/measure-logs.ts FOLDER EXPECTED.json [--detail] [--only NAME]
//   (or: npm run measure-logs -- FOLDER EXPECTED.json ...)
//
// EXPECTED.json maps a file name in FOLDER to what a person reads in it:
//   { "01-team-log.md": { "incidents": 4, "active": 1, "notes": "...", "incidents_range": [3, 5], "active_range": [0, 1] } }
// The ranges (optional) are what a careful reader could also count; a reading inside both is
// counted apart ("within ranges"), never as right.
// Each log is read exactly as `incident list --log FILE` run from FOLDER reads it: the playbook
// between the file and its root (else the default policy), index-table links followed inside the
// folder. One line per log (expected N/M, got N/M, OK, IN RANGE or WRONG), then "right: X of Y"
// and "right or within the person's ranges: Z of Y".
// --detail lists every incident the reader found (id, severity, status, active, title) under its log;
// --only NAME measures the logs whose file name contains NAME.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isActive } from '../src/core/indexer';
import { LogFileError, indexFile, policyFor, readTextFile } from '../src/core/log/logFile';

interface Expected {
  incidents: number;
  active: number;
  notes?: string;
  incidentsRange?: [number, number];
  activeRange?: [number, number];
}

/** A `[lo, hi]` pair of numbers, or undefined. */
function rangeOf(value: unknown): [number, number] | undefined {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === 'number' && typeof value[1] === 'number' && value[0] <= value[1] ? [value[0], value[1]] : undefined;
}

interface Measured {
  incidents: number;
  active: number;
  listed: { id: string; status: string | null; severity: string | null; active: boolean; title: string; line: number }[];
}

function usage(message: string): never {
  process.stderr.write(`${message}\nUsage: node --import tsx scripts/measure-logs.ts FOLDER EXPECTED.json [--detail] [--only NAME]\n`);
  process.exit(2);
}

function readExpected(path: string): Record<string, Expected> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    usage(`${path} is not readable JSON (${(e as Error).message}).`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) usage(`${path} must hold an object of file name -> { incidents, active }.`);
  const out: Record<string, Expected> = {};
  for (const [name, value] of Object.entries(parsed as Record<string, unknown>)) {
    const v = value as (Partial<Expected> & { incidents_range?: unknown; active_range?: unknown }) | null;
    if (!v || typeof v.incidents !== 'number' || typeof v.active !== 'number') usage(`${path}: "${name}" needs numeric "incidents" and "active".`);
    out[name] = { incidents: v.incidents, active: v.active, notes: v.notes, incidentsRange: rangeOf(v.incidents_range), activeRange: rangeOf(v.active_range) };
  }
  return out;
}

async function measure(folder: string, name: string): Promise<Measured> {
  const path = join(folder, name);
  const text = readTextFile(path);
  if (text === undefined) throw new LogFileError(`${path} does not exist.`);
  // The folder stands in for the repository the log came from, as if the CLI ran inside it.
  const { policy } = await policyFor(path, { workspaceFolder: folder });
  const index = indexFile(path, text, policy, { workspaceFolder: folder });
  const listed = index.incidents.map((i) => ({ id: i.id, status: i.status, severity: i.severity, active: isActive(i, policy), title: i.title, line: i.line }));
  return { incidents: listed.length, active: listed.filter((i) => i.active).length, listed };
}

function cell(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const detail = args.includes('--detail');
  const onlyAt = args.indexOf('--only');
  const only = onlyAt === -1 ? undefined : args[onlyAt + 1];
  if (onlyAt !== -1 && !only) usage('--only needs a NAME.');
  const positional = args.filter((a, i) => !a.startsWith('--') && (onlyAt === -1 || i !== onlyAt + 1));
  if (positional.length !== 2) usage('Give a FOLDER and an EXPECTED.json.');
  const folder = resolve(positional[0]);
  const expected = readExpected(resolve(positional[1]));

  const names = Object.keys(expected)
    .filter((n) => !only || n.includes(only))
    .sort();
  // A log in the folder without an expected reading is not measured: say so rather than skip it silently.
  const unlisted = readdirSync(folder).filter((n) => n.endsWith('.md') && !(n in expected) && n !== 'SOURCES.md' && n !== 'REPORT.md');
  const width = Math.max(10, ...names.map((n) => n.length)) + 2;
  let right = 0;
  let inRange = 0;
  const within = (n: number, exact: number, range: [number, number] | undefined) => n === exact || (range !== undefined && n >= range[0] && n <= range[1]);
  for (const name of names) {
    const want = expected[name];
    let got: Measured;
    try {
      got = await measure(folder, name);
    } catch (e) {
      if (!(e instanceof LogFileError)) throw e;
      console.log(`${cell(name, width)}expected ${want.incidents}/${want.active}  got -  ERROR ${e.message}`);
      continue;
    }
    const ok = got.incidents === want.incidents && got.active === want.active;
    const ranged = !ok && within(got.incidents, want.incidents, want.incidentsRange) && within(got.active, want.active, want.activeRange);
    if (ok) right++;
    if (ok || ranged) inRange++;
    console.log(`${cell(name, width)}expected ${cell(`${want.incidents}/${want.active}`, 7)}got ${cell(`${got.incidents}/${got.active}`, 7)}${ok ? 'OK' : ranged ? 'IN RANGE' : 'WRONG'}`);
    if (detail) {
      for (const i of got.listed) console.log(`    L${i.line} ${i.active ? 'ACTIVE    ' : 'not active'} [${i.id}] severity=${i.severity ?? '-'} status=${i.status ?? '-'} :: ${i.title}`);
    }
  }
  for (const n of unlisted) console.log(`${cell(n, width)}(no expected reading; not measured)`);
  console.log(`right: ${right} of ${names.length}`);
  console.log(`right or within the person's ranges: ${inRange} of ${names.length}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`measure-logs: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
