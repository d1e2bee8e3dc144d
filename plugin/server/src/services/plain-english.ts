/**
 * The plain-English check (plain-english/check.ts) on an offer and its services as stored, and on
 * the values of a form an editor is typing in, with the council's settings (config plainEnglish).
 */
import type { Core } from '@strapi/strapi';
import type { PlainEnglishField, PlainEnglishReport } from '../../../shared/admin-api';
import { checkPlainEnglish, DEFAULT_ABBREVIATIONS, type PlainEnglishOptions } from '../plain-english/check';
import { proseFields } from '../plain-english/fields';
import { UID } from '../uids';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const options = (): PlainEnglishOptions => {
    const config = strapi.plugin('kinship-offer').config('plainEnglish') as { readingAge: number; maxSentenceWords: number; abbreviations: Record<string, string> };
    return { readingAge: config.readingAge, maxSentenceWords: config.maxSentenceWords, abbreviations: { ...DEFAULT_ABBREVIATIONS, ...config.abbreviations } };
  };

  /** Every prose field of the values, each with what to improve (none, for a field that reads well). */
  const checkFields = (kind: 'offer' | 'service', values: Record<string, unknown>): PlainEnglishField[] => {
    const settings = options();
    return proseFields(kind, values).map(({ field, label, text }) => ({ field, label, issues: checkPlainEnglish(text, settings) }));
  };
  const withIssues = (fields: PlainEnglishField[]) => fields.filter((field) => field.issues.length > 0);

  return {
    checkFields,

    /** What to improve in the editor's latest draft of the offer and of each of its services. Null: no such offer. */
    async forOffer(documentId: string, locale?: string): Promise<PlainEnglishReport | null> {
      const offer = await strapi.documents(UID.offer).findOne({ documentId, locale, status: 'draft', populate: { services: { sort: ['title:asc'] } } as any });
      if (!offer) return null;
      return {
        offer: withIssues(checkFields('offer', offer as any)),
        services: ((offer as any).services ?? [])
          .map((service: any) => ({ documentId: service.documentId, title: service.title, fields: withIssues(checkFields('service', service)) }))
          .filter((service: { fields: PlainEnglishField[] }) => service.fields.length > 0),
      };
    },
  };
};
