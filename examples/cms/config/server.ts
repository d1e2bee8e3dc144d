import { secret } from '../secrets';

export default ({ env }: { env: any }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  // Behind a reverse proxy or load balancer (IS_PROXIED=true): believe X-Forwarded-Proto and -Host,
  // and take the reader's address from X-Forwarded-For, only its last entry (the one the proxy in
  // front wrote; earlier ones are whatever the reader sent). Strapi 5 reads `proxy.koa`.
  proxy: { koa: env.bool('IS_PROXIED', false), maxIpsCount: 1 },
  app: { keys: secret('APP_KEYS').split(',') },
});
