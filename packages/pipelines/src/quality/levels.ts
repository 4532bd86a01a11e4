/**
 * Alert levels are named by the monitoring target (seed 000: critical, high, medium, low; seed 001: critical,
 * warning); a level is the `severity` label of the Prometheus rules and selects an Alertmanager route.
 */
export type Level = string;
