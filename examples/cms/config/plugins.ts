import { secret } from '../secrets';

export default () => ({
  // Installed from npm (here: this repository's plugin/ through npm workspaces).
  'kinship-offer': { enabled: true },
  // The plugin applies safe GraphQL operation limits where these are left unset; see its README.
  graphql: { config: { endpoint: '/graphql' } },
  'users-permissions': { config: { jwtSecret: secret('JWT_SECRET') } },
});
