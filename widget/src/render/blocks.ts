/**
 * Strapi "blocks" rich text rendered from its structure with Lit templates: text is always text,
 * never HTML, and a link becomes a link only when its scheme is https:, mailto: or tel:.
 * Unknown block types render their text content, so new editor features degrade to plain words.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { SAFE_LINK_SCHEMES } from '../../../plugin/shared/code-lists';
import type { BlockNode, Blocks } from '../api/types';


/** The href to use for `url`, or null when it must not become a link. */
export function safeHref(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
  // eslint-disable-next-line no-control-regex
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  try {
    const parsed = new URL(compact);
    return (SAFE_LINK_SCHEMES as readonly string[]).includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

/** What Lit renders: a template, text, nothing, or a list of these (Lit renders arrays as they are). */
type Rendered = TemplateResult | string | typeof nothing | Rendered[];

function inline(node: BlockNode): Rendered {
  if (node.type === 'text') {
    let out: Rendered = node.text ?? '';
    if (node.code) out = html`<code>${out}</code>`;
    if (node.bold) out = html`<strong>${out}</strong>`;
    if (node.italic) out = html`<em>${out}</em>`;
    if (node.underline) out = html`<u>${out}</u>`;
    if (node.strikethrough) out = html`<s>${out}</s>`;
    return out;
  }
  const children = inlineChildren(node);
  if (node.type === 'link') {
    const href = safeHref(node.url);
    return href ? html`<a href=${href} rel="noopener noreferrer">${children}</a>` : children;
  }
  return children;
}

const inlineChildren = (node: BlockNode) => (node.children ?? []).map(inline);

/**
 * Headings inside rich text sit below the section heading: the editor's first two levels (H1, and
 * H2, the one most editors start with) become `headingLevel`, and deeper ones follow.
 */
function block(node: BlockNode, headingLevel: number): Rendered {
  const children = inlineChildren(node);
  switch (node.type) {
    case 'paragraph':
      return html`<p>${children}</p>`;
    case 'heading': {
      const level = Math.min(6, headingLevel + Math.max(0, (node.level ?? 2) - 2));
      return html`<p role="heading" aria-level=${level} class="rich-heading">${children}</p>`;
    }
    case 'list':
      return node.format === 'ordered'
        ? html`<ol>${(node.children ?? []).map((item) => html`<li>${inlineChildren(item)}</li>`)}</ol>`
        : html`<ul>${(node.children ?? []).map((item) => html`<li>${inlineChildren(item)}</li>`)}</ul>`;
    case 'quote':
      return html`<blockquote>${children}</blockquote>`;
    case 'image':
      return nothing; // images come from the CMS's uploads, which the offer does not use
    default: // "code" and anything newer: the words, as a paragraph
      return html`<p>${children}</p>`;
  }
}

export function renderBlocks(blocks: Blocks | null | undefined, headingLevel = 3): Rendered {
  if (!Array.isArray(blocks) || blocks.length === 0) return nothing;
  return blocks.map((node) => block(node, headingLevel));
}
