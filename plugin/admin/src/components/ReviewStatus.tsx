import { Badge } from '@strapi/design-system';
import { dayInWords } from '../words';

/** Overdue or current, in words (never colour alone). */
export function ReviewStatus({ overdue, due }: { overdue: boolean; due: string | null }) {
  if (overdue) return <Badge backgroundColor="danger100" textColor="danger700">{due ? `Overdue since ${dayInWords(due)}` : 'No review date'}</Badge>;
  return <Badge backgroundColor="success100" textColor="success700">{`Next review ${dayInWords(due)}`}</Badge>;
}
