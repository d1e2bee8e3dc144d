/**
 * How a service is delivered, as checkboxes. Stored as it always was: a list of codes
 * (shared/code-lists DELIVERY_METHODS), in the order they were ticked; a code the form does not
 * know is kept.
 */
import { Checkbox, Flex } from '@strapi/design-system';
import { DELIVERY_METHODS, type DeliveryMethod } from '../../../shared/code-lists';
import { FieldSet, listOf, UnreadableValue, type CustomFieldProps } from './FieldSet';

/** What each code means, as carers read it in the element ("In person", "Online", "By phone"). */
export const DELIVERY_METHOD_LABELS: Record<DeliveryMethod, string> = { in_person: 'In person', online: 'Online', phone: 'By phone' };

export default function DeliveryMethodsInput({ name, label, hint, value, error, disabled, required, onChange }: CustomFieldProps<string[]>) {
  const chosen = listOf<string>(value);
  if (!chosen) return <FieldSet {...{ name, label, hint, error, required }}><UnreadableValue value={value} disabled={disabled} onClear={() => onChange(name, null)} /></FieldSet>;
  const toggle = (method: DeliveryMethod, on: boolean) => {
    const next = on ? [...chosen, method] : chosen.filter((code) => code !== method);
    onChange(name, next.length ? next : null);
  };
  return (
    <FieldSet {...{ name, label, hint, error, required }}>
      <Flex gap={6} wrap="wrap">
        {DELIVERY_METHODS.map((method) => (
          <Checkbox key={method} name={`${name}.${method}`} disabled={disabled} checked={chosen.includes(method)} onCheckedChange={(on) => toggle(method, on === true)}>
            {DELIVERY_METHOD_LABELS[method]}
          </Checkbox>
        ))}
      </Flex>
    </FieldSet>
  );
}
