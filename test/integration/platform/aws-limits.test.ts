/**
 * The local platform answers as API Gateway does when a request is over its limits:
 * 10 MiB for the HTTP API itself, 6 MB for the Lambda event behind it (a binary body is
 * base64-encoded in the event, so a 5 MiB XLSX is over it, as ADR 0009 found on AWS).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { login, startTestPlatform, type TestPlatform } from '../../support/platform'

const MiB = 1024 * 1024

describe('AWS request limits on the local platform', () => {
  let platform: TestPlatform
  beforeAll(async () => {
    platform = await startTestPlatform()
  })
  afterAll(async () => {
    await platform?.dispose()
  })

  it('refuses a body over the HTTP API’s 10 MiB with its 413, before any function runs', async () => {
    const response = await fetch(`${platform.url}/api/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.alloc(10 * MiB + 1, 32),
    })
    expect(response.status).toBe(413)
    expect(await response.json()).toEqual({ message: 'Request Entity Too Large' })
  })

  it('refuses a 5 MiB XLSX posted as binary with 413: base64 in the event it is over Lambda’s 6 MB', async () => {
    const token = await login(platform.url, 'tksk.leuwiliang')
    const response = await fetch(`${platform.url}/api/verval`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      body: Buffer.alloc(5 * MiB, 1),
    })
    expect(response.status).toBe(413)
    expect(await response.json()).toEqual({ message: 'Request Entity Too Large' })
    expect(platform.accessDenials).toEqual([])
  })
})
