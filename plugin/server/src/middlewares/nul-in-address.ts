/**
 * An address holding a NUL (`%00`) is answered 400 before anything of the plugin reads it. No id,
 * slug, token or query value of ours has one, and PostgreSQL refuses NUL in any text it is asked
 * to compare ("invalid byte sequence for encoding UTF8: 0x00"), so the route's lookup would fail
 * with a 500: in the editors' admin routes, the REST reads, the feed and the public pages alike.
 * Only the plugin's own addresses are checked: under its admin prefix, its REST prefix and the
 * pages' base path; every other address of the app is left as it came.
 */
import type { Core } from '@strapi/strapi';
import { restPrefix } from '../http/public-url';
import { pagesBasePath } from '../pages/addresses';

const NUL = /%00/i;

export function refuseNulInAddress(strapi: Core.Strapi) {
  const ours = [`/kinship-offer/`, `${restPrefix(strapi)}/kinship-offer/`, pagesBasePath(strapi)].filter((base): base is string => !!base);
  return async (ctx: any, next: () => Promise<void>) => {
    const path: string = ctx.path ?? '';
    if ((NUL.test(path) || NUL.test(ctx.querystring ?? '')) && ours.some((base) => path.startsWith(base))) {
      ctx.status = 400;
      ctx.body = {
        data: null,
        error: { status: 400, name: 'BadRequestError', message: 'The address holds a NUL character (%00), which no id, slug or value here has: check the link', details: {} },
      };
      return;
    }
    return next();
  };
}
