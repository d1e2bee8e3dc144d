/**
 * The element's attributes read in one place, as GOV.UK Frontend's `normaliseDataset` reads a
 * component's: each value the web team set becomes a setting the element can use, and each value
 * it cannot use becomes a warning for the console (and, for an arrangement, a notice for readers).
 */
import { OFFER_VIEWS, type OfferViewKind } from '../../plugin/shared/code-lists';
import type { Offer } from './api/types';

/** The attributes as set on the element. */
export interface Attributes {
  view: string;
  headingLevel: unknown;
  supportTypes: string;
  arrangement: string;
  reach: string;
}

export interface Settings {
  view: OfferViewKind;
  /** The level of the element's top headings, 1 to 6. */
  level: number;
  /** The support types the page limits itself to (known codes only); empty: no limit. */
  supportTypes: string[];
  /** The preselected arrangement, if the offer knows it; else ''. */
  arrangement: string;
  /** Whether anonymous reach counts are sent: unless the page says reach="off" (any value but "on" is off). */
  reach: boolean;
  /** For the web team, in the console. */
  warnings: string[];
  /** For readers, on the page. */
  notices: string[];
}

const codes = (value: string) => value.split(/[\s,]+/).filter(Boolean);

/**
 * Reads `attributes` against the offer's vocabularies (before the offer has loaded, only what needs
 * none). `arrangement` is the one to check when the page URL chose another (a shared link wins).
 */
export function readAttributes(attributes: Attributes, vocabulary?: Offer['vocabulary'], arrangement = attributes.arrangement): Settings {
  const warnings: string[] = [];
  const notices: string[] = [];
  const known = (OFFER_VIEWS as readonly string[]).includes(attributes.view);
  const level = Number(attributes.headingLevel);
  const levelOk = Number.isInteger(level) && level >= 1 && level <= 6;
  const settings: Settings = {
    view: known ? (attributes.view as OfferViewKind) : 'full',
    level: levelOk ? level : 2,
    supportTypes: [],
    arrangement: '',
    reach: !attributes.reach || attributes.reach == 'on',
    warnings,
    notices,
  };
  if (!vocabulary) return settings;

  if (!known) warnings.push(`unknown view "${attributes.view}"; use ${OFFER_VIEWS.join(', ')}`);
  if (!settings.reach && attributes.reach != 'off') warnings.push(`reach must be "off" or "on", not "${attributes.reach}": it is off`);
  if (!levelOk) warnings.push(`heading-level must be 1 to 6, not "${attributes.headingLevel}"`);
  const supportCodes = vocabulary.supportTypes.map((term) => term.code);
  const asked = codes(attributes.supportTypes);
  const unknownSupport = asked.filter((code) => !supportCodes.includes(code));
  if (unknownSupport.length) warnings.push(`unknown support-types ${unknownSupport.join(', ')}; use ${supportCodes.join(', ')}`);
  settings.supportTypes = asked.filter((code) => supportCodes.includes(code));
  const arrangementCodes = vocabulary.arrangementTypes.map((term) => term.code);
  if (arrangementCodes.includes(arrangement)) settings.arrangement = arrangement;
  else if (arrangement) {
    warnings.push(`unknown arrangement "${arrangement}"; use one of ${arrangementCodes.join(', ')}`);
    notices.push(`"${arrangement}" is not an arrangement this offer knows, so support for every arrangement is shown.`);
  }
  return settings;
}
