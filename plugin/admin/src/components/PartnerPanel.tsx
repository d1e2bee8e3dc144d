/**
 * The side panel beside a service in the content manager: e-mail its provider a private review
 * link now (the daily review reminder also sends one when the service falls due), the links sent
 * and whether each still opens, "Revoke" for an open one, and the changes the provider proposed
 * that wait for an editor (reviewed on the proposals page).
 */
import { Button, Flex, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import { endpoints, errorMessage, useAdminActions, useAdminApi, type PartnerLinkState } from '../api/client';
import { proposalsPage } from '../links';
import { SERVICE_UID } from '../plugin-id';
import { counted, dayInWords } from '../words';
import { AdminLink } from './AdminLink';

type PanelProps = { model: string; documentId?: string; document?: { updatedAt?: string } };

const STATE_WORDS: Record<PartnerLinkState, string> = { open: 'opens until', used: 'used for a proposal', expired: 'expired on', revoked: 'revoked' };

/** A content-manager panel component: returns the panel's title and content, or null to show none. */
export function PartnerPanel({ model, documentId, document }: PanelProps) {
  if (model !== SERVICE_UID || !documentId) return null;
  return { title: 'Provider review', content: <PartnerPanelContent documentId={documentId} savedAt={document?.updatedAt ?? ''} /> };
}

function PartnerPanelContent({ documentId, savedAt }: { documentId: string; savedAt: string }) {
  const links = useAdminApi(endpoints.partnerLinks(documentId, savedAt));
  const proposals = useAdminApi(endpoints.proposals(documentId));
  const actions = useAdminActions();
  const { toggleNotification } = useNotification();
  const [busy, setBusy] = useState(false);

  const act = async (work: () => Promise<unknown>, success: string) => {
    setBusy(true);
    try {
      await work();
      toggleNotification({ type: 'success', message: success });
      links.reload();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  if (links.state === 'loading') return <Typography>Loading…</Typography>;
  if (links.state === 'failed') return <Typography textColor="danger600">{links.message}</Typography>;
  const { sendTo, links: sent } = links.data;
  const waiting = proposals.state === 'ready' ? proposals.data.length : 0;

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      {waiting > 0 && (
        <Typography fontWeight="semiBold">
          {counted(waiting, 'proposed change')} from the provider. <AdminLink to={proposalsPage()}>Review proposed changes</AdminLink>
        </Typography>
      )}
      <Typography>
        {sendTo
          ? `The provider checks the service through a private link e-mailed to ${sendTo}.`
          : 'Add an e-mail address to a contact of this service, or to its provider, to send it a review link.'}
      </Typography>
      <Button
        variant="secondary"
        fullWidth
        loading={busy}
        disabled={!sendTo}
        onClick={() => act(() => actions.sendPartnerLink(documentId), `Review link e-mailed to ${sendTo}.`)}
      >
        E-mail a review link to the provider
      </Button>
      {sent.length > 0 && (
        <ul aria-label="Review links sent">
          {sent.slice(0, 5).map((link) => (
            <li key={link.id}>
              <Flex direction="column" alignItems="stretch" gap={1} paddingBottom={2}>
                <Typography variant="pi">
                  Sent {dayInWords(link.createdAt.slice(0, 10))} to {link.sentTo} ({link.requestedBy}): {STATE_WORDS[link.state]}
                  {link.state === 'open' || link.state === 'expired' ? ` ${dayInWords(link.expiresAt.slice(0, 10))}` : ''}.
                  {link.confirmedAt ? ` Confirmed still correct on ${dayInWords(link.confirmedAt.slice(0, 10))}.` : ''}
                </Typography>
                {link.state === 'open' && (
                  <Button variant="danger-light" size="S" disabled={busy} onClick={() => act(() => actions.revokePartnerLink(documentId, link.id), 'The link is revoked: it opens nothing now.')}>
                    Revoke this link
                  </Button>
                )}
              </Flex>
            </li>
          ))}
        </ul>
      )}
    </Flex>
  );
}
