/** Calls the JSON API as a seeded (or imported) user, one token per user per test file. */
import { createTokenCache } from '../../support/platform'

export const createAdminClient = (baseUrl: () => string) => {
  const token = createTokenCache(baseUrl)
  const call = async <T = Record<string, unknown>>(
    method: string,
    path: string,
    username: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await token(username)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    return { status: response.status, body: (await response.json()) as T }
  }
  return { call, token }
}

export interface ProviderBody {
  providerId: string
  name: string
  kind: string
  email: string
  phone?: string
  services: string[]
  areas: string[]
  active: boolean
}

export interface ErrorBody {
  error: { code: string; message: string; details?: { path: string; message: string }[] }
}
