/**
 * The plugin's part of the Strapi admin: the "Kinship local offer" pages (overview, one offer's
 * checklist, coverage map and feedback, the embed builder), the review panel beside offers and
 * services in the content manager, and the home page's "Overdue for review" widget.
 */
import { Clock, Heart } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { OFFER_UID, PLUGIN_ID, PLUGIN_PATH } from './plugin-id';

/** Who sees the plugin's pages and widget: editors whose role may read offers. */
const readOffers = [{ action: 'plugin::content-manager.explorer.read', subject: OFFER_UID }];

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: PLUGIN_PATH,
      icon: Heart,
      intlLabel: { id: `${PLUGIN_ID}.menu`, defaultMessage: 'Kinship local offer' },
      permissions: readOffers,
      Component: () => import('./pages/App'),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Kinship local offer' });
    app.customFields.register({
      name: 'arrangement-texts',
      pluginId: PLUGIN_ID,
      type: 'json',
      intlLabel: { id: `${PLUGIN_ID}.arrangement-texts`, defaultMessage: 'Text for each arrangement type' },
      intlDescription: { id: `${PLUGIN_ID}.arrangement-texts.description`, defaultMessage: 'Plain text for each kinship arrangement type' },
      components: { Input: () => import('./custom-fields/ArrangementTextsInput') as never },
    });
    app.widgets.register({
      id: 'overdue-reviews',
      pluginId: PLUGIN_ID,
      icon: Clock,
      title: { id: `${PLUGIN_ID}.widget.overdue`, defaultMessage: 'Kinship offer: overdue for review' },
      link: { label: { id: `${PLUGIN_ID}.widget.overdue.link`, defaultMessage: 'See every offer' }, href: `/${PLUGIN_PATH}` },
      permissions: readOffers,
      component: async () => (await import('./components/OverdueWidget')).OverdueWidget,
    });
  },

  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager') as unknown as {
      apis: { addEditViewSidePanel(panels: unknown[]): void };
    };
    void Promise.all([import('./components/ReviewPanel'), import('./components/PlainEnglishPanel')]).then(([{ ReviewPanel }, { PlainEnglishPanel }]) =>
      contentManager.apis.addEditViewSidePanel([ReviewPanel, PlainEnglishPanel]),
    );
  },
};
