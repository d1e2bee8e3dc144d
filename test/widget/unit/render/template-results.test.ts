/**
 * The served service-details.js makes its templates with render/template-results.ts instead of
 * Lit (rollup.config.mjs), for widget.js's Lit to render: that works only while the two make the
 * same data. Checked against the Lit the element bundles, so a Lit upgrade that changed the form
 * fails here rather than on readers' screens (test/e2e/real-hosts.test.ts draws them in Chromium).
 */
import { html as litHtml, nothing as litNothing } from 'lit';
import { describe, expect, it } from 'vitest';
import { html, nothing } from '../../../../widget/src/render/template-results';

describe('template results without Lit', () => {
  it('makes the template result Lit makes, from the same strings and values', () => {
    const make = (tag: typeof litHtml | typeof html, value: unknown) => tag`<p class=${'meta'}>${value}</p>`;
    const ours = make(html, 'Free');
    const lits = make(litHtml, 'Free');
    expect(ours).toEqual(lits);
    expect(Object.keys(ours).sort()).toEqual(Object.keys(lits).sort());
    expect(ours.strings).toHaveProperty('raw'); // Lit renders only a real template's strings
  });

  it('has the nothing Lit has', () => expect(nothing).toBe(litNothing));
});
