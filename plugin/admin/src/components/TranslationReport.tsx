/**
 * What an offer has not translated yet, per language: the offer's words and the published services
 * readers of that language still see in the default language, and what was changed in the default
 * language after its translation was saved. Each item links to where it is fixed, in that language.
 */
import { Flex, Link, Typography } from '@strapi/design-system';
import type { LanguageReport, TranslationGap, TranslationReport as Report } from '../api/client';

/** "generalApproach" → "general approach": the offer's words, named as an editor reads them. */
const fieldName = (field: string) => field.replace(/([A-Z])/g, ' $1').toLowerCase();

function Gaps({ title, gaps }: { title: string; gaps: Array<TranslationGap & { draft?: boolean }> }) {
  if (!gaps.length) return null;
  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Typography tag="h4" variant="delta">
        {title}
      </Typography>
      <Flex direction="column" alignItems="flex-start" gap={1} tag="ul">
        {gaps.map((gap) => (
          <li key={`${gap.kind}:${gap.documentId}`}>
            <Link href={gap.href}>{gap.kind === 'offer' ? `The offer "${gap.title}"` : gap.title}</Link>
            {gap.fields?.length ? <Typography textColor="neutral600">: {gap.fields.map(fieldName).join(', ')}</Typography> : null}
            {gap.draft ? <Typography textColor="neutral600"> (translated, not yet published)</Typography> : null}
          </li>
        ))}
      </Flex>
    </Flex>
  );
}

/** "24 of 40 translated": what readers of a language see translated. */
export const translatedFigure = ({ translated, total }: Pick<LanguageReport, 'translated' | 'total'>) => `${translated} of ${total} translated`;

export function TranslationReport({ report }: { report: Report }) {
  if (!report.languages.length) {
    return <Typography>This CMS has one language. Add a language under Settings → Internationalization to translate the offer.</Typography>;
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {report.languages.map((language) => (
        <Flex key={language.locale} direction="column" alignItems="flex-start" gap={2} tag="section" aria-label={language.name}>
          <Typography tag="h3" variant="epsilon">
            {language.name}: {translatedFigure(language)}
          </Typography>
          {!language.missing.length && !language.stale.length ? <Typography>Everything readers see is translated and up to date.</Typography> : null}
          <Gaps title="Not translated yet (readers see these in the default language)" gaps={language.missing} />
          <Gaps title="Changed in the default language since it was translated" gaps={language.stale} />
        </Flex>
      ))}
    </Flex>
  );
}
