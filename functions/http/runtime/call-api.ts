/**
 * The pages are a view over the JSON API: a page that reads or changes data runs the API
 * action itself, in process, with the query or body the API would get. So a page can
 * only show what the API offers, with the API's authorization, auditing and validation,
 * and an `AppError` thrown by the action reaches the page to be rendered as HTML.
 */
import type { User } from '../../core/identity/user'
import type { Action, HttpResult, RequestContext } from './action'

export interface ApiCall {
  query?: Record<string, string | undefined>
  pathParameters?: Record<string, string>
  /** Sent as `application/json`. */
  body?: unknown
  /** Request headers the API reads besides the page's own (e.g. `idempotency-key`), lower case. */
  headers?: Record<string, string>
}

const definedOnly = (query: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(query).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
    ),
  )

/** The action's answer as it is (a CSV download, say); `callApi` reads JSON answers. */
export const callApiResult = async (
  action: Action,
  request: RequestContext & { user?: User },
  call: ApiCall = {},
): Promise<HttpResult> => {
  const body = call.body === undefined ? '' : JSON.stringify(call.body)
  const query = definedOnly(call.query ?? {})
  const event = {
    ...request.event,
    headers: { ...request.event.headers, ...call.headers, 'content-type': 'application/json' },
    queryStringParameters: Object.keys(query).length > 0 ? query : undefined,
    pathParameters: call.pathParameters,
    body,
  }
  const context = { ...request, event, body, bodyBytes: Buffer.from(body, 'utf8') }
  let result
  if (action.auth === 'public') result = await action.run(context)
  else {
    if (!request.user) throw new Error('a staff API action needs the signed-in user')
    result = await action.run({ ...context, user: request.user })
  }
  return result
}

/**
 * The action's JSON answer. It asks for JSON whatever the browser's own `Accept` says: an
 * API that also speaks CSV (the verval drafts, say) would otherwise answer a page opened
 * with `Accept: text/csv` in CSV, and the page would fail to read it (a 500).
 */
export const callApi = async <T>(
  action: Action,
  request: RequestContext & { user?: User },
  call: ApiCall = {},
): Promise<T> => {
  const result = await callApiResult(action, request, {
    ...call,
    headers: { ...call.headers, accept: 'application/json' },
  })
  return JSON.parse(result.body ?? 'null') as T
}
