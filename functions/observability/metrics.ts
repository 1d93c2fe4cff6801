/**
 * The business counts of DESIGN's operations view as CloudWatch metrics, through
 * Powertools' embedded metric format: one log line per count that CloudWatch turns into
 * a datapoint, so no PutMetricData call and no grant. Each count is written when it
 * happens (a single-metric flush), so a step that fails later does not lose it and no
 * handler needs a flush middleware. The alarms and the dashboard
 * (infra/constructs/tksk-alarms.ts, tksk-dashboard.ts) read these names.
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics'
import { env } from '../shared/env'
import { type BusinessMetric, METRICS_NAMESPACE, METRICS_SERVICE } from './metric-names'

/** Dimensions beyond `service`; only low-cardinality values (an outcome, a task kind), never an id or a person. */
export type MetricDimensions = Readonly<Record<string, string>>

const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: METRICS_SERVICE })

export interface CountOptions {
  /** How many happened (a chunk's rows); nothing is written for 0. */
  value?: number
  dimensions?: MetricDimensions
  /** When it happened, if not now (an SES report arrives after the bounce). */
  at?: Date
}

/** Counts `metric` now; nothing on the local platform. */
export const countMetric = (metric: BusinessMetric, options: CountOptions = {}): void => {
  const value = options.value ?? 1
  // Locally there is no CloudWatch: the records themselves are the evidence.
  if (value <= 0 || env.stage() === 'local') return
  const single = metrics.singleMetric()
  for (const [name, dimensionValue] of Object.entries(options.dimensions ?? {}))
    single.addDimension(name, dimensionValue)
  if (options.at) single.setTimestamp(options.at)
  single.addMetric(metric, MetricUnit.Count, value)
}
