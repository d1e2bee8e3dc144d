/**
 * A service's opening times as rows of days, times and a note, instead of a JSON box. Stored as it
 * always was (server/src/validation `openingTimes`): [{ days, opensAt, closesAt, closesOn?, note? }],
 * days as WEEKDAYS codes, times "HH:MM" on the 24-hour clock. A closing time at or before the opening
 * time is the next day; "closes on" a weekday is a span over several nights; 00:00 to 24:00 is open
 * 24 hours. Other keys of a row, and values never edited, are kept exactly as stored.
 */
import { Button, Checkbox, Field, Flex, Grid, SingleSelect, SingleSelectOption, TextInput, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import { useFocusInputField } from '@strapi/strapi/admin';
import { WEEKDAYS, type Weekday } from '../../../shared/code-lists';
import { weekdayName } from '../words';
import { FieldSet, listOf, UnreadableValue, useKeptFocus, type CustomFieldProps } from './FieldSet';

type OpeningTime = { days?: Weekday[]; opensAt?: string; closesAt?: string; closesOn?: Weekday | null; note?: string } & Record<string, unknown>;

/** "09:30", "09:30:00.000" → "09:30"; the end of the day ("24:00") shows as midnight. */
const clock = (time: string | undefined) => (time ? (time.startsWith('24') ? '00:00' : time.slice(0, 5)) : '');
const isAllDay = (row: OpeningTime) => clock(row.opensAt) === '00:00' && clock(row.closesAt) === '00:00' && !row.closesOn;
/** When it closes: 'same' day, 'next' day (closing at or before opening), or the weekday of `closesOn`. */
const closesWhen = (row: OpeningTime): string => {
  if (row.closesOn) return row.closesOn;
  const opens = clock(row.opensAt);
  const closes = clock(row.closesAt);
  return opens && closes && closes <= opens && !isAllDay(row) && !(closes === '00:00' && row.closesAt?.startsWith('24')) ? 'next' : 'same';
};
const nextDay = (day: Weekday) => WEEKDAYS[(WEEKDAYS.indexOf(day) + 1) % 7];
const dayName = (day: Weekday) => weekdayName(WEEKDAYS.indexOf(day));

/** The row in words, for the editor to check: "Friday: 22:00 to 07:00 the next day." */
function inWords(row: OpeningTime): string {
  const days = (row.days ?? []).filter((day) => WEEKDAYS.includes(day)).map(dayName);
  if (days.length === 0) return 'Choose at least one day.';
  const on = days.length > 1 ? `${days.slice(0, -1).join(', ')} and ${days.at(-1)}` : days[0];
  if (isAllDay(row)) return `${on}: open 24 hours.`;
  const when = closesWhen(row);
  const until = when === 'same' ? '' : when === 'next' ? ' the next day' : ` on ${dayName(when as Weekday)}`;
  return `${on}: ${clock(row.opensAt) || '?'} to ${clock(row.closesAt) || '?'}${until}.`;
}

export default function OpeningTimesInput({ name, label, hint, value, error, disabled, required, onChange }: CustomFieldProps<OpeningTime[]>) {
  const rows = listOf<OpeningTime>(value);
  const focusHere = useFocusInputField<HTMLInputElement>(name);
  const { fieldRef, focusRow } = useKeptFocus(rows?.length ?? 0);
  if (!rows) return <FieldSet {...{ name, label, hint, error, required }}><UnreadableValue value={value} disabled={disabled} onClear={() => onChange(name, null)} /></FieldSet>;

  const save = (next: OpeningTime[]) => onChange(name, next.length ? next : null);
  /** A new row, focus in it; a row taken away, focus on the row that takes its place (./FieldSet useKeptFocus). */
  const add = () => {
    save([...rows, { days: [], opensAt: '09:00', closesAt: '17:00' }]);
    focusRow(rows.length, rows.length + 1);
  };
  const remove = (index: number) => {
    save(rows.filter((_, at) => at !== index));
    focusRow(index, rows.length - 1);
  };
  const change = (index: number, patch: Partial<OpeningTime>) =>
    save(
      rows.map((row, at) => {
        if (at !== index) return row;
        const next: OpeningTime = { ...row, ...patch };
        for (const key of ['closesOn', 'note'] as const) if (next[key] === undefined || next[key] === '' || next[key] === null) delete next[key];
        return next;
      }),
    );

  return (
    <FieldSet {...{ name, label, hint, error, required, fieldRef }}>
      {rows.map((row, index) => {
        const days = row.days ?? [];
        const allDay = isAllDay(row);
        const when = closesWhen(row);
        const legend = `Opening time ${index + 1}`;
        const toggleDay = (day: Weekday, on: boolean) => {
          const chosen = on ? WEEKDAYS.filter((d) => d === day || days.includes(d)) : days.filter((d) => d !== day);
          change(index, { days: chosen, ...(chosen.length !== 1 ? { closesOn: undefined } : {}) });
        };
        const setClosing = (choice: string) => {
          if (choice === 'same' || choice === 'next') {
            // The times alone say the same day or the next; a whole day or more needs the weekday.
            const needsWeekday = choice === 'next' && closesWhen({ ...row, closesOn: undefined }) === 'same' && days.length === 1;
            change(index, { closesOn: needsWeekday ? nextDay(days[0]) : undefined });
          } else change(index, { closesOn: choice as Weekday });
        };
        return (
          <Flex key={index} data-row tag="fieldset" direction="column" alignItems="stretch" gap={3} padding={4} hasRadius background="neutral100" style={{ border: 0, margin: 0, minWidth: 0 }}>
            <Typography tag="legend" variant="sigma" textColor="neutral700">{legend}</Typography>
            <Flex tag="fieldset" gap={4} wrap="wrap" style={{ border: 0, padding: 0, margin: 0 }}>
              <Typography tag="legend" variant="pi" fontWeight="bold">Days</Typography>
              {WEEKDAYS.map((day) => (
                <Checkbox key={day} disabled={disabled} checked={days.includes(day)} onCheckedChange={(on) => toggleDay(day, on === true)}>
                  {dayName(day)}
                </Checkbox>
              ))}
            </Flex>
            <Checkbox
              disabled={disabled}
              checked={allDay}
              onCheckedChange={(on) => change(index, on === true ? { opensAt: '00:00', closesAt: '24:00', closesOn: undefined } : { opensAt: '09:00', closesAt: '17:00' })}
            >
              Open 24 hours
            </Checkbox>
            <Grid.Root gap={4}>
              <Grid.Item col={3} s={6} direction="column" alignItems="stretch">
                <Field.Root name={`${name}-${index}-opens`}>
                  <Field.Label>Opens at</Field.Label>
                  <TextInput ref={index === 0 ? focusHere : undefined} type="time" value={clock(row.opensAt)} disabled={disabled || allDay} onChange={(event: React.ChangeEvent<HTMLInputElement>) => change(index, { opensAt: event.target.value })} />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={3} s={6} direction="column" alignItems="stretch">
                <Field.Root name={`${name}-${index}-closes`}>
                  <Field.Label>Closes at</Field.Label>
                  <TextInput type="time" value={clock(row.closesAt)} disabled={disabled || allDay} onChange={(event: React.ChangeEvent<HTMLInputElement>) => change(index, { closesAt: event.target.value })} />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <Field.Root name={`${name}-${index}-closes-on`} hint="A closing time at or before the opening time is the next day. For a weekend, choose the day it closes.">
                  <Field.Label>Closes</Field.Label>
                  <SingleSelect disabled={disabled || allDay} value={when} onChange={(choice: string | number) => setClosing(String(choice))}>
                    <SingleSelectOption value="same">The same day</SingleSelectOption>
                    <SingleSelectOption value="next">The next day</SingleSelectOption>
                    {days.length === 1 &&
                      WEEKDAYS.filter((day) => day !== days[0]).map((day) => (
                        <SingleSelectOption key={day} value={day}>
                          On {dayName(day)}
                        </SingleSelectOption>
                      ))}
                  </SingleSelect>
                  <Field.Hint />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={12} direction="column" alignItems="stretch">
                <Field.Root name={`${name}-${index}-note`} hint='Optional, up to 200 characters, e.g. "Second Tuesday of the month" or "Term time only".'>
                  <Field.Label>Note</Field.Label>
                  <TextInput value={row.note ?? ''} maxLength={200} disabled={disabled} onChange={(event: React.ChangeEvent<HTMLInputElement>) => change(index, { note: event.target.value })} />
                  <Field.Hint />
                </Field.Root>
              </Grid.Item>
            </Grid.Root>
            <Flex justifyContent="space-between" alignItems="center" gap={4} wrap="wrap">
              <Typography aria-live="polite">In words: {inWords(row)}</Typography>
              <Button variant="danger-light" size="S" startIcon={<Trash />} disabled={disabled} onClick={() => remove(index)}>
                Remove opening time {index + 1}
              </Button>
            </Flex>
          </Flex>
        );
      })}
      <Flex>
        <Button variant="secondary" startIcon={<Plus />} disabled={disabled} onClick={add}>
          Add opening times
        </Button>
      </Flex>
    </FieldSet>
  );
}
