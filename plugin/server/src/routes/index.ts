/**
 * Public REST routes, under /api/kinship-offer: list and read each public content type. Access is
 * the public role's `find` and `findOne`, which the plugin grants at bootstrap.
 */
import contentTypes from '../content-types';
import { PUBLIC_CONTENT_TYPES } from '../uids';

const readRoutes = PUBLIC_CONTENT_TYPES.flatMap((name) => {
  const plural = contentTypes[name].schema.info.pluralName;
  return [
    { method: 'GET', path: `/${plural}`, handler: `${name}.find` },
    { method: 'GET', path: `/${plural}/:id`, handler: `${name}.findOne` },
  ];
});

/** The widget's script: public, cached, for any origin. */
const widgetRoute = { method: 'GET', path: '/widget.js', handler: 'widget.script', config: { auth: false } };

export default {
  'content-api': { type: 'content-api', routes: [widgetRoute, ...readRoutes] },
};
