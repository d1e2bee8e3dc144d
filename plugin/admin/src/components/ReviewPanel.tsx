/**
 * The side panel beside an offer or a service in the content manager: its review status (and, for
 * an offer, its score and what to do next) and "Mark as reviewed today".
 *
 * Marking writes the date and the editor's name to the draft on the server; the panel then puts
 * the same values into the open form, so saving the form afterwards cannot undo them, and the
 * form counts as changed, so "Publish" is there to show readers the new date.
 */
import { Button, Flex, Typography } from '@strapi/design-system';
import { useForm, useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import { endpoints, errorMessage, useAdminActions, useAdminApi } from '../api/client';
import { offerPage } from '../links';
import { OFFER_UID, SERVICE_UID } from '../plugin-id';
import { AdminLink } from './AdminLink';
import { dayInWords } from '../words';

type PanelProps = { model: string; documentId?: string; document?: { updatedAt?: string } };

const KIND: Record<string, 'offer' | 'service'> = { [OFFER_UID]: 'offer', [SERVICE_UID]: 'service' };

/** A content-manager panel component: returns the panel's title and content, or null to show none. */
export function ReviewPanel({ model, documentId, document }: PanelProps) {
  const kind = KIND[model];
  if (!kind || !documentId) return null;
  return { title: 'Kinship offer review', content: <ReviewPanelContent kind={kind} documentId={documentId} savedAt={document?.updatedAt ?? ''} /> };
}

function ReviewPanelContent({ kind, documentId, savedAt }: { kind: 'offer' | 'service'; documentId: string; savedAt: string }) {
  // Asked again whenever the editor saves, so the score follows their fixes.
  const status = useAdminApi(endpoints.reviewStatus(kind, documentId, savedAt));
  const report = useAdminApi(kind === 'offer' ? endpoints.offerReport(documentId, savedAt) : null);
  const actions = useAdminActions();
  const { toggleNotification } = useNotification();
  const form = useForm('KinshipOfferReviewPanel', (state) => state, false);
  const [saving, setSaving] = useState(false);

  const markReviewed = async () => {
    setSaving(true);
    try {
      const data = await actions.markReviewed(kind, documentId);
      const reviewed = { lastReviewedAt: data.lastReviewedAt, lastReviewedBy: data.lastReviewedBy, ...(kind === 'offer' ? { nextReviewDue: data.nextReviewDue } : {}) };
      if (form) for (const [field, value] of Object.entries(reviewed)) form.onChange(field, value);
      toggleNotification({ type: 'success', message: `Marked as reviewed on ${dayInWords(reviewed.lastReviewedAt)}. Publish to show readers the new date.` });
      status.reload();
      report.reload();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setSaving(false);
    }
  };

  if (status.state === 'loading') return <Typography>Loading…</Typography>;
  if (status.state === 'failed') return <Typography textColor="danger600">{status.message}</Typography>;
  const { lastReviewedAt, lastReviewedBy, reviewDue, overdue } = status.data;

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      {report.state === 'ready' && (
        <Typography>
          Score {report.data.score} / 100.{' '}
          {report.data.nextSteps[0] ?? 'Nothing missing.'} <AdminLink to={offerPage(documentId)}>See the checklist</AdminLink>
        </Typography>
      )}
      <Typography>{lastReviewedAt ? `Last reviewed on ${dayInWords(lastReviewedAt)}${lastReviewedBy ? ` by ${lastReviewedBy}` : ''}.` : 'Never marked as reviewed.'}</Typography>
      <Typography fontWeight="semiBold" textColor={overdue ? 'danger600' : 'neutral800'}>
        {overdue ? (reviewDue ? `Overdue for review since ${dayInWords(reviewDue)}.` : 'Due for review now.') : `Next review due by ${dayInWords(reviewDue)}.`}
      </Typography>
      <Button variant="secondary" fullWidth loading={saving} onClick={markReviewed}>
        Mark as reviewed today
      </Button>
    </Flex>
  );
}
