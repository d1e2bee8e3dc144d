/**
 * A request body that cannot be decoded (`Content-Encoding: gzip`, `deflate` or `br` over bytes
 * that are not) is the client's mistake: it gets a JSON 400 saying so, not a 500.
 *
 * The body parsers (`strapi::body`, koa-body over co-body and inflation; @strapi/plugin-graphql's
 * own) pass Node's zlib error on without an HTTP status, so Strapi's error middleware answers 500
 * and logs a stack trace, on every route that takes a body: the plugin's feedback and reach,
 * GraphQL, the admin's own. The plugin's routes are reached only after the body is read, so
 * Strapi's error middleware itself is extended (through its middleware registry, before the app
 * builds its middlewares): just inside it, a zlib error on a request that declares an encoding is
 * answered 400. Every other error passes on untouched.
 */
import type { Core } from '@strapi/strapi';

type Middleware = (ctx: any, next: () => Promise<unknown>) => Promise<unknown>;
type MiddlewareFactory = (config: unknown, context: { strapi: Core.Strapi }) => Middleware;

/** Node's zlib errors: gzip and deflate's codes are Z_…, brotli's ERR__ERROR_… and the like; none has an HTTP status. */
const isDecodingError = (error: any) =>
  typeof error?.errno === 'number' && typeof error?.code === 'string' && /^(Z_|ERR__|ERR_BROTLI|ERR_ZLIB)/.test(error.code) && !error.status && !error.statusCode;

export function answerUnreadableBodies(strapi: Core.Strapi) {
  strapi.get('middlewares').extend('strapi::errors', (handleErrors: MiddlewareFactory): MiddlewareFactory => (config, context) => {
    const handle = handleErrors(config, context);
    return (ctx, next) =>
      handle(ctx, async () => {
        try {
          return await next();
        } catch (error) {
          const encoding = ctx.get('content-encoding');
          if (!encoding || !isDecodingError(error)) throw error;
          ctx.status = 400;
          ctx.body = {
            data: null,
            error: {
              status: 400,
              name: 'BadRequestError',
              message: `The request body could not be read as Content-Encoding: ${encoding}. Send it compressed as that says, or uncompressed without the header.`,
              details: {},
            },
          };
        }
      });
  });
}
