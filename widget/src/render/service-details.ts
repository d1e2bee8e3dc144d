/**
 * A service's details, as a reader sees them when they open it (or print): its description, who
 * it is for, how to get it, cost, delivery, where, when, languages and contacts.
 *
 * A module of its own because the element loads it after its first view (kinship-offer.ts
 * `serviceDetails`): the one-tag script carries what the first screen shows, and this part,
 * its largest after Lit, arrives while the reader reads. The public pages render it at once
 * (../pages/render.ts). Pure, as ./offer is.
 */
import { html, nothing } from 'lit';
import type { Contact, Location, OpeningTime, Service } from '../api/types';
import { openingTimeText } from '../format/opening-times';
import { agesText, costText, dateText, deliveryText, languageName } from '../format/text';
import { format } from '../strings';
import { renderBlocks, safeHref } from './blocks';
import { fact, mailtoLink, renderOrganisation, telLink, type RenderContext } from './offer';
/** A service's details, shown when a reader opens it (or prints). */
export function renderServiceDetails(service: Service, ctx: RenderContext) {
  const t = ctx.t;
  const offer = ctx.offer;
  const labelOf = (code: string) => offer.vocabulary.arrangementTypes.find((term) => term.code === code)?.label ?? code;
  const referral = safeHref(service.referralUrl);
  const lang = ctx.lang;
  const ages = agesText(service, t);
  return html`<div class="details">
        ${renderBlocks(service.description, ctx.level + 3)}
        <dl>
          ${service.eligibility || ages ? fact(t.whoFor, `${service.eligibility ?? ''} ${ages ?? ''}`) : nothing}
          ${service.arrangementTypes.length ? fact(t.openTo, service.arrangementTypes.map((type) => labelOf(type.code)).join(', ')) : nothing}
          ${service.howToAccess || referral
            ? fact(t.howToAccess, html`${service.howToAccess ?? ''} ${referral ? html`<a href=${referral}>${t.referral}</a>` : nothing}`)
            : nothing}
          ${fact(t.cost, costText(service, t, lang))}
          ${service.deliveryMethods?.length
            ? fact(t.delivery, service.deliveryMethods.map((method) => deliveryText(method, t)).join(', '))
            : nothing}
          ${service.locations.length ? fact(t.where, service.locations.map((location) => renderLocation(location))) : nothing}
          ${service.openingTimes?.length ? fact(t.when, service.openingTimes.map((time) => renderOpeningTime(time, ctx))) : nothing}
          ${service.languages?.length ? fact(t.languages, service.languages.map((code) => languageName(code, lang)).join(', ')) : nothing}
          ${service.contacts.length || service.provider
            ? fact(
                t.contacts,
                html`${service.contacts.map((contact) => renderContactPerson(contact))}
                  ${service.provider ? html`<p>${t.providedBy}: ${renderOrganisation(service.provider, false)}</p>` : nothing}`,
              )
            : nothing}
        </dl>
        ${service.lastReviewedAt
          ? html`<p class="meta">${format(t.lastReviewed, { date: dateText(service.lastReviewedAt, lang) })}</p>`
          : nothing}
        ${ctx.feedback(service.uuid)}
      </div>`;
}

function renderLocation(location: Location) {
  const address = [location.addressLine1, location.addressLine2, location.townOrCity, location.postcode].filter(Boolean).join(', ');
  return html`<p>${location.name}${address ? html`<br />${address}` : nothing}
    ${location.accessibility ? html`<br /><span class="meta">${location.accessibility}</span>` : nothing}</p>`;
}

function renderOpeningTime(time: OpeningTime, ctx: RenderContext) {
  return html`<p>${openingTimeText(time, ctx.lang, ctx.t)}${time.note ? html`<br />${time.note}` : nothing}</p>`;
}

function renderContactPerson(contact: Contact) {
  return html`<p>${contact.name}${contact.role ? `, ${contact.role}` : ''}
    ${contact.phone ? html`<br />${telLink(contact.phone)}` : nothing}
    ${contact.email ? html`<br />${mailtoLink(contact.email)}` : nothing}</p>`;
}
