/**
 * The frame every custom field of the plugin draws: its label as the legend of a fieldset (so a
 * screen reader names each control with its group), the hint (what carers will see), and the
 * server's validation message for the field, beside it.
 */
import { Flex, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';

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

export function FieldSet({ name, label, hint, error, required, children }: { name: string; label: ReactNode; hint?: ReactNode; error?: string; required?: boolean; children: ReactNode }) {
  const errorId = `${name}-error`;
  return (
    <Flex
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
