/**
 * Widget tests in real Chromium (Debian's, installed by test/run.ts). Run from the repository
 * root: `npx web-test-runner --config test/widget/web-test-runner.config.mjs`.
 */
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

export default {
  rootDir: '.',
  // test/widget/unit/ holds the widget's pure modules' tests, which vitest runs in Node.
  files: ['test/widget/**/*.test.ts', '!test/widget/unit/**'],
  nodeResolve: true,
  // The widget's tsconfig keeps class fields as assignments, which Lit's reactive properties need.
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'widget/tsconfig.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      },
    }),
  ],
  testFramework: { config: { timeout: 10000 } },
  concurrency: 1,
};
