/**
 * Invokes the local Lambda handlers the way Step Functions invokes Lambda: the payload and
 * the result cross a JSON boundary, `lambda:invoke` returns the service's response shape
 * (so `ResultSelector` and `OutputPath: '$.Payload'` behave as on AWS), and a thrown error
 * surfaces with the function's error type as the state error (its `name`, as the Node
 * runtime reports it) and the runtime's JSON error document as the cause.
 */
import { randomUUID } from 'node:crypto'
import { type ArnScope, lambdaFunctionArn } from './arns'
import { stateError } from './state-errors'

export type LocalLambda = (payload: unknown) => Promise<unknown>

const jsonCopy = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? null))

/** `name`, `name:qualifier`, `arn:…:function:name` or `arn:…:function:name:qualifier` → unqualified ARN. */
export const functionArnOf = (scope: ArnScope, functionName: string): string => {
  if (functionName.startsWith('arn:')) return functionName.split(':').slice(0, 7).join(':')
  return lambdaFunctionArn(scope, functionName.split(':')[0] ?? functionName)
}

const errorDocument = (error: unknown): Error => {
  const errorType = error instanceof Error ? error.name : 'Error'
  const errorMessage = error instanceof Error ? error.message : String(error)
  const trace = error instanceof Error ? (error.stack ?? '').split('\n') : []
  return stateError(errorType, JSON.stringify({ errorType, errorMessage, trace }))
}

/** Runs a function with a JSON copy of the payload; returns its JSON result or throws a state error. */
export const invokeFunction = async (
  lambdas: Readonly<Record<string, LocalLambda>>,
  scope: ArnScope,
  functionName: string,
  payload: unknown,
): Promise<unknown> => {
  const arn = functionArnOf(scope, functionName)
  const handler = lambdas[arn]
  if (!handler) {
    throw stateError(
      'Lambda.ResourceNotFoundException',
      `Function not found: ${arn} (Service: Lambda, Status Code: 404, Request ID: ${randomUUID()})`,
    )
  }
  try {
    return jsonCopy(await handler(jsonCopy(payload)))
  } catch (error) {
    throw errorDocument(error)
  }
}

/** The response of `arn:aws:states:::lambda:invoke` around a function's result. */
export const lambdaInvokeResponse = (payload: unknown) => {
  const requestId = randomUUID()
  return {
    ExecutedVersion: '$LATEST',
    Payload: payload,
    SdkHttpMetadata: {
      HttpHeaders: { 'Content-Type': 'application/json', 'X-Amz-Executed-Version': '$LATEST' },
      HttpStatusCode: 200,
    },
    SdkResponseMetadata: { RequestId: requestId },
    StatusCode: 200,
  }
}
