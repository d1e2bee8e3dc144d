/**
 * What a partner may change through a review link: the service's public fields that are plain
 * values (its title, summary, who it is for, how to get it, cost, ages, short-notice alert),
 * read from the service's own schema so a limit is written once. Rich text, relations (support
 * types, locations, contacts) and structured data (opening times, languages) stay with editors: a
 * partner describes those changes in the note, which only editors see. Pure: tests call it directly.
 */
import service from '../content-types/service/schema';
import { COST_TYPES } from '../../../shared/code-lists';
import { validateDocument } from '../validation';

/** The fields a partner may propose changes to, in the form's order, with the form's words. */
export const PARTNER_FIELDS = [
  { name: 'title', label: 'Name of the service' },
  { name: 'summary', label: 'Summary', hint: 'One or two sentences that say what it is.' },
  { name: 'eligibility', label: 'Who it is for' },
  { name: 'howToAccess', label: 'How to get it', hint: 'How to refer or self-refer, and what happens next.' },
  { name: 'referralUrl', label: 'Web page to apply or refer', hint: 'Starting with https://' },
  { name: 'cost', label: 'Cost' },
  { name: 'costAmount', label: 'Amount in pounds, if fixed' },
  { name: 'costDescription', label: 'About the cost' },
  { name: 'minimumAge', label: 'Youngest age, in years' },
  { name: 'maximumAge', label: 'Oldest age, in years' },
  { name: 'alert', label: 'Short-notice message', hint: 'For example "Closed this week" or "Waiting list until March". Leave empty for none.' },
] as const;

export type PartnerFieldName = (typeof PARTNER_FIELDS)[number]['name'];
/** A public field's value as stored (text, a number or null). */
export type FieldValue = string | number | null;

/** The words a partner sees for each cost type. */
export const COST_LABELS: Record<(typeof COST_TYPES)[number], string> = {
  free: 'Free',
  means_tested: 'Depends on income (means-tested)',
  charged: 'There is a charge',
};

/** The partner's own name, required: "who confirmed" in the service's review record. */
export const NAME_MAX = 200;
/** The note for editors (never published). */
export const NOTE_MAX = 2000;

type Attribute = { type: string; maxLength?: number; min?: number; max?: number; required?: boolean; enum?: string[] };
const attributes = service.attributes as unknown as Record<PartnerFieldName, Attribute>;

/** How the form asks for a field: a line, a paragraph, a choice, a number. */
export function inputOf(name: PartnerFieldName): { kind: 'line' | 'paragraph' | 'choice' | 'number'; maxLength?: number; required: boolean; options?: Array<[string, string]> } {
  const attribute = attributes[name];
  const required = attribute.required === true;
  if (attribute.type === 'enumeration') return { kind: 'choice', required, options: attribute.enum!.map((code) => [code, COST_LABELS[code as keyof typeof COST_LABELS] ?? code]) };
  if (attribute.type === 'integer' || attribute.type === 'decimal') return { kind: 'number', required };
  return { kind: attribute.type === 'text' ? 'paragraph' : 'line', maxLength: attribute.maxLength, required };
}

/** A service's public fields as the form shows them (each as text, empty for none). */
export function formValuesOf(record: Record<string, unknown>): Record<PartnerFieldName, string> {
  return Object.fromEntries(PARTNER_FIELDS.map(({ name }) => [name, record[name] === null || record[name] === undefined ? '' : String(record[name])])) as Record<PartnerFieldName, string>;
}

export interface FormProblem {
  /** The form field's name: a PartnerFieldName, `name` or `note`. */
  field: string;
  message: string;
}

export interface ReadProposal {
  /** Everything the partner typed, as typed (cut to nothing), to show again on an error. */
  typed: Record<string, string>;
  problems: FormProblem[];
  /** The fields whose value differs from `current`, as they would be stored. */
  changes: Partial<Record<PartnerFieldName, FieldValue>>;
  name: string;
  note: string;
}

/**
 * Control characters other than tab and line breaks: invisible, meaningless in a service's text,
 * and NUL is refused by PostgreSQL's text columns.
 */
export const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * A posted field as the partner typed it (to show again), and its problem when it is not one
 * piece of text: the form sends each field once, so a field sent twice, as a list or as an
 * object (qs reads `a[]=` and `a[b]=`) was not typed into it, and none of its values is taken.
 */
function typedIn(value: unknown, label: string): { typed: string; problem?: string } {
  if (value === undefined || value === null) return { typed: '' };
  if (Array.isArray(value)) return { typed: typeof value[0] === 'string' ? value[0] : '', problem: `${label} was sent more than once: enter it once` };
  if (typeof value !== 'string') return { typed: '', problem: `${label} was not sent as text: enter it again` };
  if (CONTROL.test(value)) return { typed: value, problem: `${label} has a hidden control character, which cannot be saved: delete it, or type the text again` };
  return { typed: value };
}

/** A typed value as stored, or the problem with it. */
function parseField(name: PartnerFieldName, label: string, raw: string): { value: FieldValue } | { problem: string } {
  const attribute = attributes[name];
  const trimmed = raw.trim();
  if (!trimmed) return attribute.required ? { problem: `Enter the ${label.toLowerCase()}` } : { value: null };
  if (attribute.type === 'enumeration') {
    return attribute.enum!.includes(trimmed) ? { value: trimmed } : { problem: `Choose one of the options for ${label.toLowerCase()}` };
  }
  if (attribute.type === 'integer' || attribute.type === 'decimal') {
    const number = Number(trimmed);
    const whole = attribute.type === 'integer';
    if (!/^\d+(\.\d+)?$/.test(trimmed) || !Number.isFinite(number) || (whole && !Number.isInteger(number))) return { problem: `${label} must be a ${whole ? 'whole number' : 'number'}, like ${whole ? '5' : '12.50'}` };
    if (attribute.min !== undefined && number < attribute.min) return { problem: `${label} must be ${attribute.min} or more` };
    if (attribute.max !== undefined && number > attribute.max) return { problem: `${label} must be ${attribute.max} or less` };
    return { value: number };
  }
  if (attribute.maxLength && trimmed.length > attribute.maxLength) return { problem: `${label} must be ${attribute.maxLength} characters or fewer (it has ${trimmed.length})` };
  return { value: trimmed };
}

/**
 * Reads the posted form (`body`: the urlencoded fields) against the service's public values now
 * (`current`, as stored): what changed, and every problem, each tied to its field so the form can
 * show it beside the field. Only the listed fields are read; anything else posted is ignored.
 * "Still correct" and "Propose changes" post the same form: whether a change is expected is the
 * caller's (./controller) to say.
 */
export function readProposal(body: Record<string, unknown>, current: Record<string, unknown>): ReadProposal {
  const typed: Record<string, string> = {};
  const problems: FormProblem[] = [];
  const changes: Partial<Record<PartnerFieldName, FieldValue>> = {};
  for (const { name, label } of PARTNER_FIELDS) {
    const sent = typedIn(body[name], label);
    typed[name] = sent.typed;
    const parsed = sent.problem ? { problem: sent.problem } : parseField(name, label, typed[name]);
    if ('problem' in parsed) problems.push({ field: name, message: parsed.problem });
    else if (parsed.value !== (current[name] ?? null) && !(typeof parsed.value === 'number' && Number(current[name]) === parsed.value)) changes[name] = parsed.value;
  }
  // The plugin's own rules (a referral link must be https://; the oldest age not below the youngest).
  const fieldsWithProblems = new Set(problems.map((problem) => problem.field));
  for (const error of validateDocument('service', attributes, changes, current)) {
    const field = error.path[0];
    if (!fieldsWithProblems.has(field)) problems.push({ field, message: error.message });
  }
  const sentName = typedIn(body.name, 'Your name');
  const sentNote = typedIn(body.note, 'The note');
  typed.name = sentName.typed;
  typed.note = sentNote.typed;
  const name = typed.name.trim();
  const note = typed.note.trim();
  if (sentName.problem) problems.push({ field: 'name', message: sentName.problem });
  else if (!name) problems.push({ field: 'name', message: 'Enter your name, so the council knows who checked the service' });
  else if (name.length > NAME_MAX) problems.push({ field: 'name', message: `Your name must be ${NAME_MAX} characters or fewer` });
  if (sentNote.problem) problems.push({ field: 'note', message: sentNote.problem });
  else if (note.length > NOTE_MAX) problems.push({ field: 'note', message: `The note must be ${NOTE_MAX} characters or fewer (it has ${note.length})` });
  return { typed, problems, changes, name, note };
}
