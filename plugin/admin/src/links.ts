/**
 * Where in the admin an editor fixes something: the content manager's edit view of an offer or a
 * service, scrolled to the field (the content manager focuses `?field=`).
 */
import { OFFER_UID, PLUGIN_PATH, SERVICE_UID } from './plugin-id';

const contentManager = (uid: string) => `/content-manager/collection-types/${uid}`;

/**
 * The content manager's query for a field to focus and a language to open (Strapi i18n's
 * `plugins[i18n][locale]`; none: the default language).
 */
const query = (field?: string, locale?: string) => {
  const params = [field && `field=${encodeURIComponent(field)}`, locale && `plugins[i18n][locale]=${encodeURIComponent(locale)}`].filter(Boolean);
  return params.length ? `?${params.join('&')}` : '';
};

export const editOffer = (documentId: string, field?: string, locale?: string) => `${contentManager(OFFER_UID)}/${documentId}${query(field, locale)}`;

export const editService = (documentId: string, field?: string) => `${contentManager(SERVICE_UID)}/${documentId}${query(field)}`;

export const newService = (locale?: string) => `${contentManager(SERVICE_UID)}/create${query(undefined, locale)}`;

export const offerPage = (documentId: string) => `/${PLUGIN_PATH}/offers/${documentId}`;

export const reachPage = (documentId: string) => `/${PLUGIN_PATH}/offers/${documentId}/reach`;

/** Changes partners proposed to their services, waiting for an editor. */
export const proposalsPage = () => `/${PLUGIN_PATH}/proposals`;

export const embedBuilder = (documentId?: string) => `/${PLUGIN_PATH}/embed${documentId ? `?offer=${encodeURIComponent(documentId)}` : ''}`;

/** The place to fix a failed check, in `locale` if given: the offer's field, or a new service for coverage gaps. */
export const fixFor = (offerDocumentId: string, check: { key: string; field?: string }, locale?: string) =>
  check.field ? editOffer(offerDocumentId, check.field, locale) : newService(locale);

export const newYouSaidWeDid = () => `${contentManager(`plugin::kinship-offer.you-said-we-did`)}/create`;

/** Where editors record a consultation (Children Act 1989, s.22H), and the list of those recorded. */
export const newConsultation = () => `${contentManager('plugin::kinship-offer.consultation')}/create`;
export const consultationList = () => contentManager('plugin::kinship-offer.consultation');
