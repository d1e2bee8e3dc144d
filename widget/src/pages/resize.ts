/**
 * The host's resize script (<base>/assets/resize.js), for a page that may load a script beside
 * the iframe: each of the pages' iframe views on the page is kept as tall as its content (./embed
 * tells the height). Our own, a few lines: iframe-resizer 5 is GPL or paid.
 *
 * Loaded after the iframes or before them; it asks those already there for their height.
 */
import { READY_MESSAGE, RESIZE_MESSAGE, type ResizeMessage } from './messages';

/** Taller than any offer: a frame saying more is not ours, or broken. */
const MAX_HEIGHT = 100_000;

addEventListener('message', (event) => {
  const data = event.data as Partial<ResizeMessage> | null;
  if (data?.type !== RESIZE_MESSAGE || typeof data.height !== 'number' || !(data.height > 0 && data.height <= MAX_HEIGHT)) return;
  for (const frame of document.querySelectorAll('iframe')) {
    // The frame that sent it, found by its window: a sandboxed frame's origin says nothing.
    if (frame.contentWindow === event.source) frame.style.height = `${data.height}px`;
  }
});

for (const frame of document.querySelectorAll('iframe')) frame.contentWindow?.postMessage({ type: READY_MESSAGE }, '*');
