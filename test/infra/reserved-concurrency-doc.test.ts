/**
 * docs/scale.md tells an operator how much of the account's Lambda pool the stacks reserve
 * (to decide whether to ask for a raise): the figure must be the sum the stacks, with their
 * real workflows, synthesize.
 */
import type { Template } from 'aws-cdk-lib/assertions'
import { describe, expect, it } from 'vitest'
import { docText } from '../support/docs-text'
import { synthesizeOnce } from './support'

const stacks = synthesizeOnce()

const reserved = (template: Template): number =>
  Object.values(template.findResources('AWS::Lambda::Function')).reduce(
    (sum, fn) =>
      sum +
      Number(
        (fn as { Properties: { ReservedConcurrentExecutions?: number } }).Properties
          .ReservedConcurrentExecutions ?? 0,
      ),
    0,
  )

describe('the reserved concurrency docs/scale.md quotes', () => {
  it('is the sum over every stack', () => {
    const total = [stacks.app, stacks.data, stacks.edge, stacks.edgeLogs]
      .map(reserved)
      .reduce((a, b) => a + b, 0)
    expect(total).toBeGreaterThan(0)
    const quoted = /reserved sum ([\d,]+)/.exec(docText('docs/scale.md'))?.[1]
    expect(quoted?.replace(/,/g, '')).toBe(String(total))
  })
})
