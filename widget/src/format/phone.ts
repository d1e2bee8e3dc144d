/**
 * The `tel:` address of a phone number as the plugin stores it (its standard UK grouping, see
 * plugin/server/src/validation/phone.ts), worked out from the text so the widget does not bundle
 * libphonenumber: a number starting 0 in E.164 ("020 7946 0999" → tel:+442079460999), a short
 * code or a Relay UK call as its digits ("116 123" → tel:116123, "18001 020 7946 0999" →
 * tel:18001020794609999), an extension as RFC 3966 `;ext=` ("… ext. 123" → …;ext=123).
 * Numbers stored before the plugin normalised them ("+44 20 …", "(020) …") dial the same way.
 */
export function telHref(phone: string): string {
  const [number, extension] = phone.split(/ext/i);
  const digits = number.replace(/[^\d+]/g, '').replace(/^0/, '+44');
  return `tel:${digits}${extension ? `;ext=${extension.replace(/\D/g, '')}` : ''}`;
}
