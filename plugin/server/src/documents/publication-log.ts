/**
 * Logs each publication of an offer (services/consultations.ts, `logPublications`), however it was
 * published (the admin, the importer, the API), so the duty to consult can be checked against the
 * publication before the latest.
 */
import type { Core } from '@strapi/strapi';
import { getService } from '../services/get-service';
import { UID } from '../uids';

export function registerPublicationLog(strapi: Core.Strapi) {
  strapi.documents.use(async (context: { uid: string; action: string; params: Record<string, any> }, next: () => Promise<any>) => {
    const result = await next();
    if (context.uid === UID.offer && context.action === 'publish' && context.params.documentId) {
      await getService('consultations').logPublications(context.params.documentId);
    }
    return result;
  });
}
