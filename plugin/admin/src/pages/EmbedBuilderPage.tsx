/**
 * The embed builder: choose an offer, see how each of the four ways onto a council's site shows
 * it (script tag, pasted link, iframe, link card) at the size readers see, copy the exact text, and
 * read which way suits the council's CMS. Every address comes from the server (`EmbedChoices`:
 * the CMS's public URL and its configured pages path), never from the address the editor's browser
 * used; no preview is counted as a reader's view.
 */
import { Box, Button, Checkbox, Field, Flex, Grid, Link, Loader, Radio, SingleSelect, SingleSelectOption, Textarea, Typography } from '@strapi/design-system';
import { Duplicate } from '@strapi/icons';
import { BackButton, Layouts, Page, useClipboard } from '@strapi/strapi/admin';
import { useEffect, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { endpoints, useAdminApi, type EmbedChoices } from '../api/client';
import { PreviewFrame } from '../components/PreviewFrame';
import { embedSnippet, iframeSnippet, previewBaseOf, previewPage, resizeScriptTag, VIEWS, WHERE_TO_USE, type EmbedOptions, type EmbedWay, type View } from '../embed/snippet';
import { PLUGIN_PATH } from '../plugin-id';

const VIEW_LABELS: Record<View, string> = {
  full: 'The whole offer',
  services: 'The named contact and the services (with filters)',
  contact: 'The named contact only',
};

const WAY_NAMES: Record<EmbedWay, string> = {
  script: 'Script tag',
  link: 'Pasted link',
  iframe: 'Iframe',
  card: 'Link card',
};

/** A copy button that says, in a polite live region beside it, whether it copied. */
function CopyButton({ text, label }: { text: string; label: string }) {
  const { copy } = useClipboard();
  const [status, setStatus] = useState('');
  useEffect(() => setStatus(''), [text]);
  return (
    <Flex gap={3}>
      <Button startIcon={<Duplicate />} onClick={async () => setStatus((await copy(text)) ? 'Copied' : 'Could not copy: select the text and copy it')}>
        {label}
      </Button>
      <Typography role="status" textColor={status === 'Copied' ? 'success600' : 'danger600'}>
        {status}
      </Typography>
    </Flex>
  );
}

/** One way: what it is for, the exact text to copy, and its live preview. */
function Way({ way, hint, text, rows, preview, children }: { way: EmbedWay; hint: string; text: string; rows: number; preview: string; children?: ReactNode }) {
  const name = WAY_NAMES[way];
  return (
    <Box tag="section" aria-labelledby={`embed-${way}-heading`} background="neutral0" shadow="tableShadow" hasRadius padding={6} width="100%">
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography tag="h2" variant="beta" id={`embed-${way}-heading`}>
          {name}
        </Typography>
        <Field.Root name={`embed-${way}`} id={`embed-${way}`} hint={hint}>
          <Field.Label>{`${name} to copy`}</Field.Label>
          <Textarea value={text} readOnly rows={rows} style={{ fontFamily: 'monospace' }} />
          <Field.Hint />
        </Field.Root>
        <CopyButton text={text} label={`Copy the ${name.toLowerCase()}`} />
        {children}
        <Typography tag="h3" variant="delta">
          {`Preview: ${name.toLowerCase()}`}
        </Typography>
        <PreviewFrame title={`Preview: ${name.toLowerCase()}`} page={preview} />
      </Flex>
    </Box>
  );
}

const NO_PAGE = {
  unpublished: 'The pasted link, the iframe and the link card show the offer\'s public page, which exists once the offer is published. Publish it, then come back.',
  'pages-off': 'This CMS serves no public pages (the plugin\'s pages setting is off), so only the script tag can show the offer. Ask whoever runs the CMS to turn pages on for the other ways.',
};

/** The four ways for one offer, from the server's addresses. */
function Ways({ choices, options, offerName }: { choices: EmbedChoices; options: Omit<EmbedOptions, 'widgetScript' | 'offerViewBase'>; offerName: string }) {
  const { publicUrl, widgetScript, offerViewBase, page, noPage } = choices;
  const bases = { publicUrl, previewBase: previewBaseOf(window) };
  const script = { ...options, widgetScript, offerViewBase };
  // The iframe view names its styles and script at the public URL, which its own policy ('self') refuses when framed from another address.
  const elsewhere = bases.previewBase !== publicUrl.replace(/\/+$/, '') && (
    <Typography textColor="neutral600">
      {`This admin is open at ${bases.previewBase}, not at the CMS's public address, so this preview shows the offer without its styles. Open the admin at ${publicUrl}/admin to see it as readers will.`}
    </Typography>
  );
  return (
    <>
      <Way
        way="script"
        rows={6}
        text={embedSnippet(script)}
        preview={previewPage(embedSnippet({ ...script, reach: 'off' }), bases)}
        hint="For a page that allows scripts: the whole offer, live, with the options on the left. The paragraph inside is for readers whose browser does not run the script."
      />

      {page ? (
        <>
          <Way
            way="link"
            rows={1}
            text={page.url}
            preview={previewPage(`${page.oembed.html}\n${resizeScriptTag(page.resizeScript)}`, bases)}
            hint="Paste it on a line of its own (WordPress), or as remote media (Drupal with oembed_providers): the CMS asks this one for the offer (oEmbed) and shows it as below."
          >
            {elsewhere}
          </Way>
          <Way
            way="iframe"
            rows={3}
            text={iframeSnippet(page, offerName)}
            preview={previewPage(iframeSnippet(page, offerName), bases)}
            hint="Where an iframe is allowed but no script: the script line is optional and sizes the frame to the offer."
          >
            {elsewhere}
          </Way>
          <Way way="card" rows={3} text={page.linkCard.html} preview={previewPage(page.linkCard.html, bases)} hint="Where only text and links are allowed: a link to the offer's page with the named contact's phone number.">
            <Typography>
              For posters and leaflets, the page's QR code: <Link href={page.linkCard.qrCode.svg} isExternal>SVG</Link> or <Link href={page.linkCard.qrCode.png} isExternal>PNG</Link>.
            </Typography>
          </Way>
        </>
      ) : (
        <Box background="neutral0" shadow="tableShadow" hasRadius padding={6} width="100%">
          <Typography>{NO_PAGE[noPage ?? 'unpublished']}</Typography>
        </Box>
      )}
    </>
  );
}

export function EmbedBuilderPage() {
  const offers = useAdminApi(endpoints.offers());
  const vocabularies = useAdminApi(endpoints.vocabularies());
  const [params, setParams] = useSearchParams();
  const chosenId = params.get('offer');
  const [arrangement, setArrangement] = useState('');
  const [supportTypes, setSupportTypes] = useState<string[]>([]);
  const [view, setView] = useState<View>('full');
  const [headingLevel, setHeadingLevel] = useState(2);

  const list = offers.state === 'ready' ? offers.data : [];
  const offer = list.find((o) => o.documentId === chosenId) ?? list[0];
  const choices = useAdminApi(offer ? endpoints.embedChoices(offer.documentId) : null);
  useEffect(() => {
    setArrangement('');
    setSupportTypes([]);
  }, [offer?.documentId]);

  if (offers.state === 'loading') return <Page.Loading />;
  if (offers.state === 'failed') return <Page.Error content={offers.message} />;
  if (!offer) return <Page.NoData content="There is no offer to embed yet." />;
  // Only the chosen offer's (the last offer's are kept while its own load): nothing of another to copy.
  const current = choices.state === 'ready' && choices.data.documentId === offer.documentId ? choices.data : null;
  const options: Omit<EmbedOptions, 'widgetScript' | 'offerViewBase'> = {
    offer: { slug: offer.slug, name: offer.name, contactUrl: offer.contactUrl, contactPhone: offer.contactPhone },
    arrangement,
    supportTypes,
    view,
    headingLevel,
  };
  const terms = vocabularies.state === 'ready' ? vocabularies.data : null;

  return (
    <Page.Main>
      <Page.Title>Embed an offer</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={`/${PLUGIN_PATH}`} />}
        title="Embed an offer"
        subtitle="Choose the way your website allows, check its preview, and copy it into the page"
      />
      <Layouts.Content>
        <Grid.Root gap={6}>
          <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
            <Box background="neutral0" shadow="tableShadow" hasRadius padding={6}>
              <Flex direction="column" alignItems="stretch" gap={5}>
                <Typography variant="omega" textColor="neutral600">
                  The options below shape the script tag; the other ways show the whole offer.
                </Typography>
                <Field.Root name="offer" id="embed-offer">
                  <Field.Label>Offer</Field.Label>
                  <SingleSelect value={offer.documentId} onChange={(value) => setParams({ offer: String(value) })}>
                    {list.map((o) => (
                      <SingleSelectOption key={o.documentId} value={o.documentId}>
                        {o.name}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>

                <Field.Root name="arrangement" id="embed-arrangement" hint="Readers can still change it.">
                  <Field.Label>Preselect an arrangement</Field.Label>
                  <SingleSelect value={arrangement || 'any'} onChange={(value) => setArrangement(value === 'any' ? '' : String(value))}>
                    <SingleSelectOption value="any">None: readers choose</SingleSelectOption>
                    {terms?.arrangementTypes.map((term) => (
                      <SingleSelectOption key={term.code} value={term.code}>
                        {term.label}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                  <Field.Hint />
                </Field.Root>

                <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                  <Typography tag="legend" variant="pi" fontWeight="bold">
                    Show only these support types (none ticked: all)
                  </Typography>
                  <Flex direction="column" alignItems="flex-start" gap={2} paddingTop={2}>
                    {terms?.supportTypes.map((term) => {
                      const code = term.code;
                      return (
                        <Checkbox
                          key={code}
                          checked={supportTypes.includes(code)}
                          onCheckedChange={(checked) => setSupportTypes((current) => (checked === true ? [...current, code] : current.filter((c) => c !== code)))}
                        >
                          {term.label}
                        </Checkbox>
                      );
                    })}
                  </Flex>
                </fieldset>

                <Flex direction="column" alignItems="stretch" gap={2}>
                  <Typography variant="pi" fontWeight="bold" id="embed-view-label">
                    What to show
                  </Typography>
                  <Radio.Group aria-labelledby="embed-view-label" value={view} onValueChange={(value) => setView(value as View)}>
                    {VIEWS.map((v) => (
                      <Radio.Item key={v} value={v}>
                        {VIEW_LABELS[v]}
                      </Radio.Item>
                    ))}
                  </Radio.Group>
                </Flex>

                <Field.Root name="headingLevel" id="embed-heading-level" hint="Match the page: 2 under the page's own h1.">
                  <Field.Label>Heading level</Field.Label>
                  <SingleSelect value={headingLevel} onChange={(value) => setHeadingLevel(Number(value))}>
                    {[1, 2, 3, 4, 5, 6].map((level) => (
                      <SingleSelectOption key={level} value={level}>
                        {`h${level}`}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                  <Field.Hint />
                </Field.Root>
              </Flex>
            </Box>
          </Grid.Item>

          <Grid.Item col={8} s={12} direction="column" alignItems="stretch" gap={6}>
            <Box tag="section" aria-labelledby="embed-which" background="neutral0" shadow="tableShadow" hasRadius padding={6} width="100%">
              <Typography tag="h2" variant="beta" id="embed-which">
                Which to use
              </Typography>
              <Box tag="ul" paddingLeft={4} paddingTop={3}>
                {WHERE_TO_USE.map(({ cms, way, how }) => (
                  <li key={cms}>
                    <Typography>
                      <strong>{cms}</strong> ({WAY_NAMES[way].toLowerCase()}): {how}
                    </Typography>
                  </li>
                ))}
              </Box>
            </Box>

            {current ? (
              <Ways choices={current} options={options} offerName={offer.name} />
            ) : choices.state === 'failed' ? (
              <Typography textColor="danger600">{choices.message}</Typography>
            ) : (
              <Loader>Loading the ways to embed this offer</Loader>
            )}
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>
    </Page.Main>
  );
}
