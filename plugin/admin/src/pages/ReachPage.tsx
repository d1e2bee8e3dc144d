/**
 * Reach, for one offer's editors: how many people saw the offer and where, what readers looked
 * for against what the offer provides (gaps: looked for, nothing offered), which services they
 * opened and whose contacts they tapped. From the widget's anonymous counts (server/src/reach),
 * over the last 12 months. Downloads as CSV; prints as a summary for a scrutiny committee.
 */
import { Button, Flex, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { BackButton, Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useEffect } from 'react';
import { useParams } from 'react-router-dom';
import { createGlobalStyle } from 'styled-components';
import { endpoints, errorMessage, useAdminActions, useAdminApi, type ReachChoice, type ReachReport } from '../api/client';
import { SEARCH_LENGTHS } from '../../../shared/reach';
import { AdminLink } from '../components/AdminLink';
import { Panel } from '../components/Panel';
import { BarTable } from '../components/reach/BarTable';
import { WeeklyViews } from '../components/reach/WeeklyViews';
import { dayText, plural, siteText } from '../components/reach/words';
import { DataTable } from '../components/DataTable';
import { editService, offerPage } from '../links';

/** On paper: the report alone, without the admin's menus and buttons. */
const PrintSummary = createGlobalStyle`
  @media print {
    nav, .no-print, [data-strapi-header-sticky] { display: none !important; }
    body, main, section { background: white !important; box-shadow: none !important; }
    details > summary { display: none; }
    details::details-content { content-visibility: visible; display: block; }
    section { break-inside: avoid; }
  }
`;

/** "Readers chose X most often (n). Looked for, nothing offered: Y (n)." */
function choicesText(choices: ReachChoice[], noun: string) {
  const chosen = choices.filter((choice) => choice.chosen > 0).sort((a, b) => b.chosen - a.chosen);
  if (!chosen.length) return `No reader has chosen ${noun} yet.`;
  const gaps = chosen.filter((choice) => choice.services === 0 && choice.code);
  return (
    `Readers chose “${chosen[0].label}” most often (${chosen[0].chosen.toLocaleString('en-GB')}). ` +
    (gaps.length
      ? `Looked for, nothing offered: ${gaps.map((gap) => `“${gap.label}” (${plural(gap.chosen, 'time')})`).join(', ')}.`
      : 'Everything readers looked for has at least one published service.')
  );
}

function Choices({ title, choices, noun }: { title: string; choices: ReachChoice[]; noun: string }) {
  return (
    <>
      <Typography tag="p">{choicesText(choices, noun)}</Typography>
      <BarTable
        caption={title}
        headers={[noun[0].toUpperCase() + noun.slice(1), 'Chosen by readers', 'Published services', 'Gap']}
        rows={choices.map((choice) => {
          const gap = choice.chosen > 0 && choice.services === 0;
          return { key: choice.code || 'not-sure', label: choice.label, value: choice.chosen, warn: gap, cells: [choice.services, gap ? 'Looked for, nothing offered' : ''] };
        })}
      />
    </>
  );
}

export function ReachPage() {
  const { documentId = '' } = useParams();
  const loaded = useAdminApi(endpoints.reach(documentId));
  const actions = useAdminActions();
  const { toggleNotification } = useNotification();
  // Every table prints, the ones behind "as a table" too (browsers without ::details-content).
  useEffect(() => {
    const openAll = () => document.querySelectorAll('main details').forEach((details) => details.setAttribute('open', ''));
    addEventListener('beforeprint', openAll);
    return () => removeEventListener('beforeprint', openAll);
  }, []);
  if (loaded.state === 'loading') return <Page.Loading />;
  if (loaded.state === 'failed') return <Page.Error content={loaded.message} />;
  const report: ReachReport = loaded.data;

  const download = async () => {
    try {
      const csv = await actions.reachCsv(documentId);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      link.download = `reach-${report.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${report.to}.csv`;
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    }
  };

  const opened = [...report.services].sort((a, b) => b.opened - a.opened);
  const top = opened.slice(0, 3).filter((service) => service.opened > 0);
  const least = opened.slice(-3).reverse();
  const taps = (service: { phone: number; email: number; web: number }) => service.phone + service.email + service.web;
  const [busiestSite] = report.sites.filter((site) => !site.own);

  return (
    <Page.Main>
      <PrintSummary />
      <Page.Title>{`Reach: ${report.name}`}</Page.Title>
      <Layouts.Header
        navigationAction={<span className="no-print"><BackButton fallback={offerPage(documentId)} /></span>}
        title={`Reach: ${report.name}`}
        subtitle={`Anonymous counts from the embedded offer, ${dayText(report.from)} to ${dayText(report.to)}`}
        primaryAction={
          <Flex gap={2} className="no-print">
            <Button variant="secondary" onClick={() => window.print()}>
              Print summary
            </Button>
            <Button startIcon={<Download />} onClick={download}>
              Download CSV
            </Button>
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Panel title="Views">
            <Typography tag="p" variant="delta">
              {plural(report.totals.viewsLast30Days, 'view')} in the last 30 days; {plural(report.totals.views, 'view')} in 12 months, on{' '}
              {plural(report.totals.sites, 'site')}.
            </Typography>
            <WeeklyViews weeks={report.weeks} />
          </Panel>

          <Panel title="Where the offer is seen">
            <Typography tag="p">
              {busiestSite
                ? `${siteText(busiestSite.site)} has shown it ${plural(busiestSite.viewsLast30Days, 'time')} in the last 30 days (${plural(busiestSite.views, 'time')} in 12 months).`
                : 'No site has shown the offer yet. The embed builder gives the code for a partner’s page.'}
            </Typography>
            {report.sites.length > 0 && (
              <BarTable
                caption="Sites showing the offer, most views first"
                headers={['Site', 'Views in 12 months', 'Last 30 days', 'First seen', 'Last seen']}
                rows={report.sites.map((site) => ({
                  key: site.site || 'other',
                  label: siteText(site.site, site.own),
                  value: site.views,
                  cells: [site.viewsLast30Days.toLocaleString('en-GB'), dayText(site.firstSeen), dayText(site.lastSeen)],
                }))}
              />
            )}
          </Panel>

          <Panel title="What readers looked for">
            <Choices title="Arrangements readers chose, against the services open to each" choices={report.arrangements} noun="arrangement" />
            <Choices title="Support types readers chose, against the services of each type" choices={report.supportTypes} noun="support type" />
            <DataTable caption="Searches, by length (the words are never sent)">
              <thead>
                <tr>
                  <th scope="col">Characters typed</th>
                  <th scope="col">Searches</th>
                </tr>
              </thead>
              <tbody>
                {SEARCH_LENGTHS.map((length) => (
                  <tr key={length}>
                    <th scope="row">{length}</th>
                    <td>{report.searches[length] ?? 0}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </Panel>

          <Panel title="Services opened">
            <Typography tag="p">
              {top.length
                ? `Most opened: ${top.map((service) => `“${service.title}” (${service.opened})`).join(', ')}. Least opened: ${least.map((service) => `“${service.title}” (${service.opened})`).join(', ')}.`
                : 'No reader has opened a service’s details yet.'}
            </Typography>
            <BarTable
              caption="Published services, most opened first"
              headers={['Service', 'Details opened', 'Contacts tapped']}
              rows={opened.map((service) => ({
                key: service.documentId,
                label: <AdminLink to={editService(service.documentId)}>{service.title}</AdminLink>,
                value: service.opened,
                cells: [taps(service)],
              }))}
            />
          </Panel>

          <Panel title="Contacts tapped">
            <Typography tag="p">
              The named contact: {plural(report.namedContact.phone, 'phone call')} started, {plural(report.namedContact.email, 'e-mail')} started,{' '}
              {plural(report.namedContact.web, 'web page')} opened. {plural(report.prints, 'print')}; feedback given {plural(report.feedback, 'time')}.
            </Typography>
            <DataTable caption="Contacts tapped, per service">
              <thead>
                <tr>
                  <th scope="col">Contact</th>
                  <th scope="col">Phone</th>
                  <th scope="col">E-mail</th>
                  <th scope="col">Web page</th>
                  <th scope="col">Feedback</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">The named contact</th>
                  <td>{report.namedContact.phone}</td>
                  <td>{report.namedContact.email}</td>
                  <td>{report.namedContact.web}</td>
                  <td>–</td>
                </tr>
                {[...report.services]
                  .filter((service) => taps(service) + service.feedback > 0)
                  .sort((a, b) => taps(b) - taps(a))
                  .map((service) => (
                    <tr key={service.documentId}>
                      <th scope="row">{service.title}</th>
                      <td>{service.phone}</td>
                      <td>{service.email}</td>
                      <td>{service.web}</td>
                      <td>{service.feedback}</td>
                    </tr>
                  ))}
              </tbody>
            </DataTable>
          </Panel>

          <Typography tag="p" variant="pi" textColor="neutral600">
            Counted without cookies or personal data: the widget sends an anonymous event when the offer is shown and when a reader chooses, opens
            or taps something, unless the page turns it off or the reader’s browser asks not to be tracked. Days are UTC.
          </Typography>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}
