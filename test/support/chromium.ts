/** Debian's Chromium for the widget and end-to-end tests: installed with apt-get when missing. */
import { CHROMIUM } from './browser';
import { ensureDebianPackage } from './debian';

/** Returns why Chromium cannot be had, or null when it is there. */
export const ensureChromium = (): string | null => ensureDebianPackage('chromium', CHROMIUM);
