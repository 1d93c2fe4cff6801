import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import {
  AUDIT_CSV_COLUMNS,
  auditCsv,
  auditExportFileName,
  CSV_BOM,
  csvCell,
} from '../../../../functions/core/audit/audit-csv'
import type { AuditEntry } from '../../../../functions/core/audit/audit-entry'
import { chainOf, input } from './arbitraries'

// Names as the export's caller gives them (placeLabel, actorNamer), stubbed: the CSV only places them.
const names = {
  place: (code: string) => (code === '32.01.14' ? 'Kec. Leuwiliang' : code),
  actor: (actor: { id: string; role: string }) =>
    actor.role === 'tksk' ? 'Rina (TKSK Kec. Leuwiliang)' : actor.id,
}

describe('the audit export CSV', () => {
  it('starts with a BOM and a header, and has one row per entry', () => {
    const entries = chainOf([input(), input({ action: 'CASE_CLOSED', after: { note: 'a, "b"\nc' } })])
    const csv = auditCsv(entries, names)
    expect(csv.startsWith(`${CSV_BOM}entityId,seq,`)).toBe(true)
    const rows = parse(csv.slice(1), { columns: true }) as Record<string, string>[]
    expect(Object.keys(rows[0] ?? {})).toEqual([...AUDIT_CSV_COLUMNS])
    expect(rows).toHaveLength(2)
    expect(rows[1]).toMatchObject({ seq: '0000000002', action: 'CASE_CLOSED', actorRole: 'tksk' })
    expect(JSON.parse(rows[1]?.after ?? '')).toEqual({ note: 'a, "b"\nc' })
  })

  it('never shows a full NIK, even one that slipped into the table', () => {
    const [entry] = chainOf([input()])
    const slipped = { ...(entry as AuditEntry), after: { nik: '3201144507800001' } }
    expect(auditCsv([slipped], names)).not.toContain('3201144507800001')
  })

  it('shows hashes exactly, even the genesis run of zeros', () => {
    const [entry] = chainOf([input()])
    const rows = parse(auditCsv([entry as AuditEntry], names).slice(1), { columns: true }) as Record<
      string,
      string
    >[]
    expect(rows[0]).toMatchObject({ prevHash: '0'.repeat(64), hash: entry?.hash })
  })

  it('keeps the sealed area, actor and UTC instant, and names them with the local time in columns after them', () => {
    const [entry] = chainOf([input()])
    const sealed = { ...(entry as AuditEntry), area: '32.01.14', at: '2026-01-12T15:59:00.000Z' }
    const rows = parse(auditCsv([sealed], names).slice(1), { columns: true }) as Record<string, string>[]
    expect(AUDIT_CSV_COLUMNS.slice(-3)).toEqual(['areaName', 'actorName', 'atLocal'])
    expect(rows[0]).toMatchObject({
      area: '32.01.14',
      at: '2026-01-12T15:59:00.000Z',
      actorId: sealed.actor.id,
      areaName: 'Kec. Leuwiliang',
      actorName: 'Rina (TKSK Kec. Leuwiliang)',
      atLocal: '12 Jan 2026, 22.59 WIB',
    })
    const nationwide = { ...sealed, area: '*' }
    expect(parse(auditCsv([nationwide], names).slice(1), { columns: true })[0]).toMatchObject({ atLocal: '' })
  })

  it('keeps a spreadsheet from running a cell as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`)
    expect(csvCell('+62')).toBe("'+62")
    expect(csvCell('CASE_CREATED')).toBe('CASE_CREATED')
  })
})

describe('the name of the audit download', () => {
  // 17:44 UTC on 7 December is 00:44 on 8 December in WIB, 01:44 WITA, 02:44 WIT.
  const at = new Date('2026-12-07T17:44:29.000Z')

  it('is the moment on the exporter’s wall clock, with the zone', () => {
    expect(auditExportFileName(at, '32.01')).toBe('audit-20261208-004429-WIB.csv')
    expect(auditExportFileName(at, '73.71')).toBe('audit-20261208-014429-WITA.csv')
    expect(auditExportFileName(at, '91.01')).toBe('audit-20261208-024429-WIT.csv')
  })

  it('is UTC, named so, for a national exporter', () => {
    expect(auditExportFileName(at, '*')).toBe('audit-20261207-174429-UTC.csv')
  })
})
