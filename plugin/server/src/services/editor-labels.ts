/**
 * Gives the Content Manager plain labels and hints for the plugin's fields, and names entries by
 * their label rather than their code (content-types/labels.ts). The Content Manager keeps one
 * configuration per content type, which editors may change ("Configure the view"): only labels
 * still at their default (the field's name), empty hints and hints the plugin itself gave before
 * are filled in, and the main field and list columns are set once per content type (remembered in
 * the plugin's store), so an editor's own choices always stay.
 */
import type { Core } from '@strapi/strapi';
import { labelFor, VIEW_SETTINGS } from '../content-types/labels';
import { CONTENT_TYPE_NAMES, nameOf, uidOf } from '../uids';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async apply() {
    const contentTypes = strapi.plugin('content-manager')?.service('content-types');
    if (!contentTypes) return;
    const store = strapi.store({ type: 'plugin', name: 'kinship-offer', key: 'view-settings-applied' });
    const viewsSet: string[] = ((await store.get({})) as string[] | null) ?? [];
    for (const name of CONTENT_TYPE_NAMES) {
      const uid = uidOf(name);
      const configuration = await contentTypes.findConfiguration({ uid });
      if (!configuration?.metadatas) continue;
      let changed = false;
      if (!viewsSet.includes(name)) {
        const { mainField, list } = VIEW_SETTINGS[name];
        configuration.settings = { ...configuration.settings, mainField };
        configuration.layouts = { ...configuration.layouts, list };
        // A relation picker names entries by the field its own metadata says, not the target's setting.
        for (const [field, attribute] of Object.entries<any>(strapi.getModel(uid).attributes)) {
          const target = attribute.type === 'relation' ? nameOf(attribute.target) : null;
          const metadata = configuration.metadatas[field];
          if (!target || !metadata) continue;
          for (const view of ['edit', 'list'] as const) if (metadata[view]) metadata[view].mainField = VIEW_SETTINGS[target].mainField;
        }
        viewsSet.push(name);
        changed = true;
      }
      for (const [field, metadata] of Object.entries<any>(configuration.metadatas)) {
        const { label, description, formerDescriptions } = labelFor(name, field);
        if (metadata.edit && metadata.edit.label === field && label !== field) {
          metadata.edit.label = label;
          changed = true;
        }
        const hint = metadata.edit?.description;
        if (metadata.edit && description && hint !== description && (!hint || formerDescriptions.includes(hint))) {
          metadata.edit.description = description;
          changed = true;
        }
        if (metadata.list && metadata.list.label === field && label !== field) {
          metadata.list.label = label;
          changed = true;
        }
      }
      if (changed) {
        const { settings, metadatas, layouts } = configuration;
        await contentTypes.updateConfiguration({ uid }, { settings, metadatas, layouts });
      }
    }
    await store.set({ value: viewsSet });
  },
});
