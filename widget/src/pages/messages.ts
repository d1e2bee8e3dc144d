/**
 * The messages between the pages' iframe view (./embed) and a host page that sizes it (./resize,
 * or a host's own few lines: docs/web-teams.md, "The iframe"). Plain objects sent with
 * `postMessage(…, '*')`: a sandboxed frame's origin is opaque, so neither side can name the
 * other's; they carry nothing but the height and the page's title, which are public.
 */

/** Frame → host: `{ type: 'kinship-offer:resize', height, title }`, `height` in CSS pixels, the whole page. */
export const RESIZE_MESSAGE = 'kinship-offer:resize';

/** Host → frame: `{ type: 'kinship-offer:ready' }`; the frame answers with its height at once. */
export const READY_MESSAGE = 'kinship-offer:ready';

export interface ResizeMessage {
  type: typeof RESIZE_MESSAGE;
  height: number;
  title: string;
}
