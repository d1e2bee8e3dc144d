/**
 * The partner's form over HTTP, and the editors' side of it.
 *
 * Public (no account): GET and POST `/api/kinship-offer/service-review/<service documentId>/<token>`,
 * an HTML page each. Answers: 200 with the form or a thank-you page; 422 with the form again, every
 * problem beside its field and everything the partner typed kept; 400 for a post that is not the
 * form's; 404 (a link that is not one of ours: mistyped, cut short or tampered with, or a service
 * no longer published), 403 (a link made for another service), 410 (expired, revoked, or already
 * used for a proposal) with a page that says which and what to do; 429 when one address asks too
 * often. Never a 500: a page that cannot be made is a 503.
 *
 * Cross-site request forgery needs no token of its own here: the form carries no ambient
 * authority (no cookie, no session, no account). What authorises a post is the link's secret
 * token in the address it posts to, which a forging site cannot know; a site that knew it could
 * open the link itself. Every page is sent `no-store` with `Referrer-Policy: no-referrer`, so the
 * address is neither kept by a cache nor leaked to a site the page links to.
 *
 * Editors (admin API, the content manager's own permissions on services): send a link, list and
 * revoke a service's links, list proposals, accept (into the draft) or decline with a reason.
 */
import { errors } from '@strapi/utils';
import type { PartnerFormField, PartnerPage } from '../../../shared/pages';
import { restPrefix } from '../http/public-url';
import { pageRenderer } from '../pages/renderer';
import { getService } from '../services/get-service';
import { editorName } from '../services/reviews';
import { CONTROL, formValuesOf, inputOf, NAME_MAX, NOTE_MAX, PARTNER_FIELDS, readProposal, type FormProblem } from './form';
import type { Refusal } from './service';

const partners = () => getService('partner-links');

/** The path under the plugin's REST base where a link opens its form. */
export const FORM_PATH = '/service-review';

/**
 * The link's absolute address for the e-mail. Only the app's configured `server.url` (PUBLIC_URL)
 * is trusted for it: an address made from a request's Host header could send a partner, and
 * their token, to another site. Null while it is not set.
 */
export function partnerFormUrl(strapi: any): ((documentId: string, token: string) => string) | null {
  const origin = String(strapi.config.get('server.url', '') ?? '').replace(/\/+$/, '');
  if (!origin.startsWith('http')) return null;
  const prefix = restPrefix(strapi);
  return (documentId, token) => `${origin}${prefix}/kinship-offer${FORM_PATH}/${encodeURIComponent(documentId)}/${encodeURIComponent(token)}`;
}

/** Why a link opens nothing, in the partner's words, with its status. */
const REFUSALS: Record<Refusal, { status: number; heading: string; paragraphs: string[] }> = {
  unknown: { status: 404, heading: 'This link does not work', paragraphs: ['The link may have been copied only in part. Open it again from the e-mail, or copy the whole address into your browser.', 'If it still does not work, ask the council for a new link.'] },
  'other-service': { status: 403, heading: 'This link is for a different service', paragraphs: ['Each link opens only the service it was sent for. Use the link in the e-mail about this service, or ask the council for one.'] },
  expired: { status: 410, heading: 'This link has expired', paragraphs: ['Links work for a limited time, to keep your service safe. Ask the council for a new link.'] },
  revoked: { status: 410, heading: 'This link has been cancelled', paragraphs: ['The council cancelled this link. If you still need to check your service, ask the council for a new link.'] },
  used: { status: 410, heading: 'This link has already been used', paragraphs: ['Changes were sent to the council with this link, and each link sends changes once. The council will check them. If something else has changed, ask the council for a new link.'] },
  unpublished: { status: 404, heading: 'This service is not published', paragraphs: ['The council no longer lists this service, so there is nothing to check. If that is wrong, contact the council.'] },
};

const PRIVATE_PAGE = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', 'x-robots-tag': 'noindex, nofollow' };

async function sendPage(ctx: any, status: number, model: PartnerPage) {
  const html = await pageRenderer().renderPartnerPage(model);
  ctx.status = status;
  ctx.set(PRIVATE_PAGE);
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = html;
}

/** A partner's page, or a 503 page when it cannot be made (the renderer is not built, the database is down). */
async function answering(ctx: any, answer: () => Promise<void>) {
  try {
    await answer();
  } catch (error) {
    strapi.log.error(`kinship-offer: a partner's page could not be made: ${error instanceof Error ? error.stack : error}`);
    ctx.status = 503;
    ctx.set({ ...PRIVATE_PAGE, 'retry-after': '30' });
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = '<!doctype html><html lang="en"><title>Service unavailable</title><h1>Sorry, this page cannot be shown just now</h1><p>Please try again in a minute. Your link still works.</p></html>';
  }
}

/** The 429 page for the rate limit (../middlewares/rate-limit). */
export const refuseTooMany = (ctx: any, message: string) =>
  answering(ctx, () => sendPage(ctx, 429, { kind: 'partner-message', council: '', heading: 'Too many requests', paragraphs: [message] }));

const councilOf = (service: any) => (service.offers ?? []).map((offer: any) => offer.name).join(', ');

function formPage(ctx: any, service: any, values: Record<string, string>, problems: FormProblem[]): PartnerPage {
  const fields: PartnerFormField[] = [
    { name: 'name', label: 'Your name', hint: 'So the council knows who checked the service.', input: 'line', required: true, maxLength: NAME_MAX, value: values.name ?? '' },
    ...PARTNER_FIELDS.map((field) => {
      const { kind, ...input } = inputOf(field.name);
      return { name: field.name, label: field.label, hint: 'hint' in field ? field.hint : undefined, input: kind, ...input, value: values[field.name] ?? '' };
    }),
    { name: 'note', label: 'Anything else the council should know', hint: 'For example new opening times, contacts or places. Only the council sees this.', input: 'paragraph', required: false, maxLength: NOTE_MAX, value: values.note ?? '' },
  ];
  return {
    kind: 'partner-form',
    council: councilOf(service),
    title: service.title,
    intro: [
      `This is what carers read about your service in ${councilOf(service) || 'the council'}'s kinship local offer.${service.lastReviewedAt ? ` It was last checked on ${new Date(service.lastReviewedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}.` : ''}`,
    ],
    action: ctx.path,
    fields,
    problems,
  };
}

async function opened(ctx: any) {
  const { documentId, token } = ctx.params;
  const result = await partners().open(documentId, token);
  if ('refused' in result) {
    const refusal = REFUSALS[result.refused];
    await sendPage(ctx, refusal.status, { kind: 'partner-message', council: '', heading: refusal.heading, paragraphs: refusal.paragraphs });
    return null;
  }
  return result;
}

export default {
  /** GET: the form, filled with the service as readers see it. */
  async form(ctx: any) {
    await answering(ctx, async () => {
      const link = await opened(ctx);
      if (link) await sendPage(ctx, 200, formPage(ctx, link.service, formValuesOf(link.service), []));
    });
  },

  /** POST: "Still correct" (action=confirm) or "Send the changes" (action=propose). */
  async submit(ctx: any) {
    await answering(ctx, async () => {
      const link = await opened(ctx);
      if (!link) return;
      const body = ctx.request.body && typeof ctx.request.body === 'object' && !Array.isArray(ctx.request.body) ? ctx.request.body : {};
      const action = body.action;
      const read = readProposal(body, link.service);
      const council = councilOf(link.service);
      if (action !== 'confirm' && action !== 'propose') {
        return sendPage(ctx, 400, formPage(ctx, link.service, read.typed, [{ field: 'name', message: 'Choose "Yes, it is still correct" or "Send the changes to the council"' }]));
      }
      const changed = Object.keys(read.changes).length > 0;
      const problems = [...read.problems];
      if (action === 'confirm' && changed) problems.push({ field: Object.keys(read.changes)[0], message: 'You changed this service\'s details: use "Send the changes to the council", or undo your changes to say it is still correct' });
      if (action === 'propose' && !changed && !read.note && !problems.length) problems.push({ field: PARTNER_FIELDS[0].name, message: 'Nothing has changed: change a field, or use "Yes, it is still correct"' });
      if (action === 'confirm') {
        // Only the name matters for a confirmation; a problem in an unchanged field is not the partner's.
        const relevant = problems.filter((problem) => problem.field === 'name' || problem.field in read.changes);
        if (relevant.length) return sendPage(ctx, 422, formPage(ctx, link.service, read.typed, relevant));
        await partners().confirm(link.link, read.name);
        return sendPage(ctx, 200, { kind: 'partner-message', council, heading: 'Thank you: your service is confirmed', paragraphs: [`The council now shows "${link.service.title}" as checked today by ${read.name}.`, 'You can close this page.'] });
      }
      if (problems.length) return sendPage(ctx, 422, formPage(ctx, link.service, read.typed, problems));
      const stored = await partners().propose(link.link, { name: read.name, note: read.note, changes: read.changes, current: link.service });
      if (!stored) {
        const refusal = REFUSALS.used;
        return sendPage(ctx, 410, { kind: 'partner-message', council, heading: refusal.heading, paragraphs: refusal.paragraphs });
      }
      return sendPage(ctx, 200, {
        kind: 'partner-message',
        council,
        heading: 'Thank you: your changes have been sent',
        paragraphs: ['The council will check them before carers see them. Until then carers see the service as it was.', 'This link has now been used. You can close this page.'],
      });
    });
  },

  /** Admin: e-mails a new link to the service's provider contact. */
  async send(ctx: any) {
    const { documentId } = ctx.params;
    const formUrl = partnerFormUrl(strapi);
    if (!formUrl) throw new errors.ApplicationError('Set the CMS\'s public address (PUBLIC_URL, server.url) before sending links: links are made only from it');
    if (!getService('reminders').emailConfigured()) throw new errors.ApplicationError('No e-mail provider is configured, so no link can be sent (see the operators\' guide, E-mail)');
    let link;
    try {
      link = await partners().send(documentId, { requestedBy: editorName(ctx), formUrl });
    } catch (error) {
      strapi.log.error(`kinship-offer: could not e-mail a review link for ${documentId}: ${error instanceof Error ? error.message : error}`);
      throw new errors.ApplicationError('The e-mail could not be sent; nothing was sent. Try again later.');
    }
    if (!link) {
      const exists = await getService('reviews').status('service', documentId);
      if (!exists) throw new errors.NotFoundError(`There is no service ${documentId}`);
      throw new errors.ValidationError('This service has no e-mail address to send a link to: add one to a contact of the service or to its provider');
    }
    ctx.body = { data: link };
  },

  /** Admin: the service's links, newest first, and who a new one would go to. */
  async links(ctx: any) {
    const { documentId } = ctx.params;
    ctx.body = { data: { links: await partners().linksOf(documentId), sendTo: (await partners().recipientOf(documentId))?.email ?? null } };
  },

  /** Admin: revokes a link. */
  async revoke(ctx: any) {
    if (!(await partners().revoke(ctx.params.documentId, ctx.params.id, editorName(ctx)))) throw new errors.NotFoundError('This service has no such link');
    ctx.body = { data: { id: ctx.params.id, state: 'revoked' } };
  },

  /** Admin: proposals waiting for an editor (`?service=<documentId>` for one service's). */
  async proposals(ctx: any) {
    const service = typeof ctx.query.service === 'string' ? ctx.query.service : undefined;
    ctx.body = { data: await partners().proposals({ documentId: service }) };
  },

  /** Admin: accepts a proposal into the service's draft. */
  async accept(ctx: any) {
    const done = await partners().accept(ctx.params.id, editorName(ctx));
    if (!done) throw new errors.NotFoundError('There is no proposal waiting with that id: it may have been accepted or declined already');
    if ('refused' in done) throw new errors.ApplicationError('The service this proposal is for has been deleted, so there is no draft to put it in. Decline it with a reason, or re-create the service and copy the changes in.');
    ctx.body = { data: done };
  },

  /** Admin: declines a proposal with a reason (`{ data: { reason } }`). */
  async decline(ctx: any) {
    const reason = ctx.request.body?.data?.reason;
    if (typeof reason !== 'string' || !reason.trim() || reason.length > 2000) throw new errors.ValidationError('Give a reason for declining, 2,000 characters at most');
    if (CONTROL.test(reason)) throw new errors.ValidationError('The reason has a hidden control character, which cannot be saved: delete it, or type the reason again');
    const done = await partners().decline(ctx.params.id, editorName(ctx), reason.trim());
    if (!done) throw new errors.NotFoundError('There is no proposal waiting with that id: it may have been accepted or declined already');
    ctx.body = { data: done };
  },
};
