/**
 * Consultations and the duty to consult before publishing or updating an offer (Children Act 1989,
 * s.22H; see compliance/consultation-duty.ts): the log of each offer's publications the duty is
 * checked against, an offer's consultation history for the compliance report, and the public
 * consultation report (shared/consultation-report.ts).
 *
 * Strapi keeps only an offer's latest publication (publishing replaces the published version), so
 * the plugin logs each one in a table of its own, written after every publish of an offer whatever
 * asked for it (a document middleware, `logPublications`).
 */
import type { Core } from '@strapi/strapi';
import type { ConsultationReport, ConsultationReportEntry } from '../../../shared/consultation-report';
import type { ConsultationHistory } from '../compliance/consultation-duty';
import { ensureTable } from '../own-tables';
import { UID } from '../uids';
import { CONSULTATION_METHODS, RELEVANT_PERSON_GROUPS } from '../vocabularies';

export const PUBLICATION_TABLE = 'kinship_offer_publications';

const labelOf = (list: ReadonlyArray<{ code: string; label: string }>, code: string) => ({ code, label: list.find((term) => term.code === code)?.label ?? code });
const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;

  /** The offer's published versions as they stand, one per locale. */
  const publishedRows = (documentId: string) =>
    strapi.db.query(UID.offer).findMany({ where: { documentId, publishedAt: { $notNull: true } }, select: ['locale', 'publishedAt'] });

  return {
    ensureTable: () =>
      ensureTable(knex(), PUBLICATION_TABLE, (table) => {
        table.string('document_id', 64).notNullable();
        table.string('locale', 32).notNullable();
        table.datetime('published_at').notNullable();
        table.primary(['document_id', 'locale', 'published_at']);
      }),

    /**
     * Logs the offer's current publications (run after each publish; logging one twice is harmless).
     * Written in the publish's own transaction when it has one (an import wraps many in one):
     * another connection would wait for that transaction to end, on SQLite for ever.
     */
    async logPublications(documentId: string) {
      const rows = (await publishedRows(documentId)).map((row: any) => ({ document_id: documentId, locale: row.locale ?? '', published_at: new Date(row.publishedAt) }));
      if (!rows.length) return;
      await strapi.db.transaction(({ trx }) => trx(PUBLICATION_TABLE).insert(rows).onConflict(['document_id', 'locale', 'published_at']).ignore());
    },

    /**
     * What the duty reads about one offer in one locale: each logged publication (and the current
     * one, for offers published before the log existed), the draft's last change, and every
     * consultation recorded for it, draft or published (the duty is to consult; the report shows
     * the published ones).
     */
    async historyOf(documentId: string, locale: string): Promise<ConsultationHistory> {
      const [logged, current, draft, consultations] = await Promise.all([
        knex()(PUBLICATION_TABLE).where({ document_id: documentId, locale }).select('published_at'),
        publishedRows(documentId),
        strapi.db.query(UID.offer).findOne({ where: { documentId, locale, publishedAt: null }, select: ['updatedAt'] }),
        strapi.db.query(UID.consultation).findMany({ where: { locale, publishedAt: null, offers: { documentId } }, select: ['date'] }),
      ]);
      const publications = new Set<string>(logged.map((row: any) => iso(row.published_at)!));
      for (const row of current as any[]) if ((row.locale ?? '') === locale) publications.add(iso(row.publishedAt)!);
      return { publications: [...publications], updatedAt: iso(draft?.updatedAt), consultations: consultations.map((row: any) => ({ date: String(row.date).slice(0, 10) })) };
    },

    /** The public consultation report of a published offer, or null when there is none. */
    async report(slug: string, locale?: string): Promise<ConsultationReport | null> {
      const offer = await strapi.documents(UID.offer).findFirst({ filters: { slug }, locale, status: 'published', fields: ['name', 'slug'] as any });
      if (!offer) return null;
      const consultations = await strapi.documents(UID.consultation).findMany({
        filters: { offers: { documentId: offer.documentId } } as any,
        locale,
        status: 'published',
        sort: ['date:desc', 'title:asc'] as any,
        limit: 1000,
        populate: {
          participants: true,
          whatWasSaid: true,
          services: { fields: ['title'], sort: ['title:asc'] },
          youSaidWeDid: { fields: ['youSaid', 'weDid', 'date'], sort: ['date:desc'] },
        } as any,
      });
      const groupOrder = (code: string) => RELEVANT_PERSON_GROUPS.findIndex((group) => group.code === code);
      return {
        offer: { documentId: offer.documentId, name: (offer as any).name, slug: (offer as any).slug },
        consultations: consultations.map((c: any): ConsultationReportEntry => ({
          documentId: c.documentId,
          title: c.title,
          date: c.date,
          method: labelOf(CONSULTATION_METHODS, c.method),
          methodDetail: c.methodDetail ?? null,
          participants: [...(c.participants ?? [])]
            .sort((a, b) => groupOrder(a.group) - groupOrder(b.group))
            .map((p) => ({ group: labelOf(RELEVANT_PERSON_GROUPS, p.group), count: p.count })),
          whatWasSaid: (c.whatWasSaid ?? []).map((t: any) => ({ theme: t.theme, detail: t.detail ?? null })),
          whatChanged: c.whatChanged ?? null,
          services: (c.services ?? []).map((s: any) => ({ documentId: s.documentId, title: s.title })),
          youSaidWeDid: (c.youSaidWeDid ?? []).map((y: any) => ({ youSaid: y.youSaid, weDid: y.weDid, date: y.date })),
        })),
      };
    },
  };
};
