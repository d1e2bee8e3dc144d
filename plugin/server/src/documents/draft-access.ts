/**
 * Public means published. Strapi core lets anyone with `find` read drafts by asking for them
 * (`status=draft`, GraphQL `status: DRAFT`; strapi/strapi#25326), so the plugin decides here, once,
 * who may: editors in the admin and holders of an API token (for previews). Everyone else, the
 * public role and logged-in website users alike, sees published content only.
 */

/** Auth strategies whose callers may read drafts. */
const DRAFT_READERS = new Set(['admin', 'admin-token', 'content-api-token']);

interface AuthState {
  strategy?: { name?: string };
}

/**
 * Whether a request may read drafts. Calls from inside the server (bootstrap, seeding, jobs) have
 * no request and may; a request without a known strategy may not.
 */
export function mayReadDrafts(request: { state?: { auth?: AuthState } } | undefined): boolean {
  if (!request) return true;
  const strategy = request.state?.auth?.strategy?.name;
  return strategy !== undefined && DRAFT_READERS.has(strategy);
}

/** Thrown as a PolicyError, the one kind of 403 whose message Strapi passes on to the client. */
export const DRAFTS_ARE_PRIVATE =
  'Drafts are private: only editors and API tokens can read them. Leave out "status" to read published content.';
