/** The compliance report for the admin: thin, the service does the work. */
import { errors } from '@strapi/utils';
import { getService } from '../services/get-service';

const service = () => getService('compliance');
const localeOf = (ctx: any) => (typeof ctx.query.locale === 'string' ? ctx.query.locale : undefined);

export default {
  async list(ctx: any) {
    ctx.body = { data: await service().list({ locale: localeOf(ctx) }) };
  },
  /** What is overdue for review, across every offer (the admin home page's widget). */
  async overdue(ctx: any) {
    const items = await service().overdue({ locale: localeOf(ctx) });
    // Who gets the reminders is the officers' business, not every editor's screen.
    ctx.body = { data: items.map(({ notify, ...item }: any) => item) };
  },
  /** The arrangement and support types with their labels, for the admin's inputs. */
  async vocabularies(ctx: any) {
    const { arrangementTypes, supportTypes } = await getService('vocabularies').inLocale(localeOf(ctx));
    const terms = (list: any[]) => list.map(({ code, label }) => ({ code, label }));
    ctx.body = { data: { arrangementTypes: terms(arrangementTypes), supportTypes: terms(supportTypes) } };
  },
  /** What is not translated yet, per language, in every offer (the offers list's figures). */
  async translationFigures(ctx: any) {
    ctx.body = { data: await getService('translations').figures() };
  },
  /** What is not translated yet in one offer, per language, each linked to where it is fixed. */
  async translations(ctx: any) {
    const report = await getService('translations').forOffer(ctx.params.documentId);
    if (!report) throw new errors.NotFoundError(`There is no offer ${ctx.params.documentId}`);
    ctx.body = { data: report };
  },
  async offer(ctx: any) {
    const report = await service().forOffer(ctx.params.documentId, { locale: localeOf(ctx) });
    if (!report) throw new errors.NotFoundError(`There is no offer ${ctx.params.documentId}`);
    ctx.body = { data: report };
  },
};
