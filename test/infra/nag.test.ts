/**
 * cdk-nag (AwsSolutions) on the whole app, as `cdk synth` runs it: cdk-nag 3 is a CDK
 * validation plugin, so its findings are reported by synthesis (which fails on any)
 * rather than as annotations; `validateScope` lists them for the assertion message.
 * This file also runs CloudFormation's own template rules, which cost ~10 s.
 */
import { Validations } from 'aws-cdk-lib'
import type { IConstruct } from 'constructs'
import { beforeAll, describe, expect, it } from 'vitest'
import { grantWorkflows } from './fixtures/workflows'
import { buildApp } from './support'

let built: ReturnType<typeof buildApp>

beforeAll(() => {
  // Every kind of function and grant, so each acknowledgement is exercised.
  built = buildApp({ workflows: grantWorkflows, cloudFormationValidation: true })
})

const acknowledgements = (root: IConstruct) =>
  root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>))
      .map(([id, reason]) => ({ path: construct.node.path, id, reason })),
  )

describe('cdk-nag AwsSolutions', () => {
  it('finds nothing unacknowledged, errors or warnings', () => {
    const report = built.nag.validateScope(built.cdkApp)
    const findings = report.violations.map(
      (v) => `${v.severity} ${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
    )
    expect(findings).toEqual([])
  })

  it('lets the app synthesize with the validation plugins and CloudFormation rules on', () => {
    expect(() => built.cdkApp.synth()).not.toThrow()
  })

  it('acknowledges only at the construct that needs it, each with a reason', () => {
    const found = acknowledgements(built.cdkApp)
    expect(found.length).toBeGreaterThan(0)
    for (const { path, id, reason } of found) {
      expect(path.split('/').length, `${id} at ${path}`).toBeGreaterThan(2)
      expect(reason.length, `${id} at ${path}`).toBeGreaterThan(40)
    }
  })
})
