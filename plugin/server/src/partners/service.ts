/**
 * Partners keep their own services current: a private link to one service, e-mailed to its
 * provider's contact, opens a short form (./controller) where they confirm the service is still
 * correct or propose changes to its public fields (./form), which editors accept into the draft
 * or decline with a reason. No partner needs a Strapi account; nothing a partner sends is public
 * until an editor publishes it.
 *
 * A link's token is 32 random bytes (256 bits, base64url); only its SHA-256 digest is stored, so
 * the database alone opens nothing. Each link is bound to one service's documentId (the address
 * names both, and a token is refused for any other service), expires after `partnerLinkDays`,
 * can be revoked by an editor, and is used up by a proposal. Links and proposals live in the
 * plugin's own tables (../own-tables), outside the content model: nothing here is ever served by
 * the content API or GraphQL.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { PartnerLink, PartnerLinkState, ServiceProposal } from '../../../shared/admin-api';
import { ensureTable } from '../own-tables';
import { getService } from '../services/get-service';
import { UID } from '../uids';
import { PARTNER_FIELDS, type FieldValue, type PartnerFieldName } from './form';

export const LINK_TABLE = 'kinship_offer_partner_links';
export const PROPOSAL_TABLE = 'kinship_offer_service_proposals';

/** The digest a token is stored and looked up by. */
export const tokenDigest = (token: string) => createHash('sha256').update(token).digest('hex');

/** Why a link opens nothing; each has its own page (./controller). */
export type Refusal = 'unknown' | 'other-service' | 'expired' | 'revoked' | 'used' | 'unpublished';

/** A link as stored. */
export interface LinkRow {
  id: string;
  token_hash: string;
  service_document_id: string;
  sent_to: string;
  requested_by: string;
  created_at: Date | string;
  expires_at: Date | string;
  revoked_at: Date | string | null;
  revoked_by: string | null;
  used_at: Date | string | null;
  confirmed_at: Date | string | null;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function stateOf(row: LinkRow, now: Date): PartnerLinkState {
  if (row.revoked_at) return 'revoked';
  if (row.used_at) return 'used';
  if (new Date(row.expires_at) <= now) return 'expired';
  return 'open';
}

const toLink = (row: LinkRow, now: Date): PartnerLink => ({
  id: row.id,
  sentTo: row.sent_to,
  requestedBy: row.requested_by,
  createdAt: iso(row.created_at)!,
  expiresAt: iso(row.expires_at)!,
  confirmedAt: iso(row.confirmed_at),
  state: stateOf(row, now),
});

/** The e-mail a partner gets: what the link is for, the link, and when it stops working. */
export function linkMessage({ title, council, url, expiresAt }: { title: string; council: string; url: string; expiresAt: Date }) {
  const until = expiresAt.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
  return {
    subject: `Please check your service: ${title}`,
    text:
      `${council} lists your service "${title}" in its kinship local offer, the support it publishes for relatives and friends raising a child.\n\n` +
      `Please check that what carers read about it is still correct. This private link opens the service's details; you need no account:\n\n${url}\n\n` +
      `Say it is still correct, or propose changes: the council checks changes before anyone sees them. ` +
      `The link works for this service only, until ${until}. Please do not forward it.\n`,
  };
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const linkDays = () => strapi.plugin('kinship-offer').config('partnerLinkDays') as number;
  const defaultLocale = (): Promise<string> => strapi.plugin('i18n').service('locales').getDefaultLocale();

  /** The service in the default language: its draft (`published: false`) or what readers see. */
  const serviceOf = async (documentId: string, published: boolean) =>
    (await strapi.documents(UID.service).findOne({
      documentId,
      locale: await defaultLocale(),
      status: published ? 'published' : 'draft',
      populate: { provider: { fields: ['name', 'email'] }, contacts: { fields: ['email'] }, offers: { fields: ['name'] } } as any,
    })) as any;

  return {
    async ensureTables() {
      await ensureTable(knex(), LINK_TABLE, (table) => {
        table.string('id', 36).primary();
        table.string('token_hash', 64).notNullable().unique();
        table.string('service_document_id', 64).notNullable().index();
        table.string('sent_to', 255).notNullable();
        table.string('requested_by', 255).notNullable();
        table.datetime('created_at').notNullable();
        table.datetime('expires_at').notNullable();
        table.datetime('revoked_at').nullable();
        table.string('revoked_by', 255).nullable();
        table.datetime('used_at').nullable();
        table.datetime('confirmed_at').nullable();
      });
      await ensureTable(knex(), PROPOSAL_TABLE, (table) => {
        table.string('id', 36).primary();
        table.string('link_id', 36).notNullable();
        table.string('service_document_id', 64).notNullable().index();
        table.string('proposed_by', 255).notNullable();
        table.datetime('submitted_at').notNullable();
        /** JSON: { field: { from, to } } for each field the partner changed. */
        table.text('changes').notNullable();
        table.text('note').nullable();
        table.string('status', 16).notNullable();
        table.string('decided_by', 255).nullable();
        table.datetime('decided_at').nullable();
        table.text('decline_reason').nullable();
      });
    },

    /**
     * Who a link for the service goes to: the first of its contacts with an e-mail address, else
     * its provider's e-mail; null when it has neither.
     */
    async recipientOf(documentId: string): Promise<{ email: string; title: string; council: string } | null> {
      const service = await serviceOf(documentId, false);
      if (!service) return null;
      const email = service.contacts?.find((contact: any) => contact.email)?.email ?? service.provider?.email ?? null;
      const council = (service.offers ?? []).map((offer: any) => offer.name).join(', ') || 'The council';
      return email ? { email, title: service.title, council } : null;
    },

    /**
     * Makes a link to the service and e-mails it to its provider's contact; `requestedBy`: the
     * editor who asked, or "the review reminder". Null when the service has no one to send it to.
     * Throws when the e-mail cannot be sent (the link is then removed: it was never delivered).
     */
    async send(documentId: string, { requestedBy, formUrl, now = new Date() }: { requestedBy: string; formUrl: (documentId: string, token: string) => string; now?: Date }) {
      const recipient = await this.recipientOf(documentId);
      if (!recipient) return null;
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + linkDays() * 86_400_000);
      const row = {
        id: randomUUID(),
        token_hash: tokenDigest(token),
        service_document_id: documentId,
        sent_to: recipient.email,
        requested_by: requestedBy,
        created_at: now,
        expires_at: expiresAt,
      };
      await knex()(LINK_TABLE).insert(row);
      try {
        await strapi.plugin('email').service('email').send({ to: recipient.email, ...linkMessage({ ...recipient, url: formUrl(documentId, token), expiresAt }) });
      } catch (error) {
        await knex()(LINK_TABLE).where({ id: row.id }).delete();
        throw error;
      }
      return toLink({ ...row, revoked_at: null, revoked_by: null, used_at: null, confirmed_at: null }, now);
    },

    /**
     * The link `token` opens for the service `documentId`, with the service as readers see it, or
     * why it opens nothing. A token that is not one of ours (mistyped, cut short, tampered with)
     * and one made for another service are told apart only to say which link to use.
     */
    async open(documentId: string, token: string, now = new Date()): Promise<{ link: LinkRow; service: any } | { refused: Refusal }> {
      const link: LinkRow | undefined = typeof token === 'string' && token.length <= 128 ? await knex()(LINK_TABLE).where({ token_hash: tokenDigest(token) }).first() : undefined;
      if (!link) return { refused: 'unknown' };
      if (link.service_document_id !== documentId) return { refused: 'other-service' };
      const state = stateOf(link, now);
      if (state !== 'open') return { refused: state };
      const service = await serviceOf(documentId, true);
      return service ? { link, service } : { refused: 'unpublished' };
    },

    /**
     * "Still correct": records today's review and who confirmed on the service's draft, as an
     * editor's "Mark as reviewed today" does (../services/reviews); the link stays open for a
     * proposal until it expires.
     */
    async confirm(link: LinkRow, name: string, now = new Date()) {
      // The partner's authority is the link, checked by `open`; this write is the plugin's own on
      // their behalf, as a job's is, so it runs outside the public request's context (whose
      // document guard, ../documents/draft-access, rightly keeps drafts from the public).
      await strapi.requestContext.run(undefined as any, async () => {
        await getService('reviews').markReviewed('service', link.service_document_id, `${name} (provider, by e-mailed link)`, now);
      });
      await knex()(LINK_TABLE).where({ id: link.id }).update({ confirmed_at: now });
    },

    /**
     * Stores a proposal for editors and uses the link up, in one step: of two proposals sent at
     * once with one link, one is stored and the other refused (false).
     */
    async propose(link: LinkRow, { name, note, changes, current }: { name: string; note: string; changes: Partial<Record<PartnerFieldName, FieldValue>>; current: Record<string, unknown> }, now = new Date()) {
      return knex().transaction(async (trx) => {
        const taken = await trx(LINK_TABLE).where({ id: link.id }).whereNull('used_at').whereNull('revoked_at').update({ used_at: now });
        if (taken !== 1) return false;
        const diff = Object.fromEntries(Object.entries(changes).map(([field, to]) => [field, { from: current[field] ?? null, to }]));
        await trx(PROPOSAL_TABLE).insert({
          id: randomUUID(),
          link_id: link.id,
          service_document_id: link.service_document_id,
          proposed_by: name,
          submitted_at: now,
          changes: JSON.stringify(diff),
          note: note || null,
          status: 'pending',
        });
        return true;
      });
    },

    /** The service's links, newest first. */
    async linksOf(documentId: string, now = new Date()): Promise<PartnerLink[]> {
      const rows: LinkRow[] = await knex()(LINK_TABLE).where({ service_document_id: documentId }).orderBy('created_at', 'desc');
      return rows.map((row) => toLink(row, now));
    },

    /** Revokes the service's link (by its id, never its token); false when the service has no such link. */
    async revoke(documentId: string, id: string, by: string, now = new Date()) {
      const link = { id, service_document_id: documentId };
      const changed = await knex()(LINK_TABLE).where(link).whereNull('revoked_at').update({ revoked_at: now, revoked_by: by });
      return changed === 1 || !!(await knex()(LINK_TABLE).where(link).first('id'));
    },

    /** Proposals waiting for an editor (all services, or one), oldest first, each with the service's draft values now. */
    async proposals({ documentId, status = 'pending' }: { documentId?: string; status?: ServiceProposal['status'] } = {}): Promise<ServiceProposal[]> {
      const query = knex()(PROPOSAL_TABLE).where({ status }).orderBy('submitted_at', 'asc');
      if (documentId) query.andWhere({ service_document_id: documentId });
      const rows = await query;
      const proposals: ServiceProposal[] = [];
      for (const row of rows) {
        const draft = await serviceOf(row.service_document_id, false);
        const changes = JSON.parse(row.changes) as Record<string, { from: FieldValue; to: FieldValue }>;
        proposals.push({
          id: row.id,
          service: { documentId: row.service_document_id, title: draft?.title ?? '(deleted service)' },
          proposedBy: row.proposed_by,
          submittedAt: iso(row.submitted_at)!,
          note: row.note ?? null,
          status: row.status,
          decidedBy: row.decided_by ?? null,
          declineReason: row.decline_reason ?? null,
          changes: PARTNER_FIELDS.filter(({ name }) => name in changes).map(({ name, label }) => ({
            field: name,
            label,
            published: changes[name].from,
            draft: draft ? (draft[name] ?? null) : null,
            proposed: changes[name].to,
          })),
        });
      }
      return proposals;
    },

    /**
     * Accepts a pending proposal: writes its values into the service's draft (Strapi validates
     * them as any save is), for an editor to publish as usual. Null when there is no pending
     * proposal with that id, or another editor decided it first; `{ refused: 'deleted' }`, the
     * proposal left waiting, when its service has been deleted since (a write would make a new
     * service of the proposal alone). Throws Strapi's error when the values are refused, the
     * proposal left waiting.
     */
    async accept(id: string, by: string, now = new Date()) {
      const row = await knex()(PROPOSAL_TABLE).where({ id, status: 'pending' }).first();
      if (!row) return null;
      if (!(await serviceOf(row.service_document_id, false))) return { refused: 'deleted' as const };
      // Decided before the write: of two editors acting at once (accept and accept, or accept and
      // decline), one decides and the other is told it is decided, so a declined proposal is never
      // written into the draft and none is written twice.
      const claimed = await knex()(PROPOSAL_TABLE).where({ id, status: 'pending' }).update({ status: 'accepted', decided_by: by, decided_at: now });
      if (claimed !== 1) return null;
      const changes = JSON.parse(row.changes) as Record<string, { to: FieldValue }>;
      const data = Object.fromEntries(Object.entries(changes).map(([field, { to }]) => [field, to]));
      try {
        await strapi.documents(UID.service).update({ documentId: row.service_document_id, locale: await defaultLocale(), status: 'draft', data } as any);
      } catch (error) {
        await knex()(PROPOSAL_TABLE).where({ id, status: 'accepted' }).update({ status: 'pending', decided_by: null, decided_at: null });
        throw error;
      }
      return { id, status: 'accepted' as const };
    },

    /** Declines a pending proposal with the editor's reason; nothing changes on the service. */
    async decline(id: string, by: string, reason: string, now = new Date()) {
      const changed = await knex()(PROPOSAL_TABLE).where({ id, status: 'pending' }).update({ status: 'declined', decided_by: by, decided_at: now, decline_reason: reason });
      return changed === 1 ? { id, status: 'declined' as const } : null;
    },
  };
};
