/**
 * "For directories": each published service an Open Referral directory will get with something
 * missing, what is missing in plain words, and a link to the service's field to fix it.
 */
import { Flex, Typography } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import type { ComplianceReport } from '../api/client';
import { editService } from '../links';
import { AdminLink } from './AdminLink';
import { counted } from '../words';

export function DirectoryGapsList({ forDirectories }: { forDirectories: ComplianceReport['forDirectories'] }) {
  const { complete, services } = forDirectories;
  const total = complete + services.length;
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography>
        {services.length
          ? `${services.length} of ${counted(total, 'published service')} will reach directories with something missing. ${complete} ${complete === 1 ? 'is' : 'are'} complete.`
          : `Directories get every published service whole${total ? ` (${total})` : ''}.`}{' '}
        Directories such as family hub directories load the offer from its Open Referral UK feed.
      </Typography>
      {services.map((service, index) => (
        <section key={service.documentId ?? `${service.title}-${index}`} aria-labelledby={`directories-${index}`}>
          <Typography tag="h3" variant="delta" id={`directories-${index}`}>
            {service.title} ({service.missing.length} missing)
          </Typography>
          <Flex tag="ul" direction="column" alignItems="stretch" gap={2} paddingTop={2}>
            {service.missing.map((check) => (
              <Flex tag="li" key={check.key} gap={2} alignItems="flex-start">
                <WarningCircle fill="danger600" aria-hidden />
                <Flex direction="column" alignItems="flex-start" gap={1}>
                  <Typography fontWeight="semiBold">{check.label}: missing</Typography>
                  <Typography>
                    {check.todo}{' '}
                    {service.documentId && (
                      <AdminLink to={editService(service.documentId, check.field)}>
                        Edit “{service.title}”
                      </AdminLink>
                    )}
                  </Typography>
                </Flex>
              </Flex>
            ))}
          </Flex>
        </section>
      ))}
    </Flex>
  );
}
