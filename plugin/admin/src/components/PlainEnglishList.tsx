/**
 * What to improve in plain English, field by field (the offer's, then each service's), each linked
 * to the field in the content manager. Advice only: nothing here stops an editor saving.
 */
import { Box, Flex, Typography } from '@strapi/design-system';
import type { PlainEnglishField, PlainEnglishIssue, PlainEnglishReport } from '../api/client';
import { editOffer, editService } from '../links';
import { AdminLink } from './AdminLink';

/** The issues of one field as a list: what to do, and the words it is about. */
export function PlainEnglishIssues({ issues }: { issues: PlainEnglishIssue[] }) {
  return (
    <Flex tag="ul" direction="column" alignItems="flex-start" gap={1} style={{ listStyle: 'disc', paddingLeft: '2rem' }}>
      {issues.map((issue) => (
        <li key={`${issue.rule}:${issue.start}`}>
          <Typography>
            {issue.message} <Typography textColor="neutral600">“{issue.excerpt.length > 120 ? `${issue.excerpt.slice(0, 117)}…` : issue.excerpt}”</Typography>
          </Typography>
        </li>
      ))}
    </Flex>
  );
}

function FieldList({ fields, link }: { fields: PlainEnglishField[]; link: (field: string) => string }) {
  return (
    <Flex tag="ul" direction="column" alignItems="stretch" gap={3}>
      {fields.map((field) => (
        <li key={field.field}>
          <AdminLink to={link(field.field)}>{field.label}</AdminLink>
          <PlainEnglishIssues issues={field.issues} />
        </li>
      ))}
    </Flex>
  );
}

export function PlainEnglishList({ offerDocumentId, report }: { offerDocumentId: string; report: PlainEnglishReport }) {
  if (!report.offer.length && !report.services.length) {
    return <Typography>Nothing to improve: every text of the offer and its services reads well.</Typography>;
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography>Advice only: it never stops you saving or publishing. Each link opens the field.</Typography>
      {report.offer.length > 0 && (
        <Box>
          <Typography tag="h3" variant="delta">The offer</Typography>
          <FieldList fields={report.offer} link={(field) => editOffer(offerDocumentId, field)} />
        </Box>
      )}
      {report.services.map((service) => (
        <Box key={service.documentId}>
          <Typography tag="h3" variant="delta">{service.title}</Typography>
          <FieldList fields={service.fields} link={(field) => editService(service.documentId, field)} />
        </Box>
      ))}
    </Flex>
  );
}
