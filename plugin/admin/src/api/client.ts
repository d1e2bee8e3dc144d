/**
 * The plugin's admin API (server/src/routes, "admin", under /kinship-offer), every endpoint in one
 * place with its response type from the shared contracts (../../../shared/admin-api), so no page
 * writes a path by hand. Reads go through `useAdminApi(endpoints.…)`, writes through `useAdminActions()`.
 */
import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import type {
  EmbedChoices,
  FeedbackInbox,
  OfferReport,
  OfferSummary,
  OverdueItem,
  PartnerLink,
  PlainEnglishField,
  PlainEnglishReport,
  ReachReport,
  Reviewable,
  ReviewStatus,
  ServiceProposal,
  TranslationFigures,
  TranslationReport,
  Vocabularies,
} from '../../../shared/admin-api';

export type * from '../../../shared/admin-api';

const BASE = '/kinship-offer';

/** A GET path of the admin API and the type of its `data`. */
export interface Endpoint<T> {
  path: string;
  /** Never set: carries T for the type checker. */
  readonly response?: T;
}
const endpoint = <T>(path: string): Endpoint<T> => ({ path: `${BASE}${path}` });
const id = encodeURIComponent;
/** `?a=1&b=2` of the parameters given a value; '' for none. */
const query = (params: Record<string, string>) => {
  const given = new URLSearchParams(Object.entries(params).filter(([, value]) => value)).toString();
  return given && `?${given}`;
};

/**
 * Every read. `refresh`, where given, makes a new path (and so a new request) whenever it changes,
 * e.g. each time the editor saves.
 */
export const endpoints = {
  /** Every offer with its score and review status. */
  offers: () => endpoint<OfferSummary[]>('/compliance'),
  /** One offer's checklist, coverage map and reviews. */
  /** `locale`: the offer's version in that language (none: the default language's). */
  offerReport: (documentId: string, refresh = '', locale = '') =>
    endpoint<OfferReport>(`/compliance/${id(documentId)}${query({ saved: refresh, locale })}`),
  vocabularies: () => endpoint<Vocabularies>('/vocabularies'),
  /** The addresses and texts the embed builder gives for one offer, from the CMS's public URL. */
  embedChoices: (documentId: string) => endpoint<EmbedChoices>(`/embed-choices/${id(documentId)}`),
  /** What each offer has translated, per language. */
  translationFigures: () => endpoint<TranslationFigures>('/translations'),
  /** What one offer has not translated yet, or translated before the default language changed, per language. */
  translations: (documentId: string) => endpoint<TranslationReport>(`/translations/${id(documentId)}`),
  /** Everything overdue for review, across offers. */
  overdue: () => endpoint<OverdueItem[]>('/overdue'),
  feedback: (offerDocumentId: string) => endpoint<FeedbackInbox>(`/feedback?offer=${id(offerDocumentId)}`),
  /** One offer's reach over the last 12 months: views, sites, choices, services opened and tapped. */
  reach: (offerDocumentId: string) => endpoint<ReachReport>(`/reach/${id(offerDocumentId)}`),
  /** What to improve in plain English, in the offer's drafts and its services'. */
  plainEnglish: (documentId: string, refresh = '') => endpoint<PlainEnglishReport>(`/plain-english/${id(documentId)}${refresh && `?saved=${id(refresh)}`}`),
  /** A service's review links (newest first) and who a new one would go to. */
  partnerLinks: (serviceDocumentId: string, refresh = '') =>
    endpoint<{ links: PartnerLink[]; sendTo: string | null }>(`/partner-links/${id(serviceDocumentId)}${refresh && `?saved=${id(refresh)}`}`),
  /** Changes partners proposed, waiting for an editor: every service's, or one's. */
  proposals: (serviceDocumentId?: string) => endpoint<ServiceProposal[]>(`/proposals${serviceDocumentId ? `?service=${id(serviceDocumentId)}` : ''}`),
  reviewStatus: (kind: Reviewable, documentId: string, refresh = '') =>
    endpoint<ReviewStatus>(`/reviews/${kind}/${id(documentId)}${refresh && `?saved=${id(refresh)}`}`),
};

/** Every write. Each resolves with the server's `data`, or rejects with an error for `errorMessage`. */
export function useAdminActions() {
  const { get, post, put, del } = useFetchClient();
  return {
    /** GET /reach/:documentId/csv: every count of the last 12 months, as CSV text. */
    reachCsv: async (offerDocumentId: string) => (await get<string>(`${BASE}/reach/${id(offerDocumentId)}/csv`, { responseType: 'text' })).data,
    /** PUT /feedback/:documentId */
    setActioned: async (feedbackDocumentId: string, actioned: boolean) =>
      (await put<{ data: { documentId: string; actioned: boolean } }>(`${BASE}/feedback/${id(feedbackDocumentId)}`, { data: { actioned } })).data.data,
    /** POST /plain-english/check: each prose field of a form's values, with what to improve. Saves nothing. */
    checkPlainEnglish: async (kind: Reviewable, values: Record<string, unknown>) =>
      (await post<{ data: PlainEnglishField[] }>(`${BASE}/plain-english/check`, { data: { kind, values } })).data.data,
    /** POST /partner-links/:documentId: e-mails the service's provider a new review link. */
    sendPartnerLink: async (serviceDocumentId: string) => (await post<{ data: PartnerLink }>(`${BASE}/partner-links/${id(serviceDocumentId)}`, {})).data.data,
    /** DELETE /partner-links/:documentId/:id: the link opens nothing from now on. */
    revokePartnerLink: async (serviceDocumentId: string, linkId: string) => (await del(`${BASE}/partner-links/${id(serviceDocumentId)}/${id(linkId)}`)).data,
    /** POST /proposals/:id/accept: the proposal's values into the service's draft. */
    acceptProposal: async (proposalId: string) => (await post(`${BASE}/proposals/${id(proposalId)}/accept`, {})).data,
    /** POST /proposals/:id/decline, with the editor's reason. */
    declineProposal: async (proposalId: string, reason: string) => (await post(`${BASE}/proposals/${id(proposalId)}/decline`, { data: { reason } })).data,
    /** POST /reviews/:kind/:documentId: today and the signed-in editor, on the draft. */
    markReviewed: async (kind: Reviewable, documentId: string) =>
      (await post<{ data: Record<string, string | null> }>(`${BASE}/reviews/${kind}/${id(documentId)}`, {})).data.data,
  };
}

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; data: T };

/** Loads an endpoint (null: nothing yet) and says whether it is loading, failed or ready; `reload` fetches it again. */
export function useAdminApi<T>(source: Endpoint<T> | null): Loaded<T> & { reload: () => void } {
  const { get } = useFetchClient();
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const path = source?.path ?? null;

  useEffect(() => {
    if (!path) return;
    let current = true;
    get<{ data: T }>(path)
      .then((response) => current && setLoaded({ state: 'ready', data: response.data.data }))
      .catch((error: unknown) => current && setLoaded({ state: 'failed', message: errorMessage(error) }));
    return () => {
      current = false;
    };
  }, [path, generation]);

  return { ...loaded, reload };
}

/** The server's own message where there is one ("There is no offer …"), else the error's. */
export function errorMessage(error: unknown): string {
  const response = (error as { response?: { data?: { error?: { message?: string } } } })?.response;
  return response?.data?.error?.message ?? (error instanceof Error ? error.message : 'Something went wrong');
}
