import { secret } from '../secrets';

export default ({ env }: { env: any }) => ({
  // Tests and CI run without the admin build; `npm start` serves it.
  serveAdminPanel: env('SERVE_ADMIN_PANEL', 'true') === 'true',
  auth: { secret: secret('ADMIN_JWT_SECRET') },
  apiToken: { salt: secret('API_TOKEN_SALT') },
  transfer: { token: { salt: secret('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: secret('ENCRYPTION_KEY') },
  flags: { nps: false, promoteEE: false },
});
