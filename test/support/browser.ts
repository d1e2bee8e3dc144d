/** Debian's Chromium, driven by playwright-core (npm tools cannot download a browser here). */
import { createRequire } from 'node:module';
import type { Browser, Frame, Page } from 'playwright-core';

const require = createRequire(__filename);

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * A reader's browser as the CMS sees it: desktop Chrome's User-Agent. Headless Chromium says
 * "HeadlessChrome", and reach leaves such browsers out (plugin/server/src/reach/validation
 * `notAReader`), so a test that plays a reader uses this (`browser.newContext({ userAgent })`).
 */
export const READER_USER_AGENT = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

export async function launchChromium(): Promise<Browser> {
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * Runs axe-core (WCAG 2.2 A and AA rules) on the page (or one of its frames, a cross-origin one
 * included), or the part of it `within` selects, shadow roots included; returns the violations.
 */
export async function axeViolations(page: Page | Frame, within?: string) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async (within) => {
    const result = await (window as any).axe.run(within ? { include: [within] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v: any) => `${v.id}: ${v.help} (${v.nodes.map((n: any) => `${n.target.join(' ')} ${n.html.slice(0, 160)}`).join(', ')})`);
  }, within);
}
