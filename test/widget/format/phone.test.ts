import { expect } from '@open-wc/testing';
import { telHref } from '../../../widget/src/format/phone';

describe('dialling a phone number', () => {
  it('dials the stored UK grouping correctly: E.164, short codes and Relay UK as digits, extensions as ;ext=', () => {
    expect(telHref('020 7946 0999')).to.equal('tel:+442079460999');
    expect(telHref('0800 1111')).to.equal('tel:+448001111');
    expect(telHref('07700 900123')).to.equal('tel:+447700900123');
    expect(telHref('116 123')).to.equal('tel:116123');
    expect(telHref('111')).to.equal('tel:111');
    expect(telHref('18001 020 7946 0999')).to.equal('tel:1800102079460999');
    expect(telHref('020 7946 0000 ext. 123')).to.equal('tel:+442079460000;ext=123');
  });

  it('dials numbers stored before the plugin normalised them', () => {
    expect(telHref('+44 20 7946 0000')).to.equal('tel:+442079460000');
    expect(telHref('(020) 7946-0000')).to.equal('tel:+442079460000');
  });
});
