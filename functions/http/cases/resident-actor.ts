import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import type { AuditActor } from '../../core/audit/audit-entry'
import { clientIpOf } from '../runtime/edge-origin'

/** Residents and link holders have no login: the audit names where the request came from. */
export const requestActor = (
  event: APIGatewayProxyEventV2,
  id: string,
  role: AuditActor['role'],
): AuditActor => ({
  id,
  role,
  ip: clientIpOf(event),
  userAgent: event.requestContext.http.userAgent.slice(0, 200),
})

export const residentActor = (event: APIGatewayProxyEventV2): AuditActor =>
  requestActor(event, 'resident', 'resident')
