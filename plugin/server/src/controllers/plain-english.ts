/** The plain-English check for editors (services/plain-english.ts): thin. Advice only; nothing is saved. */
import { errors } from '@strapi/utils';
import { getService } from '../services/get-service';

/** The most text one check reads: a whole offer's prose is well under it. */
export const MAX_CHECK_CHARACTERS = 200_000;

export default {
  async offer(ctx: any) {
    const report = await getService('plain-english').forOffer(ctx.params.documentId, typeof ctx.query.locale === 'string' ? ctx.query.locale : undefined);
    if (!report) throw new errors.NotFoundError(`There is no offer ${ctx.params.documentId}`);
    ctx.body = { data: report };
  },

  /** POST { data: { kind: "offer" | "service", values: { field: value } } }: the form as the editor types. */
  async check(ctx: any) {
    const { kind, values } = ctx.request.body?.data ?? {};
    if (kind !== 'offer' && kind !== 'service') throw new errors.ValidationError('kind must be "offer" or "service"');
    if (!values || typeof values !== 'object' || Array.isArray(values)) throw new errors.ValidationError('values must be an object of the form\'s fields');
    if (JSON.stringify(values).length > MAX_CHECK_CHARACTERS) {
      throw new errors.PayloadTooLargeError(`Too much text to check at once: at most ${MAX_CHECK_CHARACTERS.toLocaleString('en-GB')} characters`);
    }
    ctx.body = { data: getService('plain-english').checkFields(kind, values) };
  },
};
