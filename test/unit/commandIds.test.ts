// The command ids live in one module: it and package.json name the same commands.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Commands, InternalCommands, commandArgs } from '../../src/extension/commandIds';

const ROOT = resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

test('every command of the module is contributed in package.json, and every contributed one is in the module', () => {
  const contributed = (pkg.contributes.commands as Array<{ command: string }>).map((c) => c.command).sort();
  assert.deepEqual(Object.values(Commands).sort(), contributed);
});

test('menus and keybindings name only commands of the module; internal commands are not contributed', () => {
  const known = new Set<string>(Object.values(Commands));
  const menus = Object.values(pkg.contributes.menus as Record<string, Array<{ command: string }>>).flat();
  for (const m of [...menus, ...(pkg.contributes.keybindings as Array<{ command: string }>)]) assert.ok(known.has(m.command), `${m.command} is not in commandIds.ts`);
  for (const id of Object.values(InternalCommands)) assert.ok(!known.has(id) && !JSON.stringify(pkg.contributes).includes(`"${id}"`), `${id} is contributed`);
});

test("a command's arguments: its object, or a view row read as its incident", () => {
  assert.deepEqual(commandArgs({ incident: 'INC-1', text: 'x' }), { incident: 'INC-1', text: 'x' });
  assert.deepEqual(commandArgs({ kind: 'incident', id: 'INC-2', incident: { title: 'ignored' } }), { incident: 'INC-2' });
  assert.deepEqual(commandArgs({ kind: 'detail', id: 'INC-3' }), { incident: 'INC-3' });
  for (const nothing of [undefined, null, 'INC-1', 42, ['INC-1']]) assert.deepEqual(commandArgs(nothing), {});
});
