/**
 * The coverage map: support types down, arrangement types across, each cell the number of
 * published services. A gap says "None" as well as being shaded, so it does not rely on colour.
 */
import { styled } from 'styled-components';
import type { Check } from '../api/client';
import { DataTable } from './DataTable';
import { counted } from '../words';

const codeOf = (check: Check) => check.key.slice(check.key.indexOf(':') + 1);

const Gap = styled.td`
  background: ${({ theme }) => theme.colors.danger100};
  color: ${({ theme }) => theme.colors.danger700};
  font-weight: 600;
`;

export function CoverageMap({ coverage, supportTypes, arrangementTypes }: {
  coverage: Record<string, Record<string, number>>;
  supportTypes: Check[];
  arrangementTypes: Check[];
}) {
  const gaps = supportTypes.reduce(
    (count, support) => count + arrangementTypes.filter((arrangement) => !coverage[codeOf(support)]?.[codeOf(arrangement)]).length,
    0,
  );
  return (
    <DataTable caption={`Coverage map: published services for each support type and arrangement (${counted(gaps, 'gap')})`}>
      <thead>
        <tr>
          <th scope="col">Support type</th>
          {arrangementTypes.map((arrangement) => (
            <th scope="col" key={arrangement.key}>
              {arrangement.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {supportTypes.map((support) => (
          <tr key={support.key}>
            <th scope="row">{support.label}</th>
            {arrangementTypes.map((arrangement) => {
              // Screen readers announce the row and column headers with each cell.
              const count = coverage[codeOf(support)]?.[codeOf(arrangement)] ?? 0;
              return count ? <td key={arrangement.key}>{count}</td> : <Gap key={arrangement.key}>None</Gap>;
            })}
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
