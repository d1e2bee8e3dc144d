/**
 * The embed builder: choose an offer and how to show it, see the real widget, copy the snippet
 * for a council page, a family hub directory, a school or a housing site.
 */
import { Box, Button, Checkbox, Field, Flex, Grid, Radio, SingleSelect, SingleSelectOption, Textarea, Typography } from '@strapi/design-system';
import { Duplicate } from '@strapi/icons';
import { BackButton, Layouts, Page, useClipboard, useNotification } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { endpoints, useAdminApi } from '../api/client';
import { WidgetPreview } from '../components/WidgetPreview';
import { cmsUrlOf, embedSnippet, iframeSnippet, pageUrl, VIEWS, WHERE_TO_USE, type EmbedOptions, type View } from '../embed/snippet';
import { PLUGIN_PATH } from '../plugin-id';

const VIEW_LABELS: Record<View, string> = {
  full: 'The whole offer',
  services: 'The named contact and the services (with filters)',
  contact: 'The named contact only',
};

export function EmbedBuilderPage() {
  const offers = useAdminApi(endpoints.offers());
  const vocabularies = useAdminApi(endpoints.vocabularies());
  const [params, setParams] = useSearchParams();
  const chosenId = params.get('offer');
  const [arrangement, setArrangement] = useState('');
  const [supportTypes, setSupportTypes] = useState<string[]>([]);
  const [view, setView] = useState<View>('full');
  const [headingLevel, setHeadingLevel] = useState(2);
  const { copy } = useClipboard();
  const { toggleNotification } = useNotification();

  const list = offers.state === 'ready' ? offers.data : [];
  const offer = list.find((o) => o.documentId === chosenId) ?? list[0];
  useEffect(() => {
    setArrangement('');
    setSupportTypes([]);
  }, [offer?.documentId]);

  if (offers.state === 'loading') return <Page.Loading />;
  if (offers.state === 'failed') return <Page.Error content={offers.message} />;
  if (!offer) return <Page.NoData content="There is no offer to embed yet." />;

  const options: EmbedOptions = {
    cmsUrl: cmsUrlOf(window),
    offer: { slug: offer.slug, name: offer.name, contactUrl: offer.contactUrl, contactPhone: offer.contactPhone },
    arrangement,
    supportTypes,
    view,
    headingLevel,
  };
  const snippet = embedSnippet(options);
  const terms = vocabularies.state === 'ready' ? vocabularies.data : null;

  const copySnippet = async () => {
    const copied = await copy(snippet);
    toggleNotification(copied ? { type: 'success', message: 'Snippet copied' } : { type: 'danger', message: 'Could not copy: select the snippet and copy it' });
  };

  return (
    <Page.Main>
      <Page.Title>Embed an offer</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={`/${PLUGIN_PATH}`} />}
        title="Embed an offer"
        subtitle="Choose what to show, check the preview, and paste the snippet into any web page"
      />
      <Layouts.Content>
        <Grid.Root gap={6}>
          <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
            <Box background="neutral0" shadow="tableShadow" hasRadius padding={6}>
              <Flex direction="column" alignItems="stretch" gap={5}>
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
            <Box background="neutral0" shadow="tableShadow" hasRadius padding={6} width="100%">
              <Flex direction="column" alignItems="stretch" gap={3}>
                <Field.Root name="snippet" id="embed-snippet" hint="Paste it where the offer should appear. The paragraph inside is for readers whose browser does not run the script.">
                  <Field.Label>Snippet</Field.Label>
                  <Textarea value={snippet} readOnly rows={6} style={{ fontFamily: 'monospace' }} />
                  <Field.Hint />
                </Field.Root>
                <Box>
                  <Button startIcon={<Duplicate />} onClick={copySnippet}>
                    Copy the snippet
                  </Button>
                </Box>
              </Flex>
            </Box>
            <Box tag="section" aria-labelledby="embed-no-script" background="neutral0" shadow="tableShadow" hasRadius padding={6} width="100%">
              <Flex direction="column" alignItems="stretch" gap={3}>
                <Typography tag="h2" variant="beta" id="embed-no-script">
                  Where scripts are not allowed
                </Typography>
                <Field.Root name="pastedLink" id="embed-pasted-link" hint="WordPress, and Drupal with oembed_providers: paste it on a line of its own and it becomes the offer.">
                  <Field.Label>Pasted link</Field.Label>
                  <Textarea value={pageUrl(options.cmsUrl, options.offer.slug)} readOnly rows={1} style={{ fontFamily: 'monospace' }} />
                  <Field.Hint />
                </Field.Root>
                <Field.Root name="iframe" id="embed-iframe" hint="Where an iframe is allowed but no script: the script line is optional and sizes the frame to the offer.">
                  <Field.Label>Iframe</Field.Label>
                  <Textarea value={iframeSnippet(options)} readOnly rows={4} style={{ fontFamily: 'monospace' }} />
                  <Field.Hint />
                </Field.Root>
                <Typography tag="h3" variant="delta">
                  Which to use
                </Typography>
                <Box tag="ul" paddingLeft={4}>
                  {WHERE_TO_USE.map(({ cms, how }) => (
                    <li key={cms}>
                      <Typography>
                        <strong>{cms}</strong>: {how}
                      </Typography>
                    </li>
                  ))}
                </Box>
              </Flex>
            </Box>
            <Box tag="section" aria-label="Preview" background="neutral0" shadow="tableShadow" hasRadius padding={6} width="100%">
              <Typography tag="h2" variant="beta">
                Preview
              </Typography>
              <Box paddingTop={4}>
                <WidgetPreview options={options} />
              </Box>
            </Box>
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>
    </Page.Main>
  );
}
