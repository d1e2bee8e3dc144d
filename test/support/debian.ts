/** A part the tests need from Debian (Chromium, nginx): installed with apt-get when missing. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Installs Debian's `pkg` (or several, space-separated) unless `binary` is there; returns why it
 * cannot be had, or null. `recommends: false`: without the packages they only recommend.
 */
export function ensureDebianPackage(pkg: string, binary: string, { recommends = true } = {}): string | null {
  if (existsSync(binary)) return null;
  try {
    console.log(`Installing ${pkg} (apt-get install ${pkg})…`);
    execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'pipe'] });
    execFileSync('apt-get', ['install', '-y', '-qq', ...(recommends ? [] : ['--no-install-recommends']), ...pkg.split(' ')], { stdio: ['ignore', 'ignore', 'pipe'] });
    return existsSync(binary) ? null : `apt-get installed ${pkg} but ${binary} is missing`;
  } catch (error) {
    return (error as { stderr?: Buffer }).stderr?.toString().trim() || String(error);
  }
}
