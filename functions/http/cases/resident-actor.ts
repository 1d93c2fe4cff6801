import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import type { AuditActor } from '../../core/audit/audit-entry'

/** Residents and link holders have no login: the audit names where the request came from. */
export const requestActor = (
  event: APIGatewayProxyEventV2,
  id: string,
  role: AuditActor['role'],
): AuditActor => ({
  id,
  role,
  ip: event.requestContext.http.sourceIp,
  userAgent: event.requestContext.http.userAgent.slice(0, 200),
})

export const residentActor = (event: APIGatewayProxyEventV2): AuditActor =>
  requestActor(event, 'resident', 'resident')
