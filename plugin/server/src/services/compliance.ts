/**
 * Runs the compliance report (compliance/report.ts) on stored offers: the editor's latest draft of
 * the statutory sections, against the services that are published (what readers can see).
 */
import type { Core } from '@strapi/strapi';
import type { OfferReport, OfferSummary, OverdueItem } from '../../../shared/admin-api';
import { complianceReport } from '../compliance/report';
import { UID } from '../uids';
import { getService } from './get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const options = (today?: Date) => ({
    today,
    serviceReviewMonths: strapi.plugin('kinship-offer').config('serviceReviewMonths') as number,
  });

  const reportOn = async (documentId: string, locale?: string, today?: Date) => {
    const draft = await strapi.documents(UID.offer).findOne({ documentId, locale, status: 'draft', populate: ['independentAdvice'] as any });
    if (!draft) return null;
    const published = await strapi.documents(UID.offer).findOne({
      documentId,
      locale,
      status: 'published',
      // Contacts' phones and locations' postcodes: what directories will miss (report `forDirectories`).
      populate: {
        services: {
          populate: { supportTypes: true, arrangementTypes: true, contacts: { fields: ['phone'] }, locations: { fields: ['name', 'postcode'] } },
        },
      } as any,
    });
    const history = await getService('consultations').historyOf(documentId, draft.locale as string);
    return { offer: draft, published: !!published, report: complianceReport({ ...(draft as any), ...history }, ((published as any)?.services ?? []) as any, options(today)) };
  };

  return {
    async forOffer(documentId: string, { locale, today }: { locale?: string; today?: Date } = {}): Promise<OfferReport | null> {
      const result = await reportOn(documentId, locale, today);
      return result && { documentId, name: result.offer.name, published: result.published, ...result.report };
    },

    /**
     * Everything overdue for review, offer by offer: the offer itself (its next review date has
     * passed or was never set) and its published services not reviewed within `serviceReviewMonths`.
     */
    async overdue({ locale, today }: { locale?: string; today?: Date } = {}): Promise<OverdueItem[]> {
      const offers = await strapi.documents(UID.offer).findMany({ locale, status: 'draft', fields: ['name'] as any, limit: 1000 });
      const items: OverdueItem[] = [];
      for (const { documentId } of offers) {
        const { offer, report } = (await reportOn(documentId, locale, today))!;
        const about = {
          offer: { documentId, name: offer.name as string },
          notify: ((offer as any).accountableOfficerEmail || (offer as any).contactEmail || null) as string | null,
        };
        if (report.overdue.offer) {
          items.push({ kind: 'offer', documentId, name: offer.name as string, due: ((offer as any).nextReviewDue as string) ?? null, ...about });
        }
        for (const service of report.overdue.services) {
          items.push({ kind: 'service', documentId: service.documentId!, name: service.title, lastReviewedAt: service.lastReviewedAt, ...about });
        }
      }
      return items;
    },

    /** Every offer with its score and review status, for the admin's overview. */
    async list({ locale, today }: { locale?: string; today?: Date } = {}): Promise<OfferSummary[]> {
      const offers = await strapi.documents(UID.offer).findMany({ locale, status: 'draft', fields: ['name', 'slug', 'nextReviewDue', 'contactUrl', 'contactPhone'] as any, limit: 1000 });
      return Promise.all(
        offers.map(async (offer: any) => {
          const { report } = (await reportOn(offer.documentId, locale, today))!;
          return {
            documentId: offer.documentId,
            name: offer.name,
            slug: offer.slug,
            contactUrl: offer.contactUrl ?? null,
            contactPhone: offer.contactPhone ?? null,
            score: report.score,
            nextReviewDue: offer.nextReviewDue ?? null,
            reviewOverdue: report.overdue.offer,
            servicesOverdue: report.overdue.services.length,
            servicesIncompleteForDirectories: report.forDirectories.services.length,
            nextSteps: report.nextSteps,
          };
        }),
      );
    },
  };
};
