/**
 * Staff-side helpers of the security tests: signed-in requests as a seeded user, the
 * audit chain of a case as an auditor reads it, and what a case looks like from inside
 * (to prove that a request changed nothing).
 */
import { createTokenCache } from '../../support/platform'

export interface AuditRow {
  seq: string
  action: string
  actor: { id: string; role: string; ip?: string }
  after: Record<string, unknown> | null
}

export const createStaff = (baseUrl: () => string) => {
  const tokenOf = createTokenCache(baseUrl)

  const get = async (username: string, path: string) =>
    fetch(`${baseUrl()}${path}`, { headers: { authorization: `Bearer ${await tokenOf(username)}` } })

  const post = async (username: string, path: string, body: unknown) =>
    fetch(`${baseUrl()}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenOf(username)}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })

  /** The case's audit chain through `GET /api/audit` as the kabupaten's auditor. */
  const auditOf = async (caseId: string): Promise<AuditRow[]> => {
    const response = await get('auditor.bogor', `/api/audit?entityId=case:${caseId}&limit=100`)
    if (response.status !== 200) throw new Error(`audit read failed: ${response.status}`)
    return ((await response.json()) as { items: AuditRow[] }).items
  }

  /** Everything about a case that a decision would change: status, the open task, the chain length. */
  const snapshot = async (caseId: string) => {
    const detail = (await (await get('dinsos.bogor', `/api/cases/${caseId}`)).json()) as {
      status: string
      timeline: { action: string }[]
    }
    const tasks = (await (await get('tksk.leuwiliang', '/api/tasks')).json()) as {
      items: { taskId: string; status: string }[]
    }
    return {
      status: detail.status,
      decisions: detail.timeline.filter((e) => e.action !== 'PII_READ' && e.action !== 'SENSITIVE_CASE_READ'),
      tasks: tasks.items,
    }
  }

  return { tokenOf, get, post, auditOf, snapshot }
}
