/**
 * The offer's consultation report (Children Act 1989, s.22H) as readers see it, rendered from the
 * public report (plugin/shared/consultation-report.ts): for each consultation, how and when it took
 * place, how many of each group took part, what they said and what changed. Pure, and the same
 * template on a server-rendered page and in the browser; text is escaped by Lit, never markup.
 */
import { html, nothing } from 'lit';
import type { ConsultationReport, ConsultationReportEntry } from '../../../plugin/shared/consultation-report';
import { dateText } from '../format/text';
import { format, type PageStrings } from '../strings';
import { heading } from './offer';

export interface ConsultationReportContext {
  t: PageStrings;
  /** The language dates and numbers are written in (a BCP 47 tag). */
  lang: string;
  /** The level of the report's heading, 1 to 6; each consultation's is one below. */
  level: number;
}

const fact = (term: string, description: unknown) => html`<dt>${term}</dt><dd>${description}</dd>`;

function renderConsultation(consultation: ConsultationReportEntry, { t, lang, level }: ConsultationReportContext) {
  return html`<section class="consultation" aria-labelledby=${`consultation-${consultation.documentId}`}>
    ${heading(level + 1, html`<span id=${`consultation-${consultation.documentId}`}>${consultation.title}</span>`)}
    <dl>
      ${fact(t.when, dateText(consultation.date, lang))}
      ${fact(t.consultationHow, consultation.methodDetail ? `${consultation.method.label}: ${consultation.methodDetail}` : consultation.method.label)}
      ${consultation.participants.length
        ? fact(
            t.consultationWhoTookPart,
            html`<ul>${consultation.participants.map(({ group, count }) => html`<li>${group.label}: ${format(t.consultationParticipants, { count }, lang)}</li>`)}</ul>`,
          )
        : nothing}
    </dl>
    ${consultation.whatWasSaid.length
      ? html`${heading(level + 2, t.consultationWhatWasSaid)}
          <ul>${consultation.whatWasSaid.map(({ theme, detail }) => html`<li><strong>${theme}</strong>${detail ? html`. ${detail}` : nothing}</li>`)}</ul>`
      : nothing}
    ${consultation.whatChanged || consultation.youSaidWeDid.length || consultation.services.length
      ? html`${heading(level + 2, t.consultationWhatChanged)}
          ${consultation.whatChanged ? html`<p>${consultation.whatChanged}</p>` : nothing}
          ${consultation.youSaidWeDid.length
            ? html`<ul>${consultation.youSaidWeDid.map((entry) => html`<li>${t.youSaid}: ${entry.youSaid} ${t.weDid}: ${entry.weDid}</li>`)}</ul>`
            : nothing}
          ${consultation.services.length
            ? html`<p>${t.consultationServicesChanged}: ${consultation.services.map((service) => service.title).join(', ')}.</p>`
            : nothing}`
      : nothing}
  </section>`;
}

/** The whole report: a heading, what consulting means here, then each consultation, newest first. */
export function renderConsultationReport(report: ConsultationReport, ctx: ConsultationReportContext) {
  return html`<article class="consultation-report">
    ${heading(ctx.level, format(ctx.t.consultationReportHeading, { offer: report.offer.name }))}
    <p>${ctx.t.consultationReportIntro}</p>
    ${report.consultations.length ? report.consultations.map((consultation) => renderConsultation(consultation, ctx)) : html`<p>${ctx.t.consultationReportNone}</p>`}
  </article>`;
}
