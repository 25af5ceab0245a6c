/// <reference lib="dom" />
// Makes the walkthrough's images (media/walkthrough/*.webp) and the README's screenshots
// (docs/images/demo-*.png) from what test/e2e/walkthrough.e2e.test.ts saves of the demo workspace
// with its times moved to now (artifacts/e2e/walkthrough/). The walkthrough's are scaled to at
// most 300 px wide and 160 px tall and encoded as WebP in Chromium, so the six weigh a few KB each and the .vsix
// stays under its size goal; the README's are copied as they are (the .vsix does not ship them).
//   node scripts/test.mjs e2e --grep walkthrough && node --import tsx scripts/demo-images.ts
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, newPage } from './vscode/browser.mjs';
import { ARTIFACTS, ROOT } from './vscode/config.mjs';

const NAMES = ['log', 'declare', 'checklist', 'health-check', 'status-update', 'review'];
const WIDTH = Number(process.env.WEBP_WIDTH ?? 300);
const QUALITY = Number(process.env.WEBP_QUALITY ?? 0.2);
const MAX_HEIGHT = Number(process.env.WEBP_HEIGHT ?? 160);

async function main(): Promise<void> {
  const browser = await launchBrowser();
  try {
    const page = await newPage(browser);
    await page.setContent('<canvas></canvas>');
    const out = join(ROOT, 'media', 'walkthrough');
    mkdirSync(out, { recursive: true });
    let total = 0;
    for (const name of NAMES) {
      const png = readFileSync(join(ARTIFACTS, 'e2e', 'walkthrough', `${name}.png`)).toString('base64');
      const dataUrl = await page.evaluate(
        async ({ png, width, quality, type, maxHeight }) => {
          const img = new Image();
          img.src = `data:image/png;base64,${png}`;
          await img.decode();
          const scale = Math.min(1, width / img.naturalWidth);
          const canvas = document.querySelector('canvas') as HTMLCanvasElement;
          canvas.width = Math.round(img.naturalWidth * scale);
          // The top of the picture, where its title and first rows are, at most `maxHeight` px.
          canvas.height = Math.min(maxHeight, Math.round(img.naturalHeight * scale));
          const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
          ctx.imageSmoothingQuality = 'high';
          ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
          return canvas.toDataURL(type, quality);
        },
        { png, width: WIDTH, quality: QUALITY, type: 'image/webp', maxHeight: MAX_HEIGHT },
      );
      const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
      writeFileSync(join(out, `${name}.webp`), bytes);
      total += bytes.length;
      console.log(`media/walkthrough/${name}.webp: ${(bytes.length / 1024).toFixed(1)} KB`);
    }
    console.log(`walkthrough images: ${(total / 1024).toFixed(1)} KB in all`);
    for (const name of ['checklist', 'health-check', 'status-update']) {
      copyFileSync(join(ARTIFACTS, 'e2e', 'walkthrough', `window-${name}.png`), join(ROOT, 'docs', 'images', `demo-${name}.png`));
      console.log(`docs/images/demo-${name}.png`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(`demo-images: ${e instanceof Error ? e.message : e}`);
  process.exitCode = 1;
});
