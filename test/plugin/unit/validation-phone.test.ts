/**
 * readUkPhone over the forms editors really type: spacing and punctuation, +44 and 0044, every
 * service short code, Relay UK, extensions however written, and what each wrong form is told.
 */
import { describe, expect, it } from 'vitest';
import { readUkPhone } from '../../../plugin/server/src/validation/phone';

const EXAMPLE = 'Enter a UK phone number, like 020 7946 0000, 0800 1111 or 116 123';

describe('readUkPhone', () => {
  it.each([
    ['020-7946-0000', '020 7946 0000'],
    ['020.7946.0000', '020 7946 0000'],
    ['(020) 7946 0000', '020 7946 0000'],
    ['+44(0)2079460000', '020 7946 0000'],
    ['+44 020 7946 0000', '020 7946 0000'],
    ['+442079460000', '020 7946 0000'],
    ['00 44 20 7946 0000', '020 7946 0000'],
    ['  020 7946 0000  ', '020 7946 0000'],
    ['(0113) 496 0000', '0113 496 0000'],
    ['07700900123', '07700 900123'],
    ['01624 612345', '01624 612345'],
    ['020 7946 0000 Ext. 12', '020 7946 0000 ext. 12'],
    ['020 7946 0000 EXTENSION 12', '020 7946 0000 ext. 12'],
    ['020 7946 0000ext12', '020 7946 0000 ext. 12'],
    ['020 7946 0000 ext. 5 ', '020 7946 0000 ext. 5'],
    ['020 7946 0000 x 123456', '020 7946 0000 ext. 123456'],
    ['116 000', '116 000'],
    ['116006', '116 006'],
    ['116 117', '116 117'],
    ['105', '105'],
    ['18002 116 123', '18002 116 123'],
  ])('reads %j as %j', (typed, text) => expect(readUkPhone(typed)).toEqual({ text }));

  it.each([
    ['Tel 020 7946 0000', `${EXAMPLE}, using digits only (add an extension as "ext. 123")`],
    ['020 7946 0000 x5 6', `${EXAMPLE}, using digits only (add an extension as "ext. 123")`],
    ['020 7946 0000 ext. 1234567', `${EXAMPLE}, using digits only (add an extension as "ext. 123")`],
    ['020 7946 0000 #', EXAMPLE],
    ['020 7946 0000 / 0001', EXAMPLE],
    ['', EXAMPLE],
    ['020 7946 +0000', EXAMPLE],
    ['20 7946 0000', `${EXAMPLE} (a full number starts with 0)`],
    ['0', `${EXAMPLE} (a full number starts with 0)`],
    ['1234567', `${EXAMPLE} (a full number starts with 0)`],
    ['18001', 'This short number is not a helpline: use 111, 101, a 116 number such as 116 123, or the full number'],
    ['123', 'This short number is not a helpline: use 111, 101, a 116 number such as 116 123, or the full number'],
    ['01000 00000', 'This is not a UK phone number in use: check the digits'],
    ['020 794 ext. 5', `${EXAMPLE}: this one has too few digits`],
    ['016329600011', `${EXAMPLE}: this one has too many digits`],
    ['077009001234', `${EXAMPLE}: this one has too many digits`],
    ['+33 1 23 45 67 89', 'Enter a UK phone number: numbers in other countries cannot be shown'],
    ['18001 020 7946 0999 ext. 12', 'A Relay UK number cannot have an extension'],
    ['116 123 ext. 1', 'A short number like 111 or 116 123 cannot have an extension'],
    ['18000', '18000 is for emergencies: give the service\'s own number (readers know to call 999 in an emergency)'],
    ['18002 020 794', `After the Relay UK prefix 18002: ${EXAMPLE}: this one has too few digits`],
  ])('refuses %j: %s', (typed, problem) => expect(readUkPhone(typed)).toEqual({ problem }));
});
