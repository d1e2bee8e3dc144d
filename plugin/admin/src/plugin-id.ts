export const PLUGIN_ID = 'kinship-offer';

/** Where the plugin's pages live in the admin (under /admin). */
export const PLUGIN_PATH = `plugins/${PLUGIN_ID}`;

export const OFFER_UID = `plugin::${PLUGIN_ID}.offer`;
export const SERVICE_UID = `plugin::${PLUGIN_ID}.service`;
