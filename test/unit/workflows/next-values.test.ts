/**
 * A step's `next` is what the Choice after it reads, and every Choice falls through to
 * its Default (Close, or Done) on a value it does not know: a typo would silently end
 * the workflow. The steps' `next` are unions; these tests keep each union equal to the
 * values the ASL's Choices test, so a value on one side only fails here.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CASE_NEXT } from '../../../functions/steps/case/case-state'
import { VERVAL_NEXT } from '../../../functions/steps/verval/verval-state'

interface AslState {
  Type: string
  Choices?: { Variable?: string; StringEquals?: string }[]
  Branches?: { States: Record<string, AslState> }[]
  ItemProcessor?: { States: Record<string, AslState> }
  Iterator?: { States: Record<string, AslState> }
}

/** The `StringEquals` values of every Choice rule on `$.next`, nested states included. */
const nextValuesTested = (states: Record<string, AslState>): string[] =>
  Object.values(states).flatMap((state) => [
    ...(state.Choices ?? []).flatMap((rule) =>
      rule.Variable === '$.next' && rule.StringEquals !== undefined ? [rule.StringEquals] : [],
    ),
    ...[...(state.Branches ?? []), state.ItemProcessor, state.Iterator].flatMap((inner) =>
      inner ? nextValuesTested(inner.States) : [],
    ),
  ])

const testedIn = (file: string): string[] => {
  const asl = JSON.parse(readFileSync(new URL(`../../../workflows/${file}`, import.meta.url), 'utf8')) as {
    States: Record<string, AslState>
  }
  return [...new Set(nextValuesTested(asl.States))].sort()
}

describe("the workflows' next values", () => {
  it('the case steps return exactly the values its Choices test, besides CLOSE (every Default) and DONE (after Close)', () => {
    const byDefault = new Set(['CLOSE', 'DONE'])
    expect(testedIn('case.asl.json')).toEqual(CASE_NEXT.filter((value) => !byDefault.has(value)).sort())
  })

  it('the verval steps return exactly the values its Choices test, besides END (every Default)', () => {
    expect(testedIn('verval.asl.json')).toEqual(VERVAL_NEXT.filter((value) => value !== 'END').sort())
  })
})
