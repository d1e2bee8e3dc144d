/** LOG_LEVEL quiets the demo (tests use "warn"); Strapi's default is "http", a line per request. */
export default {
  level: process.env.LOG_LEVEL ?? 'http',
};
