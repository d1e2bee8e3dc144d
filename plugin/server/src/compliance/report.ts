/**
 * The compliance report: one pure function of an offer and its published services, saying what
 * the statutory guidance expects that is missing, what is not covered, and what is overdue for
 * review, with a score and the next things to do. The admin shows it; tests call it directly.
 */
import type { Check, ComplianceReport } from '../../../shared/admin-api';
import { hasWords } from '../../../shared/code-lists';
import type { OfferView, ServiceView } from '../../../shared/offer-view';
import { ACT_HEADINGS, ARRANGEMENT_TYPES, SUPPORT_TYPES } from '../vocabularies';

export type { Check, ComplianceReport };

/** The offer's statutory sections as the report reads them: the editor's draft, in the view's shape. */
export type OfferForReport = Partial<
  Pick<
    OfferView,
    | 'generalApproach'
    | 'evidenceBase'
    | 'accountableOfficerName'
    | 'accountableOfficerRole'
    | 'accountableOfficerEmail'
    | 'contactName'
    | 'contactPhone'
    | 'contactEmail'
    | 'legalFramework'
    | 'legalFrameworkByArrangement'
    | 'financialSupportPolicy'
    | 'complaints'
    | 'nextReviewDue'
  >
> & { independentAdvice?: unknown[] | null };

/** A published service as the report reads it. */
export type ServiceForReport = Pick<ServiceView, 'title' | 'supportTypes' | 'arrangementTypes' | 'documentId' | 'lastReviewedAt'>;

const filled = (value: unknown) => typeof value === 'string' && value.trim() !== '';

/** `months` later (or earlier, if negative), in UTC. */
export const addMonths = (date: Date, months: number) => {
  const moved = new Date(date);
  moved.setUTCMonth(moved.getUTCMonth() + months);
  return moved;
};

/** A date as stored in a Strapi date field: "2026-11-23". */
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

const section = (key: string, label: string, ok: boolean, field: string, todo: string): Check =>
  ({ key: `section:${key}`, label, ok, field, ...(ok ? {} : { todo }) });

export function complianceReport(
  offer: OfferForReport,
  services: ServiceForReport[],
  { today = new Date(), serviceReviewMonths = 12 }: { today?: Date; serviceReviewMonths?: number } = {},
): ComplianceReport {
  const sections: Check[] = [
    section('general_approach', 'General approach', hasWords(offer.generalApproach), 'generalApproach', 'Describe your general approach: support follows the child\'s needs, not legal status.'),
    section('evidence_base', 'Evidence base (co-production)', hasWords(offer.evidenceBase), 'evidenceBase', 'Say how kinship carers, children and parents shaped the offer.'),
    section(
      'management_accountability',
      'Management accountability',
      filled(offer.accountableOfficerName) && filled(offer.accountableOfficerRole) && filled(offer.accountableOfficerEmail),
      'accountableOfficerName',
      'Name the senior officer responsible, with their role and e-mail.',
    ),
    section(
      'named_contact',
      'Named contact or team',
      filled(offer.contactName) && (filled(offer.contactPhone) || filled(offer.contactEmail)),
      'contactName',
      'Give carers a named contact or team with a phone number or e-mail.',
    ),
    ...ARRANGEMENT_TYPES.map((term) =>
      section(
        `legal_framework:${term.code}`,
        `Legal framework: ${term.label}`,
        filled(offer.legalFrameworkByArrangement?.[term.code]),
        `legalFrameworkByArrangement.${term.code}`,
        `Explain the legal framework for ${term.label.toLowerCase()} in plain language.`,
      ),
    ),
    section('financial_support_policy', 'Financial support policy', hasWords(offer.financialSupportPolicy), 'financialSupportPolicy', 'Publish the financial support policy: eligibility, how to apply, how decisions are made.'),
    section('complaints', 'Complaints', hasWords(offer.complaints), 'complaints', 'Explain how children, carers and others can complain.'),
    section('independent_advice', 'Independent advice', (offer.independentAdvice?.length ?? 0) > 0, 'independentAdvice', 'Signpost at least one independent advice organisation.'),
  ];

  const coverage: Record<string, Record<string, number>> = {};
  for (const support of SUPPORT_TYPES) {
    coverage[support.code] = Object.fromEntries(ARRANGEMENT_TYPES.map((arrangement) => [arrangement.code, 0]));
  }
  for (const service of services) {
    for (const { code: support } of service.supportTypes) {
      for (const { code: arrangement } of service.arrangementTypes) {
        if (coverage[support]?.[arrangement] !== undefined) coverage[support][arrangement] += 1;
      }
    }
  }
  const countFor = (support: string) => services.filter((s) => s.supportTypes.some((t) => t.code === support)).length;

  const supportTypes = SUPPORT_TYPES.map((term): Check => {
    const ok = countFor(term.code) > 0;
    return { key: `support:${term.code}`, label: term.label, ok, ...(ok ? {} : { todo: `Publish a service for ${term.label.toLowerCase()}.` }) };
  });
  const actHeadings = ACT_HEADINGS.map((heading): Check => {
    const ok = heading.supportTypes.some((code) => countFor(code) > 0);
    return { key: `act:${heading.code}`, label: heading.label, ok, ...(ok ? {} : { todo: `No published service covers the Act's heading "${heading.label}".` }) };
  });
  const arrangementTypes = ARRANGEMENT_TYPES.map((term): Check => {
    const ok = services.some((s) => s.arrangementTypes.some((t) => t.code === term.code));
    return { key: `arrangement:${term.code}`, label: term.label, ok, ...(ok ? {} : { todo: `No published service is open to ${term.label.toLowerCase()}.` }) };
  });

  const cutoff = addMonths(today, -serviceReviewMonths);
  const reviewDue = offer.nextReviewDue ? new Date(offer.nextReviewDue) : null;
  const overdue = {
    offer: !reviewDue || reviewDue < today,
    services: services
      .filter((s) => !s.lastReviewedAt || new Date(s.lastReviewedAt) < cutoff)
      .map((s) => ({ title: s.title, documentId: s.documentId, lastReviewedAt: s.lastReviewedAt ?? null })),
  };

  const checks = [...sections, ...supportTypes, ...actHeadings, ...arrangementTypes];
  // Reviews count as two checks: the offer's date, and every service reviewed in time (an offer
  // with no services has nothing current to show, so earns nothing there).
  const servicesCurrent = services.length > 0 && overdue.services.length === 0;
  const passed = checks.filter((check) => check.ok).length + (overdue.offer ? 0 : 1) + (servicesCurrent ? 1 : 0);
  const score = Math.round((passed / (checks.length + 2)) * 100);
  const nextSteps = [
    ...(overdue.offer ? [offer.nextReviewDue ? 'The offer is overdue for review: review it and set the next review date.' : 'Set the date of the offer\'s next review.'] : []),
    ...checks.filter((check) => !check.ok).map((check) => check.todo!),
    ...(overdue.services.length ? [`Review ${overdue.services.length} service${overdue.services.length === 1 ? '' : 's'} not reviewed for ${serviceReviewMonths} months.`] : []),
  ].slice(0, 5);

  return { score, sections, supportTypes, actHeadings, arrangementTypes, coverage, overdue, nextSteps };
}
