import type { HttpResult } from './action'

const JSON_TYPE = 'application/json; charset=utf-8'

export const json = (
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): HttpResult => ({
  statusCode,
  headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store', ...headers },
  body: JSON.stringify(body),
})

export const withCookies = (result: HttpResult, cookies: string[]): HttpResult => ({
  ...result,
  cookies: [...(result.cookies ?? []), ...cookies],
})
