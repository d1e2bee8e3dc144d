import { defineConfig } from 'vitest/config';
import { UNIT_TESTS } from './vitest.config.mts';

/** The unit project alone, without the integration projects: what Stryker runs (`npm run mutate`). */
export default defineConfig({
  test: { root: import.meta.dirname, include: UNIT_TESTS, testTimeout: 30_000 },
});
