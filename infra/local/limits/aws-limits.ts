/**
 * The AWS quotas the local platform enforces, so what fails on AWS fails here:
 * API Gateway HTTP API's payload and integration timeout, Lambda's synchronous payload,
 * Step Functions' state payload and history length. Functions' own timeouts come from
 * infra/stacks/function-timeouts.ts, the data the CDK deploys.
 */
import { functionTimeoutSeconds } from '../../stacks/function-timeouts'

export interface AwsLimits {
  /** HTTP API: longest wait for an integration before it answers 503. */
  apiIntegrationTimeoutMs: number
  /** HTTP API: largest request it accepts (413 past it). */
  apiMaxRequestBytes: number
  /** Lambda: largest synchronous invocation request and response (the JSON event, base64 bodies included). */
  lambdaMaxSyncPayloadBytes: number
  /** Each function kind's configured timeout. */
  functionTimeoutMs: Readonly<Record<keyof typeof functionTimeoutSeconds, number>>
  /** Step Functions: largest input or output of a state (States.DataLimitExceeded past it). */
  stateMaxPayloadBytes: number
  /** Step Functions: most events in one execution's history (the execution fails past it). */
  executionMaxHistoryEvents: number
}

const MiB = 1024 * 1024

export const awsLimits: AwsLimits = {
  apiIntegrationTimeoutMs: 29_000,
  apiMaxRequestBytes: 10 * MiB,
  lambdaMaxSyncPayloadBytes: 6 * MiB,
  functionTimeoutMs: {
    http: functionTimeoutSeconds.http * 1000,
    steps: functionTimeoutSeconds.steps * 1000,
    trigger: functionTimeoutSeconds.trigger * 1000,
    job: functionTimeoutSeconds.job * 1000,
  },
  stateMaxPayloadBytes: 256 * 1024,
  executionMaxHistoryEvents: 25_000,
}

/** Size of a value as the service measures it: its JSON in UTF-8. */
export const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value ?? null), 'utf8')

/** Thrown when a function runs past its configured timeout, named as the Lambda runtime names it. */
export class FunctionTimedOutError extends Error {
  override name = 'Sandbox.Timedout'
}

/**
 * Settles with the invocation, or rejects with FunctionTimedOutError once `timeoutMs`
 * has passed. The invocation itself cannot be killed in process; like a Lambda past
 * its timeout, its result no longer counts.
 */
export const withinTimeout = <T>(invocation: Promise<T>, timeoutMs: number): Promise<T> => {
  let timer: NodeJS.Timeout | undefined
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(new FunctionTimedOutError(`Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`)),
      timeoutMs,
    )
  })
  return Promise.race([invocation, expired]).finally(() => clearTimeout(timer))
}
