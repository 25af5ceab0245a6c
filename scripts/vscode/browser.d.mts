import type { Browser, Page } from 'playwright-core';
export const CHROMIUM_ARGS: string[];
export function launchBrowser(options?: { headless?: boolean }): Promise<Browser>;
export function newPage(browser: Browser): Promise<Page>;
