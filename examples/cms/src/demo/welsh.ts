/**
 * The demo offer in Welsh: Example Borough's sections and most of its services, so `lang="cy"`
 * shows a Welsh offer with Welsh controls, and the translation report has something to show: a few
 * services are left untranslated on purpose, and one ("Kinship kids club") is changed in English
 * after its Welsh version was saved, so it reads as stale. `DEMO_WELSH=false` leaves it out (the
 * tests do, but for the one that checks it: each adds the languages it needs). Fictional, like the rest of the demo;
 * machine-quality Welsh, not checked by a speaker.
 */
import type { Core } from '@strapi/strapi';

const OFFER = 'plugin::kinship-offer.offer';
const SERVICE = 'plugin::kinship-offer.service';
const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });

export const WELSH = 'cy';

/** The Welsh words of the offer (what is shared, such as phone numbers, comes from English). */
const OFFER_WORDS = {
  name: 'Cyngor Bwrdeistref Enghreifftiol',
  contactName: 'Tîm Cymorth Perthnasau',
  contactHours: 'Dydd Llun i ddydd Gwener, 9yb i 5yh. Y tu allan i oriau, ffoniwch 020 7946 0999.',
  generalApproach: [
    paragraph('Mae cymorth ym Mwrdeistref Enghreifftiol yn dilyn anghenion y plentyn, nid y trefniant cyfreithiol y mae’n byw oddi tano. Does dim rhaid i unrhyw blentyn ddod yn blentyn sy’n derbyn gofal er mwyn i’w ofalwr gael help.'),
  ],
  legalFramework: [paragraph('Mae gofal gan berthnasau yn cynnwys llawer o drefniadau, pob un â sefyllfa gyfreithiol wahanol. Nid yw’r trefniant byth yn penderfynu ar ei ben ei hun a yw plentyn yn cael help.')],
  financialSupportPolicy: [paragraph('Mae lwfansau i warcheidwaid arbennig (special guardians) a gofalwyr â gorchymyn trefniadau plant yn dechrau o’r lwfans maethu cenedlaethol, ac yn dibynnu ar brawf modd.')],
  complaints: [paragraph('Gall plant, gofalwyr sy’n berthnasau, rhieni ac unrhyw un arall yr effeithir arnynt gwyno am ein gwasanaethau. Ffoniwch 020 7946 0900.')],
};

/** Welsh titles and summaries, by English title. Left out on purpose: the last few services. */
const SERVICES: Record<string, { title: string; summary: string }> = {
  'Kinship navigators': { title: 'Llywwyr perthnasau', summary: 'Un person a enwir sy’n eich helpu drwy bopeth ar y dudalen hon, beth bynnag yw eich trefniant.' },
  'Kinship carers\' support group': { title: 'Grŵp cymorth gofalwyr sy’n berthnasau', summary: 'Cwrdd â gofalwyr eraill unwaith y mis dros goffi.' },
  'Introductory course for kinship carers': { title: 'Cwrs cyflwyno i ofalwyr sy’n berthnasau', summary: 'Cwrs pum wythnos ar drawma, diogelwch ac ymlyniad.' },
  'Online peer support evenings': { title: 'Nosweithiau cymorth cymheiriaid ar-lein', summary: 'Siaradwch â gofalwyr eraill o bob rhan o Loegr mewn grŵp bach ar-lein.' },
  'Kinship carers\' advice line': { title: 'Llinell gyngor i ofalwyr sy’n berthnasau', summary: 'Cyngor cyfrinachol am ddim dros y ffôn ar fudd-daliadau, opsiynau cyfreithiol ac addysg.' },
  'Special guardianship allowance': { title: 'Lwfans gwarcheidiaeth arbennig (special guardianship allowance)', summary: 'Lwfans wythnosol i warcheidwaid arbennig, yn ôl anghenion y plentyn ac incwm eich cartref.' },
  'Kinship foster care allowance': { title: 'Lwfans maethu gan berthnasau', summary: 'Mae gofalwyr maeth sy’n berthnasau yn cael yr un lwfans â gofalwyr maeth eraill.' },
  'Child arrangements order allowance': { title: 'Lwfans gorchymyn trefniadau plant (child arrangements order)', summary: 'Lwfans yn ôl prawf modd i berthnasau a ffrindiau sy’n gofalu am blentyn dan orchymyn trefniadau plant.' },
  'Setting-up grant': { title: 'Grant sefydlu', summary: 'Grant untro tuag at wely, sedd car, dillad a phethau eraill sydd eu hangen ar blentyn.' },
  'Benefits check and welfare rights advice': { title: 'Gwirio budd-daliadau a chyngor hawliau lles', summary: 'Gwiriad am ddim eich bod yn cael pob budd-dal y mae gennych hawl iddo.' },
  'Childcare to help you stay in work': { title: 'Gofal plant i’ch helpu i aros mewn gwaith', summary: 'Help i ddod o hyd i ofal plant a thalu amdano er mwyn i chi allu dal i weithio.' },
  'Housing advice for kinship families': { title: 'Cyngor tai i deuluoedd perthnasau', summary: 'Swyddog tai a enwir sy’n helpu gyda gorlenwi, symud a cheisiadau.' },
  'Virtual school advice and guidance': { title: 'Cyngor ac arweiniad yr ysgol rithwir', summary: 'Cyngor i ofalwyr ac ysgolion ar addysg plant mewn gofal perthnasau.' },
  'Supported family time': { title: 'Amser teulu â chymorth', summary: 'Amser diogel â chymorth gyda rhieni, brodyr, chwiorydd a pherthnasau eraill.' },
  'Family group conferences': { title: 'Cynadleddau grŵp teulu', summary: 'Mae cydlynydd annibynnol yn helpu’ch teulu cyfan i wneud cynllun ar gyfer y plentyn.' },
  'Free legal advice before an order': { title: 'Cyngor cyfreithiol am ddim cyn gorchymyn', summary: 'Ymgynghoriad am ddim gyda chyfreithiwr teulu cyn i chi gytuno i orchymyn.' },
  'Children\'s wellbeing and therapy': { title: 'Llesiant a therapi plant', summary: 'Therapi a chymorth emosiynol i blant sydd wedi profi colled, trawma neu wahanu.' },
  'Short breaks for kinship carers': { title: 'Seibiannau byr i ofalwyr sy’n berthnasau', summary: 'Seibiannau byr a diwrnodau gweithgareddau wedi’u cynllunio.' },
  'Kinship kids club': { title: 'Clwb plant perthnasau', summary: 'Clwb misol lle mae plant a phobl ifanc mewn gofal perthnasau yn cwrdd ag eraill fel nhw.' },
  'Out-of-hours support': { title: 'Cymorth y tu allan i oriau', summary: 'Pan aiff rhywbeth o’i le gyda’r nos, yn y nos neu ar y penwythnos.' },
};

/** Changed in English after its Welsh version was saved: the report's stale example. */
const STALE = 'Kinship kids club';

/** Adds Welsh and the demo's Welsh version of `slug`, once: nothing if the offer has a Welsh version already. */
export async function seedWelsh(strapi: Core.Strapi, slug: string): Promise<boolean> {
  const locales = strapi.plugin('i18n').service('locales');
  if (!(await locales.findByCode(WELSH))) await locales.create({ code: WELSH, name: 'Welsh (cy)' });
  const offer = await strapi.db.query(OFFER).findOne({ where: { slug, locale: 'en' }, populate: { services: { select: ['documentId', 'title'] } } as any });
  if (!offer || (await strapi.db.query(OFFER).findOne({ where: { documentId: offer.documentId, locale: WELSH } }))) return false;
  const offers = strapi.documents(OFFER);
  await offers.update({ documentId: offer.documentId, locale: WELSH, data: OFFER_WORDS as any });
  await offers.publish({ documentId: offer.documentId, locale: WELSH });
  const services = strapi.documents(SERVICE);
  const seen = new Set<string>();
  for (const { documentId, title } of offer.services as Array<{ documentId: string; title: string }>) {
    const words = SERVICES[title];
    if (!words || seen.has(documentId)) continue;
    seen.add(documentId);
    await services.update({ documentId, locale: WELSH, data: words as any });
    await services.publish({ documentId, locale: WELSH });
    if (title === STALE) {
      // Saved again in English a second later (as it was, so the English offer reads the same):
      // after the Welsh save on every database's clock.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const english = await strapi.db.query(SERVICE).findOne({ where: { documentId, locale: 'en', publishedAt: null }, select: ['summary'] });
      await services.update({ documentId, locale: 'en', data: { summary: english.summary } as any });
    }
  }
  return true;
}
