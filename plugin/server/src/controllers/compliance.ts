/** The compliance report for the admin: thin, the service does the work. */
import { errors } from '@strapi/utils';

const service = () => strapi.plugin('kinship-offer').service('compliance');
const localeOf = (ctx: any) => (typeof ctx.query.locale === 'string' ? ctx.query.locale : undefined);

export default {
  async list(ctx: any) {
    ctx.body = { data: await service().list({ locale: localeOf(ctx) }) };
  },
  async offer(ctx: any) {
    const report = await service().forOffer(ctx.params.documentId, { locale: localeOf(ctx) });
    if (!report) throw new errors.NotFoundError(`There is no offer ${ctx.params.documentId}`);
    ctx.body = { data: report };
  },
};
