/**
 * Where in the admin an editor fixes something: the content manager's edit view of an offer or a
 * service, scrolled to the field (the content manager focuses `?field=`).
 */
import { OFFER_UID, PLUGIN_PATH, SERVICE_UID } from './plugin-id';

const contentManager = (uid: string) => `/content-manager/collection-types/${uid}`;

export const editOffer = (documentId: string, field?: string) =>
  `${contentManager(OFFER_UID)}/${documentId}${field ? `?field=${encodeURIComponent(field)}` : ''}`;

export const editService = (documentId: string, field?: string) =>
  `${contentManager(SERVICE_UID)}/${documentId}${field ? `?field=${encodeURIComponent(field)}` : ''}`;

export const newService = () => `${contentManager(SERVICE_UID)}/create`;

export const offerPage = (documentId: string) => `/${PLUGIN_PATH}/offers/${documentId}`;

export const reachPage = (documentId: string) => `/${PLUGIN_PATH}/offers/${documentId}/reach`;

/** Changes partners proposed to their services, waiting for an editor. */
export const proposalsPage = () => `/${PLUGIN_PATH}/proposals`;

export const embedBuilder = (documentId?: string) => `/${PLUGIN_PATH}/embed${documentId ? `?offer=${encodeURIComponent(documentId)}` : ''}`;

/** The place to fix a failed check: the offer's field, or a new service for coverage gaps. */
export const fixFor = (offerDocumentId: string, check: { key: string; field?: string }) =>
  check.field ? editOffer(offerDocumentId, check.field) : newService();

export const newYouSaidWeDid = () => `${contentManager(`plugin::kinship-offer.you-said-we-did`)}/create`;

/** Where editors record a consultation (Children Act 1989, s.22H), and the list of those recorded. */
export const newConsultation = () => `${contentManager('plugin::kinship-offer.consultation')}/create`;
export const consultationList = () => contentManager('plugin::kinship-offer.consultation');
