/**
 * Readers' feedback as editors see it in the admin: per offer, newest first, with the service it
 * is about, and whether an editor has acted on it.
 */
import type { Core } from '@strapi/strapi';
import type { FeedbackInbox, FeedbackItem } from '../../../shared/admin-api';
import { UID } from '../uids';

const MAX_LISTED = 500;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The offer's feedback, and how many readers found it helpful or not. */
  async forOffer(offerDocumentId: string): Promise<FeedbackInbox> {
    const rows: any[] = await strapi.db.query(UID.feedback).findMany({
      where: { offer: { documentId: offerDocumentId } },
      populate: { service: { select: ['documentId', 'title'] } },
      orderBy: { createdAt: 'desc' },
      limit: MAX_LISTED,
    });
    const items: FeedbackItem[] = rows.map((row) => ({
      documentId: row.documentId,
      receivedAt: new Date(row.createdAt).toISOString(),
      helpful: row.helpful ?? null,
      message: row.message ?? null,
      actioned: !!row.actioned,
      service: row.service ? { documentId: row.service.documentId, title: row.service.title } : null,
    }));
    return {
      items,
      counts: {
        helpful: items.filter((item) => item.helpful === true).length,
        notHelpful: items.filter((item) => item.helpful === false).length,
        open: items.filter((item) => !item.actioned && item.message).length,
      },
    };
  },

  async setActioned(documentId: string, actioned: boolean) {
    const existing = await strapi.db.query(UID.feedback).findOne({ where: { documentId }, select: ['id'] });
    if (!existing) return null;
    await strapi.documents(UID.feedback).update({ documentId, data: { actioned } as any });
    return { documentId, actioned };
  },
});
