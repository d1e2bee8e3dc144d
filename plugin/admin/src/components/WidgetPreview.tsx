/**
 * The real `<kinship-offer>` element, loaded from this CMS exactly as a host page would load it,
 * with the attributes the snippet lists: what the editor sees is what readers will get. Its reach
 * is off (`reach="off"`, not in the snippet): an editor's preview is not a reader's view.
 */
import { useEffect, useRef } from 'react';
import { cmsUrlOf, embedAttributes, scriptUrl, type EmbedOptions } from '../embed/snippet';

function loadWidgetScript() {
  if (document.querySelector('script[data-kinship-offer-widget]')) return;
  const script = document.createElement('script');
  script.type = 'module';
  script.src = scriptUrl(cmsUrlOf(window));
  script.dataset.kinshipOfferWidget = '';
  document.head.append(script);
}

export function WidgetPreview({ options }: { options: EmbedOptions }) {
  const container = useRef<HTMLDivElement>(null);
  const attributes = JSON.stringify(embedAttributes(options));

  useEffect(loadWidgetScript, []);
  useEffect(() => {
    const element = document.createElement('kinship-offer');
    for (const [name, value] of JSON.parse(attributes) as Array<[string, string]>) element.setAttribute(name, value);
    element.setAttribute('reach', 'off');
    element.append(Object.assign(document.createElement('p'), { textContent: `Loading ${options.offer.name}…` }));
    container.current?.replaceChildren(element);
  }, [attributes]);

  return <div ref={container} />;
}
