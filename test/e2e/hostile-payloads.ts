/**
 * What an attacker with an editor's account might type into any field: markup, event handlers,
 * SVG and MathML tricks, script URLs in every disguise browsers still accept, CSS injection, and
 * text that is merely awkward (very long, right-to-left overrides, emoji, combining marks).
 * Every executable payload calls `__xss(n)`, so a test sees it if anything runs.
 */

import type { Core } from '@strapi/strapi';
import type { Browser, BrowserContextOptions } from 'playwright-core';

const ARRANGEMENTS = ['informal_family_arrangement', 'private_fostering', 'child_arrangements_order', 'special_guardianship_order', 'kinship_foster_care', 'adoption'];

const blocks = (payload: string) => [
  { type: 'heading', level: 2, children: [{ type: 'text', text: payload }] },
  { type: 'paragraph', children: [{ type: 'text', text: payload, bold: true }, { type: 'link', url: payload, children: [{ type: 'text', text: payload }] }] },
  { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [{ type: 'text', text: payload }] }] },
  { type: payload, children: [{ type: 'text', text: payload }] },
];

/**
 * One offer per payload (slug `hostile-<index>`, one service), built validly through the importer,
 * then overwritten with the payload in every field, below the Document Service (as data that got
 * past validation would be). Used by the widget's test (hostile-content) and the pages' (pages-hostile).
 */
export async function seedHostileOffer(strapi: Core.Strapi, payload: string, index: number) {
  const slug = `hostile-${index}`;
  const key = `h${index}`;
  const { documentId } = await strapi.plugin('kinship-offer').service('importer').importOffer({
    organisations: [{ key, name: `Hostile organisation ${index}`, kind: 'voluntary' }],
    locations: [{ key, name: `Hostile location ${index}`, postcode: 'EB1 1AA', hideExactAddress: false }],
    contacts: [{ key, name: `Hostile contact ${index}`, organisation: key }],
    services: [{ title: `Service ${index}`, summary: 'x', cost: 'charged', supportTypes: ['education'], arrangementTypes: ARRANGEMENTS, provider: key, locations: [key], contacts: [key] }],
    offer: { name: `Hostile ${index}`, slug, councils: [{ name: 'x', gssCode: 'E09000999' }], independentAdvice: [key] },
  });
  const write = (uid: string, where: Record<string, unknown>, data: Record<string, unknown>) => strapi.db.query(uid as any).updateMany({ where, data });
  await write('plugin::kinship-offer.offer', { slug }, {
    name: payload, contactName: payload, contactPhone: payload, contactEmail: payload, contactHours: payload, contactUrl: payload, canonicalUrl: payload,
    accountableOfficerName: payload, accountableOfficerRole: payload, councils: [{ name: payload, gssCode: payload }],
    legalFrameworkByArrangement: Object.fromEntries(ARRANGEMENTS.map((code) => [code, payload])),
    generalApproach: blocks(payload), evidenceBase: blocks(payload), legalFramework: blocks(payload),
    financialSupportPolicy: blocks(payload), complaints: blocks(payload),
  });
  await write('plugin::kinship-offer.service', { title: `Service ${index}` }, {
    title: payload, summary: payload, description: blocks(payload), eligibility: payload, howToAccess: payload, referralUrl: payload,
    costDescription: payload, alert: payload, lastReviewedBy: payload, deliveryMethods: [payload], languages: [payload],
    openingTimes: [{ days: ['MO', payload], opensAt: '09:00', closesAt: '17:00', note: payload }],
  });
  await write('plugin::kinship-offer.organisation', { name: `Hostile organisation ${index}` }, { name: payload, description: payload, website: payload, phone: payload, email: payload });
  await write('plugin::kinship-offer.location', { name: `Hostile location ${index}` }, {
    name: payload, addressLine1: payload, addressLine2: payload, townOrCity: payload, postcode: payload, accessibility: payload,
  });
  await write('plugin::kinship-offer.contact', { name: `Hostile contact ${index}` }, { name: payload, role: payload, phone: payload, email: payload });
  return documentId;
}

/** The vocabularies are shared by every offer: their labels and descriptions get payloads in turn. */
export async function seedHostileVocabularies(strapi: Core.Strapi, payloads: string[]) {
  for (const uid of ['plugin::kinship-offer.arrangement-type', 'plugin::kinship-offer.support-type']) {
    for (const [index, term] of (await strapi.db.query(uid as any).findMany({})).entries()) {
      await strapi.db.query(uid as any).update({ where: { id: term.id }, data: { label: payloads[index * 7], description: payloads[index * 7 + 3] } });
    }
  }
}

/** Vectors that would run script or style if rendered as HTML or followed as a link. */
const markup = (n: number) => [
  `<script>__xss(${n})</script>`,
  `<ScRiPt>__xss(${n})</sCrIpT>`,
  `<script src="data:text/javascript,__xss(${n})"></script>`,
  `"><script>__xss(${n})</script>`,
  `'><script>__xss(${n})</script>`,
  `</p></li></ul><script>__xss(${n})</script>`,
  `<img src=x onerror=__xss(${n})>`,
  `<img src=x onerror="__xss(${n})">`,
  `<svg onload=__xss(${n})>`,
  `<svg><script>__xss(${n})</script></svg>`,
  `<svg><a xlink:href="javascript:__xss(${n})"><text x="0" y="20">x</text></a></svg>`,
  `<svg><animate onbegin=__xss(${n}) attributeName=x dur=1s>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=__xss(${n})>`,
  `<math href="javascript:__xss(${n})">x</math>`,
  `<iframe srcdoc="<script>parent.__xss(${n})</script>"></iframe>`,
  `<iframe src="javascript:parent.__xss(${n})"></iframe>`,
  `<object data="javascript:__xss(${n})"></object>`,
  `<embed src="javascript:__xss(${n})">`,
  `<details open ontoggle=__xss(${n})>`,
  `<body onload=__xss(${n})>`,
  `<input autofocus onfocus=__xss(${n})>`,
  `<video><source onerror=__xss(${n})></video>`,
  `<a href="javascript:__xss(${n})">click</a>`,
  `<form action="javascript:__xss(${n})"><button>go</button></form>`,
  `<base href="javascript:__xss(${n})//">`,
  `<meta http-equiv="refresh" content="0;url=javascript:__xss(${n})">`,
  `<style>*{background:url("javascript:__xss(${n})")}</style>`,
  `</style><script>__xss(${n})</script>`,
  `<div style="background-image:url(javascript:__xss(${n}))">x</div>`,
  `<div style="width:expression(__xss(${n}))">x</div>`,
  `<template><script>__xss(${n})</script></template>`,
  `<noscript><p title="</noscript><img src=x onerror=__xss(${n})>">`,
  `<!--<img src=x onerror=__xss(${n})>-->`,
  `<![CDATA[<script>__xss(${n})</script>]]>`,
  `\${__xss(${n})}`,
  `{{constructor.constructor('__xss(${n})')()}}`,
  `<lit-html>\${__xss(${n})}</lit-html>`,
  `&lt;script&gt;__xss(${n})&lt;/script&gt;`,
  `<scr<script>ipt>__xss(${n})</script>`,
  `<a href="&#106;avascript:__xss(${n})">x</a>`,
];

/** Script URLs in the disguises browsers forgive: case, entities, whitespace, control characters. */
const urls = (n: number) => [
  `javascript:__xss(${n})`,
  `JaVaScRiPt:__xss(${n})`,
  ` javascript:__xss(${n})`,
  `\tjavascript:__xss(${n})`,
  `java\tscript:__xss(${n})`,
  `java\nscript:__xss(${n})`,
  `java\rscript:__xss(${n})`,
  `\u0001javascript:__xss(${n})`,
  `javas\u0000cript:__xss(${n})`,
  `&#106;avascript:__xss(${n})`,
  `&#x6A;avascript:__xss(${n})`,
  `javascript&colon;__xss(${n})`,
  `%6A%61%76%61script:__xss(${n})`,
  `javascript://%0a__xss(${n})`,
  `vbscript:msgbox(${n})`,
  `VBScript:msgbox(${n})`,
  `data:text/html,<script>__xss(${n})</script>`,
  `data:text/html;base64,PHNjcmlwdD5fX3hzcygxKTwvc2NyaXB0Pg==`,
  `DATA:text/html,<script>__xss(${n})</script>`,
  `data:image/svg+xml,<svg onload=__xss(${n})>`,
  `http://evil.example/${n}`,
  `//evil.example/${n}`,
  `https://x.example/" onmouseover="__xss(${n})`,
  `https://x.example/'><script>__xss(${n})</script>`,
  `mailto:x@example.org" onclick="__xss(${n})`,
  `tel:0"><img src=x onerror=__xss(${n})>`,
];

/** Not attacks, but text that breaks careless rendering. */
const awkward = (n: number) => [
  'A'.repeat(5000),
  `${'long-word-without-spaces'.repeat(200)}${n}`,
  `\u202Egnp.exe\u202C invoice ${n}`,
  `\u202Ejavascript:__xss(${n})`,
  `Z̷̛̺͓̓a̵̢̙͐l̴̤̈́g̶̣̓o̴̯͝ ${n}`,
  `👩‍👩‍👧‍👦🏳️‍🌈 family ${n}`,
  `Ţēśţ ŵïţĥ àççéñţş ${n}`,
  `مرحبا بالعائلة ${n}`,
  `\u0000\u0001\u0002 control ${n}`,
  `   \n\n\t  ${n}`,
];

/** At least 200 payloads, numbered so a test can say which one ran. */
export function hostilePayloads(): string[] {
  const payloads: string[] = [];
  const add = (make: (n: number) => string[]) => payloads.push(...make(payloads.length));
  add(markup);
  add(urls);
  add(awkward);
  // The same vectors again, behind innocent text and in upper case: filters that look only at the
  // start of a value, or only at lower case, miss these.
  add((n) => markup(n).map((p) => `Support group ${p}`));
  add((n) => urls(n).map((p) => p.toUpperCase().replace('__XSS', '__xss')));
  add((n) => markup(n).map((p) => p.toUpperCase().replaceAll('__XSS', '__xss')));
  add((n) => markup(n).map((p) => `"${p}"`));
  return payloads;
}

/**
 * A page in a new context of `browser` where anything a payload runs is counted: `__xss(n)`, and
 * any dialog. `ran()` gives those calls and the page's uncaught errors, and closes the context.
 */
export async function watchedPage(browser: Browser, options: BrowserContextOptions = {}) {
  const context = await browser.newContext(options);
  await context.addInitScript(() => {
    (window as any).xssCalls = [];
    (window as any).__xss = (n: unknown) => (window as any).xssCalls.push(n);
    window.alert = window.confirm = window.prompt = ((message: unknown) => (window as any).xssCalls.push(`dialog ${message}`)) as any;
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const ran = async () => {
    const xssCalls: unknown[] = await page.evaluate(() => (window as any).xssCalls);
    await context.close();
    return { xssCalls, pageErrors };
  };
  return { page, ran };
}
