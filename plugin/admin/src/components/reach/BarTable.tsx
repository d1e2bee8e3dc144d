/**
 * A data table whose number column also draws a bar: the table is what screen readers and print
 * read; the bar (hidden from assistive technology) lets an editor compare at a glance.
 */
import type { ReactNode } from 'react';
import { styled } from 'styled-components';
import { DataTable } from '../DataTable';

const Bar = styled.span<{ $share: number; $tone: 'primary' | 'danger' }>`
  display: inline-block;
  vertical-align: middle;
  height: 1.2rem;
  margin-left: ${({ theme }) => theme.spaces[2]};
  width: ${({ $share }) => `${Math.round($share * 16)}rem`};
  background: ${({ theme, $tone }) => ($tone === 'danger' ? theme.colors.danger600 : theme.colors.primary600)};
  print-color-adjust: exact;
  -webkit-print-color-adjust: exact;
`;

export interface BarRow {
  key: string;
  label: ReactNode;
  value: number;
  /** Other cells, after the value. */
  cells?: ReactNode[];
  /** Drawn in the danger colour (a gap), as well as said in a cell. */
  warn?: boolean;
}

export function BarTable({ caption, headers, rows }: { caption: string; headers: string[]; rows: BarRow[] }) {
  const most = Math.max(1, ...rows.map((row) => row.value));
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          {headers.map((header) => (
            <th scope="col" key={header}>
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td>
              {row.value.toLocaleString('en-GB')}
              <Bar aria-hidden="true" $share={row.value / most} $tone={row.warn ? 'danger' : 'primary'} />
            </td>
            {row.cells?.map((cell, index) => <td key={index}>{cell}</td>)}
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
