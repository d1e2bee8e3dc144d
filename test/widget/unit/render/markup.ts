import { nothing } from 'lit';

/** A Lit template as the markup it would put in the page (attribute values unquoted), text escaped. */
export function markup(value: unknown): string {
  if (value === nothing || value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(markup).join('');
  if (typeof value === 'object' && '_$litType$' in (value as object)) {
    const { strings, values } = value as { strings: readonly string[]; values: unknown[] };
    return strings.reduce((out, part, i) => out + part + (i < values.length ? markup(values[i]) : ''), '');
  }
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
