/** Small helpers for the Reach page's sentences. */
import { counted } from '../../words';

/** "1 view", "340 views". */
export const plural = (count: number, noun: string) => counted(count, noun);

/** 2026-03-02 as "2 Mar 2026". */
export const dayText = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/**
 * https://www.example-borough.gov.uk as "www.example-borough.gov.uk"; '' as the sites past the
 * day's limit; the CMS's own origin (`own`) said to be so.
 */
export const siteText = (site: string, own = false) => {
  const host = site ? site.replace(/^https:\/\//, '') : 'Other sites (new sites past the day’s limit)';
  return own ? `This CMS’s own pages (${host}), not a partner’s site` : host;
};
