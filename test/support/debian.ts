/** A part the tests need from Debian (Chromium, nginx): installed with apt-get when missing. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Installs Debian's `pkg` unless `binary` is there; returns why it cannot be had, or null. */
export function ensureDebianPackage(pkg: string, binary: string): string | null {
  if (existsSync(binary)) return null;
  try {
    console.log(`Installing ${pkg} (apt-get install ${pkg})…`);
    execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'pipe'] });
    execFileSync('apt-get', ['install', '-y', '-qq', pkg], { stdio: ['ignore', 'ignore', 'pipe'] });
    return existsSync(binary) ? null : `apt-get installed ${pkg} but ${binary} is missing`;
  } catch (error) {
    return (error as { stderr?: Buffer }).stderr?.toString().trim() || String(error);
  }
}
