// The command table of `incident`: each command parses only its own options (and the global
// ones), refusing any other with its usage line; --help is written from the table; and what the
// table loads at start is light, so --help and --version need none of the heavy libraries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Metafile } from 'esbuild';
import { COMMANDS, GLOBAL_OPTIONS, findCommand } from '../../src/cli/commandTable';
import { commandHelp, generalHelp } from '../../src/cli/help';
import { parseCommandLine } from '../../src/cli/parse';
import { UsageError } from '../../src/cli/output';
import { useBuiltCli } from './cliProcess';

const ROOT = resolve(__dirname, '../..');
const cli = useBuiltCli('commands');

/** The message `argv` is refused with (it must be refused). */
function refusal(argv: string[]): string {
  try {
    parseCommandLine(argv);
  } catch (e) {
    assert.ok(e instanceof UsageError, `${argv.join(' ')}: ${String(e)}`);
    return e.message;
  }
  assert.fail(`${argv.join(' ')} was not refused`);
}

test('an option another command takes is refused, on one line naming it and the usage line', () => {
  const cases: Array<[string[], string, string]> = [
    [['list', '--push'], '--push', 'list [--json] [--status S] [--severity S]'],
    [['list', '--json', '--csv'], '--csv', 'list [--json] [--status S] [--severity S]'],
    [['show', 'INC-1', '--status', 'open'], '--status', 'show ID [--json]'],
    [['log', 'INC-1', 'text', '--sent'], '--sent', 'log ID MESSAGE [--at ISO] [--owner NAME]'],
    [['review', 'INC-1', '--json'], '--json', 'review ID'],
    [['commit', 'INC-1', '--hours', '3'], '--hours', 'commit ID [--push]'],
  ];
  for (const [argv, option, usage] of cases) {
    const message = refusal(argv);
    assert.doesNotMatch(message, /\n/, argv.join(' '));
    assert.ok(message.includes(`${argv[0]} does not take ${option}`), message);
    assert.ok(message.endsWith(`Usage: incident ${usage}`), message);
  }
  assert.match(refusal(['list', '--push']), /\(commit does\)/, 'it says which command takes it');
});

test('an option no command takes is refused with the usage line; init takes no --runbooks', () => {
  assert.equal(refusal(['list', '--colour']), "Unknown option '--colour' for list. Usage: incident list [--json] [--status S] [--severity S]");
  assert.equal(refusal(['init', '--runbooks']), "Unknown option '--runbooks' for init. Usage: incident init [--merge]");
  assert.match(refusal(['oncall', '-x']), /^Unknown option '-x' for oncall\. Usage: incident oncall /);
});

test('the global options stay accepted by every command, before or after its name', () => {
  const run = (argv: string[]) => {
    const r = parseCommandLine(argv);
    assert.equal(r.kind, 'run', argv.join(' '));
    return r as Extract<typeof r, { kind: 'run' }>;
  };
  for (const c of COMMANDS) assert.equal(run([c.name, '--log', 'ops/LOG.md']).values.log, 'ops/LOG.md', c.name);
  const r = run(['--log', 'ops/LOG.md', 'list', '--status', 'open', '--json']);
  assert.equal(r.command.name, 'list');
  assert.deepEqual(r.args, []);
  assert.deepEqual({ ...r.values }, { log: 'ops/LOG.md', status: 'open', json: true });
  assert.deepEqual(run(['runbook', 'deploy', '--param', 'A=1', '--param', 'B=2', '--run', '2']).values.param, ['A=1', 'B=2']);
  assert.deepEqual(run(['log', 'INC-1', '--', '--not-an-option']).args, ['INC-1', '--not-an-option']);
  assert.deepEqual(parseCommandLine(['list', '--push', '--version']), { kind: 'version' });
  const help = parseCommandLine(['list', '--push', '-h']);
  assert.equal(help.kind === 'help' && help.code, 0, 'help is given whatever else is on the line');
  assert.equal(help.kind === 'help' && help.text, commandHelp(findCommand('list')!));
  const none = parseCommandLine([]);
  assert.equal(none.kind === 'help' && none.code, 2, 'no command: the help, exit 2');
  assert.match(refusal(['frobnicate']), /^Unknown command "frobnicate"\.\n\nUsage: incident <command>/);
});

test('each usage line names exactly its command’s options; an option has one shape in every command', () => {
  const shape = new Map<string, string>();
  for (const c of COMMANDS) {
    assert.ok(c.usage === c.name || c.usage.startsWith(`${c.name} `), c.usage);
    const named = [...c.usage.matchAll(/--([a-z][a-z-]*)/g)].map((m) => m[1]).sort();
    assert.deepEqual(named, c.options.map((o) => o.name).sort(), `usage of ${c.name}`);
    for (const o of c.options) {
      assert.ok(!GLOBAL_OPTIONS.some((g) => g.name === o.name), `${c.name} --${o.name} is global`);
      assert.ok(o.description.trim(), `${c.name} --${o.name} has a description`);
      if (o.value) assert.ok(c.usage.includes(`--${o.name} ${o.value}`), `${c.name}: --${o.name} ${o.value}`);
      const s = `${o.value ? 'value' : 'flag'}${o.multiple ? ', multiple' : ''}`;
      assert.equal(shape.get(o.name) ?? s, s, `--${o.name} in ${c.name}`);
      shape.set(o.name, s);
    }
  }
  assert.equal(new Set(COMMANDS.map((c) => c.name)).size, COMMANDS.length, 'names are unique');
});

test('command files import nothing heavy at start: the reader, YAML, the zone data and git load inside run', () => {
  const dir = join(ROOT, 'src/cli');
  const light = new Set(['./output', '../output', './command', '../command', './options', '../options', './commandTable', './help', './parse', '../../core/format/displayText', '../core/format/displayText']);
  const tableFiles = readdirSync(join(dir, 'commands'))
    .filter((f) => f !== 'shared.ts')
    .map((f) => `commands/${f}`);
  for (const file of [...tableFiles, 'main.ts', 'command.ts', 'options.ts', 'commandTable.ts', 'help.ts', 'parse.ts', 'output.ts']) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const m of text.matchAll(/^import\s+(?!type\s)(?:[^;]*?\sfrom\s+)?'([^']+)'/gm)) {
      const spec = m[1];
      if (spec.startsWith('node:') || light.has(spec) || (file === 'commandTable.ts' && spec.startsWith('./commands/'))) continue;
      assert.fail(`${file} imports ${spec} at start (import it inside run, or as a type)`);
    }
  }
  assert.equal(tableFiles.length, COMMANDS.length, 'one file per command in commands/ (besides shared.ts)');
});

test('incident --help lists every command in the table with its usage line; <command> --help its options', () => {
  assert.deepEqual(COMMANDS.map((c) => c.name), ['list', 'show', 'declare', 'log', 'set', 'resolve', 'review', 'check', 'health', 'runbook', 'oncall', 'init', 'setup-merge', 'normalize', 'changes', 'commit', 'update', 'summary', 'metrics', 'statuspage', 'mcp']);
  const dir = cli.tempDir();
  const help = cli.run(dir, '--help');
  assert.equal(help.code, 0, help.err);
  assert.equal(help.out, generalHelp());
  for (const c of COMMANDS) assert.match(help.out, new RegExp(`^  ${c.usage.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( |$)`, 'm'), c.name);
  for (const g of GLOBAL_OPTIONS) assert.ok(help.out.includes(`--${g.name}`), g.name);
  assert.equal(cli.run(dir, '-h').out, help.out);
  const bare = cli.run(dir);
  assert.equal(bare.code, 2);
  assert.equal(bare.out, help.out);
  for (const c of COMMANDS) {
    const r = cli.run(dir, c.name, '--help');
    assert.equal(r.code, 0, `${c.name}: ${r.err}`);
    assert.ok(r.out.startsWith(`Usage: incident ${c.usage}\n`), r.out);
    for (const o of c.options) assert.match(r.out, new RegExp(`^  --${o.name}${o.value ? ` ${o.value.replace(/[|]/g, '\\|')}` : ''} +\\S`, 'm'), `${c.name} --${o.name}`);
    assert.match(r.out, /^ {2}--log PATH +The log/m, c.name);
  }
});

test('a refused option exits 2 with the usage line, before anything is written', () => {
  const dir = cli.repo();
  const log = join(dir, 'docs/INCIDENT_LOG.md');
  const declare = cli.run(dir, 'declare', 'Checkout down', '--severity', 'SEV-1', '--push');
  assert.equal(declare.code, 2);
  assert.match(declare.err, /^incident: declare does not take --push \(commit does\)\. Usage: incident declare TITLE --severity S/);
  assert.ok(!existsSync(log), 'no log was created');
  assert.equal(cli.run(dir, 'declare', 'Checkout down', '--severity', 'SEV-1', '--at', '2026-11-20T10:00:00Z').code, 0);
  const before = readFileSync(log, 'utf8');
  for (const argv of [['list', '--push'], ['list', '--csv'], ['resolve', 'INC-2026-1120-001', '--json'], ['init', '--runbooks'], ['metrics', '--status', 'open']]) {
    const r = cli.run(dir, ...argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.equal(r.out, '', argv.join(' '));
    const usage = `Usage: incident ${findCommand(argv[0])!.usage}`;
    assert.ok(r.err.startsWith('incident: ') && r.err.endsWith(`. ${usage}\n`), r.err);
    assert.equal(r.err.split('\n').length, 2, `one line: ${r.err}`);
    const option = argv.find((a) => a.startsWith('--'));
    assert.ok(r.err.includes(` ${option} `) || r.err.includes(`'${option}'`), r.err);
  }
  assert.equal(readFileSync(log, 'utf8'), before, 'nothing was written');
  assert.ok(!existsSync(join(dir, '.incident')), 'init with a refused option writes no playbook');
  const list = cli.run(dir, 'list', '--log', 'docs/INCIDENT_LOG.md', '--json');
  assert.equal(list.code, 0, list.err);
  assert.equal(JSON.parse(list.out).length, 1);
});

test('the bundle runs nothing heavy before a command runs: no YAML, zone data, markdown parser, git or lock library', () => {
  // The CLI is one CommonJS bundle; what a command imports lazily (`await import(…)`) esbuild
  // wraps so that it runs on first use. What runs at start is what main.ts reaches through
  // static imports alone: followed here in the import graph the build itself kept
  // (cli-meta.json), the libraries recognised by strings of their own.
  const metafile = JSON.parse(readFileSync(join(cli.build, 'cli-meta.json'), 'utf8')) as Metafile;
  const inputs = metafile.inputs;
  const start = Object.keys(inputs).find((f) => f.endsWith('src/cli/main.ts'))!;
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !inputs[file]) return;
    seen.add(file);
    for (const i of inputs[file].imports) if (i.kind === 'import-statement' || i.kind === 'require-call') visit(i.path);
  };
  visit(start);
  const holding = (marker: string, files: Iterable<string>) => [...files].filter((f) => readFileSync(resolve(ROOT, f), 'utf8').includes(marker));
  const markers = { yaml: 'YAMLParseError', 'the zone data': 'longOffset', 'the markdown parser': 'Cannot close document', git: 'GitCommandError', 'proper-lockfile': 'ECOMPROMISED' };
  for (const [library, marker] of Object.entries(markers)) {
    assert.deepEqual(holding(marker, seen), [], `${library} runs at start`);
    // The marker does name the library in the bundle: the check above could fail.
    assert.ok(holding(marker, Object.keys(inputs)).length > 0, `${library}: no module of the bundle holds "${marker}"`);
  }
  // What those modules weigh in the minified bundle.
  const [output] = Object.entries(metafile.outputs).filter(([f]) => f.endsWith('main.cjs'));
  const bytes = [...seen].reduce((n, f) => n + (output[1].inputs[f]?.bytesInOutput ?? 0), 0);
  assert.ok(bytes > 0 && bytes < 50_000, `${bytes} bytes of the bundle run at start`);
  const r = cli.run(cli.tempDir(), '--version', '--help');
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out.trim(), JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
});

test('an option several commands take is declared once: --help says the same of it in each', () => {
  // Two options share a name but not a meaning: oncall --at is the time asked about (in the
  // rotation's zone), declare --severity the new incident's own.
  const apart = new Set(['oncall --at', 'declare --severity']);
  const said = new Map<string, Set<string>>();
  for (const c of COMMANDS) {
    for (const o of c.options) {
      if (apart.has(`${c.name} --${o.name}`)) continue;
      said.set(o.name, (said.get(o.name) ?? new Set()).add(o.description.replace(/\(default: [a-z]+\)/, '(default: …)')));
    }
  }
  for (const name of ['at', 'now', 'owner', 'json', 'incident', 'no-log', 'severity', 'format']) {
    assert.ok(COMMANDS.filter((c) => c.options.some((o) => o.name === name)).length > 1, `--${name} is taken by several commands`);
    assert.equal(said.get(name)?.size, 1, `--${name}: ${[...(said.get(name) ?? [])].join(' | ')}`);
  }
});

test('the dispatcher refuses a wrong number of words after a command with its usage line, after the playbook is read', () => {
  const counts: Record<string, [number, number]> = Object.fromEntries(COMMANDS.map((c) => [c.name, [c.minArgs ?? 0, c.maxArgs ?? Infinity]]));
  assert.deepEqual(counts, {
    list: [0, 0], show: [1, 1], declare: [0, Infinity], log: [2, Infinity], set: [3, Infinity], resolve: [1, 1], review: [1, 1], check: [0, 0], health: [0, Infinity],
    // runbook takes TYPE or nothing, and says which usage applies itself.
    runbook: [0, Infinity], oncall: [0, 0], init: [0, 0], 'setup-merge': [0, 0], normalize: [1, 1], changes: [1, 1], commit: [1, 1], update: [1, 1], summary: [1, 1], metrics: [0, 0], statuspage: [0, 0], mcp: [0, 0],
  });
  const dir = cli.repo();
  for (const c of COMMANDS) {
    const [min, max] = [c.minArgs ?? 0, c.maxArgs ?? Infinity];
    const wrong = [...(min > 0 ? [min - 1] : []), ...(max < Infinity ? [max + 1] : [])];
    for (const n of wrong) {
      const r = cli.run(dir, c.name, ...Array.from({ length: n }, (_, i) => `W${i}`));
      assert.equal(r.code, 2, `${c.name} with ${n} words`);
      assert.equal(r.out, '', `${c.name} with ${n} words`);
      assert.equal(r.err, `incident: Usage: incident ${c.usage}\n`, `${c.name} with ${n} words`);
    }
  }
  assert.deepEqual(readdirSync(dir), ['.git'], 'nothing was written');
  // The log and its playbook are opened first, as when each command counted its own words.
  mkdirSync(join(dir, '.incident'));
  writeFileSync(join(dir, '.incident/playbook.yml'), 'severities: 5\n');
  const broken = cli.run(dir, 'show');
  assert.equal(broken.code, 2);
  assert.match(broken.err, /^incident: .*playbook\.yml: /);
  assert.doesNotMatch(broken.err, /Usage:/);
});
