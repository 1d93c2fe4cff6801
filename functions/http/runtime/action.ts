/**
 * An action is one route's behaviour: whether it needs a signed-in user and what it does.
 * Each resource Lambda maps the action names of `functions/http/routes.ts` to these.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda'
import type { Route } from './route'
import type { User } from '../../core/identity/user'

export type HttpResult = APIGatewayProxyStructuredResultV2

export interface RequestContext {
  event: APIGatewayProxyEventV2
  route: Route
  correlationId: string
  /** Body as UTF-8 text ('' when absent): JSON, forms, CSV. */
  body: string
  /** Body bytes as sent (XLSX and other binary uploads). */
  bodyBytes: Buffer
}

export interface PublicAction {
  auth: 'public'
  run: (request: RequestContext) => Promise<HttpResult>
}

export interface StaffAction {
  auth: 'staff'
  run: (request: RequestContext & { user: User }) => Promise<HttpResult>
}

export type Action = PublicAction | StaffAction

export const publicAction = (run: PublicAction['run']): PublicAction => ({ auth: 'public', run })
export const staffAction = (run: StaffAction['run']): StaffAction => ({ auth: 'staff', run })
