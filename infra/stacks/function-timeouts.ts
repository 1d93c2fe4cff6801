/**
 * Each kind of function's timeout in seconds, as plain data: the CDK construct
 * (infra/constructs/tksk-function.ts) deploys it and the local platform enforces it
 * (infra/local/limits). HTTP functions stop at API Gateway's 29 s integration limit;
 * steps get three minutes (a verval chunk of 1,000 rows, with the chain columns, passed one
 * minute on a loaded 2-core local platform and its Map was retried whole); Cognito triggers must answer within Cognito's 5 s; scheduled
 * jobs (retention, the hourly audit anchor) get Lambda's maximum.
 */
export const functionTimeoutSeconds = {
  http: 29,
  steps: 180,
  trigger: 5,
  job: 15 * 60,
} as const

export type FunctionKind = keyof typeof functionTimeoutSeconds

/** Every function's memory in MB (Lambda bills GB-seconds of it): deployed by the construct, priced by `npm run cost`. */
export const functionMemoryMb = 512
