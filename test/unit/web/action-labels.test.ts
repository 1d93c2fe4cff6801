import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ACTION_LABELS } from '../../../functions/web/action-labels'
import { actionText } from '../../../functions/web/audit-labels'

const FUNCTIONS = join(import.meta.dirname, '../../../functions')
const CODE = /'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)'/g

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [readFileSync(join(dir, entry.name), 'utf8')]
        : [],
  )

const codesIn = (text: string): string[] => [...text.matchAll(CODE)].map((m) => m[1] ?? '')

/**
 * The audit actions the functions write, read from their source: every `action:` value
 * (a literal, either branch of a ternary, a union of literals; not the operand a ternary
 * compares, nor a form's z.enum or choice() of decisions), the audit action type unions, and the
 * literals handed to the few audit-note helpers and the verval row action map.
 */
const writtenActions = (): Set<string> => {
  const found = new Set<string>()
  for (const source of sources(FUNCTIONS)) {
    for (const line of source.split('\n')) {
      if (/\baction\??:/.test(line) && !/\baction\??:\s*(?:z\.enum|choice)\(/.test(line))
        for (const code of codesIn(line.replace(/[!=]==\s*'[^']*'/g, ''))) found.add(code)
      if (/\btype \w*AuditAction\b/.test(line)) for (const code of codesIn(line)) found.add(code)
      for (const m of line.matchAll(/\b(?:note|staffAudit|audit|write)\('([A-Z][A-Z0-9_]*)'/g))
        found.add(m[1] ?? '')
    }
    for (const map of source.matchAll(/\bACTIONS = \{([^}]*)\}/g))
      for (const code of codesIn(map[1] ?? '')) found.add(code)
  }
  return found
}

describe('audit actions on the staff pages', () => {
  const written = writtenActions()

  it('finds the actions written directly and through helpers (the scan sees what it must)', () => {
    expect(written.size).toBeGreaterThan(50)
    for (const action of [
      'CASE_CREATED',
      'PSKS_UPDATED',
      'TASK_ESCALATED',
      'STAFF_DEACTIVATED',
      'KPM_ADDED',
      'VERVAL_REJECTED',
    ])
      expect(written).toContain(action)
    expect(written).not.toContain('APPROVE')
  })

  it('has an Indonesian label for every action a function writes', () => {
    const unlabelled = [...written].filter((action) => !ACTION_LABELS[action])
    expect(unlabelled).toEqual([])
  })

  it('reads as the label with the code beside it, the code alone when unknown', () => {
    expect(actionText('PSKS_CREATED')).toBe('PSKS ditambahkan (PSKS_CREATED)')
    expect(actionText('SOMETHING_NEW')).toBe('SOMETHING_NEW')
  })
})
