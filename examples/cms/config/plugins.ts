import { secret } from '../secrets';

export default ({ env }: { env: any }) => ({
  // Installed from npm (here: this repository's plugin/ through npm workspaces). Reach counts are
  // written every REACH_FLUSH_SECONDS; REACH_PER_MINUTE batches are taken from one address (tests
  // and the bench change them; see the plugin's README for every setting).
  'kinship-offer': {
    enabled: true,
    config: { reachFlushSeconds: env.int('REACH_FLUSH_SECONDS', 10), reachPerMinute: env.int('REACH_PER_MINUTE', 120) },
  },
  // The plugin applies safe GraphQL operation limits where these are left unset; see its README.
  graphql: { config: { endpoint: '/graphql' } },
  'users-permissions': { config: { jwtSecret: secret('JWT_SECRET') } },
});
