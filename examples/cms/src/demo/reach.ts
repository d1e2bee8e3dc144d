/**
 * Fictional reach counts for the demo offer, so the admin's Reach page has something to show on
 * `npm start` (examples/start.ts sets DEMO_REACH=true; tests leave it unset and count for real).
 * A year of views on four fictional sites, with the choices, opens and taps such views bring (the
 * shared service offers fewer support types, so its Reach page shows gaps: looked for, nothing offered).
 * Written once, while the offer has no counts at all; made up, and deterministic.
 */
import type { Core } from '@strapi/strapi';

const SITES = [
  { site: 'https://www.example-borough.gov.uk', daily: 14 },
  { site: 'https://housing.example-borough.gov.uk', daily: 6 },
  { site: 'https://www.example-family-hub.org.uk', daily: 4 },
  { site: 'https://www.example-primary.sch.uk', daily: 1 },
];
const DAY_MS = 86_400_000;

/** `scale`: a smaller offer has fewer readers. */
export async function seedDemoReach(strapi: Core.Strapi, slug: string, scale = 1) {
  if (process.env.DEMO_REACH !== 'true') return;
  const offer = await strapi.db.query('plugin::kinship-offer.offer').findOne({ where: { slug, publishedAt: { $notNull: true } }, select: ['documentId'] });
  if (!offer) return;
  const reach = strapi.plugin('kinship-offer').service('reach');
  const { rows } = reach as { rows(offer: string): Promise<unknown[]> };
  if ((await rows(offer.documentId)).length) return;

  const services: Array<{ documentId: string }> = await strapi.db.query('plugin::kinship-offer.service').findMany({
    where: { publishedAt: { $notNull: true }, offers: { documentId: offer.documentId } },
    select: ['documentId'],
  });
  const arrangements = (await strapi.db.query('plugin::kinship-offer.arrangement-type').findMany({ select: ['code'] })).map((term: any) => term.code);
  const supportTypes = (await strapi.db.query('plugin::kinship-offer.support-type').findMany({ select: ['code'] })).map((term: any) => term.code);

  // A small linear congruential generator: the same made-up year on every machine.
  let seed = 20_261_130;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const some = (mean: number) => Math.floor(random() * mean * scale * 2);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length) % list.length];

  const counter = reach.counter as { add(key: Record<string, string>, times: number): void; flush(): Promise<number> };
  const add = (day: string, site: string, event: string, subject: string, times: number) =>
    times > 0 && counter.add({ day, offer: offer.documentId, site, event, subject }, times);
  const today = Date.now();
  for (let daysAgo = 364; daysAgo >= 0; daysAgo -= 1) {
    const at = new Date(today - daysAgo * DAY_MS);
    const day = at.toISOString().slice(0, 10);
    // Fewer readers at weekends, more after the partners' pages went up in the spring.
    const weekday = at.getUTCDay() % 6 === 0 ? 0.4 : 1;
    const growth = daysAgo < 240 ? 1.6 : 1;
    for (const { site, daily } of SITES) {
      if (site.includes('housing') && daysAgo > 200) continue; // the housing team embedded it later
      add(day, site, 'shown', 'full', some(daily * weekday * growth));
    }
    const council = SITES[0].site;
    add(day, council, 'arrangement', pick(arrangements), some(3 * weekday));
    add(day, council, 'arrangement', '', some(1));
    add(day, council, 'support_type', pick(supportTypes), some(2 * weekday));
    add(day, council, 'search', pick(['4-10', '11-20', '1-3']), some(1.5));
    add(day, council, 'service', pick(services).documentId, some(4 * weekday));
    add(day, council, 'phone', '', some(1));
    add(day, council, 'phone', pick(services).documentId, some(0.6));
    add(day, council, 'web', pick(services).documentId, some(0.5));
    add(day, council, 'email', '', some(0.3));
  }
  await counter.flush();
  strapi.log.info(`[demo] seeded a year of fictional reach counts for "${slug}"`);
}
