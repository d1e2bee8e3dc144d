/**
 * A preview in the embed builder: an iframe holding a plain host page (../embed/snippet
 * previewPage) with what the editor copies in it, so the offer shows at the size readers see it,
 * not shrunk by the admin's 62.5% root font size; as tall as its page, which it watches (the
 * page is same-origin: `srcdoc`), so a preview never scrolls inside itself.
 */
import { useEffect, useRef, useState } from 'react';

/** Before its page has been laid out: room for a line or two. */
const FIRST_HEIGHT = 120;

export function PreviewFrame({ title, page }: { title: string; page: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(FIRST_HEIGHT);

  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    let observer: ResizeObserver | undefined;
    const watch = () => {
      observer?.disconnect();
      const view = element.contentWindow as (Window & typeof globalThis) | null;
      const root = element.contentDocument?.documentElement;
      if (!view || !root) return;
      // The frame's own ResizeObserver: it runs with the frame's rendering, where the root is laid out.
      observer = new view.ResizeObserver(() => setHeight(Math.ceil(root.getBoundingClientRect().height)));
      observer.observe(root);
    };
    element.addEventListener('load', watch);
    return () => {
      element.removeEventListener('load', watch);
      observer?.disconnect();
    };
  }, []);

  return <iframe ref={frame} title={title} srcDoc={page} style={{ display: 'block', boxSizing: 'content-box', width: 'calc(100% - 2px)', height, border: '1px solid #dcdce4', borderRadius: 4 }} />;
}
