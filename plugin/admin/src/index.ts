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
    app.customFields.register(
      [
        ['arrangement-texts', 'Text for each arrangement type', 'Plain text for each kinship arrangement type', () => import('./custom-fields/ArrangementTextsInput')],
        ['councils', 'Councils covered', 'English councils chosen by name, stored with their GSS codes', () => import('./custom-fields/CouncilsInput')],
        ['opening-times', 'Opening times', 'Days, opening and closing times and a note, for each time a service opens', () => import('./custom-fields/OpeningTimesInput')],
        ['delivery-methods', 'Delivery methods', 'In person, online or by phone', () => import('./custom-fields/DeliveryMethodsInput')],
        ['languages', 'Languages', 'Languages chosen by name, stored as ISO 639 codes', () => import('./custom-fields/LanguagesInput')],
      ].map(([name, label, description, Input]) => ({
        name: name as string,
        pluginId: PLUGIN_ID,
        type: 'json' as const,
        intlLabel: { id: `${PLUGIN_ID}.${name}`, defaultMessage: label as string },
        intlDescription: { id: `${PLUGIN_ID}.${name}.description`, defaultMessage: description as string },
        components: { Input: Input as never },
      })),
    );
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
    void Promise.all([import('./components/ReviewPanel'), import('./components/PlainEnglishPanel'), import('./components/PartnerPanel')]).then(
      ([{ ReviewPanel }, { PlainEnglishPanel }, { PartnerPanel }]) => contentManager.apis.addEditViewSidePanel([ReviewPanel, PlainEnglishPanel, PartnerPanel]),
    );
  },
};
