/** A partner's pages as the renderer emits them (widget/src/pages/partner): escaped, labelled, errors tied to fields. */
import { describe, expect, it } from 'vitest';
import type { PartnerFormPage } from '../../../../plugin/shared/pages';
import { renderPartnerPage } from '../../../../widget/src/pages/partner';

const HOSTILE = '</textarea><script>__xss(1)</script>"><img src=x onerror=__xss(2)>';

const form = (overrides: Partial<PartnerFormPage> = {}): PartnerFormPage => ({
  kind: 'partner-form',
  council: 'Example Borough Council',
  title: 'Kinship navigators',
  intro: ['This is what carers read.'],
  action: '/api/kinship-offer/service-review/abc/secret',
  fields: [
    { name: 'name', label: 'Your name', input: 'line', required: true, value: HOSTILE },
    { name: 'summary', label: 'Summary', hint: 'One or two sentences.', input: 'paragraph', required: true, value: HOSTILE },
    { name: 'cost', label: 'Cost', input: 'choice', required: true, options: [['free', 'Free'], ['charged', 'There is a charge']], value: 'charged' },
    { name: 'note', label: 'Anything else', input: 'paragraph', required: false, value: '' },
  ],
  problems: [],
  ...overrides,
});

describe("a partner's form", () => {
  it('escapes what the partner typed in every place it goes back', async () => {
    const html = await renderPartnerPage(form({ title: HOSTILE, council: HOSTILE }));
    expect(html).not.toContain('<script>__xss');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;/textarea&gt;&lt;script&gt;');
  });

  it('labels every field, keeps the choice made, and is never indexed', async () => {
    const html = await renderPartnerPage(form());
    for (const name of ['name', 'summary', 'cost', 'note']) expect(html).toContain(`<label for="field-${name}">`);
    expect(html).toContain('<option value="charged" selected>');
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).toContain('method="post" action="/api/kinship-offer/service-review/abc/secret"');
    expect(html).not.toMatch(/<title>Error/);
  });

  it('on an error: "Error:" in the title, a summary linking each problem to its field, the message tied to the field', async () => {
    const html = await renderPartnerPage(form({ problems: [{ field: 'summary', message: 'Enter the summary' }] }));
    expect(html).toMatch(/<title>Error: Check your service: Kinship navigators<\/title>/);
    expect(html).toContain('role="alert"');
    expect(html).toContain('<a href="#field-summary">Enter the summary</a>');
    expect(html).toMatch(/<textarea id="field-summary" name="summary" rows="4" aria-describedby="field-summary-hint field-summary-error" aria-invalid="true"/);
  });
});
