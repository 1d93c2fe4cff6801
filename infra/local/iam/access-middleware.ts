/**
 * The local platform's IAM: a middleware on every SDK client of functions/shared/clients.ts
 * that evaluates each command, before it is sent, against the statements of the function
 * running it (the same statements the CDK app deploys as its role's policy) and throws the
 * AccessDeniedException AWS would, naming the function, the action and the resource.
 */
import { DynamoDBClient, DynamoDBServiceException } from '@aws-sdk/client-dynamodb'
import {
  PinpointSMSVoiceV2Client,
  PinpointSMSVoiceV2ServiceException,
} from '@aws-sdk/client-pinpoint-sms-voice-v2'
import { S3Client, S3ServiceException } from '@aws-sdk/client-s3'
import { SecretsManagerClient, SecretsManagerServiceException } from '@aws-sdk/client-secrets-manager'
import { SESv2Client, SESv2ServiceException } from '@aws-sdk/client-sesv2'
import { SFNClient, SFNServiceException } from '@aws-sdk/client-sfn'
import type { BuildMiddleware, MetadataBearer } from '@smithy/types'
import { type AwsClient, installLocalAwsHooks } from '../../../functions/shared/clients'
import { logger } from '../../../functions/shared/logger'
import type { StatementData } from '../../stacks/statement-data'
import { commandRequests, type ServiceName, type TaskTokenOwner } from './command-requests'
import { type AccessRequest, isAllowed, type ResolvedStatement } from './evaluate-policy'
import { currentFunction } from './function-context'
import { LOCAL_ACCOUNT, localArnInputs, resolveLocally } from './local-arns'

export interface AccessDenial {
  functionName: string
  action: string
  resource: string
}

export interface LocalIamOptions {
  /** Each function's statements by its access-table name (access-statements.ts `statementsByFunction`). */
  statements: ReadonlyMap<string, readonly StatementData[]>
  taskTokenOwner: TaskTokenOwner
  /** Further decoration of every client after the IAM's own (the cost run's metering middleware). */
  decorate?: (client: AwsClient) => void
}

export interface LocalIam {
  /** Every denial since install, oldest first (a denial a caller swallows is still recorded). */
  denials: AccessDenial[]
  uninstall: () => void
}

const serviceOf = (client: AwsClient): ServiceName => {
  if (client instanceof DynamoDBClient) return 'dynamodb'
  if (client instanceof SFNClient) return 'states'
  if (client instanceof SESv2Client) return 'ses'
  if (client instanceof S3Client) return 's3'
  if (client instanceof SecretsManagerClient) return 'secretsmanager'
  if (client instanceof PinpointSMSVoiceV2Client) return 'sms-voice'
  throw new Error('local IAM: unknown client')
}

/** The error each service's SDK raises for a 403 from IAM. */
const accessDeniedError = (service: ServiceName, message: string): Error => {
  const options = { $fault: 'client' as const, message }
  switch (service) {
    case 'dynamodb':
      return new DynamoDBServiceException({
        ...options,
        name: 'AccessDeniedException',
        $metadata: { httpStatusCode: 400 },
      })
    case 'states':
      return new SFNServiceException({
        ...options,
        name: 'AccessDeniedException',
        $metadata: { httpStatusCode: 400 },
      })
    case 'ses':
      return new SESv2ServiceException({
        ...options,
        name: 'AccessDeniedException',
        $metadata: { httpStatusCode: 403 },
      })
    case 's3':
      return new S3ServiceException({ ...options, name: 'AccessDenied', $metadata: { httpStatusCode: 403 } })
    case 'sms-voice':
      return new PinpointSMSVoiceV2ServiceException({
        ...options,
        name: 'AccessDeniedException',
        $metadata: { httpStatusCode: 400 },
      })
    case 'secretsmanager':
      return new SecretsManagerServiceException({
        ...options,
        name: 'AccessDeniedException',
        $metadata: { httpStatusCode: 400 },
      })
  }
}

/** The role's session as AWS names it in the message: `assumed-role/<role>/<function>`. */
const principal = (functionName: string) =>
  `arn:aws:sts::${LOCAL_ACCOUNT}:assumed-role/tksk-${functionName}-role/tksk-${functionName}`

const deniedMessage = (functionName: string, request: AccessRequest) =>
  `User: ${principal(functionName)} is not authorized to perform: ${request.action} on resource: ` +
  `${request.resource} because no identity-based policy allows the ${request.action} action`

const MAX_DECISIONS = 10_000

interface StackHost {
  middlewareStack: {
    add(middleware: BuildMiddleware<object, MetadataBearer>, options: { step: 'build'; name: string }): void
  }
}

export const installLocalIam = (options: LocalIamOptions): LocalIam => {
  const denials: AccessDenial[] = []
  // Resolving a role's statements and matching its patterns is the same work for every
  // call of a function: kept per function while the names it reads stay the same, and
  // each (action, resource, context) decision kept with them.
  const resolved = new Map<
    string,
    { inputs: string; statements: ResolvedStatement[]; decisions: Map<string, boolean> }
  >()
  const policyOf = (functionName: string) => {
    const data = options.statements.get(functionName) ?? []
    const inputs = localArnInputs(data)
    let policy = resolved.get(functionName)
    if (policy?.inputs !== inputs) {
      policy = { inputs, statements: resolveLocally(data), decisions: new Map() }
      resolved.set(functionName, policy)
    }
    return policy
  }
  const allowed = (functionName: string, request: AccessRequest): boolean => {
    const { statements, decisions } = policyOf(functionName)
    const key = JSON.stringify([request.action, request.resource, request.context ?? null])
    let decision = decisions.get(key)
    if (decision === undefined) {
      decision = isAllowed(statements, request)
      // Keys with per-item values (leading keys) vary without end: the cache stays bounded.
      if (decisions.size >= MAX_DECISIONS) decisions.clear()
      decisions.set(key, decision)
    }
    return decision
  }

  const authorize = (service: ServiceName, commandName: string, input: unknown): void => {
    const functionName = currentFunction()
    if (functionName === undefined) return
    const requests = commandRequests(service, commandName, input, options.taskTokenOwner)
    if (!requests) {
      throw new Error(
        `local IAM does not know ${service} ${commandName}: map it in infra/local/iam/command-requests.ts`,
      )
    }
    const refused = requests.find((request) => !allowed(functionName, request))
    if (!refused) return
    denials.push({ functionName, action: refused.action, resource: refused.resource })
    const message = deniedMessage(functionName, refused)
    logger.warn('local IAM denied a call', {
      functionName,
      action: refused.action,
      resource: refused.resource,
    })
    throw accessDeniedError(service, message)
  }

  installLocalAwsHooks({
    decorate(client) {
      const service = serviceOf(client)
      const middleware: BuildMiddleware<object, MetadataBearer> = (next, context) => async (args) => {
        authorize(service, context.commandName ?? '', args.input)
        return next(args)
      }
      ;(client as unknown as StackHost).middlewareStack.add(middleware, { step: 'build', name: 'localIam' })
      options.decorate?.(client)
    },
    authorize: (service, commandName, input) => authorize(service, `${commandName}Command`, input),
  })

  return { denials, uninstall: () => installLocalAwsHooks(undefined) }
}
