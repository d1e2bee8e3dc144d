/**
 * A plain, semantic table (caption, th scope) in the admin's look. The design system's Table is a
 * keyboard grid for lists of entries; these are reports, read with a screen reader's table keys.
 */
import type { ReactNode } from 'react';
import { styled } from 'styled-components';

const Table = styled.table`
  width: 100%;
  border-collapse: collapse;
  font-size: 1.4rem;
  color: ${({ theme }) => theme.colors.neutral800};

  caption {
    text-align: left;
    font-weight: 600;
    padding-bottom: ${({ theme }) => theme.spaces[3]};
  }
  th,
  td {
    text-align: left;
    vertical-align: top;
    padding: ${({ theme }) => `${theme.spaces[2]} ${theme.spaces[3]}`};
    border-bottom: 1px solid ${({ theme }) => theme.colors.neutral150};
  }
  thead th {
    font-size: 1.2rem;
    font-weight: 600;
    color: ${({ theme }) => theme.colors.neutral600};
  }
  ul {
    margin: 0;
    padding-left: ${({ theme }) => theme.spaces[4]};
    list-style: disc;
  }
`;

export function DataTable({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <Table>
      <caption>{caption}</caption>
      {children}
    </Table>
  );
}
