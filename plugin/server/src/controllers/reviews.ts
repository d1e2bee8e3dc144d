/** "Mark as reviewed today", for editors: records the signed-in editor's name and today's date. */
import { errors } from '@strapi/utils';
import { getService } from '../services/get-service';
import { editorName } from '../services/reviews';

const reviewsService = () => getService('reviews');

/** The editor's role must allow this on the offer or service itself (content-manager permissions). */
function requirePermission(ctx: any, action: 'read' | 'update', kind: 'offer' | 'service') {
  const subject = `plugin::kinship-offer.${kind}`;
  if (!ctx.state.userAbility?.can(`plugin::content-manager.explorer.${action}`, subject)) {
    throw new errors.PolicyError(`Your role cannot ${action === 'read' ? 'read' : 'edit'} ${kind}s`);
  }
}

export default {
  async status(ctx: any) {
    const { kind, documentId } = ctx.params;
    if (!reviewsService().isReviewable(kind)) throw new errors.ValidationError('Only offers and services have a review status');
    requirePermission(ctx, 'read', kind);
    const status = await reviewsService().status(kind, documentId);
    if (!status) throw new errors.NotFoundError(`There is no ${kind} ${documentId}`);
    ctx.body = { data: status };
  },

  async markReviewed(ctx: any) {
    const reviews = reviewsService();
    const { kind, documentId } = ctx.params;
    if (!reviews.isReviewable(kind)) throw new errors.ValidationError('Only an offer or a service can be marked as reviewed');
    requirePermission(ctx, 'update', kind);
    const updated = await reviews.markReviewed(kind, documentId, editorName(ctx));
    if (!updated) throw new errors.NotFoundError(`There is no ${kind} ${documentId}`);
    ctx.body = { data: { documentId, lastReviewedAt: updated.lastReviewedAt, lastReviewedBy: updated.lastReviewedBy, nextReviewDue: updated.nextReviewDue ?? null } };
  },
};
