// The .vsix as `npm run package` makes it: at most VSIX_GOAL_BYTES (400 KB), holding the extension and its panels'
// assets and nothing else (no source maps, no node_modules, no CLI copy, no tests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { packageVsix, VSIX_GOAL_BYTES } from '../../scripts/vsix.mjs';

test('the packaged extension weighs at most 400 KB and ships only what it runs', { timeout: 180_000 }, () => {
  const built = packageVsix();
  try {
    console.log(`vsix: ${built.files.length} files, ${(built.bytes / 1024).toFixed(1)} KB (goal ≤ ${VSIX_GOAL_BYTES / 1024} KB)`);
    assert.ok(built.bytes <= VSIX_GOAL_BYTES, `${built.bytes} bytes`);
    for (const f of ['extension/dist/extension.js', 'extension/dist/webview/webview.js', 'extension/dist/webview/codicons/codicon.ttf', 'extension/package.json', 'extension/package.nls.json', 'extension/media/icon.png', 'extension/README.md', 'extension/CHANGELOG.md']) {
      assert.ok(built.files.includes(f), `${f} is missing from ${built.files.join(', ')}`);
    }
    // The installed extension's README is for its users: the Development section is a pointer.
    const readme = readFileSync(join(built.stage, 'README.md'), 'utf8');
    assert.match(readme, /## Quick start/);
    assert.doesNotMatch(readme, /### Layout|What each dependency is for/);
    assert.match(readme, /\[the repository's README\]\(README\.md#development\)/);
    assert.match(readme, /Licensed under the MIT licence/);
    for (const f of built.files) {
      assert.doesNotMatch(f, /\.map$|node_modules|\/src\/|\/test\/|\/dist\/cli|\.tgz$/, `${f} should not be packaged`);
    }
  } finally {
    rmSync(built.stage, { recursive: true, force: true });
  }
});
