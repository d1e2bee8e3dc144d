/**
 * The statutory checklist of one offer, in the language the editor picks: the default language's
 * version (the report the offer's page has already loaded), or another language's (GET
 * /compliance/:documentId?locale=), each gap linked to its field in that language's version.
 * The picker shows only when the CMS has more than one language (the translation report's).
 */
import { Field, Flex, Grid, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useState } from 'react';
import { endpoints, useAdminApi, type OfferReport, type TranslationReport } from '../api/client';
import { editOffer } from '../links';
import { AdminLink } from './AdminLink';
import { Checklist } from './Checklist';

/** "en" as "English (en)", as Strapi i18n names its locales ("Welsh (cy)"). */
const localeName = (code: string) => {
  try {
    return `${new Intl.DisplayNames(['en'], { type: 'language' }).of(code)} (${code})`;
  } catch {
    return code;
  }
};

function Groups({ report, locale }: { report: OfferReport; locale?: string }) {
  return (
    <Grid.Root gap={6}>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <Checklist title="Sections of the offer" checks={report.sections} offerDocumentId={report.documentId} locale={locale} />
      </Grid.Item>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch" gap={6}>
        <Checklist title="Support types with a published service" checks={report.supportTypes} offerDocumentId={report.documentId} locale={locale} />
        <Checklist title="The Act's headings" checks={report.actHeadings} offerDocumentId={report.documentId} locale={locale} />
        <Checklist title="Arrangements some service is open to" checks={report.arrangementTypes} offerDocumentId={report.documentId} locale={locale} />
      </Grid.Item>
    </Grid.Root>
  );
}

export function StatutoryChecklist({ report, translations }: { report: OfferReport; translations?: TranslationReport }) {
  const [locale, setLocale] = useState('');
  const inLocale = useAdminApi(locale ? endpoints.offerReport(report.documentId, '', locale) : null);
  const languages = translations?.languages ?? [];
  const picked = languages.find((language) => language.locale === locale);
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {languages.length > 0 && translations && (
        <Field.Root name="checklist-language" id="checklist-language" hint="Each gap links to its field in that language's version.">
          <Field.Label>Language of the checklist</Field.Label>
          <SingleSelect value={locale || translations.defaultLocale} onChange={(value) => setLocale(value === translations.defaultLocale ? '' : String(value))}>
            <SingleSelectOption value={translations.defaultLocale}>{localeName(translations.defaultLocale)}, the default</SingleSelectOption>
            {languages.map((language) => (
              <SingleSelectOption key={language.locale} value={language.locale}>
                {language.name}
              </SingleSelectOption>
            ))}
          </SingleSelect>
          <Field.Hint />
        </Field.Root>
      )}
      {!locale ? (
        <Groups report={report} />
      ) : inLocale.state === 'ready' ? (
        <Groups report={inLocale.data} locale={locale} />
      ) : inLocale.state === 'failed' ? (
        <Typography>
          The offer has no version in {picked?.name ?? locale} yet.{' '}
          <AdminLink to={editOffer(report.documentId, undefined, locale)}>Write it</AdminLink>
        </Typography>
      ) : (
        <Typography>Loading the checklist…</Typography>
      )}
    </Flex>
  );
}
