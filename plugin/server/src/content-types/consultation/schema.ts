import { fixed, localized, relation, text } from '../attributes';
import { CONSULTATION_METHODS } from '../../vocabularies';
import { CONSULTATION_THEME_UID, PARTICIPANT_GROUP_UID } from '../../components';

/**
 * A consultation of relevant persons on an offer: when, how, how many of each group took part
 * (counts, never names), what they said (themes) and what changed, linked to the services and
 * "You said, we did" entries it changed. The offer's consultation report is made of the published
 * ones (services/consultation-report.ts); the compliance report checks the duty to consult before
 * publishing or updating (compliance/report.ts, `consultationDuty`).
 */
export default {
  kind: 'collectionType',
  collectionName: 'kinship_consultations',
  info: {
    singularName: 'consultation',
    pluralName: 'consultations',
    displayName: 'Consultation',
    description: 'How the council consulted children, kinship carers and others on its offer, and what changed',
  },
  options: { draftAndPublish: true },
  pluginOptions: localized,
  attributes: {
    title: text.line({ required: true, maxLength: 200 }),
    /** When it took place, or closed (a survey open for weeks). */
    date: fixed('date', { required: true }),
    method: fixed('enumeration', { enum: CONSULTATION_METHODS.map((method) => method.code), required: true }),
    /** How, in a few words: "a coffee morning at the family hub", "an online survey for four weeks". */
    methodDetail: text.line({ maxLength: 300 }),
    participants: { type: 'component', repeatable: true, component: PARTICIPANT_GROUP_UID, pluginOptions: { i18n: { localized: false } } },
    whatWasSaid: { type: 'component', repeatable: true, component: CONSULTATION_THEME_UID, pluginOptions: { i18n: { localized: true } } },
    whatChanged: text.paragraph({ maxLength: 4000 }),
    offers: relation('manyToMany', 'offer'),
    services: relation('manyToMany', 'service'),
    youSaidWeDid: relation('manyToMany', 'you-said-we-did'),
  },
};
