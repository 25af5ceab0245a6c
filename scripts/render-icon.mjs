// Renders media/icon.svg to the 128×128 media/icon.png the marketplace shows (run after editing the SVG).
// The screenshot is then made smaller for the .vsix's size goal, when the tools are installed
// (Debian packages pngquant and optipng): palette colours at 70–90 % quality (the gradient shows
// no banding at 128×128) and a lossless recompression; 5.1 KB became 1.7 KB.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
const svg = readFileSync('media/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await page.locator('svg').screenshot({ path: 'media/icon.png', omitBackground: true });
await browser.close();
for (const [tool, args] of [
  ['pngquant', ['--quality=70-90', '--speed', '1', '--strip', '--force', '--output', 'media/icon.png', 'media/icon.png']],
  ['optipng', ['-quiet', '-o7', '-strip', 'all', 'media/icon.png']],
]) {
  try {
    execFileSync(tool, args, { stdio: 'inherit' });
  } catch (e) {
    console.log(`${tool}: ${e.code === 'ENOENT' ? 'not installed (apt-get install ' + tool + '), skipped' : e.message}`);
  }
}
console.log(`media/icon.png: ${statSync('media/icon.png').size} bytes`);
