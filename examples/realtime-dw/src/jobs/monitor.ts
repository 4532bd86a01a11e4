/**
 * `rt-dw-monitor`: the data-quality monitor of seed 000 — the five dimensions scored for ODS orders, the DWD
 * order detail and the DWS daily sales in 5-minute windows (see ../quality.ts), one statement set writing every
 * table's per-dimension counts, rates and scores to StarRocks. Parallelism 1: three small window aggregations.
 */
import { monitorJobs } from '@flinkts/pipelines';
import { adsDataQuality } from '../olap.js';
import { QUALITY } from '../quality.js';

export const monitors = monitorJobs({ pipeline: 'realtime-dw', name: 'rt-dw-monitor', qualities: QUALITY, sink: adsDataQuality, per: 'pipeline', parallelism: 1 });
