/**
 * Consultations on an offer against a real Strapi: the checklist's duty to consult before
 * publishing or updating (Children Act 1989, s.22H), flagged with its dates and cleared once a
 * consultation is recorded, and the public consultation report: published consultations only,
 * counts of who took part, what was said and what changed, and nothing hidden or personal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type TestCms } from '../support/cms';
import { editorToken } from '../support/editor';

let cms: TestCms;
let token: string;
beforeAll(async () => void (token = await editorToken((cms = await startCms()))));
afterAll(async () => cms?.stop());

const asEditor = async (path: string) => ((await (await fetch(`${cms.url}/kinship-offer${path}`, { headers: { authorization: `Bearer ${token}` } })).json()) as any).data;
const offers = () => cms.strapi.documents('plugin::kinship-offer.offer');
const consultations = () => cms.strapi.documents('plugin::kinship-offer.consultation');
const today = () => new Date().toISOString().slice(0, 10);
const reportOf = (slug: string, query = '') => fetch(`${cms.url}/api/kinship-offer/offers/${slug}/consultation-report${query}`);

describe('the duty to consult, in the checklist', () => {
  it('is met by the demo offer, consulted before it was published', async () => {
    const borough = await offers().findFirst({ filters: { slug: 'example-borough' } });
    const { consultation } = await asEditor(`/compliance/${borough!.documentId}`);
    expect(consultation).toMatchObject({ ok: true, since: null, lastConsulted: '2026-08-12', field: 'consultations' });
  });

  it('flags an offer updated since its publication, with the dates, and clears once a consultation is recorded', async () => {
    const shared = await offers().findFirst({ filters: { slug: 'example-shared-service' }, status: 'published' });
    // The shared service's demo has no consultation recorded: its first publication is flagged.
    expect((await asEditor(`/compliance/${shared!.documentId}`)).consultation).toMatchObject({ ok: false, since: null, changedAt: expect.any(String) });

    await offers().update({ documentId: shared!.documentId, data: { contactHours: 'Monday to Friday, 9am to 6pm' } as any });
    const updated = (await asEditor(`/compliance/${shared!.documentId}`)).consultation;
    expect(updated).toMatchObject({ ok: false, since: new Date(shared!.publishedAt as any).toISOString() });
    expect(updated.changedAt > updated.since).toBe(true);
    expect(updated.todo).toMatch(/^The offer was changed on \d+ \w+ \d{4} since it was published on \d+ \w+ \d{4}, and no consultation is recorded since \d+ \w+ \d{4}/);

    // Recorded (a draft is enough: the duty is to consult; the report shows it once published).
    const record = await consultations().create({
      data: { title: 'Coffee morning at Eastbrook', date: today(), method: 'event', participants: [{ group: 'kinship_carers', count: 9 }], offers: [shared!.documentId] } as any,
    });
    expect((await asEditor(`/compliance/${shared!.documentId}`)).consultation).toMatchObject({ ok: true, lastConsulted: today() });
    expect((await (await reportOf('example-shared-service')).json() as any).data.consultations).toEqual([]);

    // Published again, the offer needs a consultation since that publication for its next update.
    await offers().publish({ documentId: shared!.documentId });
    expect((await asEditor(`/compliance/${shared!.documentId}`)).consultation).toMatchObject({ ok: true, since: new Date(shared!.publishedAt as any).toISOString() });
    await consultations().delete({ documentId: record.documentId });
    expect((await asEditor(`/compliance/${shared!.documentId}`)).consultation).toMatchObject({ ok: false });
  });
});

describe('the public consultation report', () => {
  it('shows each published consultation: how, who took part as counts, what was said, what changed', async () => {
    const response = await reportOf('example-borough');
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as any;
    expect(data.offer).toMatchObject({ name: 'Example Borough Council', slug: 'example-borough' });
    expect(data.consultations.map((c: any) => [c.date, c.method.label])).toEqual([
      ['2026-08-12', 'Event'],
      ['2026-07-08', 'Focus group'],
      ['2026-05-29', 'Survey'],
    ]);
    const survey = data.consultations[2];
    expect(survey.participants).toEqual([
      { group: { code: 'kinship_carers', label: 'Kinship carers' }, count: 64 },
      { group: { code: 'former_kinship_carers', label: 'Former kinship carers' }, count: 5 },
    ]);
    expect(survey.whatWasSaid[0]).toEqual({ theme: 'The offer was hard to find', detail: expect.stringContaining('another carer') });
    expect(survey.services.map((s: any) => s.title)).toEqual(['Child arrangements order allowance', 'Kinship navigators']);
    expect(survey.youSaidWeDid).toEqual([expect.objectContaining({ date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), weDid: expect.stringContaining('financial support policy') })]);
    // Services as a title and an id: no address, hidden or not, and no contact.
    expect(Object.keys(survey.services[0]).sort()).toEqual(['documentId', 'title']);
  });

  it('leaves out draft consultations, unpublished services, and offers not published', async () => {
    const borough = await offers().findFirst({ filters: { slug: 'example-borough' } });
    const draftService = await cms.strapi.documents('plugin::kinship-offer.service').create({ data: { title: 'Draft family support', cost: 'free' } as any });
    await consultations().create({
      data: { title: 'Draft: not yet agreed', date: today(), method: 'one_to_one', offers: [borough!.documentId], services: [draftService.documentId] } as any,
    });
    const published = await consultations().create({
      data: { title: 'Calls to carers who left the survey', date: '2026-06-01', method: 'one_to_one', participants: [{ group: 'kinship_carers', count: 4 }], offers: [borough!.documentId], services: [draftService.documentId] } as any,
    });
    await consultations().publish({ documentId: published.documentId });
    // Still linked after the offer is published again.
    await offers().publish({ documentId: borough!.documentId });
    const { data } = (await (await reportOf('example-borough')).json()) as any;
    expect(data.consultations.map((c: any) => c.title)).not.toContain('Draft: not yet agreed');
    const calls = data.consultations.find((c: any) => c.title === 'Calls to carers who left the survey');
    expect(calls.services).toEqual([]);

    const unpublished = await offers().create({ data: { name: 'Unpublished Council', councils: [{ name: 'Unpublished Council', gssCode: 'E06000998' }] } as any });
    expect((await reportOf(unpublished.slug as string)).status).toBe(404);
    expect((await reportOf('no-such-offer')).status).toBe(404);
  });

  it('refuses a malformed language with a 400', async () => {
    const response = await reportOf('example-borough', '?locale=%3Cscript%3E');
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).error.message).toMatch(/language code/);
  });

  it('is a public page beside the offer\'s, linked from it, with published consultations only', async () => {
    const offerPage = await (await fetch(`${cms.url}/kinship-offer/example-borough`)).text();
    expect(offerPage).toContain(`href="${cms.url}/kinship-offer/example-borough/consultation-report"`);
    const response = await fetch(`${cms.url}/kinship-offer/example-borough/consultation-report`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('<h1 class="">How we consulted on Example Borough Council</h1>');
    expect(html).toContain('Kinship carers: 64 people');
    expect(html).toContain('Children in kinship care: 11 people');
    expect(html).toContain('The offer was hard to find');
    expect(html).toContain('Calls to carers who left the survey');
    expect(html).not.toContain('Draft: not yet agreed');
    expect(html).not.toContain('Draft family support');
    // The offer's named contact, as on every page.
    expect(html).toContain('020 7946 0000');
    expect((await fetch(`${cms.url}/kinship-offer/no-such-offer/consultation-report`)).status).toBe(404);
  });

  it('keeps draft consultations private on the public REST route', async () => {
    const response = await fetch(`${cms.url}/api/kinship-offer/consultations?status=draft`);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const list = (await (await fetch(`${cms.url}/api/kinship-offer/consultations`)).json()) as any;
    expect(list.data.map((c: any) => c.title)).not.toContain('Draft: not yet agreed');
  });
});
