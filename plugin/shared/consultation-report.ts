/**
 * The offer's consultation report (Children Act 1989, s.22H: a report on how the council consulted
 * before publishing or updating its kinship local offer), as the public reads it: published
 * consultations only, counts of who took part and never a name. Served by GET
 * /api/kinship-offer/offers/:slug/consultation-report (server/src/services/consultations.ts) and
 * rendered by widget/src/render/consultation-report.ts. Dates as "2026-11-23".
 */
export interface ConsultationReport {
  offer: { documentId: string; name: string; slug: string };
  /** Newest first. */
  consultations: ConsultationReportEntry[];
}

export interface ConsultationReportEntry {
  documentId: string;
  title: string;
  date: string;
  /** A code of CONSULTATION_METHODS (server/src/vocabularies.ts) and its label. */
  method: { code: string; label: string };
  methodDetail: string | null;
  /** How many people of each group of relevant persons took part, in the groups' order. */
  participants: Array<{ group: { code: string; label: string }; count: number }>;
  whatWasSaid: Array<{ theme: string; detail: string | null }>;
  whatChanged: string | null;
  /** Published services the consultation changed. */
  services: Array<{ documentId: string; title: string }>;
  /** Published "You said, we did" entries it led to. */
  youSaidWeDid: Array<{ youSaid: string; weDid: string; date: string }>;
}
