/**
 * The log of an offer's publications (documents/publication-log): every publish of an offer,
 * whatever asked for it, is logged after it is written, and nothing else is. The Document Service
 * is the boundary, standing in as the middleware's `next`; the consultations service as a record
 * of what it was asked to log. (Against a real Strapi: consultations.test.ts.)
 */
import { beforeEach, expect, it } from 'vitest';
import { registerPublicationLog } from '../../../plugin/server/src/documents/publication-log';
import { uidOf } from '../../../plugin/server/src/uids';

type Middleware = (context: { uid: string; action: string; params: Record<string, any> }, next: () => Promise<unknown>) => Promise<unknown>;

let middleware: Middleware;
/** What was asked of the log, and the Document Service's writes, in order. */
let events: string[];

beforeEach(() => {
  events = [];
  const strapi: any = {
    documents: { use: (fn: Middleware) => (middleware = fn) },
    plugin: (name: string) =>
      name === 'kinship-offer' && { service: (service: string) => service === 'consultations' && { logPublications: async (documentId: string) => void events.push(`logged ${documentId}`) } },
  };
  (globalThis as any).strapi = strapi;
  registerPublicationLog(strapi);
});

const run = (uid: string, action: string, params: Record<string, any>) =>
  middleware({ uid, action, params }, async () => {
    events.push(`${action} ${uid.split('.').pop()}`);
    return { documentId: params.documentId, entries: [] };
  });

it('logs each publish of an offer after it is written, and gives back what was written', async () => {
  expect(await run(uidOf('offer'), 'publish', { documentId: 'o1', locale: '*' })).toEqual({ documentId: 'o1', entries: [] });
  expect(events).toEqual(['publish offer', 'logged o1']);
});

it('logs nothing else: another write of an offer, a publish of another type, a publish without a document', async () => {
  await run(uidOf('offer'), 'update', { documentId: 'o1' });
  await run(uidOf('offer'), 'unpublish', { documentId: 'o1' });
  await run(uidOf('service'), 'publish', { documentId: 's1' });
  await run(uidOf('offer'), 'publish', {});
  expect(events).toEqual(['update offer', 'unpublish offer', 'publish service', 'publish offer']);
});
