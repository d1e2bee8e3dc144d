import { secret } from '../secrets';

export default ({ env }: { env: any }) => ({
  // Installed from npm (here: this repository's plugin/ through npm workspaces). Reach counts are
  // written every REACH_FLUSH_SECONDS; REACH_PER_MINUTE batches are taken from one address (tests
  // and the bench change them; see the plugin's README for every setting).
  'kinship-offer': {
    enabled: true,
    config: {
      reachFlushSeconds: env.int('REACH_FLUSH_SECONDS', 10),
      reachPerMinute: env.int('REACH_PER_MINUTE', 120),
      reachRepeatMinutes: env.int('REACH_REPEAT_MINUTES', 30),
      // How long a shared cache (a CDN, nginx, Varnish) serves the offer and the feed, in seconds:
      // fresh for sharedMaxAge, then stale while it fetches anew for up to staleWhileRevalidate
      // more, and stale for up to staleIfError while every instance is failing. A reader sees a
      // publish at most sharedMaxAge + staleWhileRevalidate + 1 seconds late (README: Deploying).
      cache: {
        sharedMaxAge: env.int('CACHE_SHARED_MAX_AGE', 30),
        staleWhileRevalidate: env.int('CACHE_STALE_WHILE_REVALIDATE', 30),
        staleIfError: env.int('CACHE_STALE_IF_ERROR', 86400),
      },
      // Per client address, across every instance on the database (behind a proxy: IS_PROXIED=true).
      feedbackPerMinute: env.int('FEEDBACK_PER_MINUTE', 10),
      partnerFormPerMinute: env.int('PARTNER_FORM_PER_MINUTE', 20),
    },
  },
  // E-mail (review reminders, and review links to services' providers) over SMTP when SMTP_HOST is
  // set; without it nothing is e-mailed (the plugin treats Strapi's default, sendmail, as unset).
  ...(env('SMTP_HOST')
    ? {
        email: {
          config: {
            provider: 'nodemailer',
            providerOptions: {
              host: env('SMTP_HOST'),
              port: env.int('SMTP_PORT', 587),
              secure: env.bool('SMTP_SECURE', false),
              ...(env('SMTP_USERNAME') ? { auth: { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD') } } : {}),
            },
            settings: { defaultFrom: env('EMAIL_FROM', 'kinship-offer@example.gov.uk'), defaultReplyTo: env('EMAIL_REPLY_TO', env('EMAIL_FROM', 'kinship-offer@example.gov.uk')) },
          },
        },
      }
    : {}),
  // The plugin applies safe GraphQL operation limits where these are left unset; see its README.
  graphql: { config: { endpoint: '/graphql' } },
  'users-permissions': { config: { jwtSecret: secret('JWT_SECRET') } },
});
