// Launches the system Chromium for Playwright (no browser download).
import { chromium } from 'playwright-core';
import { HarnessError, findChromium } from './install.mjs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--disable-features=Translate,MediaRouter,OptimizationHints',
];

export async function launchBrowser({ headless = true } = {}) {
  const executablePath = findChromium();
  if (!executablePath) throw new HarnessError('No Chromium found (apt-get install -y chromium, or set INCIDENT_CHROMIUM).');
  return chromium.launch({ executablePath, headless, args: CHROMIUM_ARGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
}

export async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
  // Clipboard and focus behave like a person's browser.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']).catch(() => {});
  return context.newPage();
}
