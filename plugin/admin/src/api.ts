/**
 * The plugin's admin API (server/src/routes, "admin"), as the pages use it: response types, and
 * one hook that loads a path and says whether it is loading, failed or ready.
 */
import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';

export interface Check {
  key: string;
  label: string;
  ok: boolean;
  /** The offer's field to edit to fix it, for statutory sections. */
  field?: string;
  todo?: string;
}

/** The statutory vocabularies with the council's labels (GET /vocabularies). */
export interface Vocabularies {
  arrangementTypes: Array<{ code: string; label: string }>;
  supportTypes: Array<{ code: string; label: string }>;
}

export interface OfferSummary {
  documentId: string;
  name: string;
  slug: string;
  /** For the embed snippet's fallback. */
  contactUrl: string | null;
  contactPhone: string | null;
  score: number;
  nextReviewDue: string | null;
  reviewOverdue: boolean;
  servicesOverdue: number;
  nextSteps: string[];
}

export interface OfferReport {
  documentId: string;
  name: string;
  published: boolean;
  score: number;
  sections: Check[];
  supportTypes: Check[];
  actHeadings: Check[];
  arrangementTypes: Check[];
  /** support type code → arrangement type code → published services. */
  coverage: Record<string, Record<string, number>>;
  overdue: { offer: boolean; services: Array<{ title: string; documentId?: string; lastReviewedAt: string | null }> };
  nextSteps: string[];
}

export type OverdueItem = { documentId: string; name: string; offer: { documentId: string; name: string } } & (
  | { kind: 'offer'; due: string | null }
  | { kind: 'service'; lastReviewedAt: string | null }
);

export interface FeedbackItem {
  documentId: string;
  receivedAt: string;
  helpful: boolean | null;
  message: string | null;
  actioned: boolean;
  service: { documentId: string; title: string } | null;
}

export interface FeedbackInbox {
  items: FeedbackItem[];
  counts: { helpful: number; notHelpful: number; open: number };
}

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; data: T };

/** GET a path of the plugin's admin API (e.g. "/compliance"); `reload` fetches it again. */
export function useAdminApi<T>(path: string | null): Loaded<T> & { reload: () => void } {
  const { get } = useFetchClient();
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  useEffect(() => {
    if (!path) return;
    let current = true;
    get<{ data: T }>(`/kinship-offer${path}`)
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
