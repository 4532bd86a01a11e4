/**
 * `import 'flinkts/vitest'` (e.g. in a vitest setup file or at the top of a test): registers the changelog
 * matchers with vitest's `expect` and adds their types to vitest's `Assertion` (the same as `@flinkts/core/vitest`).
 */
import '@flinkts/core/vitest';
