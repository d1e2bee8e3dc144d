import { appPath } from '../secrets';

/**
 * Embedded SQLite by default (zero set-up); PostgreSQL with DATABASE_CLIENT=postgres and either
 * DATABASE_URL or the usual DATABASE_HOST, _PORT, _NAME, _USERNAME, _PASSWORD, _SSL.
 */
export default ({ env }: { env: any }) => {
  if (env('DATABASE_CLIENT', 'sqlite') === 'postgres') {
    const url = env('DATABASE_URL');
    return {
      connection: {
        client: 'postgres',
        connection: url
          ? { connectionString: url }
          : {
              host: env('DATABASE_HOST', '127.0.0.1'),
              port: env.int('DATABASE_PORT', 5432),
              database: env('DATABASE_NAME', 'kinship_offer'),
              user: env('DATABASE_USERNAME', 'kinship_offer'),
              password: env('DATABASE_PASSWORD', ''),
              ssl: env.bool('DATABASE_SSL', false) && { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) },
              schema: env('DATABASE_SCHEMA', 'public'),
            },
        pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
      },
    };
  }
  return {
    connection: {
      client: 'sqlite',
      connection: { filename: appPath(env('DATABASE_FILENAME', '.tmp/data.db')) },
      useNullAsDefault: true,
    },
  };
};
