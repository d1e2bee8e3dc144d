/** The admin home page's widget: every offer and service overdue for review, with a link to each. */
import { Flex, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';
import { endpoints, useAdminApi } from '../api/client';
import { editOffer, editService } from '../links';
import { AdminLink } from './AdminLink';
import { counted, dayInWords } from '../words';

const MAX_SHOWN = 8;

export function OverdueWidget() {
  const overdue = useAdminApi(endpoints.overdue());
  if (overdue.state === 'loading') return <Widget.Loading />;
  if (overdue.state === 'failed') return <Widget.Error>{overdue.message}</Widget.Error>;
  if (!overdue.data.length) return <Widget.NoData>Nothing is overdue for review.</Widget.NoData>;
  const items = overdue.data;
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography>
        {counted(items.length, 'item')} {items.length === 1 ? 'is' : 'are'} overdue for review.
      </Typography>
      <Flex tag="ul" direction="column" alignItems="stretch" gap={2}>
        {items.slice(0, MAX_SHOWN).map((item) => (
          <li key={`${item.kind}:${item.documentId}:${item.offer.documentId}`}>
            <AdminLink to={item.kind === 'offer' ? editOffer(item.documentId) : editService(item.documentId)}>{item.name}</AdminLink>
            <Typography variant="pi" textColor="neutral600">
              {' · '}
              {item.kind === 'offer'
                ? item.due ? `offer, due ${dayInWords(item.due)}` : 'offer, no review date'
                : `service in ${item.offer.name}, ${item.lastReviewedAt ? `last reviewed ${dayInWords(item.lastReviewedAt)}` : 'never reviewed'}`}
            </Typography>
          </li>
        ))}
      </Flex>
      {items.length > MAX_SHOWN && <Typography variant="pi">and {items.length - MAX_SHOWN} more.</Typography>}
    </Flex>
  );
}
