import { describe, expect, it } from 'vitest'
import {
  staffCreateSchema,
  staffListQuerySchema,
  staffPatchSchema,
} from '../../../../functions/core/staff/staff-schemas'

const member = (area: string) => ({
  username: 'dinsos.jabar2',
  name: 'Dinsos Provinsi Jawa Barat',
  email: 'dinsos2@jabarprov.local',
  role: 'dinsos_provinsi',
  area,
})

const areaMessages = (result: {
  success: boolean
  error?: { issues: { path: PropertyKey[]; message: string }[] }
}) =>
  (result.error?.issues ?? [])
    .filter((issue) => issue.path.join('.') === 'area')
    .map((issue) => issue.message)

describe('the area of a staff input', () => {
  // dinsos_provinsi serves a province (ADR 0039): its code must pass the schema to reach areaProblems.
  it.each(['32', '32.01', '32.01.14', '*'])('accepts %s on create, patch and list', (area) => {
    expect(staffCreateSchema.safeParse(member(area)).success).toBe(true)
    expect(staffPatchSchema.safeParse({ area }).success).toBe(true)
    expect(staffListQuerySchema.safeParse({ area }).success).toBe(true)
  })

  it.each(['3', '321', '32.', '32.1', '32.01.14.2001', '**', ''])('refuses %j naming every level', (area) => {
    const messages = areaMessages(staffCreateSchema.safeParse(member(area)))
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatch(/provinsi, kabupaten\/kota atau kecamatan/)
  })
})
