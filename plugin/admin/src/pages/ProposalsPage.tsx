/**
 * "Proposed changes": what providers proposed to their services through a review link, each
 * field side by side (what readers see now, the editor's draft, the proposal), to accept into the
 * service's draft (then publish it as usual) or decline with a reason.
 */
import { Box, Button, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import { endpoints, errorMessage, useAdminActions, useAdminApi, type ServiceProposal } from '../api/client';
import { AdminLink } from '../components/AdminLink';
import { DataTable } from '../components/DataTable';
import { editService } from '../links';
import { dayInWords } from '../words';

const shown = (value: string | number | null) => (value === null || value === '' ? '(empty)' : String(value));

export function ProposalsPage() {
  const proposals = useAdminApi(endpoints.proposals());
  return (
    <Page.Main>
      <Page.Title>Proposed changes</Page.Title>
      <Layouts.Header title="Proposed changes" subtitle="Changes providers proposed to their services. Accepting puts them in the service's draft: readers see them once you publish it." />
      <Layouts.Content>
        {proposals.state === 'loading' && <Page.Loading />}
        {proposals.state === 'failed' && <Page.Error content={proposals.message} />}
        {proposals.state === 'ready' && proposals.data.length === 0 && <Typography>No changes are waiting.</Typography>}
        {proposals.state === 'ready' && (
          <Flex direction="column" alignItems="stretch" gap={6}>
            {proposals.data.map((proposal) => (
              <Proposal key={proposal.id} proposal={proposal} onDecided={proposals.reload} />
            ))}
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
}

function Proposal({ proposal, onDecided }: { proposal: ServiceProposal; onDecided: () => void }) {
  const actions = useAdminActions();
  const { toggleNotification } = useNotification();
  const [reason, setReason] = useState('');
  const [declining, setDeclining] = useState(false);
  const [busy, setBusy] = useState(false);
  const headingId = `proposal-${proposal.id}`;

  const decide = async (work: () => Promise<unknown>, success: string) => {
    setBusy(true);
    try {
      await work();
      toggleNotification({ type: 'success', message: success });
      onDecided();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box tag="section" aria-labelledby={headingId} background="neutral0" shadow="tableShadow" hasRadius padding={4}>
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography tag="h2" variant="delta" id={headingId}>
          <AdminLink to={editService(proposal.service.documentId)}>{proposal.service.title}</AdminLink>
        </Typography>
        <Typography>
          Proposed by {proposal.proposedBy} on {dayInWords(proposal.submittedAt.slice(0, 10))}.
        </Typography>
        {proposal.changes.length > 0 && (
          <DataTable caption={`What ${proposal.proposedBy} proposed`}>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Readers see now</th>
                <th scope="col">Your draft now</th>
                <th scope="col">Proposed</th>
              </tr>
            </thead>
            <tbody>
              {proposal.changes.map((change) => (
                <tr key={change.field}>
                  <th scope="row">{change.label}</th>
                  <td>{shown(change.published)}</td>
                  <td>{shown(change.draft)}</td>
                  <td>
                    <strong>{shown(change.proposed)}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
        {proposal.note && <Typography>Their note for you: “{proposal.note}”</Typography>}
        <Flex gap={2}>
          <Button loading={busy} onClick={() => decide(() => actions.acceptProposal(proposal.id), `Accepted into the draft of ${proposal.service.title}: publish it to show readers.`)}>
            Accept into the draft
          </Button>
          <Button variant="tertiary" disabled={busy} onClick={() => setDeclining(true)}>
            Decline…
          </Button>
        </Flex>
        {declining && (
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Field.Root name={`reason-${proposal.id}`} required>
              <Field.Label>Why you are declining it</Field.Label>
              <Textarea value={reason} onChange={(event: any) => setReason(event.target.value)} />
            </Field.Root>
            <Button
              variant="danger-light"
              disabled={busy || !reason.trim()}
              onClick={() => decide(() => actions.declineProposal(proposal.id, reason), 'Declined: the service is unchanged.')}
            >
              Decline with this reason
            </Button>
          </Flex>
        )}
      </Flex>
    </Box>
  );
}
