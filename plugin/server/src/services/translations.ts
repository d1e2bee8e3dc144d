/**
 * What a council has not translated yet, per offer and language (Strapi i18n locales besides the
 * default): which of the offer's words (its statutory sections, its name, the named contact's
 * words) and which of its published services have no version in that language, and which were
 * changed in the default language after their translation was last saved (stale). Readers of a
 * translation see the default language's words for each gap (offer-view/service `translated`), so
 * this is what stands between a council and a whole translation.
 *
 * "Changed after" compares the last save of each (its draft's `updatedAt`). Strapi's i18n copies a
 * change to a shared field (a phone number) into every language, which counts as a save of each:
 * a translation is stale only from a change of words after its own last save.
 */
import type { Core } from '@strapi/strapi';
import contentTypes from '../content-types';
import { isWritten, translatedFields } from '../documents/languages';
import { UID } from '../uids';
import type { LanguageReport, TranslationFigures, TranslationGap, TranslationReport } from '../../../shared/admin-api';

type Row = Record<string, any>;

const editHref = (uid: string, documentId: string, locale: string) =>
  `/admin/content-manager/collection-types/${uid}/${documentId}?plugins[i18n][locale]=${encodeURIComponent(locale)}`;

const savedAt = (row: Row | undefined) => (row ? new Date(row.updatedAt).getTime() : 0);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const OFFER_WORDS = translatedFields(contentTypes.offer.schema as never);

  return {
    /** The report for the offer `documentId`, or null if it has no version in the default language. */
    async forOffer(documentId: string): Promise<TranslationReport | null> {
      const defaultLocale: string = await strapi.plugin('i18n').service('locales').getDefaultLocale();
      const locales: Array<{ code: string; name: string }> = await strapi.plugin('i18n').service('locales').find();
      const offers: Row[] = await strapi.db.query(UID.offer).findMany({ where: { documentId }, select: ['locale', 'publishedAt', 'updatedAt', ...OFFER_WORDS] });
      const draftIn = (rows: Row[], locale: string) => rows.find((row) => row.locale === locale && !row.publishedAt);
      const source = draftIn(offers, defaultLocale);
      if (!source) return null;
      const published = await strapi.db.query(UID.offer).findOne({
        where: { documentId, locale: defaultLocale, publishedAt: { $notNull: true } },
        populate: { services: { select: ['documentId', 'title'] } } as any,
      });
      const services: Row[] = ((published?.services ?? []) as Row[]).sort((a, b) => String(a.title).localeCompare(String(b.title)));
      const versions: Row[] = services.length
        ? await strapi.db.query(UID.service).findMany({ where: { documentId: { $in: services.map((service) => service.documentId) } }, select: ['documentId', 'locale', 'publishedAt', 'updatedAt'] })
        : [];
      const versionsOf = (service: Row) => versions.filter((row) => row.documentId === service.documentId);
      const worded = OFFER_WORDS.filter((field) => isWritten(source[field]));

      const languages = locales
        .filter(({ code }) => code !== defaultLocale)
        .sort((a, b) => a.code.localeCompare(b.code))
        .map(({ code, name }): LanguageReport => {
          const missing: LanguageReport['missing'] = [];
          const stale: TranslationGap[] = [];
          const offerGap = (fields?: string[]): TranslationGap => ({ kind: 'offer', documentId, title: source.name, ...(fields ? { fields } : {}), href: editHref(UID.offer, documentId, code) });
          const translation = draftIn(offers, code);
          const untranslated = worded.filter((field) => !isWritten(translation?.[field]));
          if (untranslated.length) missing.push(offerGap(untranslated));
          if (translation && savedAt(translation) < savedAt(source)) stale.push(offerGap());
          let translated = worded.length - untranslated.length;
          for (const service of services) {
            const rows = versionsOf(service);
            const gap: TranslationGap = { kind: 'service', documentId: service.documentId, title: service.title, href: editHref(UID.service, service.documentId, code) };
            const draft = draftIn(rows, code);
            if (!rows.some((row) => row.locale === code && row.publishedAt)) {
              missing.push(draft ? { ...gap, draft: true } : gap);
              continue;
            }
            translated += 1;
            if (savedAt(draft) < savedAt(draftIn(rows, defaultLocale))) stale.push(gap);
          }
          return { locale: code, name, missing, stale, translated, total: worded.length + services.length };
        });
      return { documentId, defaultLocale, languages };
    },

    /** Each offer's figures per language (the offers list): documentId → locale → translated of total. */
    async figures(): Promise<TranslationFigures> {
      const documentIds = [...new Set((await strapi.db.query(UID.offer).findMany({ select: ['documentId'] })).map((row: Row) => row.documentId as string))];
      const figures: TranslationFigures = {};
      for (const documentId of documentIds) {
        const report = await this.forOffer(documentId);
        if (report) figures[documentId] = report.languages.map(({ locale, translated, total }) => ({ locale, translated, total }));
      }
      return figures;
    },
  };
};
