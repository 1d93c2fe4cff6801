/**
 * The driver of the needs-attention tests (issue 17, ADR 0025, 0040), one for the case,
 * verval and laporan workflows: the platform with one workflow's steps replaced by a
 * faulty copy (the test injects the failure through it), and what every such test reads
 * and does: the attention list, the subject's audit actions, the execution, and "Coba
 * lagi" on the page "Perlu perhatian".
 */
import { fileURLToPath } from 'node:url'
import { DescribeExecutionCommand, type DescribeExecutionCommandOutput, SFNClient } from '@aws-sdk/client-sfn'
import { afterAll, beforeAll, expect } from 'vitest'
import { workflows } from '../../workflows/workflows'
import { createTokenCache, login, startTestPlatform, type TestPlatform } from './platform'
import { pollFor } from './poll'
import { localSfnClient } from './local-sfn'

export interface AttentionItem {
  kind: string
  id: string
  label: string
  status: string
  state: string
  error: string
  cause?: string
}

export const countOf = (values: string[], value: string): number =>
  values.filter((item) => item === value).length

/**
 * Starts the platform for the file (beforeAll/afterAll) with the steps of `workflowName`
 * taken from `faultySteps`, the module the test breaks a step through.
 */
export const useNeedsAttentionPlatform = (workflowName: 'case' | 'verval' | 'laporan', faultySteps: URL) => {
  let platform: TestPlatform | undefined
  let sfn: SFNClient | undefined
  const url = () => platform?.url ?? ''
  let tokenOf = createTokenCache(url)

  beforeAll(async () => {
    platform = await startTestPlatform({
      // The failing step's four attempts 10 ms apart instead of 1 s, 2 s and 4 s of idling.
      stepFunctionsRetryIntervalMs: 10,
      workflows: workflows.map((workflow) =>
        workflow.name === workflowName ? { ...workflow, stepsEntry: fileURLToPath(faultySteps) } : workflow,
      ),
    })
    sfn = localSfnClient(platform.url)
  }, 60_000)
  afterAll(async () => {
    sfn?.destroy()
    await platform?.dispose()
  })

  const call = async (username: string, path: string, init: RequestInit = {}) =>
    fetch(`${url()}${path}`, {
      ...init,
      headers: { ...init.headers, authorization: `Bearer ${await tokenOf(username)}` },
    })

  const attention = async (username = 'dinsos.bogor'): Promise<AttentionItem[]> => {
    const response = await call(username, '/api/attention')
    expect(response.status).toBe(200)
    return ((await response.json()) as { items: AttentionItem[] }).items
  }

  const execution = (id: string): Promise<DescribeExecutionCommandOutput> =>
    (sfn as SFNClient).send(
      new DescribeExecutionCommand({
        executionArn: `arn:aws:states:ap-southeast-3:000000000000:execution:tksk-${workflowName}:${id}`,
      }),
    )

  return {
    url,
    /** The platform's Step Functions, as an operator reads it. */
    sfn: () => sfn as SFNClient,
    call,
    attention,
    execution,
    /** The item once its workflow marked it (the step fails four times first: its attempt and three retries). */
    waitForAttention: (id: string, timeoutMs = 60_000): Promise<AttentionItem> =>
      pollFor(
        async () => (await attention()).find((item) => item.id === id),
        timeoutMs,
        () => `${id} never needed attention`,
      ),
    /** The actions of an audit chain (`case:…`, `batch:…`, `laporan:…`), as the auditor reads them. */
    auditActions: async (entityId: string): Promise<string[]> => {
      const response = await call(
        'auditor.bogor',
        `/api/audit?entityId=${encodeURIComponent(entityId)}&limit=100`,
      )
      expect(response.status).toBe(200)
      return ((await response.json()) as { items: { action: string }[] }).items.map((entry) => entry.action)
    },
    /** Sessions end after 8 hours: after the clock moved, the users sign in again. */
    signInAgain: () => {
      tokenOf = createTokenCache(url)
    },
    /**
     * Dinsos of Bogor opens "Perlu perhatian" and, when the page holds its form, clicks
     * "Coba lagi" at `action`: the page, and the answer to the form (a redirect).
     */
    retryFromPage: async (action: string) => {
      const cookie = `session=${await login(url(), 'dinsos.bogor')}`
      const page = await (await fetch(`${url()}/staff/perlu-perhatian`, { headers: { cookie } })).text()
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1]
      const answer = await fetch(`${url()}${action}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf ?? '' }),
        redirect: 'manual',
      })
      const location = answer.headers.get('location') ?? ''
      return {
        page,
        status: answer.status,
        location,
        /** The page the redirect leads to. */
        follow: () => fetch(`${url()}${location}`, { headers: { cookie } }),
      }
    },
  }
}
