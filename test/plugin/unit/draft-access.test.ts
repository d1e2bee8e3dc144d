/** Who may read drafts: editors and API tokens, and the server itself; nobody else. */
import { describe, expect, it } from 'vitest';
import { DRAFTS_ARE_PRIVATE, mayReadDrafts } from '../../../plugin/server/src/documents/draft-access';

const as = (name?: string) => ({ state: { auth: { strategy: { name } } } });

describe('mayReadDrafts', () => {
  it.each(['admin', 'admin-token', 'content-api-token'])('lets a request authenticated by %j read drafts', (strategy) => {
    expect(mayReadDrafts(as(strategy))).toBe(true);
  });

  it.each(['users-permissions', 'api-token', 'Admin', 'content-api', '', undefined])('keeps drafts from a request authenticated by %j', (strategy) => {
    expect(mayReadDrafts(as(strategy))).toBe(false);
  });

  it.each([{}, { state: {} }, { state: { auth: {} } }, { state: { auth: { strategy: {} } } }])('keeps drafts from the public request %j', (request) => {
    expect(mayReadDrafts(request)).toBe(false);
  });

  it('lets the server read drafts for itself (no request: bootstrap, seeding, jobs)', () => {
    expect(mayReadDrafts(undefined)).toBe(true);
  });

  it('tells the public how to read published content', () => {
    expect(DRAFTS_ARE_PRIVATE).toBe('Drafts are private: only editors and API tokens can read them. Leave out "status" to read published content.');
  });
});
