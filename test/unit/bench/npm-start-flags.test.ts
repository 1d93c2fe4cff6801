import { describe, expect, it } from 'vitest'
import { nodeFlagsOf, npmStartNodeFlags } from '../../../bench/npm-start-flags'

describe("the bench's server runs with npm start's node options", () => {
  it('takes the options between node and the entry file, not the entry nor what follows it', () => {
    expect(
      nodeFlagsOf('exec node --max-old-space-size=256 --max-semi-space-size=16 infra/local/start.mjs --x'),
    ).toEqual(['--max-old-space-size=256', '--max-semi-space-size=16'])
  })

  it('has none to take from a script without node options or without node', () => {
    expect(nodeFlagsOf('exec node infra/local/start.mjs')).toEqual([])
    expect(nodeFlagsOf('tsx bench/run.ts')).toEqual([])
  })

  it("reads the project's npm start, which caps the V8 old space (ADR 0043)", () => {
    expect(npmStartNodeFlags().some((flag) => flag.startsWith('--max-old-space-size='))).toBe(true)
  })
})
