/**
 * The legal framework for each arrangement type, as one labelled text box per arrangement instead
 * of a JSON editor. Stored as { [arrangementCode]: text }; an emptied box removes its entry, so the
 * checklist counts exactly what readers would see.
 */
import { Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { useFocusInputField } from '@strapi/strapi/admin';
import { endpoints, useAdminApi } from '../api/client';
import type { CustomFieldProps } from './FieldSet';

type Texts = Record<string, string>;

const textsOf = (value: unknown): Texts =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Texts) : {};

export default function ArrangementTextsInput({ name, label, hint, value, error, disabled, onChange }: CustomFieldProps<Texts>) {
  const vocabularies = useAdminApi(endpoints.vocabularies());
  const texts = textsOf(value);

  const change = (code: string, text: string) => {
    const next = { ...texts };
    if (text.trim()) next[code] = text;
    else delete next[code];
    onChange(name, Object.keys(next).length ? next : null);
  };

  return (
    <Flex tag="fieldset" className="kinship-offer-arrangement-texts" direction="column" alignItems="stretch" gap={3} style={{ border: 0, padding: 0, margin: 0 }}>
      <Typography tag="legend" variant="pi" fontWeight="bold">
        {label}
      </Typography>
      {hint && <Typography variant="pi" textColor="neutral600">{hint}</Typography>}
      {vocabularies.state === 'failed' && <Typography textColor="danger600">{vocabularies.message}</Typography>}
      {vocabularies.state === 'ready' &&
        vocabularies.data.arrangementTypes.map((term) => (
          <ArrangementText
            key={term.code}
            name={`${name}.${term.code}`}
            label={term.label}
            value={texts[term.code] ?? ''}
            disabled={disabled}
            onChange={(text) => change(term.code, text)}
          />
        ))}
      {error && <Typography textColor="danger600" variant="pi" role="alert">{error}</Typography>}
    </Flex>
  );
}

/** One arrangement's box; the checklist's "Edit" link (`?field=<name>.<code>`) lands in it. */
function ArrangementText({ name, label, value, disabled, onChange }: { name: string; label: string; value: string; disabled?: boolean; onChange: (text: string) => void }) {
  const focusHere = useFocusInputField<HTMLTextAreaElement>(name);
  return (
    <Field.Root name={name} id={name.replace('.', '-')}>
      <Field.Label>{label}</Field.Label>
      <Textarea ref={focusHere} value={value} disabled={disabled} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value)} />
    </Field.Root>
  );
}
