import type { Core } from '@strapi/strapi';
import { offerResponseCache } from './middlewares/offer-response-cache';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = strapi.plugin('kinship-offer');
  await plugin.service('vocabularies').seed();
  await plugin.service('public-access').grant();
  await plugin.service('reminders').ensureTable();
  await plugin.service('editor-labels').apply();
  const schedule = plugin.config('reviewReminderSchedule') as string | false;
  if (schedule) {
    strapi.cron.add({ 'kinship-offer:review-reminders': { task: () => plugin.service('reminders').run(), options: { rule: schedule } } });
  }
  if (strapi.plugin('graphql')) strapi.server.use(offerResponseCache(strapi));
};
