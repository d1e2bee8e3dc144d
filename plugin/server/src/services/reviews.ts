/**
 * "Mark as reviewed today": records when and by whom an offer or a service was last reviewed, on
 * the draft, for the editor to publish with their other changes. An offer's next review moves on
 * by `serviceReviewMonths` unless already later.
 */
import type { Core } from '@strapi/strapi';
import { addMonths, isoDay } from '../compliance/report';
import type { Reviewable, ReviewStatus } from '../../../shared/admin-api';
import { UID } from '../uids';

const REVIEWABLE = { offer: UID.offer, service: UID.service } as const satisfies Record<Reviewable, string>;

/** The signed-in editor (an admin request's `ctx`), as a review or a decision records them. */
export function editorName(ctx: any): string {
  const user = ctx.state.user ?? {};
  return [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email || 'an editor';
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const reviewMonths = () => strapi.plugin('kinship-offer').config('serviceReviewMonths') as number;

  return {
    isReviewable: (kind: string): kind is Reviewable => kind in REVIEWABLE,

    /** When it was last reviewed and by whom, when it is next due, and whether that has passed. */
    async status(kind: Reviewable, documentId: string, today = new Date()): Promise<ReviewStatus | null> {
      const current: any = await strapi.documents(REVIEWABLE[kind]).findOne({ documentId, status: 'draft' });
      if (!current) return null;
      let reviewDue: string | null = current.nextReviewDue ?? null;
      if (kind === 'service') reviewDue = current.lastReviewedAt ? isoDay(addMonths(new Date(current.lastReviewedAt), reviewMonths())) : null;
      const day = isoDay(today);
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
      const day = isoDay(today);
      const data: Record<string, unknown> = { lastReviewedAt: day, lastReviewedBy: by };
      if (kind === 'offer' && (!current.nextReviewDue || current.nextReviewDue <= day)) {
        data.nextReviewDue = isoDay(addMonths(today, reviewMonths()));
      }
      return strapi.documents(uid).update({ documentId, data: data as any, status: 'draft' } as any);
    },
  };
};
