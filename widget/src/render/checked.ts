/**
 * `?checked=${checked(value)}`: a radio or checkbox that is checked in the HTML a server renders
 * and stays in step in the element. The attribute alone does not move a box a reader has already
 * clicked (its checkedness is then "dirty"), so in the browser the property is set too, as
 * `.checked` would; Lit's server rendering (@lit-labs/ssr 4.1) writes a `.checked` binding as the
 * attribute `checked="false"`, which HTML reads as checked, so `.checked` cannot be used in a
 * template both render. On the server only `render` runs: the boolean attribute.
 */
import { Directive, directive, type AttributePart } from 'lit/directive.js';

class Checked extends Directive {
  render(value: boolean) {
    return value;
  }

  override update(part: AttributePart, [value]: [boolean]) {
    (part.element as HTMLInputElement).checked = value;
    return value;
  }
}

export const checked = directive(Checked);
