// The .vsix as `npm run package` makes it: at most VSIX_GOAL_BYTES (400 KB), holding the extension and its panels'
// assets and nothing else (no source maps, no node_modules, no CLI copy, no tests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { packageVsix, VSIX_GOAL_BYTES } from '../../scripts/vsix.mjs';

test('the packaged extension weighs at most 400 KB and ships only what it runs', { timeout: 180_000 }, () => {
  const built = packageVsix();
  try {
    console.log(`vsix: ${built.files.length} files, ${(built.bytes / 1024).toFixed(1)} KB (goal ≤ ${VSIX_GOAL_BYTES / 1024} KB)`);
    assert.ok(built.bytes <= VSIX_GOAL_BYTES, `${built.bytes} bytes`);
    for (const f of ['extension/dist/extension.js', 'extension/dist/webview/webview.js', 'extension/dist/webview/codicons/codicon.ttf', 'extension/package.json', 'extension/package.nls.json', 'extension/media/icon.png', 'extension/README.md', 'extension/CHANGELOG.md']) {
      assert.ok(built.files.includes(f), `${f} is missing from ${built.files.join(', ')}`);
    }
    for (const f of built.files) {
      assert.doesNotMatch(f, /\.map$|node_modules|\/src\/|\/test\/|\/dist\/cli|\.tgz$/, `${f} should not be packaged`);
    }
  } finally {
    rmSync(built.stage, { recursive: true, force: true });
  }
});
