/**
 * The offer's parts as readers see them, rendered from the offer view: the named contact and the
 * statutory sections (a service's details are in ./service-details). Pure: everything comes in
 * `ctx`; the element keeps the state (which services are open, the reader's choices) and the
 * feedback questions.
 */
import { html, nothing } from 'lit';
import type { Blocks, Offer, Organisation } from '../api/types';
import { telHref } from '../format/phone';
import { dateText } from '../format/text';
import { format, type Strings } from '../strings';
import { hasWords } from '../../../plugin/shared/code-lists';
import { renderBlocks, safeHref } from './blocks';

export interface RenderContext {
  offer: Offer;
  t: Strings;
  /** The language dates, numbers and language names are written in (a BCP 47 tag). */
  lang: string;
  /** The level of the element's top headings, 1 to 6. */
  level: number;
  /** "Was this helpful?" about the offer, or about the service with this UUID. */
  feedback(service?: string): unknown;
}

/** A heading at `level` (capped at 6), so the element fits the host page's outline. */
export function heading(level: number, content: unknown, className = '') {
  switch (Math.min(6, level)) {
    case 1: return html`<h1 class=${className}>${content}</h1>`;
    case 2: return html`<h2 class=${className}>${content}</h2>`;
    case 3: return html`<h3 class=${className}>${content}</h3>`;
    case 4: return html`<h4 class=${className}>${content}</h4>`;
    case 5: return html`<h5 class=${className}>${content}</h5>`;
    default: return html`<h6 class=${className}>${content}</h6>`;
  }
}

/**
 * A phone number readers can tap: "020 7946 0000" dials tel:+442079460000. Class "bare": the
 * link's text is its address, so a printed copy need not add it (kinship-offer.styles.ts).
 */
export const telLink = (phone: string) => html`<a class="bare" href=${telHref(phone)}>${phone}</a>`;

/** One line of a description list (`<dl>`): what it is about, and what there is to say. */
export const fact = (term: string, description: unknown) => html`<dt>${term}</dt><dd>${description}</dd>`;

/** An e-mail address readers can click. */
export const mailtoLink = (email: string) => html`<a class="bare" href=${`mailto:${email}`}>${email}</a>`;

/** The named contact panel: who carers call, write to or visit, and when. */
export function renderContact(ctx: RenderContext) {
  const offer = ctx.offer;
  const t = ctx.t;
  const phone = offer.contactPhone;
  const website = safeHref(offer.contactUrl);
  return html`<section class="panel contact" part="contact">
    ${heading(ctx.level, `${t.contactHeading} ${offer.contactName ?? offer.name}`, 'first')}
    <dl>
      ${phone ? fact(t.phone, telLink(phone)) : nothing}
      ${offer.contactEmail ? fact(t.email, mailtoLink(offer.contactEmail)) : nothing}
      ${offer.contactHours ? fact(t.openingHours, offer.contactHours) : nothing}
      ${website ? fact(t.website, html`<a class="bare" href=${website}>${offer.contactUrl}</a>`) : nothing}
    </dl>
  </section>`;
}


export function renderOrganisation(organisation: Organisation, withDetails = true) {
  const website = safeHref(organisation.website);
  return html`${website ? html`<a href=${website}>${organisation.name}</a>` : organisation.name}
  ${withDetails && organisation.description ? html`<br />${organisation.description}` : nothing}
  ${withDetails && organisation.phone ? html`<br />${telLink(organisation.phone)}` : nothing}`;
}

/** The statutory sections after the services: legal position, financial support, complaints, advice and the rest. */
export function renderSections(ctx: RenderContext, arrangement: string) {
  const offer = ctx.offer;
  const t = ctx.t;
  const specific = arrangement ? offer.legalFrameworkByArrangement?.[arrangement] : undefined;
  const section = (title: string, body: unknown) => html`<section part="section">${heading(ctx.level, title)}${body}</section>`;
  /** A section of rich text the council wrote, if it has any words. */
  const written = (title: string, blocks: unknown) => (hasWords(blocks) ? section(title, renderBlocks(blocks as Blocks, ctx.level + 1)) : nothing);
  return html`
    ${hasWords(offer.legalFramework) || specific
      ? section(t.legalHeading, html`${specific ? html`<p>${specific}</p>` : nothing}${renderBlocks(offer.legalFramework, ctx.level + 1)}`)
      : nothing}
    ${written(t.financialHeading, offer.financialSupportPolicy)}
    ${written(t.complaintsHeading, offer.complaints)}
    ${offer.independentAdvice.length
      ? section(t.adviceHeading, html`<ul>${offer.independentAdvice.map((org) => html`<li>${renderOrganisation(org)}</li>`)}</ul>`)
      : nothing}
    ${written(t.evidenceHeading, offer.evidenceBase)}
    ${offer.youSaidWeDid?.length
      ? section(
          t.youSaidWeDidHeading,
          html`<ul>${offer.youSaidWeDid.map(
            (change) => html`<li><p><b>${t.youSaid}:</b> ${change.youSaid}</p><p><b>${t.weDid}:</b> ${change.weDid}</p>
              <p class="meta">${dateText(change.date, ctx.lang)}</p></li>`,
          )}</ul>`,
        )
      : nothing}
    ${offer.accountableOfficerName
      ? section(t.accountableHeading, html`<p>${offer.accountableOfficerName}${offer.accountableOfficerRole ? `, ${offer.accountableOfficerRole}` : ''}</p>`)
      : nothing}
    ${offer.lastReviewedAt ? html`<p class="meta">${format(t.offerReviewed, { date: dateText(offer.lastReviewedAt, ctx.lang) })}</p>` : nothing}
  `;
}
