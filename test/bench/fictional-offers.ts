/**
 * Realistic, wholly fictional offers at any size, for the scale bench and the caching tests: N
 * councils' offers of M services each, with the locations, contacts, providers and opening times
 * a real offer has, in the shape the plugin's importer takes (plugin/server/src/services/importer),
 * so they are inserted through Strapi's Document Service, validation and all.
 *
 * Everything is made up, as in the demo (examples/cms/src/demo/offers.ts), and nothing is copied
 * from seeds/: place names built from syllables, postcodes in the fictional EB and XX areas, GSS
 * codes in unused ranges (E06000900 on), phone numbers from Ofcom's drama range (020 7946 0xxx),
 * e-mail at example.gov.uk and example.org. The same arguments always give the same offers.
 *
 * Sharing is as in life: each council's services use a handful of venues and contacts (one venue
 * per ten services, one contact per fifteen), a third are run by a local charity of that council,
 * and every offer shares one national charity (SHARED_CHARITY) as a provider and as independent advice.
 */
import type { Core } from '@strapi/strapi';
import type { OfferImport } from '../../plugin/server/src/services/importer';
import { ARRANGEMENT_TYPE_CODES, DELIVERY_METHODS, SUPPORT_TYPE_CODES, WEEKDAYS } from '../../plugin/server/src/vocabularies';

export const SHARED_CHARITY = 'Kin and Carers Advice Trust';

const KINDS = [
  { title: 'Kinship navigators', summary: 'One named worker who helps you find your way through the support on offer.', support: [0, 1] },
  { title: 'Carers\' coffee morning', summary: 'Meet other kinship carers over coffee, with a guest speaker each month.', support: [0] },
  { title: 'Introductory course', summary: 'Five evening sessions on attachment, trauma and keeping children safe.', support: [0, 8] },
  { title: 'Allowance advice', summary: 'Help to claim the allowances and benefits you are entitled to.', support: [1] },
  { title: 'Flexible working advice', summary: 'Advice on asking your employer for leave and flexible hours.', support: [2] },
  { title: 'Housing options', summary: 'Help when your home is too small for the children you now care for.', support: [3] },
  { title: 'Virtual school support', summary: 'A named teacher who helps your child settle and do well at school.', support: [4] },
  { title: 'Family time support', summary: 'Safe, supervised time with parents and relatives, arranged with you.', support: [5] },
  { title: 'Family group conference', summary: 'A meeting where your family makes its own plan, with an independent coordinator.', support: [6] },
  { title: 'Free legal advice', summary: 'A first consultation with a family solicitor, free of charge.', support: [7] },
  { title: 'Therapeutic parenting', summary: 'Sessions with a therapist on understanding and responding to children\'s behaviour.', support: [8] },
  { title: 'Short breaks', summary: 'Activities for the children and a few hours\' rest for you.', support: [0, 5] },
];
const AREAS = ['North', 'South', 'East', 'West', 'Central', 'Riverside', 'Hillside', 'Old Town', 'Parkside', 'Harbour'];
const SYLLABLES = ['Ash', 'Bram', 'Cal', 'Dun', 'Elm', 'Fen', 'Gar', 'Hol', 'Ivy', 'Kel', 'Lyn', 'Mor', 'Nor', 'Oak', 'Pen', 'Ros', 'Sel', 'Tam', 'Wex', 'Yar'];
const ENDINGS = ['bridge', 'combe', 'ford', 'ham', 'ley', 'mouth', 'stead', 'ton', 'wick', 'worth'];
/** Services open Monday to Saturday here; the demo has the Sunday and overnight cases. */
const DAYS = WEEKDAYS.slice(0, 6);
const LANGUAGES = ['en', 'pl', 'ur', 'pa', 'ro', 'so', 'ar', 'cy'];

/** A small deterministic generator (mulberry32), so a run can be repeated exactly. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  const pick = <T>(items: readonly T[]) => items[int(items.length)];
  const some = <T>(items: readonly T[], most: number) => [...new Set(Array.from({ length: 1 + int(most) }, () => pick(items)))];
  return { int, pick, some };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const letters = (n: number) => String.fromCharCode(65 + (n % 26)) + String.fromCharCode(65 + (Math.floor(n / 26) % 26));

/** The fictional place the `index`th council is named after (distinct for the first 200). */
export function placeName(index: number): string {
  return `${SYLLABLES[index % SYLLABLES.length]}${ENDINGS[Math.floor(index / SYLLABLES.length) % ENDINGS.length]}`;
}

/** The slug of the `index`th generated offer. */
export const fictionalSlug = (index: number) => `${placeName(index).toLowerCase()}-kinship-offer-${index}`;

/** The `index`th council's offer, with `services` services. */
export function fictionalOffer(index: number, services: number): OfferImport {
  const place = placeName(index);
  const slug = fictionalSlug(index);
  const council = `${place} Council`;
  const charity = `${place} Family Support`;
  const area = index % 2 === 0 ? 'EB' : 'XX';
  const venues = Math.max(2, Math.ceil(services / 10));
  const people = Math.max(2, Math.ceil(services / 15));
  const { locations, contacts } = fictionalPlaces(index, venues, people);
  return {
    organisations: [
      { key: 'council', name: council, kind: 'council', website: `https://www.${slug.split('-')[0]}.example.gov.uk`, phone: `020 7946 0${pad(index % 1000, 3)}` },
      { key: 'charity', name: charity, kind: 'voluntary', website: `https://${slug.split('-')[0]}-families.example.org` },
      { key: 'shared', name: SHARED_CHARITY, kind: 'national_charity', website: 'https://kin-and-carers.example.org', phone: '0808 157 0123' },
    ],
    locations,
    contacts,
    services: fictionalServices(index, services, venues, people),
    offer: {
      name: `${council} kinship local offer`,
      slug,
      councils: [{ name: council, gssCode: `E06000${900 + (index % 100)}` }],
      generalApproach: `In ${place} support follows the child's needs, not the legal order they live under.`,
      contactName: `${place} kinship team`,
      contactPhone: `020 7946 0${pad((index + 500) % 1000, 3)}`,
      contactEmail: `kinship@${slug.split('-')[0]}.example.gov.uk`,
      complaints: `Tell us what went wrong by phone or e-mail; we reply within ten working days. Postcode area ${area}.`,
      independentAdvice: ['shared'],
      lastReviewedAt: '2026-09-01',
      nextReviewDue: '2027-09-01',
    },
  };
}

/** An offer's venues and named contacts, keyed as its services refer to them. */
function fictionalPlaces(index: number, venues: number, people: number) {
  const place = placeName(index);
  const area = index % 2 === 0 ? 'EB' : 'XX';
  const slug = fictionalSlug(index);
  const locations = Array.from({ length: venues }, (_, v) => ({
    key: `venue-${v}`,
    name: `${place} ${AREAS[v % AREAS.length]} Family Hub${v >= AREAS.length ? ` ${Math.floor(v / AREAS.length) + 1}` : ''}`,
    addressLine1: `${1 + (v % 90)} ${SYLLABLES[(index + v) % SYLLABLES.length]}wood Road`,
    townOrCity: place,
    postcode: `${area}${1 + (index % 9)} ${v % 10}${letters(index * 7 + v)}`,
    // One venue in ten is a refuge-style address that must stay hidden.
    hideExactAddress: v % 10 === 9,
    accessibility: 'Step-free entrance and a hearing loop.',
  }));
  const contacts = Array.from({ length: people }, (_, p) => ({
    key: `contact-${p}`,
    name: `${place} kinship team, ${AREAS[p % AREAS.length]} desk${p >= AREAS.length ? ` ${Math.floor(p / AREAS.length) + 1}` : ''}`,
    role: 'Kinship support worker',
    phone: `020 7946 0${pad((index * 13 + p) % 1000, 3)}`,
    email: `desk${p}@${slug.split('-')[0]}.example.gov.uk`,
    organisation: 'council',
  }));
  return { locations, contacts };
}

/** `count` services of the `index`th offer, referring to its `venues` venues and `people` contacts by key. */
function fictionalServices(index: number, count: number, venues: number, people: number) {
  const place = placeName(index);
  return Array.from({ length: count }, (_, n) => {
    const r = random(index * 1_000_003 + n);
    const kind = KINDS[n % KINDS.length];
    const opens = 8 + r.int(4);
    return {
      title: `${kind.title}, ${place} ${AREAS[n % AREAS.length]} ${n + 1}`,
      summary: kind.summary,
      description: `${kind.summary}\n\nRing the kinship team to ask about it; you do not need a referral.`,
      supportTypes: kind.support.map((s) => SUPPORT_TYPE_CODES[s]),
      arrangementTypes: r.some(ARRANGEMENT_TYPE_CODES, 4),
      eligibility: `Kinship carers living in ${place}.`,
      minimumAge: 0,
      maximumAge: 18,
      provider: n % 3 === 2 ? 'charity' : n % 7 === 6 ? 'shared' : 'council',
      howToAccess: 'Ring or e-mail the kinship team.',
      cost: 'free',
      deliveryMethods: r.some(DELIVERY_METHODS, 2),
      locations: [`venue-${n % venues}`, ...(n % 4 === 0 ? [`venue-${(n + 1) % venues}`] : [])],
      openingTimes: [{ days: r.some(DAYS, 3), opensAt: `${pad(opens, 2)}:00`, closesAt: `${pad(opens + 2 + r.int(6), 2)}:30` }],
      languages: ['en', ...r.some(LANGUAGES, 2).filter((code) => code !== 'en')],
      contacts: [`contact-${n % people}`],
      lastReviewedAt: '2026-09-01',
      lastReviewedBy: `${place} kinship team`,
    };
  });
}

/**
 * Inserts `offers` fictional offers of `services` services each, numbered from `firstOffer`,
 * through the plugin's importer (the Document Service), each offer in one transaction. Resolves
 * to their slugs.
 */
export async function insertFictionalOffers(strapi: Core.Strapi, { offers, services, firstOffer = 0 }: { offers: number; services: number; firstOffer?: number }) {
  const importer = strapi.plugin('kinship-offer').service('importer');
  const slugs: string[] = [];
  for (let index = firstOffer; index < firstOffer + offers; index += 1) {
    await strapi.db.transaction(() => importer.importOffer(fictionalOffer(index, services)));
    slugs.push(fictionalSlug(index));
  }
  return slugs;
}
