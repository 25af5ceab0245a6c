// `incident --help` and `incident <command> --help`, written from the command table: every
// command with its usage line and summary, and each command's options with what they do.
import type { CommandModule, OptionSpec } from './command';
import { COMMANDS, GLOBAL_OPTIONS } from './commandTable';

const WIDTH = 100;
/** The column the general help's summaries start at. */
const SUMMARY_COLUMN = 48;

/** `text` in lines of at most WIDTH - `indent` characters (a longer word keeps its own line). */
function wrap(text: string, indent: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > WIDTH - indent) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** `left` then `text` wrapped in a column at `column`; `left` too long for it stands on its own line. */
function twoColumns(left: string, text: string, column: number): string {
  const body = wrap(text, column);
  const pad = ' '.repeat(column);
  const first = left.length + 2 <= column ? `${left}${' '.repeat(column - left.length)}${body.shift() ?? ''}` : left;
  return [first.trimEnd(), ...body.map((l) => pad + l)].join('\n');
}

const optionLabel = (o: OptionSpec) => `${o.short ? `-${o.short}, ` : ''}--${o.name}${o.value ? ` ${o.value}` : ''}`;

function optionLines(options: readonly OptionSpec[], column: number): string {
  return options.map((o) => twoColumns(`  ${optionLabel(o)}`, o.description, column)).join('\n');
}

/** The help of `incident` with no command: every command in the table, and the global options. */
export function generalHelp(): string {
  const commands = COMMANDS.map((c) => twoColumns(`  ${c.usage}`, c.summary, SUMMARY_COLUMN)).join('\n');
  return `Usage: incident <command> [options]

Commands:
${commands}

Options:
${optionLines(GLOBAL_OPTIONS, 16)}

incident <command> --help lists the options of a command.
`;
}

/** The help of one command: its usage line, what it does, its options and the global ones it takes. */
export function commandHelp(command: CommandModule): string {
  const globals = GLOBAL_OPTIONS.filter((o) => o.name !== 'version');
  const column = Math.max(16, ...[...command.options, ...globals].map((o) => optionLabel(o).length + 6));
  const own = command.options.length ? `\nOptions:\n${optionLines(command.options, column)}\n` : '';
  return `Usage: incident ${command.usage}

${wrap(command.summary, 0).join('\n')}
${own}
Options of every command:
${optionLines(globals, column)}
`;
}
