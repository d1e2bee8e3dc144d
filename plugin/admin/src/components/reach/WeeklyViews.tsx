/**
 * Views per week over the last 12 months, as bars, with the weeks the offer or a service changed
 * marked; then the same as a sentence and as a table.
 *
 * Drawn as our own small SVG rather than with a chart library: 53 bars and a few markers are a
 * few dozen lines, add nothing to the admin's bundle, take the design system's colours from its
 * theme, and leave the accessibility to us (an SVG with a text alternative, a data table beside
 * it), where the libraries that run in Strapi 5's React 18 admin (recharts, nivo, visx) add
 * 100-400 KB and draw SVG that screen readers read as a heap of unlabelled shapes.
 */
import { Box, Typography } from '@strapi/design-system';
import { useId } from 'react';
import { useTheme } from 'styled-components';
import type { ReachWeek } from '../../api/client';
import { DataTable } from '../DataTable';
import { dayText, plural } from './words';

const WIDTH = 1060;
const HEIGHT = 220;
const TOP = 24;
const BOTTOM = 24;

export function WeeklyViews({ weeks }: { weeks: ReachWeek[] }) {
  const theme = useTheme();
  const summaryId = useId();
  const most = Math.max(1, ...weeks.map((week) => week.views));
  const total = weeks.reduce((sum, week) => sum + week.views, 0);
  const busiest = weeks.reduce((best, week) => (week.views > best.views ? week : best), weeks[0]);
  const changed = weeks.filter((week) => week.changes.length);
  const step = WIDTH / weeks.length;
  const barHeight = (views: number) => ((HEIGHT - TOP - BOTTOM) * views) / most;

  const summary =
    `${plural(total, 'view')} in the ${weeks.length} weeks from ${dayText(weeks[0].week)}` +
    (total ? `; the busiest week began ${dayText(busiest.week)}, with ${plural(busiest.views, 'view')}` : '') +
    `. ${changed.length ? `${plural(changed.length, 'week')} with a change to the offer or a service ${changed.length === 1 ? 'is' : 'are'} marked with a diamond.` : 'No changes to the offer or its services are known in this time.'}`;

  return (
    <Box>
      <Typography tag="p" id={summaryId}>
        {summary}
      </Typography>
      <Box paddingTop={3} paddingBottom={3}>
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby={summaryId} style={{ display: 'block', maxHeight: '24rem' }}>
          <line x1={0} x2={WIDTH} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} stroke={theme.colors.neutral500} />
          {weeks.map((week, index) => {
            const x = index * step;
            const height = barHeight(week.views);
            return (
              <g key={week.week}>
                <rect x={x + step * 0.15} width={step * 0.7} y={HEIGHT - BOTTOM - height} height={height} fill={theme.colors.primary600} />
                {week.changes.length > 0 && (
                  <path d={`M ${x + step / 2} 4 l 7 8 l -7 8 l -7 -8 z`} fill={theme.colors.warning600} />
                )}
                {(index % 13 === 0 || index === weeks.length - 1) && (
                  <text x={x + step / 2} y={HEIGHT - 6} fontSize={13} textAnchor="middle" fill={theme.colors.neutral800}>
                    {dayText(week.week)}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </Box>
      <details>
        <summary>
          <Typography>Views per week as a table</Typography>
        </summary>
        <DataTable caption="Views per week (weeks begin on Monday)">
          <thead>
            <tr>
              <th scope="col">Week beginning</th>
              <th scope="col">Views</th>
              <th scope="col">Changes that week</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week.week}>
                <th scope="row">{dayText(week.week)}</th>
                <td>{week.views}</td>
                <td>{week.changes.join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </details>
    </Box>
  );
}
