/**
 * The plugin stores phone numbers as readers see them; the widget works out the tel: address
 * from that text without libphonenumber. They must agree with libphonenumber's own tel: URI.
 */
import parsePhoneNumber from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { readUkPhone } from '../../../plugin/server/src/validation/phone';
import { telHref } from '../../../widget/src/format/phone';

const stored = (typed: string) => {
  const reading = readUkPhone(typed);
  if (!('text' in reading)) throw new Error(`${typed}: ${reading.problem}`);
  return reading.text;
};

describe('dialling what the plugin stores', () => {
  it.each(['020 7946 0999', '+44 (0)20 7946 0000', '0800 1111', '0808 157 0999', '0300 123 4567', '07700 900123', '0113 496 0000', '01624 612345', '020 7946 0000 ext. 123', '02079460000x5'])(
    'dials %j as libphonenumber would',
    (typed) => {
      expect(telHref(stored(typed))).toBe(parsePhoneNumber(typed, 'GB')!.getURI());
    },
  );

  it.each([
    ['116 123', 'tel:116123'],
    ['111', 'tel:111'],
    ['18001 020 7946 0999', 'tel:1800102079460999'],
    ['18002 111', 'tel:18002111'],
  ])('dials the short code or Relay UK call %j as its digits', (typed, href) => {
    expect(telHref(stored(typed))).toBe(href);
  });
});
