import { describe, expect, it } from 'vitest'
import { ownEntry } from '../../../../functions/http/runtime/own-entry'

describe('a table entry named by a request', () => {
  const NOTICES = { baru: 'Petugas ditambahkan.', ubah: 'Perubahan disimpan.' }

  it('finds the table’s own entries', () => {
    expect(ownEntry(NOTICES, 'ubah')).toBe('Perubahan disimpan.')
    expect(ownEntry(NOTICES, undefined)).toBeUndefined()
    expect(ownEntry(NOTICES, '')).toBeUndefined()
  })

  it('finds nothing every object inherits (?disimpan=valueOf was a 500)', () => {
    for (const inherited of ['valueOf', 'toString', 'hasOwnProperty', 'constructor', '__proto__'])
      expect(ownEntry(NOTICES, inherited)).toBeUndefined()
  })
})
