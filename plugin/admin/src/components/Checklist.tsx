/** One group of the compliance checklist: each check done or missing, in words, with where to fix it (in `locale`, if given). */
import { Flex, Typography } from '@strapi/design-system';
import { CheckCircle, WarningCircle } from '@strapi/icons';
import type { Check } from '../api/client';
import { fixFor } from '../links';
import { AdminLink } from './AdminLink';

export function Checklist({ title, checks, offerDocumentId, locale }: { title: string; checks: Check[]; offerDocumentId: string; locale?: string }) {
  const missing = checks.filter((check) => !check.ok).length;
  return (
    <section aria-labelledby={`checklist-${title}`}>
      <Typography tag="h3" variant="delta" id={`checklist-${title}`}>
        {title} ({missing ? `${missing} missing` : 'complete'})
      </Typography>
      <Flex tag="ul" direction="column" alignItems="stretch" gap={2} paddingTop={3}>
        {checks.map((check) => (
          <Flex tag="li" key={check.key} gap={2} alignItems="flex-start">
            {check.ok ? <CheckCircle fill="success600" aria-hidden /> : <WarningCircle fill="danger600" aria-hidden />}
            <Flex direction="column" alignItems="flex-start" gap={1}>
              <Typography fontWeight="semiBold">
                {check.label}: {check.ok ? 'done' : 'missing'}
              </Typography>
              {!check.ok && (
                <Typography>
                  {check.todo}{' '}
                  <AdminLink to={fixFor(offerDocumentId, check, locale)}>{check.field ? `Edit “${check.label}”` : 'Add a service'}</AdminLink>
                </Typography>
              )}
            </Flex>
          </Flex>
        ))}
      </Flex>
    </section>
  );
}
