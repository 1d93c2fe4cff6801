import { describe, expect, it } from 'vitest'
import { readForm } from '../../../functions/web/form-data'
import { resolveAreaPath } from '../../../functions/http/pages/area-path'
import { safeNext } from '../../../functions/http/pages/login'

describe('a form post read as the API’s JSON', () => {
  it('nests dotted names and keeps the typed values', () => {
    const form = readForm('applicant.nik=3201&applicant.name=Siti+A&consent=true&_idempotencyKey=k', {
      omit: ['_idempotencyKey'],
    })
    expect(form.body).toEqual({ applicant: { nik: '3201', name: 'Siti A' }, consent: 'true' })
    expect(form.values._idempotencyKey).toBe('k')
    expect(form.problems).toEqual([])
  })

  it('refuses names that reach a prototype or clash with an object', () => {
    const form = readForm('__proto__.polluted=1&a.constructor.x=1&applicant=x&applicant.nik=1&.x=1')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(form.problems.map((p) => p.path).sort()).toEqual([
      '.x',
      '__proto__.polluted',
      'a.constructor.x',
      'applicant.nik',
    ])
  })
})

describe('the area steps of the request form', () => {
  const codes = new Set(['32', '32.01', '32.01.14', '32.01.14.2001', '18', '18.71'])
  const index = { get: (code: string) => (codes.has(code) ? { code, name: code } : undefined) }

  it('opens at a code with its ancestors', () => {
    expect(resolveAreaPath(index, '32.01.14.2001')).toEqual(['32', '32.01', '32.01.14', '32.01.14.2001'])
  })

  it('follows the step selects while each is a child of the one before', () => {
    expect(resolveAreaPath(index, '32,32.01,32.01.14')).toEqual(['32', '32.01', '32.01.14'])
    expect(resolveAreaPath(index, '18,32.01,32.01.14')).toEqual(['18'])
    expect(resolveAreaPath(index, '99')).toEqual([])
    expect(resolveAreaPath(index, 'x,<script>')).toEqual([])
    expect(resolveAreaPath(index, undefined)).toEqual([])
  })
})

describe('the page after sign-in', () => {
  it('is a staff page of ours, never another site', () => {
    expect(safeNext('/staff/cases?status=CLOSED')).toBe('/staff/cases?status=CLOSED')
    expect(safeNext('https://evil.example/')).toBe('/staff/tasks')
    expect(safeNext('//evil.example/staff/')).toBe('/staff/tasks')
    expect(safeNext('/staff//evil.example')).toBe('/staff/tasks')
    expect(safeNext(undefined, 'auditor')).toBe('/staff/cases')
  })
})
