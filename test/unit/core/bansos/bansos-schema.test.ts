import { describe, expect, it } from 'vitest'
import { bansosCaseFields } from '../../../../functions/core/bansos/bansos-case'
import { createBansosSchema } from '../../../../functions/core/bansos/bansos-schema'
import { verificationDecisionSchema } from '../../../../functions/core/bansos/verification'
import { vervalDraftCsv } from '../../../../functions/core/bansos/verval-draft'
import { headerProblem } from '../../../../functions/core/verval/columns'

const areas = { isVillage: (code: string) => code === '32.01.14.2001' }
// 10:00 WIB on 5 December 2026: December and November are open, October is closed.
const schema = createBansosSchema(areas, new Date('2026-12-05T03:00:00Z'))
const complaint = {
  kind: 'PENGADUAN',
  program: 'BPNT',
  complaintType: 'JUMLAH_KURANG',
  period: '2026-11',
  description: 'Beras hanya 5 kg dari 10 kg.',
  complainant: { name: 'Ibu Warsih', address: 'Kp. Cibeber', villageCode: '32.01.14.2001', phone: '' },
  consent: true,
}
const paths = (body: unknown) => (schema.safeParse(body).error?.issues ?? []).map((i) => i.path.join('.'))

describe('the bansos submissions', () => {
  it('accept a complaint on the previous month and read a blank phone as none', () => {
    const parsed = schema.parse(complaint)
    expect(parsed.kind === 'PENGADUAN' && parsed.complainant.phone).toBeUndefined()
  })

  it('refuse a complaint on a closed or future period on `period`', () => {
    expect(paths({ ...complaint, period: '2026-10' })).toEqual(['period'])
    expect(paths({ ...complaint, period: '2027-01' })).toEqual(['period'])
  })

  it('refuse an unknown program, an unknown kind and a desa not in the list on their paths', () => {
    expect(paths({ ...complaint, program: 'BLT' })).toEqual(['program'])
    expect(paths({ ...complaint, kind: 'KELUHAN' })).toEqual(['kind'])
    expect(
      paths({ ...complaint, complainant: { ...complaint.complainant, villageCode: '32.01.14.2999' } }),
    ).toEqual(['complainant.villageCode'])
  })

  it('make an objection a case about the objected KPM, with the objector kept apart', () => {
    const body = schema.parse({
      kind: 'SANGGAH',
      program: 'PBI',
      subject: { name: 'Haji Sobari', villageCode: '32.01.14.2001' },
      reason: 'MAMPU',
      description: 'Sudah punya toko bangunan.',
      objector: { email: 'warga@example.org' },
      consent: true,
    })
    const fields = bansosCaseFields(body)
    expect(fields.applicant).toMatchObject({ name: 'Haji Sobari', villageCode: '32.01.14.2001' })
    expect(fields.applicant.email).toBeUndefined()
    expect(fields).toMatchObject({
      kind: 'SANGGAH',
      service: 'KIS_PBI',
      bansos: { program: 'PBI', objectionReason: 'MAMPU', filer: { email: 'warga@example.org' } },
    })
  })
})

describe('the TKSK’s verification', () => {
  const problems = (decision: Record<string, string>) =>
    (verificationDecisionSchema.safeParse({ findings: 'Sudah dicek.', ...decision }).error?.issues ?? []).map(
      (i) => i.path.join('.'),
    )

  it('asks a forwarding for its target, and a bank or pendamping for its address', () => {
    expect(problems({ outcome: 'FORWARDED' })).toEqual(['forwardTo'])
    expect(problems({ outcome: 'FORWARDED', forwardTo: 'BANK_PENYALUR' })).toEqual(['forwardEmail'])
    expect(problems({ outcome: 'FORWARDED', forwardTo: 'DINSOS' })).toEqual([])
  })

  it('asks a draft for its action, a HAPUS for a verval reason and an UBAH for what changes', () => {
    expect(problems({ outcome: 'VERVAL_DRAFT' })).toEqual(['vervalAction'])
    expect(problems({ outcome: 'VERVAL_DRAFT', vervalAction: 'HAPUS', vervalReason: 'KAYA' })).toEqual([
      'vervalReason',
    ])
    expect(problems({ outcome: 'VERVAL_DRAFT', vervalAction: 'UBAH' })).toEqual(['vervalReason'])
    expect(problems({ outcome: 'VERVAL_DRAFT', vervalAction: 'BARU' })).toEqual([])
  })
})

describe('the draft verval rows', () => {
  it('download with a header the verval upload accepts, the person in its columns and NIK/KK/KKS left blank', () => {
    const csv = vervalDraftCsv([
      {
        kecamatan: '32.01.14',
        period: '2026-12',
        program: 'BPNT',
        caseId: 'c-1',
        reference: '320114-2026-000001',
        kind: 'SANGGAH',
        aksi: 'HAPUS',
        alasan: 'MAMPU',
        nama: 'Haji Sobari',
        alamat: 'Kp. Cibeber',
        kodeDesa: '32.01.14.2001',
        createdAt: '2026-12-05T03:00:00Z',
        by: 'tksk.leuwiliang',
      },
    ])
    const [header, row] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(headerProblem((header ?? '').split(','))).toBeUndefined()
    expect(row).toBe(',,Haji Sobari,Kp. Cibeber,32.01.14.2001,HAPUS,MAMPU,')
  })
})
