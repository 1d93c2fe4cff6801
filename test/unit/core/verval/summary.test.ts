import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { countEffect, emptySummary, mergeSummaries } from '../../../../functions/core/verval/summary'

const effects = fc.constantFrom('added', 'updated', 'removed', 'unchanged' as const)
const desa = fc.constantFrom('32.01.14.2001', '32.01.14.2002', '32.01.14.2003')

describe('the summary of a batch', () => {
  it('merging the chunks counts the same as counting the whole file, in total and by desa', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.tuple(desa, effects), { maxLength: 30 }), { maxLength: 6 }),
        (chunks) => {
          const whole = emptySummary()
          const parts = chunks.map((chunk) => {
            const part = emptySummary()
            for (const [code, effect] of chunk) {
              countEffect(part, code, effect)
              countEffect(whole, code, effect)
            }
            return part
          })
          expect(mergeSummaries(parts)).toEqual(whole)
        },
      ),
    )
  })
})
