/** The public consultation report of an offer (services/consultations.ts `report`): thin. */
import { errors } from '@strapi/utils';
import { getService } from '../services/get-service';

/** A BCP 47 tag as Strapi's i18n names locales ("en", "cy", "pt-BR"). */
const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export default {
  async show(ctx: any) {
    const { locale } = ctx.query;
    if (locale !== undefined && (typeof locale !== 'string' || !LOCALE.test(locale))) {
      throw new errors.ValidationError('locale must be a language code such as "en" or "cy"');
    }
    const report = await getService('consultations').report(ctx.params.slug, locale);
    if (!report) throw new errors.NotFoundError(`There is no published offer "${ctx.params.slug}"${locale ? ` in "${locale}"` : ''}`);
    ctx.body = { data: report };
  },
};
