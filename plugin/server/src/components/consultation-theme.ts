/**
 * One theme of what people said in a consultation (repeatable, on content-types/consultation):
 * "Carers did not know the allowance existed". Themes, never quotations that identify anyone.
 */
export default {
  collectionName: 'components_kinship_offer_consultation_themes',
  info: { displayName: 'What people said', description: 'One theme of what people said', icon: 'message' },
  options: {},
  attributes: {
    theme: { type: 'string', required: true, maxLength: 300, pluginOptions: { i18n: { localized: true } } },
    detail: { type: 'text', maxLength: 2000, pluginOptions: { i18n: { localized: true } } },
  },
};
