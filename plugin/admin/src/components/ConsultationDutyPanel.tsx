/**
 * The duty to consult before publishing or updating the offer (Children Act 1989, s.22H): met or
 * not, with the dates it was judged by, and where to record a consultation.
 */
import { Flex, Typography } from '@strapi/design-system';
import { CheckCircle, WarningCircle } from '@strapi/icons';
import type { ConsultationDuty } from '../../../shared/admin-api';
import { consultationList, newConsultation } from '../links';
import { AdminLink } from './AdminLink';

const longDate = (iso: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso));

export function ConsultationDutyPanel({ duty }: { duty: ConsultationDuty }) {
  return (
    <Flex direction="column" alignItems="flex-start" gap={3}>
      <Flex gap={2} alignItems="flex-start">
        {duty.ok ? <CheckCircle fill="success600" aria-hidden /> : <WarningCircle fill="danger600" aria-hidden />}
        <Typography fontWeight="semiBold">
          {duty.label}: {duty.ok ? 'done' : 'missing'}
        </Typography>
      </Flex>
      <Typography>
        {duty.ok
          ? `Consulted on ${longDate(duty.lastConsulted!)}${duty.since ? `, since the offer was published on ${longDate(duty.since)}` : ''}.`
          : duty.todo}
      </Typography>
      <Typography>
        <AdminLink to={newConsultation()}>Record a consultation</AdminLink> (when, how, how many took part, what they said and what
        changed; never names) or <AdminLink to={consultationList()}>see those recorded</AdminLink>. Published consultations make the
        offer’s public consultation report.
      </Typography>
    </Flex>
  );
}
