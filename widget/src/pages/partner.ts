/**
 * A partner's pages (plugin/server/src/partners): the form a private link opens for one service,
 * and the message pages (thanks, or why a link opens nothing). Server-rendered like every page
 * here, escaped as Lit escapes, in the pages' GOV.UK look, and complete without JavaScript: the
 * form posts back to the link's own address, and the server answers with the next page.
 *
 * The form follows GOV.UK's patterns for errors: the title starts "Error:", an error summary
 * (role="alert") lists each problem linked to its field, and each field carries its message
 * (tied to it by aria-describedby) and what the partner typed.
 */
import { html as page } from '@lit-labs/ssr';
import { nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { PartnerFormField, PartnerFormPage, PartnerMessagePage, PartnerPage } from '../../../plugin/shared/pages';
import { htmlOf } from './render';
import { stylesheet } from './styles';

/** The document around a partner's page: never indexed, its stylesheet inside it (the page works wherever the public pages are switched off). */
function partnerDocument(title: string, council: string, main: unknown) {
  return page`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
${unsafeHTML(`<style>${stylesheet}</style>`)}
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="page-header"><div class="width-container"><p class="council">${council}</p></div></header>
<div class="width-container">
<main id="main" class="root">${main}</main>
</div>
</body>
</html>
`;
}

const fieldId = (name: string) => `field-${name}`;

function control(field: PartnerFormField, describedBy: string | undefined, invalid: boolean) {
  const id = fieldId(field.name);
  const common = { id, name: field.name, describedBy: describedBy ?? nothing, invalid: invalid ? 'true' : nothing };
  if (field.input === 'choice') {
    return page`<select id=${common.id} name=${common.name} aria-describedby=${common.describedBy} aria-invalid=${common.invalid}>${(field.options ?? []).map(
      ([value, label]) => page`<option value=${value} ?selected=${value === field.value}>${label}</option>`,
    )}</select>`;
  }
  if (field.input === 'paragraph') {
    return page`<textarea id=${common.id} name=${common.name} rows="4" aria-describedby=${common.describedBy} aria-invalid=${common.invalid} ?required=${field.required}>${field.value}</textarea>`;
  }
  return page`<input id=${common.id} name=${common.name} type="text" inputmode=${field.input === 'number' ? 'decimal' : nothing} autocomplete=${field.name === 'name' ? 'name' : 'off'} value=${field.value} aria-describedby=${common.describedBy} aria-invalid=${common.invalid} ?required=${field.required}>`;
}

function formGroup(field: PartnerFormField, problem: string | undefined) {
  const hintId = field.hint ? `${fieldId(field.name)}-hint` : undefined;
  const errorId = problem ? `${fieldId(field.name)}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return page`<div class=${problem ? 'form-group form-group-error' : 'form-group'}>
<label for=${fieldId(field.name)}>${field.label}${field.required ? nothing : page` (optional)`}</label>
${field.hint ? page`<p class="hint" id=${hintId}>${field.hint}</p>` : nothing}
${problem ? page`<p class="field-error" id=${errorId}><span class="visually-hidden">Error: </span>${problem}</p>` : nothing}
${control(field, describedBy, !!problem)}
</div>`;
}

function formPage(model: PartnerFormPage) {
  const problemOf = (name: string) => model.problems.find((problem) => problem.field === name)?.message;
  const [name, ...rest] = model.fields;
  const serviceFields = rest.filter((field) => field.name !== 'note');
  const note = rest.find((field) => field.name === 'note');
  const main = page`<h1>Check your service: ${model.title}</h1>
${model.intro.map((paragraph) => page`<p>${paragraph}</p>`)}
<form method="post" action=${model.action} novalidate>
${model.problems.length
  ? page`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
<h2 id="error-summary-title">There is a problem</h2>
<ul>${model.problems.map((problem) => page`<li><a href=${`#${fieldId(problem.field)}`}>${problem.message}</a></li>`)}</ul>
</div>`
  : nothing}
${formGroup(name, problemOf(name.name))}
<h2>Is everything below still correct?</h2>
<p><button type="submit" name="action" value="confirm">Yes, it is still correct</button></p>
<h2>Or change what is wrong</h2>
<p>Change the fields below, then send them to the council. The council checks every change before carers see it.</p>
${serviceFields.map((field) => formGroup(field, problemOf(field.name)))}
${note ? formGroup(note, problemOf(note.name)) : nothing}
<p><button type="submit" name="action" value="propose">Send the changes to the council</button></p>
</form>`;
  return partnerDocument(`${model.problems.length ? 'Error: ' : ''}Check your service: ${model.title}`, model.council, main);
}

function messagePage(model: PartnerMessagePage) {
  const main = page`<h1>${model.heading}</h1>${model.paragraphs.map((paragraph) => page`<p>${paragraph}</p>`)}`;
  return partnerDocument(model.heading, model.council, main);
}

export async function renderPartnerPage(model: PartnerPage): Promise<string> {
  return htmlOf(model.kind === 'partner-form' ? formPage(model) : messagePage(model));
}
