/**
 * The languages an editor can choose for a service, stored as ISO 639 codes: every ISO 639-1
 * (two-letter) language, and ISO 639-3 codes for languages much spoken in England that have none
 * (Cantonese, Dari, Sorani Kurdish, Romany, Western Panjabi, British Sign Language). Names come
 * from `Intl.DisplayNames` in the editor's language (`languageName`).
 */
export const LANGUAGE_CODES: readonly string[] = [
  ...'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'.split(' '),
  'yue', 'prs', 'ckb', 'rom', 'pnb', 'bfi',
];

/** Names `Intl.DisplayNames` may not know (CLDR has none for British Sign Language). */
const NAMES_INTL_LACKS: Record<string, string> = { bfi: 'British Sign Language' };

/** A language's name in `locale` ("pl" → "Polish"), or the code itself when nothing names it. */
export function languageName(code: string, locale = 'en-GB'): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([locale, 'en-GB'], { type: 'language', fallback: 'none' }).of(code);
  } catch {
    name = undefined;
  }
  return name ?? NAMES_INTL_LACKS[code] ?? code;
}
