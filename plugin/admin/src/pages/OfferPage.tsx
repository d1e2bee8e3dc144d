/**
 * One offer, for its editor: the score and what to do next, the statutory checklist (in any of the
 * offer's languages) with a link from each gap to where to fix it, the coverage map, what is overdue for review, what directories
 * will miss about each service, and feedback; and whether it was consulted on since its previous
 * publication; and what to improve in plain English, field by field.
 */
import { Box, Flex, LinkButton, Typography } from '@strapi/design-system';
import { Code, Pencil, Eye } from '@strapi/icons';
import { BackButton, Layouts, Page } from '@strapi/strapi/admin';
import { NavLink, useParams } from 'react-router-dom';
import { endpoints, useAdminApi } from '../api/client';
import { AdminLink } from '../components/AdminLink';
import { Panel } from '../components/Panel';
import { ConsultationDutyPanel } from '../components/ConsultationDutyPanel';
import { CoverageMap } from '../components/CoverageMap';
import { DirectoryGapsList } from '../components/DirectoryGapsList';
import { FeedbackList } from '../components/FeedbackList';
import { TranslationReport } from '../components/TranslationReport';
import { PlainEnglishList } from '../components/PlainEnglishList';
import { StatutoryChecklist } from '../components/StatutoryChecklist';
import { editOffer, editService, embedBuilder, reachPage } from '../links';
import { PLUGIN_PATH } from '../plugin-id';
import { counted, dayInWords } from '../words';

export function OfferPage() {
  const { documentId = '' } = useParams();
  const report = useAdminApi(endpoints.offerReport(documentId));
  const translations = useAdminApi(endpoints.translations(documentId));
  const plainEnglish = useAdminApi(endpoints.plainEnglish(documentId));
  if (report.state === 'loading') return <Page.Loading />;
  if (report.state === 'failed') return <Page.Error content={report.message} />;
  const offer = report.data;
  const overdueServices = offer.overdue.services;

  return (
    <Page.Main>
      <Page.Title>{offer.name}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={`/${PLUGIN_PATH}`} />}
        title={offer.name}
        subtitle={`Score ${offer.score} / 100${offer.published ? '' : ' · not published yet'}`}
        primaryAction={
          <Flex gap={2}>
            <LinkButton tag={NavLink as any} to={reachPage(offer.documentId)} variant="secondary" startIcon={<Eye />}>
              Reach
            </LinkButton>
            <LinkButton tag={NavLink as any} to={embedBuilder(offer.documentId)} variant="secondary" startIcon={<Code />}>
              Embed this offer
            </LinkButton>
            <LinkButton tag={NavLink as any} to={editOffer(offer.documentId)} startIcon={<Pencil />}>
              Edit the offer
            </LinkButton>
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Panel title="What to do next">
            {offer.nextSteps.length ? (
              <Flex tag="ol" direction="column" alignItems="flex-start" gap={2} style={{ listStyle: 'decimal', paddingLeft: '2rem' }}>
                {offer.nextSteps.map((step) => (
                  <li key={step}>
                    <Typography>{step}</Typography>
                  </li>
                ))}
              </Flex>
            ) : (
              <Typography>Nothing: the offer has every statutory section, covers every support type, and is current.</Typography>
            )}
          </Panel>

          <Panel title="Consultation">
            <ConsultationDutyPanel duty={offer.consultation} />
          </Panel>

          <Panel title="Statutory checklist">
            <StatutoryChecklist report={offer} translations={translations.state === 'ready' ? translations.data : undefined} />
          </Panel>

          <Panel title="Plain English">
            {plainEnglish.state === 'ready' ? (
              <PlainEnglishList offerDocumentId={offer.documentId} report={plainEnglish.data} />
            ) : (
              <Typography>{plainEnglish.state === 'failed' ? plainEnglish.message : 'Checking…'}</Typography>
            )}
          </Panel>

          <Panel title="Coverage map">
            <Box overflow="auto">
              <CoverageMap coverage={offer.coverage} supportTypes={offer.supportTypes} arrangementTypes={offer.arrangementTypes} />
            </Box>
          </Panel>

          <Panel title="Reviews">
            <Flex direction="column" alignItems="flex-start" gap={3}>
              <Typography>
                {offer.overdue.offer ? 'The offer is overdue for review. ' : 'The offer is current. '}
                <AdminLink to={editOffer(offer.documentId)}>Open the offer</AdminLink> to review it and use “Mark as reviewed today”.
              </Typography>
              <Typography>
                {overdueServices.length
                  ? `${counted(overdueServices.length, 'published service')} ${overdueServices.length === 1 ? 'is' : 'are'} overdue for review:`
                  : 'Every published service has been reviewed in time.'}
              </Typography>
              {overdueServices.length > 0 && (
                <Flex tag="ul" direction="column" alignItems="flex-start" gap={1} style={{ listStyle: 'disc', paddingLeft: '2rem' }}>
                  {overdueServices.map((service) => (
                    <li key={service.documentId ?? service.title}>
                      {service.documentId ? <AdminLink to={editService(service.documentId)}>{service.title}</AdminLink> : service.title}
                      {service.lastReviewedAt ? ` (last reviewed ${dayInWords(service.lastReviewedAt)})` : ' (never reviewed)'}
                    </li>
                  ))}
                </Flex>
              )}
            </Flex>
          </Panel>

          <Panel title="Translations">
            {translations.state === 'ready' ? <TranslationReport report={translations.data} /> : translations.state === 'failed' ? <Typography>{translations.message}</Typography> : null}
          </Panel>

          <Panel title="For directories">
            <DirectoryGapsList forDirectories={offer.forDirectories} />
          </Panel>

          <Panel title="What readers said">
            <FeedbackList offerDocumentId={offer.documentId} />
          </Panel>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}
