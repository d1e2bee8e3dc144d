/**
 * Reach over HTTP. For readers' browsers: POST /api/kinship-offer/reach, public, hardened like
 * feedback (strict validation, body size limit, per-address rate limit in ./routes, known offers,
 * services and codes only) and answering 202 or a JSON error naming the problem, never a 500 for
 * anything a client sends. For editors: GET /kinship-offer/reach/:documentId (the report) and
 * /reach/:documentId/csv (every count), admin routes only: counts are never publicly readable.
 */
import { errors } from '@strapi/utils';
import type { ReachRow } from '../../../shared/reach';
import { publicOrigin } from '../http/public-url';
import { getService } from '../services/get-service';
import { firstDay } from './report';
import { MAX_BODY_BYTES, notAReader, optedOut, pageSite, readBatch } from './validation';

const reach = () => getService('reach');

/** A spreadsheet cell that cannot run as a formula (OWASP: CSV injection), quoted when it must be. */
const cell = (value: string | number) => {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export default {
  /** For readers' browsers (the widget): counts a batch of anonymous events. */
  async record(ctx: any) {
    // Global Privacy Control or Do Not Track, or not a reader (a bot, a script): accepted and dropped, uncounted.
    if (optedOut(ctx.request.headers) || notAReader(ctx.request.headers)) {
      ctx.status = 202;
      ctx.body = { data: { counted: 0 } };
      return;
    }
    if (Number(ctx.request.length) > MAX_BODY_BYTES) throw new errors.PayloadTooLargeError(`The batch is too large: send at most ${MAX_BODY_BYTES} bytes.`);
    const batch = readBatch(ctx.request.body);
    const site = pageSite(ctx.request.headers);
    const counted = await reach().record(batch, site, ctx.request.ip);
    ctx.status = 202;
    ctx.body = { data: { counted } };
  },

  /** For editors: an offer's reach over the last 12 months, the CMS's own pages apart. */
  async report(ctx: any) {
    const report = await reach().report(ctx.params.documentId, new URL(publicOrigin(strapi, ctx)).origin);
    if (!report) throw new errors.NotFoundError(`There is no offer ${ctx.params.documentId}`);
    ctx.body = { data: report };
  },

  /** For editors: every count of the last 12 months as CSV, with what each subject is called. */
  async csv(ctx: any) {
    const report = await reach().report(ctx.params.documentId);
    if (!report) throw new errors.NotFoundError(`There is no offer ${ctx.params.documentId}`);
    const names = new Map<string, string>([
      ...report.services.map((service) => [service.documentId, service.title] as const),
      ...[...report.arrangements, ...report.supportTypes].filter((term) => term.code).map((term) => [term.code, term.label] as const),
    ]);
    const rows: ReachRow[] = await reach().rows(ctx.params.documentId, firstDay(report.to));
    const lines = [
      ['day', 'site', 'event', 'subject', 'subject_name', 'count'].join(','),
      ...rows.map((row) => [row.day, row.site || 'other sites', row.event, row.subject, names.get(row.subject) ?? '', row.count].map(cell).join(',')),
    ];
    ctx.set('content-type', 'text/csv; charset=utf-8');
    ctx.set('content-disposition', `attachment; filename="reach-${ctx.params.documentId}-${report.to}.csv"`);
    ctx.body = `${lines.join('\r\n')}\r\n`;
  },
};
