/** Alert levels (seed 000): CRITICAL, HIGH, MEDIUM, LOW — Prometheus `severity` labels and Alertmanager routes. */
export const LEVELS = ['critical', 'high', 'medium', 'low'] as const;
export type Level = (typeof LEVELS)[number];
