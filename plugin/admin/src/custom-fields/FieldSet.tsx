/**
 * The frame every custom field of the plugin draws: its label as the legend of a fieldset (so a
 * screen reader names each control with its group), the hint (what carers will see), and the
 * server's validation message for the field, beside it.
 */
import { Flex, Typography } from '@strapi/design-system';
import { useEffect, useRef, useState, type ReactNode, type Ref } from 'react';

/** The props the Content Manager gives a custom field's input (its `useField` merged in). */
export interface CustomFieldProps<T> {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  value?: unknown;
  error?: string;
  disabled?: boolean;
  required?: boolean;
  onChange: (name: string, value: T | null) => void;
}

export function FieldSet({ name, label, hint, error, required, fieldRef, children }: { name: string; label: ReactNode; hint?: ReactNode; error?: string; required?: boolean; fieldRef?: Ref<HTMLFieldSetElement>; children: ReactNode }) {
  const errorId = `${name}-error`;
  return (
    <Flex
      ref={fieldRef}
      tag="fieldset"
      className={`kinship-offer-field kinship-offer-${name}`}
      direction="column"
      alignItems="stretch"
      gap={3}
      aria-describedby={error ? errorId : undefined}
      style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}
    >
      <Typography tag="legend" variant="pi" fontWeight="bold">
        {label}
        {required && <Typography textColor="danger600"> *</Typography>}
      </Typography>
      {hint && <Typography variant="pi" textColor="neutral600">{hint}</Typography>}
      {children}
      {error && (
        <Typography id={errorId} textColor="danger600" variant="pi" role="alert">
          {error}
        </Typography>
      )}
    </Flex>
  );
}

/** The list a field holds, or an empty list; `null` when the stored value is not a list at all. */
export const listOf = <T,>(value: unknown): T[] | null => (value === null || value === undefined || value === '' ? [] : Array.isArray(value) ? (value as T[]) : null);

/** Shown instead of the form when a stored value has a shape the form cannot show (kept as it is). */
export function UnreadableValue({ value, onClear, disabled }: { value: unknown; onClear: () => void; disabled?: boolean }) {
  return (
    <Flex direction="column" alignItems="flex-start" gap={2}>
      <Typography>This value was saved in a shape the form cannot show, so it is kept as it is: {JSON.stringify(value)}</Typography>
      <button type="button" disabled={disabled} onClick={onClear}>
        Clear it and start again
      </button>
    </Flex>
  );
}

/** Whether a keyboard user can reach `element` with Tab. */
const tabbable = (element: HTMLElement) => element.tabIndex >= 0 && !element.hasAttribute('disabled') && !element.closest('[aria-hidden="true"]');

/** The first control of `within` a keyboard user can reach, or the last with `last`. */
function controlIn(within: Element, last = false): HTMLElement | undefined {
  const controls = [...within.querySelectorAll<HTMLElement>('input:not([type="hidden"]), button, select, textarea, [tabindex]')].filter(tabbable);
  return last ? controls.at(-1) : controls[0];
}

/**
 * Keeps a keyboard user's place in a field of rows (each marked `data-row`) when a row is added or
 * removed: a row's own Remove button goes with it, and focus would fall to the page's body, from
 * where a keyboard user starts again at the top of a long form. `focusRow(index, count)` once the
 * field shows `count` rows: focus goes to the first control of the row at `index` (the new row, or
 * the one that took a removed row's place), else to the field's last control (its Add button or
 * box). GOV.UK's "add another" pattern does the same.
 * @param count the rows the field shows now
 */
export function useKeptFocus(count: number) {
  const field = useRef<HTMLFieldSetElement>(null);
  const [pending, setPending] = useState<{ index: number; count: number } | null>(null);
  useEffect(() => {
    // The value comes back through the Content Manager's form: wait for the render that shows it.
    if (!pending || pending.count !== count || !field.current) return;
    setPending(null);
    const row = field.current.querySelectorAll('[data-row]')[pending.index];
    (row ? controlIn(row) : controlIn(field.current, true))?.focus();
  }, [pending, count]);
  return { fieldRef: field, focusRow: (index: number, count: number) => setPending({ index, count }) };
}
