/**
 * UK phone numbers, as editors type them and as readers see and dial them.
 *
 * Ordinary numbers (geographic 01/02, 03, mobiles 07, freephone 0800/0808, the Crown
 * dependencies' +44 ranges) are parsed and validated by libphonenumber-js with its `max`
 * metadata: Google's libphonenumber patterns for every number range, so a number in a range
 * that is not in use (01000 000000) is refused, not only one of the wrong length. Ranges change
 * as Ofcom allocates them: a newer libphonenumber-js brings newer metadata. libphonenumber does
 * not know short codes or Relay UK, so those few forms come from Ofcom's National Telephone
 * Numbering Plan and are listed here.
 */
import parsePhoneNumber from 'libphonenumber-js/max';

/** A number as readers should see it, or what is wrong with it, in words an editor understands. */
export type PhoneReading = { text: string } | { problem: string };

const EXAMPLE = 'Enter a UK phone number, like 020 7946 0000, 0800 1111 or 116 123';

/**
 * Short codes a service may give (Ofcom's numbering plan): the European "116" helplines
 * (116 000 missing children, 116 006 victims of crime, 116 111 children's helpline, 116 117
 * non-emergency medical, 116 123 emotional support), NHS 111, police 101 and power cuts 105.
 */
const SERVICE_SHORT_CODES = ['116000', '116006', '116111', '116117', '116123', '111', '101', '105'];

/**
 * Emergency numbers (999, 112, and 18000 for emergency Relay UK): not a service's own number.
 * Readers know them; an offer that lists 999 as a team's phone would send them to the wrong place.
 */
const EMERGENCY = ['999', '112', '18000'];

/**
 * Relay UK: a textphone user dials 18001, someone calling a textphone user 18002, then the whole
 * number ("18001 020 7946 0999", "18001 111").
 */
const RELAY_PREFIXES = ['18001', '18002'];

/**
 * Ofcom's ranges for drama and examples (the numbers GOV.UK's own examples use) that
 * libphonenumber does not count as valid; the other drama ranges, such as 020 7946 0xxx and
 * 0808 157 0xxx, it does. Never allocated, so safe in the demo, tests and training.
 */
const DRAMA_RANGES = [/^01632960\d{3}$/, /^07700900\d{3}$/];

/** "ext. 123", "ext 123", "extension 123", "x123" at the end of a number, also after a comma. */
const EXTENSION = /[\s,]*(?:ext(?:ension)?\.?|x)\s*(\d{1,6})$/i;

/**
 * Dashes other than the hyphen: Word and Outlook turn "020 - 7946" into an en dash, and numbers
 * pasted from web pages bring non-breaking hyphens and minus signs. As separators they are hyphens.
 */
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

/**
 * Reads a UK phone number typed by an editor.
 *
 * Accepts spaces, hyphens (and other dashes), brackets and dots, `+44` (also `+44 (0)`), an extension, short codes
 * and Relay UK prefixes. Answers the standard UK grouping: "020 7946 0999", "0800 1111",
 * "07700 900123", "116 123", "111", "18001 020 7946 0999", "020 7946 0000 ext. 123".
 * Refuses letters, numbers of the wrong length or in ranges not in use, other countries'
 * numbers and emergency numbers, each with its reason.
 */
export function readUkPhone(input: string): PhoneReading {
  const typed = input.trim().replace(DASHES, '-');
  const extension = EXTENSION.exec(typed);
  const number = extension ? typed.slice(0, extension.index) : typed;
  if (!/^\+?[\d\s().-]+$/.test(number)) {
    return { problem: /[a-z]/i.test(number) ? `${EXAMPLE}, using digits only (add an extension as "ext. 123")` : EXAMPLE };
  }
  const digits = number.replace(/[^\d+]/g, '');
  if (EMERGENCY.includes(digits)) {
    return { problem: `${digits} is for emergencies: give the service's own number (readers know to call 999 in an emergency)` };
  }

  const relay = RELAY_PREFIXES.find((prefix) => digits.startsWith(prefix) && digits.length > prefix.length);
  if (relay) {
    if (extension) return { problem: 'A Relay UK number cannot have an extension' };
    const rest = readUkPhone(digits.slice(relay.length));
    return 'text' in rest ? { text: `${relay} ${rest.text}` } : { problem: `After the Relay UK prefix ${relay}: ${rest.problem}` };
  }

  const reading = shortCode(digits) ?? ordinaryNumber(digits);
  if ('problem' in reading || !extension) return reading;
  if (SERVICE_SHORT_CODES.includes(digits)) return { problem: 'A short number like 111 or 116 123 cannot have an extension' };
  return { text: `${reading.text} ext. ${extension[1]}` };
}

function shortCode(digits: string): PhoneReading | null {
  if (!SERVICE_SHORT_CODES.includes(digits)) return null;
  return { text: digits.length === 6 ? `${digits.slice(0, 3)} ${digits.slice(3)}` : digits };
}

function ordinaryNumber(digits: string): PhoneReading {
  const national = digits.startsWith('+44') ? `0${digits.slice(3).replace(/^0/, '')}` : digits;
  if (digits.startsWith('+') && !digits.startsWith('+44')) {
    return { problem: 'Enter a UK phone number: numbers in other countries cannot be shown' };
  }
  if (/^1\d{2,5}$/.test(national)) {
    return { problem: 'This short number is not a helpline: use 111, 101, a 116 number such as 116 123, or the full number' };
  }
  if (!/^0\d+$/.test(national)) return { problem: `${EXAMPLE} (a full number starts with 0)` };
  const parsed = parsePhoneNumber(national, 'GB');
  if (!parsed) return { problem: EXAMPLE };
  if (parsed.isValid() && ['GB', 'GG', 'JE', 'IM'].includes(parsed.country ?? '')) return { text: parsed.formatNational() };
  if (DRAMA_RANGES.some((range) => range.test(national))) return { text: parsed.formatNational() };
  const length = national.length;
  if (length < 10) return { problem: `${EXAMPLE}: this one has too few digits` };
  if (length > 11) return { problem: `${EXAMPLE}: this one has too many digits` };
  return { problem: 'This is not a UK phone number in use: check the digits' };
}
