/**
 * The local case starter is woken by intake's write of a new case, not by every later
 * change of a case (ADR 0050): those are updates by key, which its filter drops, and each
 * nudge costs a stream read.
 */
import { describe, expect, it } from 'vitest'
import { caseKey } from '../../../../functions/data/keys'
import { mayFeedCaseStarter } from '../../../../infra/local/streams/local-case-starter'

const { pk, sk } = caseKey('01JCASE')
const key = { pk: { S: pk }, sk: { S: sk } }
const text = (value: string) => ({ S: value })

describe('what wakes the local case starter', () => {
  it('a whole case item in its first status: the intake', () => {
    expect(
      mayFeedCaseStarter({ ...key, ...{ status: text('IDENTIFICATION'), caseId: text('01JCASE') } }),
    ).toBe(true)
  })

  it('not a change of a case by key, nor a case item in a later status', () => {
    expect(mayFeedCaseStarter(key)).toBe(false)
    expect(mayFeedCaseStarter({ ...key, ...{ status: text('ASSESSMENT') } })).toBe(false)
  })

  it('not another item in the first status', () => {
    expect(mayFeedCaseStarter({ pk: text('MAIL#1'), sk: text('MAIL'), status: text('IDENTIFICATION') })).toBe(
      false,
    )
  })
})
