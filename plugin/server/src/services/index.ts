import { factories } from '@strapi/strapi';
import { PUBLIC_CONTENT_TYPES, uidOf } from '../uids';
import compliance from './compliance';
import consultations from './consultations';
import editorLabels from './editor-labels';
import feedback from './feedback';
import importer from './importer';
import offerView from '../offer-view/service';
import oruk from '../oruk/service';
import partnerLinks from '../partners/service';
import plainEnglish from './plain-english';
import publicAccess from './public-access';
import reach from '../reach/service';
import reminders from './reminders';
import reviews from './reviews';
import translations from './translations';
import vocabularies from './vocabularies';

/** Strapi's core services for the content types the REST controllers serve. Ask for one with ./get-service. */
const coreServices = Object.fromEntries(
  PUBLIC_CONTENT_TYPES.map((name) => [name, factories.createCoreService(uidOf(name) as never)]),
);

export default { ...coreServices, compliance, consultations, 'editor-labels': editorLabels, feedback, importer, 'offer-view': offerView, oruk, 'partner-links': partnerLinks, 'plain-english': plainEnglish, 'public-access': publicAccess, reach, reminders, reviews, translations, vocabularies };
