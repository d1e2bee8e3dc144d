/**
 * Small builders for content-type attributes, so each schema reads as a list of fields and the
 * i18n switch (which text a council may translate) is visible on every line.
 */

/**
 * The plugin's custom fields: how the admin edits a value (plugin/admin/src/custom-fields/), and
 * the data type it is stored as. Registered with Strapi in register.ts.
 */
export const CUSTOM_FIELDS = {
  arrangementTexts: { name: 'arrangement-texts', uid: 'plugin::kinship-offer.arrangement-texts', type: 'json' },
  councils: { name: 'councils', uid: 'plugin::kinship-offer.councils', type: 'json' },
  openingTimes: { name: 'opening-times', uid: 'plugin::kinship-offer.opening-times', type: 'json' },
  deliveryMethods: { name: 'delivery-methods', uid: 'plugin::kinship-offer.delivery-methods', type: 'json' },
  languages: { name: 'languages', uid: 'plugin::kinship-offer.languages', type: 'json' },
} as const;

/**
 * A field the admin edits with one of the plugin's custom fields, a form instead of a JSON box;
 * stored as the field's data type, so values saved before the form existed read the same.
 */
export const withForm = (field: keyof typeof CUSTOM_FIELDS) => ({ type: 'customField', customField: CUSTOM_FIELDS[field].uid });

/** The data type of an attribute, a custom field's included. */
export const dataTypeOf = (attribute: { type: string; customField?: string }) =>
  attribute.type === 'customField'
    ? (Object.values(CUSTOM_FIELDS).find((field) => field.uid === attribute.customField)?.type ?? 'json')
    : attribute.type;

const translatable = { pluginOptions: { i18n: { localized: true } } } as const;
const shared = { pluginOptions: { i18n: { localized: false } } } as const;

export const text = {
  /** One line a council may translate. */
  line: (options: Record<string, unknown> = {}) => ({ type: 'string', ...translatable, ...options }),
  /** A paragraph or two of plain text a council may translate. */
  paragraph: (options: Record<string, unknown> = {}) => ({ type: 'text', ...translatable, ...options }),
  /** Rich text as Strapi "blocks": rendered from structure, never as HTML. */
  rich: (options: Record<string, unknown> = {}) => ({ type: 'blocks', ...translatable, ...options }),
  /** Structured data (validated by the plugin) that holds words a council may translate, edited with a form. */
  data: (form: keyof typeof CUSTOM_FIELDS, options: Record<string, unknown> = {}) => ({ ...withForm(form), ...translatable, ...options }),
  /** Plain text for each arrangement type, { [code]: text }: one text box per arrangement in the admin. */
  perArrangement: (options: Record<string, unknown> = {}) => text.data('arrangementTexts', options),
};

/** Structured data that is the same in every language (codes), edited with a form. */
export const fixedData = (form: keyof typeof CUSTOM_FIELDS, options: Record<string, unknown> = {}) => ({ ...withForm(form), ...shared, ...options });

/** A value that is the same in every language (codes, contacts, dates, numbers). */
export const fixed = (type: string, options: Record<string, unknown> = {}) => ({ type, ...shared, ...options });

/** A stable identifier the plugin generates once (the Open Referral feed keys on it). */
export const uuid = () => fixed('string', { unique: true, writable: false, configurable: false, visible: false });

export const relation = (
  kind: 'oneToOne' | 'oneToMany' | 'manyToOne' | 'manyToMany',
  target: string,
  options: Record<string, unknown> = {},
) => ({ type: 'relation', relation: kind, target: `plugin::kinship-offer.${target}`, ...options });

/** Content types that editors may translate (Strapi i18n). */
export const localized = { i18n: { localized: true } } as const;
