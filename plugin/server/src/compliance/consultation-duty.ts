/**
 * The duty to consult before publishing or updating a kinship local offer, as a check on one offer.
 * Pure: the compliance report (./report.ts) calls it with the offer's publications, its draft's
 * last change and its consultations' dates.
 *
 * The law: s.22H of the Children Act 1989, inserted by s.5 of the Children's Wellbeing and Schools
 * Act 2026 (c. 21, enacted 29 April 2026). The enacted text read for this (legislation.gov.uk,
 * ukpga/2026/21/section/5/enacted) confirms s.22H(1) (what the offer must publish), (5) (the name
 * "kinship local offer") and (7) (the duty to review and update it). The duty to consult "relevant
 * persons" before publishing or updating the offer, and to produce a report on how the
 * consultation took place, came in by a government amendment of January 2026 (reported by Social
 * Work Today, 12 January 2026); its subsection number in the enacted section could not be
 * confirmed from the text available when this was written, so the product cites s.22H, not a
 * subsection. Check legislation.gov.uk before citing one.
 */
import type { ConsultationDuty } from '../../../shared/admin-api';

export type { ConsultationDuty };

/** What the duty reads about an offer. Times as ISO 8601; consultation dates as "2026-11-23". */
export interface ConsultationHistory {
  /** When the offer was published, each time (in any order). */
  publications: string[];
  /** When the editor's draft last changed. */
  updatedAt: string | null;
  /** The dates of the offer's recorded consultations. */
  consultations: Array<{ date: string }>;
}

/** "7 December 2026", as GOV.UK writes dates. */
export const longDate = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso));

const day = (iso: string) => new Date(iso).toISOString().slice(0, 10);

/**
 * Whether the offer's latest publication, or the change to it not yet published, followed a
 * consultation. The change that needs one (`changedAt`) is the draft's last edit when it is newer
 * than the latest publication (or the offer was never published), else the latest publication;
 * the consultation must be dated on or after the day of the publication before that change
 * (`since`), or be any consultation at all when there was none. A consultation counts from the day
 * it is dated, so one held the morning an offer was published counts for the next update too.
 */
export function consultationDuty({ publications, updatedAt, consultations }: ConsultationHistory): ConsultationDuty {
  const published = [...publications].sort();
  const latest = published.at(-1) ?? null;
  const unpublishedChange = !!updatedAt && (!latest || updatedAt > latest);
  const changedAt = unpublishedChange ? updatedAt : latest;
  const since = unpublishedChange ? latest : (published.at(-2) ?? null);
  const dates = consultations.map((consultation) => consultation.date).sort();
  const lastConsulted = dates.at(-1) ?? null;
  const ok = !!lastConsulted && (!since || lastConsulted >= day(since));
  const base = { key: 'duty:consultation', label: 'Consultation before publishing or updating (Children Act 1989, s.22H)', field: 'consultations', ok, changedAt, since, lastConsulted };
  if (ok) return base;
  const change = !latest
    ? 'The offer has not been published yet'
    : unpublishedChange
      ? `The offer was changed on ${longDate(updatedAt!)} since it was published on ${longDate(latest)}`
      : since
        ? `The offer was published on ${longDate(latest)}, after its previous publication on ${longDate(since)}`
        : `The offer was published on ${longDate(latest)}`;
  const gap = since ? `no consultation is recorded since ${longDate(since)}` : 'no consultation is recorded';
  return { ...base, todo: `${change}, and ${gap}: consult children in kinship care, kinship carers and those who represent them, and record it.` };
}
