/**
 * The alarm specs of each kind of resource (issue 17): what is watched, from which
 * metric, against which threshold, and which runbook section explains it. Stacks and
 * constructs pass these to `TkskAlarms.add`; a new resource adds a builder here.
 */
import { Duration } from 'aws-cdk-lib'
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2'
import { ComparisonOperator, MathExpression, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch'
import type { ITable } from 'aws-cdk-lib/aws-dynamodb'
import type { IFunction } from 'aws-cdk-lib/aws-lambda'
import type { IQueue } from 'aws-cdk-lib/aws-sqs'
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions'
import {
  type BusinessMetric,
  METRICS_NAMESPACE,
  METRICS_SERVICE,
} from '../../functions/observability/metric-names'
import type { RunbookSection } from './runbook-sections'
import type { AlarmSpec } from './tksk-alarms'

const period = Duration.minutes(5)

/** A count the functions write (functions/observability/metrics.ts), summed per period. */
export const businessMetric = (
  name: BusinessMetric,
  options: { period?: Duration; dimensions?: Record<string, string> } = {},
): Metric =>
  new Metric({
    namespace: METRICS_NAMESPACE,
    metricName: name,
    dimensionsMap: { service: METRICS_SERVICE, ...options.dimensions },
    period: options.period ?? period,
    statistic: 'Sum',
  })

/**
 * Unhandled errors (the HTTP middleware turns handled ones into 4xx/500 answers, see
 * `apiErrorRate`) and throttles of one function. A job or trigger names its own section.
 */
export const functionAlarms = (
  id: string,
  fn: IFunction,
  errorsRunbook: RunbookSection = 'functionErrors',
): AlarmSpec[] => [
  {
    id: `${id}Errors`,
    metric: fn.metricErrors({ period, statistic: 'Sum' }),
    summary: `Errors of the ${id} function`,
    runbook: errorsRunbook,
  },
  {
    id: `${id}Throttles`,
    metric: fn.metricThrottles({ period, statistic: 'Sum' }),
    summary: `Throttled invocations of the ${id} function`,
    runbook: 'functionThrottles',
  },
]

/** Executions that ended without succeeding: failed, timed out (cases after 200 days, verval after 60), aborted. */
export const stateMachineAlarms = (id: string, stateMachine: IStateMachine): AlarmSpec[] => [
  {
    id: `${id}Failed`,
    metric: stateMachine.metricFailed({ period, statistic: 'Sum' }),
    summary: `Failed executions of the ${id} workflow`,
    runbook: 'executionsFailed',
  },
  {
    id: `${id}TimedOut`,
    metric: stateMachine.metricTimedOut({ period, statistic: 'Sum' }),
    summary: `Timed-out executions of the ${id} workflow`,
    runbook: 'executionsTimedOut',
  },
  {
    id: `${id}Aborted`,
    metric: stateMachine.metricAborted({ period, statistic: 'Sum' }),
    summary: `Aborted executions of the ${id} workflow`,
    runbook: 'executionsAborted',
  },
]

/** Percent of API answers that were 5xx; any at all is a defect (DESIGN §4), so 1 % alarms. */
export const apiErrorRateAlarm = (api: HttpApi): AlarmSpec => ({
  id: 'Api5xxRate',
  metric: new MathExpression({
    expression: 'IF(requests > 0, 100 * errors / requests, 0)',
    usingMetrics: {
      errors: api.metricServerError({ period, statistic: 'Sum' }),
      requests: api.metricCount({ period, statistic: 'Sum' }),
    },
    period,
    label: 'HTTP API 5xx (%)',
  }),
  summary: 'At least 1 % of HTTP API answers were 5xx',
  runbook: 'api5xx',
})

/** Read and write throttle events of one table (an on-demand table throttles past its partitions' limits). */
export const tableThrottleAlarm = (id: string, table: ITable): AlarmSpec => ({
  id: `${id}Throttles`,
  metric: new MathExpression({
    expression: 'FILL(reads, 0) + FILL(writes, 0)',
    usingMetrics: {
      reads: table.metric('ReadThrottleEvents', { period, statistic: 'Sum' }),
      writes: table.metric('WriteThrottleEvents', { period, statistic: 'Sum' }),
    },
    period,
    label: `${id} throttle events`,
  }),
  summary: `Throttled reads or writes on the ${id} table`,
  runbook: 'tableThrottles',
})

/**
 * The hourly anchor job as a heartbeat: fewer than one successful run in two hours
 * alarms, and so does silence (no invocation at all is missing data, which breaches).
 */
export const heartbeatAlarm = (id: string, fn: IFunction, runbook: RunbookSection): AlarmSpec => {
  const hour = Duration.hours(1)
  return {
    id: `${id}Missing`,
    metric: new MathExpression({
      expression: 'invocations - FILL(errors, 0)',
      usingMetrics: {
        invocations: fn.metricInvocations({ period: hour, statistic: 'Sum' }),
        errors: fn.metricErrors({ period: hour, statistic: 'Sum' }),
      },
      period: hour,
      label: `${id} successful runs`,
    }),
    summary: `No successful run of the ${id} job for 2 hours`,
    runbook,
    threshold: 1,
    comparison: ComparisonOperator.LESS_THAN_THRESHOLD,
    evaluationPeriods: 2,
    treatMissingData: TreatMissingData.BREACHING,
  }
}

/**
 * A stream consumer falling behind: its oldest unprocessed record older than ten minutes.
 * A failing batch is answered with partial batch failures, not an error, so the function's
 * Errors alarm stays quiet while the mapping retries it and every later record of its
 * shard waits (ADR 0050): the age of what it has not read is what shows it.
 */
export const streamBacklogAlarm = (id: string, fn: IFunction, summary: string): AlarmSpec => ({
  id: `${id}StreamBacklog`,
  metric: fn.metric('IteratorAge', { period, statistic: 'Maximum' }),
  summary,
  runbook: 'streamBacklog',
  threshold: Duration.minutes(10).toMilliseconds(),
})

/** Messages a consumer gave up on: any at all needs a look. */
export const deadLetterAlarm = (id: string, queue: IQueue, summary: string): AlarmSpec => ({
  id: `${id}DeadLetters`,
  metric: queue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
  summary,
  runbook: 'deadLetters',
})

/**
 * A case or verval batch whose workflow halted on a failed step (ADR 0025, 0040): the
 * steps count each marker when it is written, and any marker alarms, since only Dinsos'
 * "Coba lagi" (within AWS's 14 days of redrive) moves it on.
 */
export const needsAttentionAlarm = (): AlarmSpec => ({
  id: 'NeedsAttention',
  metric: businessMetric('NeedsAttention'),
  summary: 'A case or verval batch needs attention: retry it on /staff/perlu-perhatian',
  runbook: 'needsAttention',
})

/**
 * The account's bounce rate as SES computes it for its review (at 5 % SES reviews the
 * account, at 10 % it may pause sending): alarm at 5 %.
 */
export const sesBounceRateAlarm = (): AlarmSpec => ({
  id: 'SesBounceRate',
  metric: new Metric({
    namespace: 'AWS/SES',
    metricName: 'Reputation.BounceRate',
    period: Duration.hours(1),
    statistic: 'Maximum',
  }),
  summary: 'The SES account bounce rate reached 5 %',
  runbook: 'sesBounceRate',
  threshold: 0.05,
})
