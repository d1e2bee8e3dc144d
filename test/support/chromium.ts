/** Debian's Chromium for the widget and end-to-end tests: installed with apt-get when missing. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM } from './browser';

/** Returns why Chromium cannot be had, or null when it is there. */
export function ensureChromium(): string | null {
  if (existsSync(CHROMIUM)) return null;
  try {
    console.log('Installing Chromium (apt-get install chromium)…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'pipe'] });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: ['ignore', 'ignore', 'pipe'] });
    return existsSync(CHROMIUM) ? null : `apt-get installed chromium but ${CHROMIUM} is missing`;
  } catch (error) {
    return (error as { stderr?: Buffer }).stderr?.toString().trim() || String(error);
  }
}
