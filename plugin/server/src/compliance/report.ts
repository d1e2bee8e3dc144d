/**
 * The compliance report: one pure function of an offer and its published services, saying what
 * the statutory guidance expects that is missing, what is not covered, and what is overdue for
 * review, with a score and the next things to do; per service, what an Open Referral
 * directory will miss (`forDirectories`); and whether it was consulted on since its previous
 * publication (`consultation`, ./consultation-duty.ts). The admin shows it; tests call it directly.
 */
import type { Check, ComplianceReport, DirectoryGaps } from '../../../shared/admin-api';
import { hasWords } from '../../../shared/code-lists';
import { consultationDuty, type ConsultationHistory } from './consultation-duty';
import type { ContactView, LocationView, OfferView, ServiceView } from '../../../shared/offer-view';
import { ACT_HEADINGS, ARRANGEMENT_TYPES, SUPPORT_TYPES } from '../vocabularies';

export type { Check, ComplianceReport, DirectoryGaps };

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
> & { independentAdvice?: unknown[] | null } & Partial<ConsultationHistory>;

/**
 * A published service as the report reads it. Its eligibility, contacts and locations are read
 * only for `forDirectories`: left out, they count as missing.
 */
export type ServiceForReport = Pick<ServiceView, 'title' | 'supportTypes' | 'arrangementTypes' | 'documentId' | 'lastReviewedAt'> &
  Partial<Pick<ServiceView, 'eligibility'>> & {
    contacts?: Array<Pick<ContactView, 'phone'>> | null;
    locations?: Array<Pick<LocationView, 'name' | 'postcode'>> | null;
  };

const filled = (value: unknown) => typeof value === 'string' && value.trim() !== '';

/** `months` later (or earlier, if negative), in UTC. */
export const addMonths = (date: Date, months: number) => {
  const moved = new Date(date);
  moved.setUTCMonth(moved.getUTCMonth() + months);
  return moved;
};

/** A date as stored in a Strapi date field: "2026-11-23". */
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * How recently a service must have been reviewed for directories to treat it as current, in
 * months. The profile defines `assured_date` as "the date that the information about the service
 * was last checked" (HSDS-UK 3.0, schema/service.json) without a period; Open Referral UK's own
 * guidance on automated data-quality checks gives the working one: "WellAware automatically
 * excludes services not assured in the last three months from search results"
 * (openreferraluk.org, adopt/use-cases/automated-checks-to-improve-data-quality; source
 * tpximpact/mhclg-oruk content/adopt/use-cases/automated-checks-to-improve-data-quality/column-1.md).
 * The feed writes `lastReviewedAt` as `assured_date` (oruk/map.ts).
 */
export const DIRECTORY_REVIEW_MONTHS = 3;

const directoryCheck = (key: string, label: string, ok: boolean, field: string, todo: string): Check =>
  ({ key: `directory:${key}`, label, ok, field, ...(ok ? {} : { todo }) });

/**
 * What an Open Referral UK directory will miss about one published service, in the editor's
 * words, each with the service's field to fix (`field`). These are the fields the feed
 * (oruk/map.ts) leaves out when the content lacks them, and that directories show or that a
 * strict importer (the DfE service directory's) needs:
 * - a phone number (`phones`, from the service's contacts; a phone `number` is required);
 * - eligibility (`eligibility_description`, dropped by the profile, read by importers);
 * - a review in the last DIRECTORY_REVIEW_MONTHS months (`assured_date`);
 * - a postcode for every location (without one the feed can give no address, and a strict
 *   importer needs `address_1`, `city`, `state_province`, `postal_code`, `country`, `address_type`);
 * - a support type (the `attributes` linking a taxonomy term, which directories file it under).
 * All checks, passed or not, in this order.
 */
export function directoryChecks(service: ServiceForReport, today: Date): Check[] {
  const reviewedSince = addMonths(today, -DIRECTORY_REVIEW_MONTHS);
  const unaddressed = (service.locations ?? []).filter((location) => !filled(location.postcode)).map((location) => location.name);
  return [
    directoryCheck(
      'phone',
      'Phone number',
      (service.contacts ?? []).some((contact) => filled(contact.phone)),
      'contacts',
      'Directories will show no phone number: add a contact with a phone number.',
    ),
    directoryCheck('eligibility', 'Who it is for', filled(service.eligibility), 'eligibility', 'Directories cannot say who can use it: describe who it is for in "Eligibility".'),
    directoryCheck(
      'reviewed',
      `Reviewed in the last ${DIRECTORY_REVIEW_MONTHS} months`,
      !!service.lastReviewedAt && new Date(service.lastReviewedAt) >= reviewedSince,
      'lastReviewedAt',
      `Directories may hide services not checked for ${DIRECTORY_REVIEW_MONTHS} months: check it and use "Mark as reviewed today".`,
    ),
    directoryCheck(
      'address',
      'Postcode of every location',
      unaddressed.length === 0,
      'locations',
      `Directories will get no address for ${unaddressed.join(', ')}: give ${unaddressed.length === 1 ? 'it a postcode' : 'each a postcode'}.`,
    ),
    directoryCheck('support_type', 'Support type', service.supportTypes.length > 0, 'supportTypes', 'Directories cannot file it under any category: choose its support types.'),
  ];
}

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

  const forDirectories = services
    .map((service): DirectoryGaps => ({
      title: service.title,
      ...(service.documentId ? { documentId: service.documentId } : {}),
      missing: directoryChecks(service, today).filter((check) => !check.ok),
    }))
    .filter((service) => service.missing.length > 0);

  return {
    score,
    sections,
    supportTypes,
    actHeadings,
    arrangementTypes,
    coverage,
    overdue,
    nextSteps,
    forDirectories: { complete: services.length - forDirectories.length, services: forDirectories },
    consultation: consultationDuty({ publications: offer.publications ?? [], updatedAt: offer.updatedAt ?? null, consultations: offer.consultations ?? [] }),
  };
}
