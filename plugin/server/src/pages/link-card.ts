/**
 * The link card, for editors whose CMS lets them add nothing but text and links (and an image):
 * for a published page of ours (./oembed findPage: only this instance's own pages, never fetched),
 *
 * - `GET /api/kinship-offer/link-card?url=<page>`: `{ html, text, qrCode: { svg, png } }`, `html`
 *   a paragraph holding a link to the page, one line on what it is, and the offer's named contact
 *   and phone as plain text (what a reader without the page needs first); `text` the same as plain
 *   text; `qrCode` the addresses of the page's QR code;
 * - `GET /api/kinship-offer/qr-code?url=<page>&format=svg|png`: the page's address as a QR code
 *   image (qrcode 1.5.4; medium error correction, for a leaflet's smudges and folds; PNG 512 px).
 *
 * 400 for a `url` or `format` that cannot be read, 404 for an address that is not a published page.
 */
import type { Core } from '@strapi/strapi';
import type { LinkCard } from '../../../shared/admin-api';
import { pluginApiBase } from '../http/public-url';
import { publicCacheControl, publicReadHeaders } from '../http/cached-response';
import { problem } from '../http/problem';
import { escapeHtml, findPage, type FoundPage } from './oembed';
import { QRCode } from './serve';

/** What the card says the page is, after its title. */
const CARD_LINE = 'Support for relatives and friends raising a child (kinship care).';

/** The card's words: the title, its line, and the named contact with the phone where the offer has them. */
function cardParts({ offer, title }: FoundPage) {
  const contact = offer.contactPhone ? `Call ${offer.contactName ?? offer.name} on ${offer.contactPhone}.` : '';
  return { title, line: CARD_LINE, contact };
}

const PNG_WIDTH = 512;

/** The link card of the published page `found`, its QR codes' addresses under `apiBase` (../http/public-url pluginApiBase). */
export function linkCardOf(found: FoundPage, apiBase: string): LinkCard {
  const { title, line, contact } = cardParts(found);
  const qr = (format: string) => `${apiBase}/qr-code?${new URLSearchParams({ url: found.page, format })}`;
  return {
    html: `<p><a href="${escapeHtml(found.page)}">${escapeHtml(title)}</a><br>${escapeHtml(line)}${contact ? ` ${escapeHtml(contact)}` : ''}</p>`,
    text: [title, found.page, line, contact].filter(Boolean).join('\n'),
    qrCode: { svg: qr('svg'), png: qr('png') },
  };
}

export function linkCardController(strapi: Core.Strapi) {
  return {
    async card(ctx: any) {
      const found = await findPage(strapi, ctx, ctx.query.url);
      if (!found) return;
      publicReadHeaders(ctx);
      ctx.set('cache-control', publicCacheControl());
      ctx.body = linkCardOf(found, pluginApiBase(strapi, ctx));
    },

    async qrCode(ctx: any) {
      const format = ctx.query.format ?? 'svg';
      if (format !== 'svg' && format !== 'png') return problem(ctx, 400, 'ValidationError', 'format must be svg or png', { parameter: 'format' });
      const found = await findPage(strapi, ctx, ctx.query.url);
      if (!found) return;
      publicReadHeaders(ctx);
      ctx.set('cache-control', publicCacheControl());
      if (format === 'svg') {
        ctx.type = 'image/svg+xml';
        ctx.body = await QRCode.toString(found.page, { type: 'svg', margin: 4, errorCorrectionLevel: 'M' });
      } else {
        ctx.type = 'image/png';
        ctx.body = await QRCode.toBuffer(found.page, { type: 'png', margin: 4, width: PNG_WIDTH, errorCorrectionLevel: 'M' });
      }
    },
  };
}
