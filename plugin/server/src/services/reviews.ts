/**
 * "Mark as reviewed today": records when and by whom an offer or a service was last reviewed, on
 * the draft, for the editor to publish with their other changes. An offer's next review moves on
 * by `serviceReviewMonths` unless already later.
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../uids';

const REVIEWABLE = { offer: UID.offer, service: UID.service } as const;
export type Reviewable = keyof typeof REVIEWABLE;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  isReviewable: (kind: string): kind is Reviewable => kind in REVIEWABLE,

  /** When it was last reviewed and by whom, when it is next due, and whether that has passed. */
  async status(kind: Reviewable, documentId: string, today = new Date()) {
    const current: any = await strapi.documents(REVIEWABLE[kind]).findOne({ documentId, status: 'draft' });
    if (!current) return null;
    let reviewDue: string | null = current.nextReviewDue ?? null;
    if (kind === 'service') {
      const due = current.lastReviewedAt ? new Date(current.lastReviewedAt) : null;
      due?.setUTCMonth(due.getUTCMonth() + (strapi.plugin('kinship-offer').config('serviceReviewMonths') as number));
      reviewDue = due ? due.toISOString().slice(0, 10) : null;
    }
    const day = today.toISOString().slice(0, 10);
    return {
      documentId,
      lastReviewedAt: current.lastReviewedAt ?? null,
      lastReviewedBy: current.lastReviewedBy ?? null,
      reviewDue,
      overdue: !reviewDue || reviewDue < day,
    };
  },

  async markReviewed(kind: Reviewable, documentId: string, by: string, today = new Date()) {
    const uid = REVIEWABLE[kind];
    const current: any = await strapi.documents(uid).findOne({ documentId, status: 'draft' });
    if (!current) return null;
    const day = today.toISOString().slice(0, 10);
    const data: Record<string, unknown> = { lastReviewedAt: day, lastReviewedBy: by };
    if (kind === 'offer') {
      const next = new Date(today);
      next.setUTCMonth(next.getUTCMonth() + (strapi.plugin('kinship-offer').config('serviceReviewMonths') as number));
      const proposed = next.toISOString().slice(0, 10);
      if (!current.nextReviewDue || current.nextReviewDue <= day) data.nextReviewDue = proposed;
    }
    return strapi.documents(uid).update({ documentId, data: data as any, status: 'draft' } as any);
  },
});
