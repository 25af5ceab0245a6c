import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type LogIndex, type Policy, defaultPolicy, indexLog } from '../../src/core';
import { PolicyError, loadPolicy } from '../../src/core';

export const FIXTURES = resolve(__dirname, '../fixtures/logs');

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export function indexFixture(name: string, policy: Policy = defaultPolicy()): LogIndex {
  const base = dirname(join(FIXTURES, name));
  return indexLog(fixture(name), {
    policy,
    readFile: (rel) => {
      try {
        return readFileSync(resolve(base, rel), 'utf8');
      } catch {
        return undefined;
      }
    },
  });
}

/** Asserts `after` equals `before` with exactly the inserted/replaced ranges changed. */
export function diffRegion(before: string, after: string): { prefix: number; suffix: number; removed: string; added: string } {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return { prefix, suffix, removed: before.slice(prefix, before.length - suffix), added: after.slice(prefix, after.length - suffix) };
}

/** The error a playbook is refused with; fails the test when it is read. */
export function policyErrorOf(yaml: string): PolicyError {
  try {
    loadPolicy(yaml);
  } catch (e) {
    assert.ok(e instanceof PolicyError, `expected PolicyError, got ${e}`);
    return e;
  }
  assert.fail('the playbook was read, not refused:\n' + yaml);
}
