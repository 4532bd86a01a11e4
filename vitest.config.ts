import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// The repo's own tests run the TypeScript sources (the packages' `exports` point at the compiled dist/, which the
// consumer test checks from the packed tarballs). tsconfig.json maps the same names with `paths`.
const sources: Record<string, string> = {
  '@flinkts/core': src('./packages/core/src/index.ts'),
  '@flinkts/core/internal': src('./packages/core/src/internal/index.ts'),
  '@flinkts/core/testing': src('./packages/core/src/testing/index.ts'),
  '@flinkts/core/vitest': src('./packages/core/src/testing/vitest.ts'),
  '@flinkts/core/flink': src('./packages/core/src/engine/flink/index.ts'),
  '@flinkts/core/runtime': src('./packages/core/src/runtime/index.ts'),
  '@flinkts/connectors/internal': src('./packages/connectors/src/internal.ts'),
  '@flinkts/connectors': src('./packages/connectors/src/index.ts'),
  '@flinkts/pipelines/internal': src('./packages/pipelines/src/internal.ts'),
  '@flinkts/pipelines': src('./packages/pipelines/src/index.ts'),
  flinkts: src('./src/index.ts'),
  'flinkts/testing': src('./src/testing.ts'),
  'flinkts/vitest': src('./src/vitest.ts'),
};

export default defineConfig({
  resolve: {
    alias: Object.entries(sources).map(([name, path]) => ({ find: new RegExp(`^${name}$`), replacement: path })),
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'examples/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/consumer/fixture/**'],
    globalSetup: ['test/global-setup.ts', 'test/support/flink-bridge-lifecycle.ts'],
    // A guard against hangs, not a speed target (those live in bench/): tests that start the CLI, tsc or a JVM took
    // over 30 s when the shared machine's load average passed ~20, and failed on time alone.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
