/**
 * Readers' feedback: "Was this helpful?" and "Tell us what is missing or wrong", about an offer
 * or one of its services. Public and hardened: known fields only, short text, the offer (and
 * service) must exist and be published, a honeypot and a minimum fill time instead of a CAPTCHA.
 * No personal data is asked for. Stored for editors; never publicly readable.
 */
import { errors } from '@strapi/utils';
import { UID } from '../uids';
import { getService } from '../services/get-service';

const FIELDS = ['offer', 'service', 'helpful', 'message', 'website', 'startedAt'];
const MIN_FILL_MS = 2_000;
const MAX_MESSAGE = 1_000;

const refuse = (message: string, field?: string): never => {
  throw new errors.ValidationError(message, field ? { errors: [{ path: [field], message, name: 'ValidationError' }] } : {});
};

const inbox = () => getService('feedback');

/** A reader's feedback that passed every check that needs no database. */
export interface Submission {
  slug: string;
  serviceUuid?: string;
  helpful?: boolean;
  /** Trimmed; absent when empty. */
  message?: string;
  /** The honeypot was filled: accept, store nothing. */
  fromBot: boolean;
}

/**
 * The checks on a submission's body (`{ data: { … } }`) before the database is asked anything:
 * known fields and their types, the message's length, something said, and the minimum fill time
 * counted to `now`. Throws a ValidationError naming the field.
 */
export function readSubmission(body: unknown, now = Date.now()): Submission {
  const input = (body as any)?.data;
  if (!input || typeof input !== 'object' || Array.isArray(input)) refuse('Send the feedback as JSON: { "data": { "offer": "<slug>", … } }');
  const unknown = Object.keys(input).filter((key) => !FIELDS.includes(key));
  if (unknown.length) refuse(`Unknown field "${unknown[0]}". Send ${FIELDS.slice(0, 4).join(', ')}.`, unknown[0]);
  const { offer: slug, service: serviceUuid, helpful, message, website, startedAt } = input;
  if (typeof slug !== 'string' || !slug) refuse('Name the offer the feedback is about (its slug).', 'offer');
  if (serviceUuid !== undefined && typeof serviceUuid !== 'string') refuse('service must be the service\'s UUID', 'service');
  if (helpful !== undefined && typeof helpful !== 'boolean') refuse('helpful must be true or false', 'helpful');
  if (message !== undefined && (typeof message !== 'string' || message.length > MAX_MESSAGE)) {
    refuse(`message must be text of up to ${MAX_MESSAGE} characters`, 'message');
  }
  if (helpful === undefined && !message?.trim()) refuse('Say whether it was helpful, or what is missing or wrong.');
  if (typeof startedAt !== 'number' || now - startedAt < MIN_FILL_MS) refuse('The feedback was sent too quickly: please try again.', 'startedAt');
  // NUL is no character a reader types, and PostgreSQL's text refuses it (a 500): left out, the rest kept.
  const words = message?.replace(/\u0000/g, '').trim();
  return { slug, serviceUuid, helpful, message: words || undefined, fromBot: typeof website === 'string' && website !== '' };
}

export default {
  /** For editors: an offer's feedback (GET /kinship-offer/feedback?offer=<documentId>). */
  async list(ctx: any) {
    const { offer } = ctx.query;
    if (typeof offer !== 'string' || !offer) refuse('Name the offer: ?offer=<documentId>', 'offer');
    ctx.body = { data: await inbox().forOffer(offer) };
  },

  /** For editors: mark feedback as acted on, or not (PUT /kinship-offer/feedback/:documentId). */
  async setActioned(ctx: any) {
    const actioned = ctx.request.body?.data?.actioned;
    if (typeof actioned !== 'boolean') refuse('Send { "data": { "actioned": true } } or false', 'actioned');
    const result = await inbox().setActioned(ctx.params.documentId, actioned);
    if (!result) throw new errors.NotFoundError(`There is no feedback ${ctx.params.documentId}`);
    ctx.body = { data: result };
  },

  /** For readers: public, rate-limited (POST /api/kinship-offer/feedback). */
  async submit(ctx: any) {
    const { slug, serviceUuid, helpful, message, fromBot } = readSubmission(ctx.request.body);

    // A filled honeypot is a bot: accept silently, store nothing.
    if (fromBot) {
      ctx.status = 202;
      ctx.body = { data: { received: true } };
      return;
    }

    const offer = await strapi.db.query(UID.offer).findOne({ where: { slug, publishedAt: { $notNull: true } }, select: ['documentId'] });
    if (!offer) refuse(`There is no published offer "${slug}"`, 'offer');
    let service: { documentId: string } | null = null;
    if (serviceUuid) {
      service = await strapi.db.query(UID.service).findOne({
        where: { uuid: serviceUuid, publishedAt: { $notNull: true }, offers: { documentId: offer.documentId } },
        select: ['documentId'],
      });
      if (!service) refuse('That service is not published in this offer', 'service');
    }

    await strapi.documents(UID.feedback).create({
      data: { offer: offer.documentId, service: service?.documentId, helpful, message } as any,
    });
    ctx.status = 202;
    ctx.body = { data: { received: true } };
  },
};
