import { Box, Flex, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';

/** One titled section of a plugin page (an h2 and its content, stacked), named for screen readers by its title. */
export function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box tag="section" background="neutral0" shadow="tableShadow" hasRadius padding={6} aria-label={title}>
      <Typography tag="h2" variant="beta">
        {title}
      </Typography>
      <Flex direction="column" alignItems="stretch" gap={4} paddingTop={4}>
        {children}
      </Flex>
    </Box>
  );
}
