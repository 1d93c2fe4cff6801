/**
 * The resource Lambdas as the local gateway invokes them, loaded on first use like a
 * cold start. The `Record<Resource, …>` type makes a resource without a handler a
 * compile error.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda'
import type { Resource } from '../../../functions/http/routes'

export type HttpLambda = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>

export const resourceHandlers: Record<Resource, () => Promise<{ handler: HttpLambda }>> = {
  reference: () => import('../../../functions/http/reference/handler'),
  dev: () => import('../../../functions/http/dev/handler'),
  audit: () => import('../../../functions/http/audit/handler'),
  cases: () => import('../../../functions/http/cases/handler'),
  tasks: () => import('../../../functions/http/tasks/handler'),
  links: () => import('../../../functions/http/links/handler'),
  pages: async () => {
    // The local sign-in form offers the seeded staff; the deployed pages bundle never imports the seed.
    const [{ provideLocalLoginUsers }, { seedStaff }] = await Promise.all([
      import('../../../functions/http/pages/local-login-users'),
      import('../seed/seed-data'),
    ])
    provideLocalLoginUsers(seedStaff)
    return import('../../../functions/http/pages/handler')
  },
  verval: () => import('../../../functions/http/verval/handler'),
  kpm: () => import('../../../functions/http/kpm/handler'),
  admin: () => import('../../../functions/http/admin/handler'),
  registers: () => import('../../../functions/http/registers/handler'),
}
