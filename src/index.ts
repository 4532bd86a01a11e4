/**
 * `flinkts`: the umbrella package — the core (types, AST, builders, printer, parser, analyzer, runtime) and the
 * typed connectors, formats, catalogs and settings, and the pipelines (jobs, environments, emitters), from one import.
 */
export * from '@flinkts/core';
export * from '@flinkts/connectors';
export * from '@flinkts/pipelines';
