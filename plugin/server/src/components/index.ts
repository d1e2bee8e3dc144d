/**
 * The plugin's components, by uid. Strapi loads components only from an app's src/components, so
 * register.ts adds these to its registry itself (`registerComponents`), with what the app's loader
 * would have added (uid, category, model name, global id, and a file name the Content-Type
 * Builder can write to if an editor ever changes one in development).
 */
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../uids';
import consultationTheme from './consultation-theme';
import equivalentTerm from './equivalent-term';
import participantGroup from './participant-group';

export const COMPONENTS = {
  [`${PLUGIN_ID}.equivalent-term`]: equivalentTerm,
  [`${PLUGIN_ID}.participant-group`]: participantGroup,
  [`${PLUGIN_ID}.consultation-theme`]: consultationTheme,
} as const;

export const EQUIVALENT_TERM_UID = `${PLUGIN_ID}.equivalent-term` as const;
export const PARTICIPANT_GROUP_UID = `${PLUGIN_ID}.participant-group` as const;
export const CONSULTATION_THEME_UID = `${PLUGIN_ID}.consultation-theme` as const;

const pascal = (text: string) => text.replace(/(^|[-_.])([a-z])/g, (_, __, letter: string) => letter.toUpperCase());

/** Adds the plugin's components to Strapi's registry; one the app already defines is left as it is. */
export function registerComponents(strapi: Core.Strapi) {
  const registry = strapi.get('components');
  for (const [uid, schema] of Object.entries(COMPONENTS)) {
    if (registry.get(uid)) continue;
    const [category, modelName] = uid.split('.');
    registry.set(uid, {
      ...structuredClone(schema),
      __schema__: structuredClone(schema),
      __filename__: `${modelName}.json`,
      uid,
      category,
      modelType: 'component',
      modelName,
      globalId: `Component${pascal(category)}${pascal(modelName)}`,
    });
  }
}
