/**
 * What readers said about one offer and its services, newest first: editors mark each as actioned
 * and can answer publicly with a "You said, we did" entry.
 */
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import { endpoints, errorMessage, useAdminActions, useAdminApi, type FeedbackItem } from '../api/client';
import { newYouSaidWeDid } from '../links';
import { AdminLink } from './AdminLink';
import { adminLocale, counted } from '../words';

const helpfulText = (item: FeedbackItem) => (item.helpful === true ? 'Helpful' : item.helpful === false ? 'Not helpful' : 'No answer');

export function FeedbackList({ offerDocumentId }: { offerDocumentId: string }) {
  const inbox = useAdminApi(endpoints.feedback(offerDocumentId));
  const actions = useAdminActions();
  const { toggleNotification } = useNotification();
  const [saving, setSaving] = useState<string | null>(null);

  const setActioned = async (item: FeedbackItem) => {
    setSaving(item.documentId);
    try {
      await actions.setActioned(item.documentId, !item.actioned);
      inbox.reload();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setSaving(null);
    }
  };

  if (inbox.state === 'loading') return <Typography>Loading feedback…</Typography>;
  if (inbox.state === 'failed') return <Typography textColor="danger600">Feedback could not be loaded: {inbox.message}</Typography>;
  const { items, counts } = inbox.data;
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Typography>
        {counts.helpful} found it helpful, {counts.notHelpful} did not; {counted(counts.open, 'message')} not yet actioned.{' '}
        <AdminLink to={newYouSaidWeDid()}>Publish a “You said, we did”</AdminLink>
      </Typography>
      {items.length === 0 && <Typography>No feedback yet.</Typography>}
      <Flex tag="ul" direction="column" alignItems="stretch" gap={2}>
        {items.map((item) => (
          <Box tag="li" key={item.documentId} padding={3} hasRadius borderColor="neutral200" background={item.actioned ? 'neutral100' : 'neutral0'}>
            <Flex justifyContent="space-between" alignItems="flex-start" gap={4}>
              <Flex direction="column" alignItems="flex-start" gap={1}>
                <Typography variant="pi" textColor="neutral600">
                  {new Date(item.receivedAt).toLocaleString(adminLocale(), { dateStyle: 'long', timeStyle: 'short' })} · {item.service ? `About “${item.service.title}”` : 'About the offer'} ·{' '}
                  {helpfulText(item)}
                  {item.actioned ? ' · Actioned' : ''}
                </Typography>
                {item.message && <Typography>{item.message}</Typography>}
              </Flex>
              <Button variant="tertiary" size="S" loading={saving === item.documentId} onClick={() => setActioned(item)}>
                {item.actioned ? 'Mark as not actioned' : 'Mark as actioned'}
              </Button>
            </Flex>
          </Box>
        ))}
      </Flex>
    </Flex>
  );
}
