/** Editor-time checks of pipelines: environments may only override declared jobs and variables. */
import { expectTypeOf } from 'vitest';
import { job, pipeline } from '../src/index.js';
import type { Job } from '../src/index.js';
import { clicks, ingest, odsClicks } from './fixtures.js';

const base = { name: 'p', jobs: [ingest], tables: [clicks, odsClicks], variables: { KAFKA_SERVERS: 'servers' }, secrets: { KAFKA_JAAS: 'jaas' }, targets: { sql: {} } } as const;

expectTypeOf(job('a-job', { statements: [] })).toEqualTypeOf<Job<'a-job'>>();

pipeline({ ...base, environments: { dev: { variables: { KAFKA_SERVERS: 'x' }, jobs: { ingest: { parallelism: 2 } } } } });

// @ts-expect-error — 'ingets' is not a job of this pipeline
pipeline({ ...base, environments: { dev: { variables: { KAFKA_SERVERS: 'x' }, jobs: { ingets: { parallelism: 2 } } } } });

// @ts-expect-error — every declared variable needs a value
pipeline({ ...base, environments: { dev: { variables: {} } } });

// @ts-expect-error — 'KAFKA_SERVER' is not a declared variable
pipeline({ ...base, environments: { dev: { variables: { KAFKA_SERVERS: 'x', KAFKA_SERVER: 'y' } } } });

// @ts-expect-error — settings are Flink 1.20 keys
pipeline({ ...base, environments: { dev: { variables: { KAFKA_SERVERS: 'x' }, settings: { 'state.ttl': '1d' } } } });

// @ts-expect-error — memory is a Flink memory size
job('j', { statements: [], resources: { jobManager: { memory: 'two gigs' } } });
