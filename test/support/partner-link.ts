/**
 * A partner's review link to a service, written into the plugin's table as
 * plugin/server/src/partners/service.ts `send` writes one, without the e-mail that carries it
 * (test/plugin/partner-links.test.ts tests that): for tests of the form itself.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { LINK_TABLE, tokenDigest } from '../../plugin/server/src/partners/service';
import type { TestCms } from './cms';

/** A link open for a day: the form's address, and the link's id (a proposal's `link_id`). */
export async function partnerLink(cms: TestCms, documentId: string) {
  const secret = randomBytes(32).toString('base64url');
  const now = new Date();
  const id = randomUUID();
  await cms.strapi.db.connection(LINK_TABLE).insert({
    id,
    token_hash: tokenDigest(secret),
    service_document_id: documentId,
    sent_to: 'partner@example.org',
    requested_by: 'A. Editor',
    created_at: now,
    expires_at: new Date(now.getTime() + 86_400_000),
  });
  return { url: `${cms.url}/api/kinship-offer/service-review/${encodeURIComponent(documentId)}/${secret}`, id };
}
