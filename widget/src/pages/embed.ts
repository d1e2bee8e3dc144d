/**
 * The iframe view's script (<base>/assets/embed.js): the pages' own (./enhance), and the frame's
 * height told to the page holding it, so a host that helps can show the whole offer without a
 * scroll bar inside the frame. The view is complete without it, at the host's fixed height.
 *
 * It tells the height (CSS pixels of the whole document) once the page is laid out, whenever it
 * changes (a service's details opened, a finder choice), and when a host asks:
 * - to any host, as `{ type: 'kinship-offer:resize', height, title }` (./messages), which our
 *   ./resize and a host's own few lines read;
 * - to WordPress, as its embeds do (wp-includes/js/wp-embed.js): `{ message: 'height', value,
 *   secret }`, the secret read from the `#?secret=…` WordPress puts in the iframe's address. It
 *   asks with `{ message: 'ready', secret }`. A click on a link out to this same site is sent as
 *   `{ message: 'link', value, secret }`, for WordPress to follow in the top window: its sandbox
 *   (allow-scripts only) lets the frame open no window of its own;
 * - to a browser with responsive iframes (`frame-sizing`), by `window.requestResize()`.
 *
 * The finder's form is sent by moving the frame to the form's address with its choices: WordPress's
 * sandbox has no `allow-forms`, so a form cannot be submitted there, but a frame may always go to
 * another page of its own.
 *
 * It uses no storage and reads nothing of the parent, so it works in a sandboxed frame with an
 * opaque origin, and under a parent that is a `srcdoc` or `about:blank` document.
 */
import './enhance';
import { READY_MESSAGE, RESIZE_MESSAGE, type ResizeMessage } from './messages';

/** WordPress's secret: ten letters and digits (wp_generate_password( 10, false )). */
const secret = /[#&?]secret=([A-Za-z0-9]+)/.exec(location.hash)?.[1];

let told = -1;

function tellHeight(again = false) {
  if (window.parent === window) return;
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === told && !again) return;
  told = height;
  const message: ResizeMessage = { type: RESIZE_MESSAGE, height, title: document.title };
  window.parent.postMessage(message, '*');
  if (secret) window.parent.postMessage({ message: 'height', value: height, secret }, '*');
  try {
    (window as { requestResize?: () => void }).requestResize?.();
  } catch {
    // Not an iframe (an <object>, say): the messages above are all there is.
  }
}

new ResizeObserver(() => tellHeight()).observe(document.documentElement);
addEventListener('load', () => tellHeight(true));
addEventListener('message', (event) => {
  if (event.source !== window.parent || !event.data) return;
  const { type, message } = event.data as { type?: unknown; message?: unknown; secret?: unknown };
  if (type === READY_MESSAGE || (message === 'ready' && secret && event.data.secret === secret)) tellHeight(true);
});

document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
  if (!secret || !link || link.target === '_self' || event.defaultPrevented || link.host !== location.host) return;
  event.preventDefault();
  window.parent.postMessage({ message: 'link', value: link.href, secret }, '*');
});

// The click, not the submit event: a sandbox without allow-forms stops a submission before its
// submit event. Enter in a field clicks the form's button too (HTML's implicit submission).
document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest?.('button[type="submit"]') as HTMLButtonElement | null;
  const form = button?.form;
  if (!form || form.method !== 'get' || event.defaultPrevented) return;
  event.preventDefault();
  const address = new URL(form.action);
  address.search = new URLSearchParams(new FormData(form) as unknown as Record<string, string>).toString();
  location.assign(address.href);
});
