/**
 * The side panel beside an offer or a service in the content manager: the plain-English check of
 * the field the editor is in, as they type (the form's values are checked on the server a moment
 * after typing stops), and how many other fields have something to improve. Advice only.
 */
import { Flex, Typography } from '@strapi/design-system';
import { useForm } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { errorMessage, useAdminActions, type PlainEnglishField } from '../api/client';
import { OFFER_UID, SERVICE_UID } from '../plugin-id';
import { PlainEnglishIssues } from './PlainEnglishList';

type PanelProps = { model: string; documentId?: string };

const KIND: Record<string, 'offer' | 'service'> = { [OFFER_UID]: 'offer', [SERVICE_UID]: 'service' };

/** How long typing must pause before the form is checked, in milliseconds. */
const PAUSE = 600;

/** A content-manager panel component: returns the panel's title and content, or null to show none. */
export function PlainEnglishPanel({ model }: PanelProps) {
  const kind = KIND[model];
  if (!kind) return null;
  return { title: 'Plain English', content: <PlainEnglishPanelContent kind={kind} /> };
}

/** The field the editor is in: the name of the focused input (a rich-text field's is on its wrapper). */
function useFocusedField() {
  const [field, setField] = useState<string | null>(null);
  useEffect(() => {
    const follow = (target: EventTarget | null) => {
      const name = (target as Element | null)?.closest?.('[name]')?.getAttribute('name');
      if (name) setField(name);
    };
    const onFocus = (event: FocusEvent) => follow(event.target);
    // The editor may be in a field already: the panel mounts (and Strapi mounts it again) after the form.
    follow(document.activeElement);
    document.addEventListener('focusin', onFocus);
    return () => document.removeEventListener('focusin', onFocus);
  }, []);
  return field;
}

function PlainEnglishPanelContent({ kind }: { kind: 'offer' | 'service' }) {
  const values = useForm('KinshipOfferPlainEnglishPanel', (state) => state.values, false) as Record<string, unknown> | undefined;
  const actions = useAdminActions();
  const focused = useFocusedField();
  const [fields, setFields] = useState<PlainEnglishField[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    if (!values) return;
    let current = true;
    const timer = setTimeout(() => {
      actions
        .checkPlainEnglish(kind, values)
        .then((result) => current && (setFields(result), setFailed(null)))
        .catch((error: unknown) => current && setFailed(errorMessage(error)));
    }, PAUSE);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [values, kind]);

  if (failed) return <Typography textColor="danger600">The check could not run: {failed}</Typography>;
  if (!fields) return <Typography>Checking…</Typography>;
  const flagged = fields.filter((field) => field.issues.length > 0);
  const current = fields.find((field) => field.field === focused || field.field.startsWith(`${focused}.`));

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" aria-live="polite">
      {current ? (
        <>
          <Typography fontWeight="semiBold">{current.label}</Typography>
          {current.issues.length ? <PlainEnglishIssues issues={current.issues} /> : <Typography>Reads well.</Typography>}
        </>
      ) : (
        <Typography>Click in a text field to see how it reads.</Typography>
      )}
      <Typography textColor="neutral600">
        {flagged.length
          ? `${flagged.length} field${flagged.length === 1 ? ' has' : 's have'} something to improve: ${flagged.map((field) => field.label).join(', ')}.`
          : 'Every text field reads well.'}{' '}
        Advice only: it never stops you saving.
      </Typography>
    </Flex>
  );
}
