/**
 * Which fields of an offer and of a service are prose for readers (the plain-English check reads
 * them), taken from the content-type schemas so a new text field is checked without a change here:
 * the translatable one-line, paragraph and rich-text fields, and the per-arrangement texts.
 */
import contentTypes from '../content-types';
import { CUSTOM_FIELDS } from '../content-types/attributes';
import { labelFor } from '../content-types/labels';
import { ARRANGEMENT_TYPES } from '../vocabularies';

export interface ProseField {
  /** As the content manager names it; a per-arrangement text as "legalFrameworkByArrangement.adoption". */
  field: string;
  label: string;
  text: string;
}

type Attribute = { type: string; customField?: string; pluginOptions?: { i18n?: { localized?: boolean } } };

/** Rich text ("blocks") as paragraphs a blank line apart, a list's items each its own. */
export function paragraphsOf(blocks: unknown): string {
  const inline = (node: any): string => (typeof node?.text === 'string' ? node.text : '') + (Array.isArray(node?.children) ? node.children.map(inline).join('') : '');
  const paragraphs = (node: any): string[] => (node?.type === 'list' ? (node.children ?? []).flatMap(paragraphs) : [inline(node).trim()]);
  return (Array.isArray(blocks) ? blocks.flatMap(paragraphs) : []).filter(Boolean).join('\n\n');
}

/** The prose of one offer or service, field by field, in the schema's order; empty fields left out. */
export function proseFields(name: 'offer' | 'service', values: Record<string, unknown>): ProseField[] {
  const fields: ProseField[] = [];
  for (const [field, attribute] of Object.entries(contentTypes[name].schema.attributes as Record<string, Attribute>)) {
    if (!attribute.pluginOptions?.i18n?.localized) continue;
    const value = values[field];
    const { label } = labelFor(name, field);
    if (attribute.type === 'customField' && attribute.customField === CUSTOM_FIELDS.arrangementTexts.uid) {
      for (const term of ARRANGEMENT_TYPES) {
        const text = (value as Record<string, unknown> | null)?.[term.code];
        if (typeof text === 'string' && text.trim()) fields.push({ field: `${field}.${term.code}`, label: `${label}: ${term.label}`, text });
      }
    } else if (attribute.type === 'blocks') {
      const text = paragraphsOf(value);
      if (text) fields.push({ field, label, text });
    } else if ((attribute.type === 'string' || attribute.type === 'text') && typeof value === 'string' && value.trim()) {
      fields.push({ field, label, text: value });
    }
  }
  return fields;
}
