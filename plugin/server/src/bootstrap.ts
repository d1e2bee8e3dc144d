import type { Core } from '@strapi/strapi';
import { ensureHitTable } from './middlewares/rate-limit';
import { offerResponseCache } from './offer-view/http-cache';
import { getService } from './services/get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService('vocabularies').seed();
  await getService('public-access').grant();
  await getService('reminders').ensureTable();
  await ensureHitTable(strapi.db.connection);
  await getService('reach').start();
  await getService('editor-labels').apply();
  const schedule = strapi.plugin('kinship-offer').config('reviewReminderSchedule') as string | false;
  if (schedule) {
    strapi.cron.add({ 'kinship-offer:review-reminders': { task: () => getService('reminders').run(), options: { rule: schedule } } });
  }
  if (strapi.plugin('graphql')) strapi.server.use(offerResponseCache(strapi));
};
