// `incident list --json | head`: the reader closes the pipe early, and the command ends quietly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtCli, tempDir } from './gitHelpers';

test('a pipe closed early (| head) ends the command without an error or a stack trace', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'docs'));
  const incident = (n: number) => `## INC-2026-1120-${String(n).padStart(3, '0')}: Checkout errors ${n}\n- **Severity:** SEV-2\n- **Status:** Resolved\n\n### Timeline\n${'- 2026-11-20 14:30 UTC — something was seen and done about it\n'.repeat(20)}\n`;
  writeFileSync(join(dir, 'docs', 'INCIDENT_LOG.md'), `# Log\n\n${Array.from({ length: 400 }, (_, i) => incident(i + 1)).join('')}`);
  // The shell's `head -c 10` reads ten bytes and exits; the list goes on writing into a closed pipe.
  const r = spawnSync('sh', ['-c', `"${process.execPath}" "${builtCli()}" list --json | head -c 10 >/dev/null`], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 0);
  assert.equal(r.stderr, '', 'nothing on stderr: no EPIPE report, no stack trace');
});
