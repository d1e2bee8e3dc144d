export default [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  {
    // Public reads answer any origin, but never with credentials: Strapi's default reflects every
    // origin *with* Access-Control-Allow-Credentials, which no public API needs (see SECURITY.md).
    name: 'strapi::cors',
    config: { origin: '*', credentials: false, maxAge: 86400 },
  },
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
