import { readFileSync } from 'node:fs';
import { launchBrowser, newPage } from './scripts/vscode/browser.mjs';
const browser = await launchBrowser();
const page = await newPage(browser);
const imgs = ['status-update', 'checklist'].map((n) => `<img src="data:image/webp;base64,${readFileSync(`media/walkthrough/${n}.webp`).toString('base64')}">`).join('<br>');
await page.setContent(`<body style="margin:0;background:#fff">${imgs}</body>`);
await page.setViewportSize({ width: 360, height: 440 });
await page.screenshot({ path: '/tmp/wq.png' });
await browser.close();
