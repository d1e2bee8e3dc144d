/**
 * The languages a service is given in: chosen by name from a searchable list (names from
 * Intl.DisplayNames in the admin's language), shown as tags that remove a language when pressed.
 * Stored as it always was: a list of ISO 639 codes (shared/languages), in the order chosen; a code
 * not on the list is kept and shown by name where the browser knows one.
 */
import { Combobox, ComboboxOption, Field, Flex, Tag } from '@strapi/design-system';
import { Cross } from '@strapi/icons';
import { useMemo, useState } from 'react';
import { LANGUAGE_CODES, languageName } from '../../../shared/languages';
import { adminLocale } from '../words';
import { FieldSet, listOf, UnreadableValue, useKeptFocus, type CustomFieldProps } from './FieldSet';

export default function LanguagesInput({ name, label, hint, value, error, disabled, required, onChange }: CustomFieldProps<string[]>) {
  const chosen = listOf<string>(value);
  const [search, setSearch] = useState('');
  const locale = adminLocale();
  const options = useMemo(
    () => LANGUAGE_CODES.map((code) => ({ code, name: languageName(code, locale) })).sort((a, b) => a.name.localeCompare(b.name, locale)),
    [locale],
  );
  const { fieldRef, focusRow } = useKeptFocus(chosen?.length ?? 0);
  if (!chosen) return <FieldSet {...{ name, label, hint, error, required }}><UnreadableValue value={value} disabled={disabled} onClear={() => onChange(name, null)} /></FieldSet>;

  const add = (code?: string) => {
    setSearch('');
    if (code && !chosen.includes(code)) onChange(name, [...chosen, code]);
  };
  const remove = (code: string) => {
    const next = chosen.filter((item) => item !== code);
    onChange(name, next.length ? next : null);
    focusRow(chosen.indexOf(code), next.length);
  };

  return (
    <FieldSet {...{ name, label, hint, error, required, fieldRef }}>
      {chosen.length > 0 && (
        <Flex tag="ul" gap={2} wrap="wrap" aria-label="Chosen languages">
          {chosen.map((code) => (
            <li key={code} data-row>
              <Tag icon={<Cross />} disabled={disabled} label={`Remove ${languageName(code, locale)}`} onClick={() => remove(code)}>
                {languageName(code, locale)}
              </Tag>
            </li>
          ))}
        </Flex>
      )}
      <Field.Root name={`${name}-add`} hint="Type a few letters of the language's name, then choose it.">
        <Field.Label>Add a language</Field.Label>
        <Combobox
          disabled={disabled}
          value=""
          textValue={search}
          onTextValueChange={setSearch}
          onChange={add}
          placeholder="Type to search"
          autocomplete={{ type: 'list', filter: 'contains' }}
        >
          {options
            .filter((option) => !chosen.includes(option.code))
            .map((option) => (
              <ComboboxOption key={option.code} value={option.code}>
                {option.name}
              </ComboboxOption>
            ))}
        </Combobox>
        <Field.Hint />
      </Field.Root>
    </FieldSet>
  );
}
