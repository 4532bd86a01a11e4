/** `flinkts/testing`: the local runtime and the test helpers (the same module as `@flinkts/core/testing`). */
export * from '@flinkts/core/testing';
