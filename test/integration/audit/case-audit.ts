/**
 * What an auditor can establish about one case after a workflow test: its audit chain
 * over `GET /api/audit` in order, `verify` on it, and the CSV export (POST) with one row per
 * entry. Case tests call it at their end, so the audit is checked on the real flow.
 */
import { parse } from 'csv-parse/sync'
import { expect } from 'vitest'
import type { AuditEntry } from '../../../functions/core/audit/audit-entry'
import { login } from '../../support/platform'

export const auditOfCase = async (baseUrl: string, caseId: string, auditor = 'auditor.bogor') => {
  const headers = { authorization: `Bearer ${await login(baseUrl, auditor)}` }
  const entityId = `case:${caseId}`
  const entries: AuditEntry[] = []
  let cursor = ''
  do {
    const response = await fetch(
      `${baseUrl}/api/audit?entityId=${entityId}&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
      { headers },
    )
    expect(response.status).toBe(200)
    const page = (await response.json()) as { items: AuditEntry[]; nextCursor: string | null }
    entries.push(...page.items)
    cursor = page.nextCursor ?? ''
  } while (cursor)

  const verify = await fetch(`${baseUrl}/api/audit/verify?entityId=${entityId}`, { headers })
  const verdict = (await verify.json()) as { valid: boolean; checked: number }

  const exported = await fetch(`${baseUrl}/api/audit/export`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ entityId }),
  })
  expect(exported.status).toBe(200)
  const rows = parse((await exported.text()).replace(/^\uFEFF/, ''), { columns: true }) as Record<
    string,
    string
  >[]
  return { entries, verdict, rows }
}
