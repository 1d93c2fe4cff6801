/**
 * ARNs in the shape AWS gives them, so handlers that log or parse them behave as on AWS.
 */
import { SfnApiError } from './api-error'

export interface ArnScope {
  region: string
  accountId: string
}

/** Where the local service places its ARNs unless told otherwise. */
export const LOCAL_ARN_SCOPE: ArnScope = { region: 'ap-southeast-3', accountId: '000000000000' }

const prefix = (scope: ArnScope, service: string): string =>
  `arn:aws:${service}:${scope.region}:${scope.accountId}`

export const stateMachineArn = (scope: ArnScope, name: string): string =>
  `${prefix(scope, 'states')}:stateMachine:${name}`

export const executionArn = (scope: ArnScope, stateMachineName: string, name: string): string =>
  `${prefix(scope, 'states')}:execution:${stateMachineName}:${name}`

export const lambdaFunctionArn = (scope: ArnScope, functionName: string): string =>
  `${prefix(scope, 'lambda')}:function:${functionName}`

/** AWS execution and state machine names: 1–80 characters, no whitespace, wildcards or control characters. */
const validName = /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/\p{Cc}]{1,80}$/u

export const assertValidName = (name: string): void => {
  if (!validName.test(name)) throw new SfnApiError('InvalidName', `Invalid Name: '${name}'`)
}
