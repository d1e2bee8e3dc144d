/**
 * An offer's reach as its editors see it (the admin's Reach page): a pure function of the stored
 * counts and of what the offer publishes, so it is tested without a server.
 *
 * The weeks marked as changed come from what Strapi keeps (it keeps no history of versions outside
 * its paid Content History): when the offer and each of its published services were last
 * published (`publishedAt` of the published version), and the dates of the offer's "You said, we
 * did" entries. An earlier publication of the same document is not known.
 */
import type { ReachChoice, ReachReport, ReachRow, ReachService, ReachSite, ReachWeek } from '../../../shared/reach';

export interface ReportContent {
  documentId: string;
  name: string;
  offerPublishedAt: string | null;
  youSaidWeDid: Array<{ date: string | null; text: string }>;
  services: Array<{ documentId: string; title: string; publishedAt: string | null; arrangements: string[]; supportTypes: string[] }>;
  arrangementTypes: Array<{ code: string; label: string }>;
  supportTypes: Array<{ code: string; label: string }>;
}

/** A site's first and last day with a view, over all time. */
export interface SiteSeen {
  site: string;
  firstSeen: string;
  lastSeen: string;
}

const DAY_MS = 86_400_000;
const WEEKS = 53;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** The Monday (UTC) of the ISO week `day` (YYYY-MM-DD) is in. */
export const mondayOf = (day: string) => {
  const ms = msOf(day);
  return dayOf(ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY_MS);
};

/** The first day a report to `today` covers: the Monday 52 weeks before this week's, so 53 whole weeks. */
export const firstDay = (today: string) => dayOf(msOf(mondayOf(today)) - (WEEKS - 1) * 7 * DAY_MS);

/**
 * `ownSite`: the CMS's own origin. Views there are not a partner's page (its own public pages, an
 * editor's preview): that site is marked `own`, listed after the others and not counted among
 * the sites the offer reaches.
 */
export function buildReport(content: ReportContent, rows: ReachRow[], seen: SiteSeen[], today: string, ownSite = ''): ReachReport {
  const from = firstDay(today);
  const last30 = dayOf(msOf(today) - 29 * DAY_MS);
  const sum = (test: (row: ReachRow) => boolean) => rows.reduce((total, row) => total + (test(row) ? row.count : 0), 0);
  const by = (event: string) => {
    const totals = new Map<string, number>();
    for (const row of rows) if (row.event === event) totals.set(row.subject, (totals.get(row.subject) ?? 0) + row.count);
    return totals;
  };

  const weeks: ReachWeek[] = Array.from({ length: WEEKS }, (_, index) => ({ week: dayOf(msOf(from) + index * 7 * DAY_MS), views: 0, changes: [] }));
  const weekAt = (day: string | null | undefined) => {
    if (!day) return undefined;
    const monday = mondayOf(day.slice(0, 10));
    return weeks.find((week) => week.week === monday);
  };
  for (const row of rows) {
    const week = row.event === 'shown' ? weekAt(row.day) : undefined;
    if (week) week.views += row.count;
  }
  weekAt(content.offerPublishedAt)?.changes.push('The offer was published');
  for (const service of content.services) weekAt(service.publishedAt)?.changes.push(`“${service.title}” was published`);
  for (const change of content.youSaidWeDid) weekAt(change.date)?.changes.push(`You said, we did: ${change.text}`);

  const siteViews = new Map<string, { views: number; recent: number }>();
  for (const row of rows) {
    if (row.event !== 'shown') continue;
    const site = siteViews.get(row.site) ?? { views: 0, recent: 0 };
    site.views += row.count;
    if (row.day >= last30) site.recent += row.count;
    siteViews.set(row.site, site);
  }
  const sites: ReachSite[] = seen
    .filter((site) => siteViews.has(site.site))
    .map((site) => ({
      site: site.site,
      ...(ownSite && site.site === ownSite ? { own: true as const } : {}),
      firstSeen: site.firstSeen,
      lastSeen: site.lastSeen,
      views: siteViews.get(site.site)!.views,
      viewsLast30Days: siteViews.get(site.site)!.recent,
    }))
    .sort((a, b) => Number(!!a.own) - Number(!!b.own) || b.views - a.views || a.site.localeCompare(b.site));

  const arrangementChoices = by('arrangement');
  const arrangements: ReachChoice[] = [
    ...content.arrangementTypes.map(({ code, label }) => ({
      code,
      label,
      chosen: arrangementChoices.get(code) ?? 0,
      services: content.services.filter((service) => service.arrangements.includes(code)).length,
    })),
    { code: '', label: 'Not sure', chosen: arrangementChoices.get('') ?? 0, services: content.services.length },
  ];
  const supportChoices = by('support_type');
  const supportTypes: ReachChoice[] = content.supportTypes.map(({ code, label }) => ({
    code,
    label,
    chosen: supportChoices.get(code) ?? 0,
    services: content.services.filter((service) => service.supportTypes.includes(code)).length,
  }));

  const [opened, phone, email, web, feedback] = ['service', 'phone', 'email', 'web', 'feedback'].map(by);
  const services: ReachService[] = content.services
    .map(({ documentId, title }) => ({
      documentId,
      title,
      opened: opened.get(documentId) ?? 0,
      phone: phone.get(documentId) ?? 0,
      email: email.get(documentId) ?? 0,
      web: web.get(documentId) ?? 0,
      feedback: feedback.get(documentId) ?? 0,
    }))
    .sort((a, b) => b.opened - a.opened || a.title.localeCompare(b.title));

  const views = Object.fromEntries(by('shown'));
  const searches = Object.fromEntries(by('search'));
  return {
    documentId: content.documentId,
    name: content.name,
    from,
    to: today,
    totals: { views: sum((row) => row.event === 'shown'), viewsLast30Days: sum((row) => row.event === 'shown' && row.day >= last30), sites: sites.filter((site) => !site.own).length },
    views,
    weeks,
    sites,
    arrangements,
    supportTypes,
    searches,
    namedContact: { phone: phone.get('') ?? 0, email: email.get('') ?? 0, web: web.get('') ?? 0 },
    services,
    prints: sum((row) => row.event === 'print'),
    feedback: sum((row) => row.event === 'feedback'),
  };
}
