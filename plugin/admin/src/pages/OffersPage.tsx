/**
 * "Kinship local offer": every offer with its score, its review status and what to do next, each
 * leading to its checklist, coverage map and feedback.
 */
import { Box, Flex, LinkButton, Typography } from '@strapi/design-system';
import { Code } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { NavLink } from 'react-router-dom';
import { endpoints, useAdminApi } from '../api/client';
import { AdminLink } from '../components/AdminLink';
import { DataTable } from '../components/DataTable';
import { ReviewStatus } from '../components/ReviewStatus';
import { translatedFigure } from '../components/TranslationReport';
import { embedBuilder, offerPage } from '../links';

export function OffersPage() {
  const offers = useAdminApi(endpoints.offers());
  const translations = useAdminApi(endpoints.translationFigures());
  return (
    <Page.Main>
      <Page.Title>Kinship local offer</Page.Title>
      <Layouts.Header
        title="Kinship local offer"
        subtitle="What each offer is missing, what is overdue for review, and what readers said"
        primaryAction={
          <LinkButton tag={NavLink as any} to={embedBuilder()} startIcon={<Code />} variant="secondary">
            Embed an offer on a website
          </LinkButton>
        }
      />
      <Layouts.Content>
        {offers.state === 'loading' && <Page.Loading />}
        {offers.state === 'failed' && <Page.Error content={offers.message} />}
        {offers.state === 'ready' && offers.data.length === 0 && (
          <Typography>There are no offers yet. Create one in the content manager under "Kinship offer".</Typography>
        )}
        {offers.state === 'ready' && offers.data.length > 0 && (
          <Box background="neutral0" shadow="tableShadow" hasRadius padding={4}>
            <DataTable caption="Offers, with their score out of 100 and review status">
              <thead>
                <tr>
                  <th scope="col">Offer</th>
                  <th scope="col">Score</th>
                  <th scope="col">Offer review</th>
                  <th scope="col">Services overdue for review</th>
                  <th scope="col">Services incomplete for directories</th>
                  <th scope="col">Translations</th>
                  <th scope="col">Do next</th>
                </tr>
              </thead>
              <tbody>
                {offers.data.map((offer) => (
                  <tr key={offer.documentId}>
                    <th scope="row">
                      <AdminLink to={offerPage(offer.documentId)}>{offer.name}</AdminLink>
                    </th>
                    <td>{offer.score} / 100</td>
                    <td>
                      <ReviewStatus overdue={offer.reviewOverdue} due={offer.nextReviewDue} />
                    </td>
                    <td>{offer.servicesOverdue}</td>
                    <td>{offer.servicesIncompleteForDirectories}</td>
                    <td>
                      {translations.state === 'ready' && translations.data[offer.documentId]?.length
                        ? translations.data[offer.documentId].map((language) => (
                            <div key={language.locale}>
                              {language.locale}: {translatedFigure(language)}
                            </div>
                          ))
                        : 'One language'}
                    </td>
                    <td>
                      {offer.nextSteps.length ? (
                        <Flex direction="column" alignItems="flex-start" gap={1} tag="ul">
                          {offer.nextSteps.slice(0, 2).map((step) => (
                            <li key={step}>{step}</li>
                          ))}
                        </Flex>
                      ) : (
                        'Nothing: the offer is complete and current.'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </Box>
        )}
      </Layouts.Content>
    </Page.Main>
  );
}
