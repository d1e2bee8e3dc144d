/**
 * The councils an offer covers, one row per council: chosen by name from the English local
 * authorities (shared/local-authorities), or typed with its GSS code (a code not on the list, such
 * as a new authority's, is kept; its form is checked as the editor types). Stored as it always was:
 * [{ name, gssCode }], other keys of a row kept.
 */
import { Button, Combobox, ComboboxOption, Field, Flex, Grid, TextInput, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import { useFocusInputField } from '@strapi/strapi/admin';
import { ENGLISH_LOCAL_AUTHORITIES, GSS_CODE, GSS_CODE_PROBLEM } from '../../../shared/local-authorities';
import { FieldSet, listOf, UnreadableValue, useKeptFocus, type CustomFieldProps } from './FieldSet';

type Council = { name?: string; gssCode?: string } & Record<string, unknown>;

const BY_CODE = new Map(ENGLISH_LOCAL_AUTHORITIES.map((authority) => [authority.gssCode, authority]));
/** The list as an editor scrolls it: by name (the data is in the ONS's code order). */
const BY_NAME = [...ENGLISH_LOCAL_AUTHORITIES].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));

export default function CouncilsInput({ name, label, hint, value, error, disabled, required, onChange }: CustomFieldProps<Council[]>) {
  const councils = listOf<Council>(value);
  const focusHere = useFocusInputField<HTMLInputElement>(name);
  const { fieldRef, focusRow } = useKeptFocus(councils?.length ?? 0);
  if (!councils) return <FieldSet {...{ name, label, hint, error, required }}><UnreadableValue value={value} disabled={disabled} onClear={() => onChange(name, null)} /></FieldSet>;

  const save = (next: Council[]) => onChange(name, next.length ? next : null);
  /** A new row, focus in it; a row taken away, focus on the row that takes its place (./FieldSet useKeptFocus). */
  const add = () => {
    save([...councils, { name: '', gssCode: '' }]);
    focusRow(councils.length, councils.length + 1);
  };
  const remove = (index: number) => {
    save(councils.filter((_, at) => at !== index));
    focusRow(index, councils.length - 1);
  };
  const change = (index: number, patch: Partial<Council>) => save(councils.map((council, at) => (at === index ? { ...council, ...patch } : council)));

  return (
    <FieldSet {...{ name, label, hint, error, required, fieldRef }}>
      {councils.map((council, index) => {
        const known = council.gssCode ? BY_CODE.get(council.gssCode) : undefined;
        const codeProblem = council.gssCode && !GSS_CODE.test(council.gssCode) ? GSS_CODE_PROBLEM : undefined;
        const row = `${name}-${index}`;
        return (
          <Flex key={index} data-row tag="fieldset" direction="column" alignItems="stretch" gap={2} padding={4} hasRadius background="neutral100" style={{ border: 0, margin: 0, minWidth: 0 }}>
            <Typography tag="legend" variant="sigma" textColor="neutral700">Council {index + 1}</Typography>
            <Grid.Root gap={4}>
              <Grid.Item col={12} direction="column" alignItems="stretch">
                <Field.Root name={`${row}-pick`} hint="Type a few letters of the council's name to choose it from the list of English local authorities.">
                  <Field.Label>Find an English council</Field.Label>
                  <Combobox
                    ref={index === 0 ? focusHere : undefined}
                    disabled={disabled}
                    value={known?.gssCode ?? ''}
                    placeholder="Type to search"
                    onChange={(code?: string) => {
                      const authority = code ? BY_CODE.get(code) : undefined;
                      if (authority) change(index, { name: authority.name, gssCode: authority.gssCode });
                    }}
                  >
                    {BY_NAME.map((authority) => (
                      <ComboboxOption key={authority.gssCode} value={authority.gssCode}>
                        {`${authority.name} (${authority.gssCode})`}
                      </ComboboxOption>
                    ))}
                  </Combobox>
                  <Field.Hint />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={7} s={12} direction="column" alignItems="stretch">
                <Field.Root name={`${row}-name`} hint="As carers know it, e.g. Example Borough Council.">
                  <Field.Label>Name</Field.Label>
                  <TextInput value={council.name ?? ''} disabled={disabled} onChange={(event: React.ChangeEvent<HTMLInputElement>) => change(index, { name: event.target.value })} />
                  <Field.Hint />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
                <Field.Root name={`${row}-code`} error={codeProblem} hint={known ? `${known.name} on the ONS list.` : 'From the ONS, e.g. E09000033. Filled in when you choose from the list.'}>
                  <Field.Label>GSS code</Field.Label>
                  <TextInput
                    value={council.gssCode ?? ''}
                    disabled={disabled}
                    onChange={(event: React.ChangeEvent<HTMLInputElement>) => change(index, { gssCode: event.target.value.trim().toUpperCase() })}
                  />
                  <Field.Hint />
                  <Field.Error />
                </Field.Root>
              </Grid.Item>
            </Grid.Root>
            <Flex justifyContent="flex-end">
              <Button variant="danger-light" size="S" startIcon={<Trash />} disabled={disabled} onClick={() => remove(index)}>
                Remove council {index + 1}
              </Button>
            </Flex>
          </Flex>
        );
      })}
      <Flex>
        <Button variant="secondary" startIcon={<Plus />} disabled={disabled} onClick={add}>
          Add a council
        </Button>
      </Flex>
    </FieldSet>
  );
}
