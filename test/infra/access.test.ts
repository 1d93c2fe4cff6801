/**
 * Least privilege, checked on the synthesized policies: each function gets exactly the
 * DynamoDB actions its entry in the access table names, and nothing in the app may
 * rewrite or delete an audit entry. The expected action lists are spelled out here on
 * purpose, independently of infra/constructs/access-grants.ts.
 */
import type { Template } from 'aws-cdk-lib/assertions'
import { beforeAll, describe, expect, it } from 'vitest'
import type { FunctionAccess } from '../../infra/stacks/function-access'
import { functionAccess, stepsFunctionName } from '../../infra/stacks/function-access'
import { stateMachineName } from '../../infra/constructs/workflow-state-machine'
import { grantWorkflows } from './fixtures/workflows'
import {
  allStatements,
  asArray,
  type buildApp,
  logicalIdOf,
  sharedApp,
  type Statement,
  statementsOfRole,
  templateOf,
} from './support'

const expectedTableActions = {
  main: {
    probe: { table: ['GetItem'], indexes: [] },
    read: { table: ['BatchGetItem', 'GetItem', 'Query'], indexes: ['Query'] },
    readWrite: {
      table: [
        'BatchGetItem',
        'BatchWriteItem',
        'ConditionCheckItem',
        'DeleteItem',
        'GetItem',
        'PutItem',
        'Query',
        'UpdateItem',
      ],
      indexes: ['Query'],
    },
  },
  audit: {
    probe: { table: ['GetItem'], indexes: [] },
    append: { table: ['ConditionCheckItem', 'GetItem', 'PutItem', 'Query'], indexes: [] },
    read: { table: ['GetItem', 'Query'], indexes: ['Query'] },
    readAppend: { table: ['ConditionCheckItem', 'GetItem', 'PutItem', 'Query'], indexes: ['Query'] },
  },
} as const

/** Exercises every kind of grant: the real table has no deployed function for most of them yet. */
const fixtureAccess: Record<string, FunctionAccess> = {
  ...functionAccess,
  [stepsFunctionName('demo')]: {},
  [stepsFunctionName('writer')]: {
    main: 'readWrite',
    audit: 'append',
    startExecution: ['demo'],
    stopExecution: ['demo'],
  },
  [stepsFunctionName('reviewer')]: { main: 'read', audit: 'read', rateLimit: true, answerTasks: ['demo'] },
  [stepsFunctionName('auditor')]: { main: 'read', audit: 'readAppend', anchors: 'read' },
  [stepsFunctionName('mailer')]: { main: 'readWrite', audit: 'append', sendEmail: true, anchors: 'write' },
}

type Built = ReturnType<typeof buildApp>

interface Grants {
  main: string[]
  mainIndexes: string[]
  audit: string[]
  auditIndexes: string[]
}

/** DynamoDB actions of one role, per table and index, without the `dynamodb:` prefix. */
const dynamoGrants = (built: Built, statements: Statement[]): Grants => {
  const mainId = logicalIdOf(built.data.mainTable)
  const auditId = logicalIdOf(built.data.auditTable)
  const grants: Record<keyof Grants, Set<string>> = {
    main: new Set(),
    mainIndexes: new Set(),
    audit: new Set(),
    auditIndexes: new Set(),
  }
  for (const statement of statements) {
    const actions = asArray(statement.Action).filter((action) => action.startsWith('dynamodb:'))
    for (const resource of asArray(statement.Resource).map((r) => JSON.stringify(r))) {
      const table = resource.includes(mainId) ? 'main' : resource.includes(auditId) ? 'audit' : undefined
      if (!table) continue
      const target = resource.includes('/index/') ? (`${table}Indexes` as const) : table
      for (const action of actions) grants[target].add(action.replace('dynamodb:', ''))
    }
  }
  const sorted = (set: Set<string>) => [...set].sort()
  return {
    main: sorted(grants.main),
    mainIndexes: sorted(grants.mainIndexes),
    audit: sorted(grants.audit),
    auditIndexes: sorted(grants.auditIndexes),
  }
}

const expectedGrants = (access: FunctionAccess): Grants => {
  const main = access.main ? expectedTableActions.main[access.main] : { table: [], indexes: [] }
  const audit = access.audit ? expectedTableActions.audit[access.audit] : { table: [], indexes: [] }
  const mainTable = new Set<string>(main.table)
  if (access.rateLimit) mainTable.add('UpdateItem')
  if (access.sessions) for (const action of ['UpdateItem', 'DeleteItem']) mainTable.add(action)
  return {
    main: [...mainTable].sort(),
    mainIndexes: [...main.indexes],
    audit: [...audit.table].sort(),
    auditIndexes: [...audit.indexes],
  }
}

const functionsOf = (built: Built) => [
  ...[...built.app.httpFunctions].map(([name, fn]) => [name, fn] as const),
  ...[...built.app.stepsFunctions].map(([name, fn]) => [stepsFunctionName(name), fn] as const),
]

describe.each([
  { name: 'the real access table', access: functionAccess, build: () => sharedApp() },
  {
    name: 'a fixture exercising every grant',
    access: fixtureAccess,
    build: () => sharedApp({ workflows: grantWorkflows, access: fixtureAccess }),
  },
])('with $name', ({ access: table, build }) => {
  let built: Built
  let template: Template

  beforeAll(() => {
    built = build()
    template = templateOf(built.app)
  })

  const accessFor = (name: string): FunctionAccess => table[name] ?? {}
  const workflowsOf = (access: FunctionAccess) =>
    new Set([...(access.startExecution ?? []), ...(access.answerTasks ?? [])])

  it('gives each function exactly the DynamoDB actions of its access entry, per table and index', () => {
    for (const [name, fn] of functionsOf(built)) {
      const grants = dynamoGrants(built, statementsOfRole(template, logicalIdOf(fn.role)))
      expect({ name, ...grants }).toEqual({ name, ...expectedGrants(accessFor(name)) })
    }
  })

  it('lets a health probe read the probe item of each table and nothing else', () => {
    for (const [name, fn] of functionsOf(built)) {
      const access = accessFor(name)
      const probes = [access.main, access.audit].filter((level) => level === 'probe').length
      const statements = statementsOfRole(template, logicalIdOf(fn.role)).filter(
        (s) => s.Action === 'dynamodb:GetItem',
      )
      const conditioned = statements.filter((s) => s.Condition)
      expect(
        conditioned.flatMap((s) => asArray(s.Resource)),
        name,
      ).toHaveLength(probes)
      for (const statement of conditioned) {
        expect(statement.Condition).toEqual({
          'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['HEALTH'] },
        })
      }
    }
  })

  it('lets a read-only function write rate-limit windows only', () => {
    for (const [name, fn] of functionsOf(built)) {
      const access = accessFor(name)
      if (!access.rateLimit || access.main === 'readWrite') continue
      const updates = statementsOfRole(template, logicalIdOf(fn.role)).filter((s) =>
        asArray(s.Action).includes('dynamodb:UpdateItem'),
      )
      expect(updates.map((s) => s.Condition)).toEqual([
        { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['RL#*'] } },
        ...(access.sessions
          ? [{ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['SESSION#*'] } }]
          : []),
      ])
    }
  })

  it('lets a read-only staff function touch and end sessions only (ADR 0011)', () => {
    for (const [name, fn] of functionsOf(built)) {
      const access = accessFor(name)
      if (!access.sessions || access.main === 'readWrite') continue
      const deletes = statementsOfRole(template, logicalIdOf(fn.role)).filter((s) =>
        asArray(s.Action).includes('dynamodb:DeleteItem'),
      )
      expect(deletes, name).toHaveLength(1)
      expect(deletes[0]?.Condition).toEqual({
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['SESSION#*'] },
      })
    }
  })

  it('grants Step Functions, SES and S3 actions only to the functions that need them', () => {
    for (const [name, fn] of functionsOf(built)) {
      const access = accessFor(name)
      const actions = statementsOfRole(template, logicalIdOf(fn.role)).flatMap((s) => asArray(s.Action))
      const deployed = (workflows: readonly string[] = []) =>
        workflows.filter((w) => built.app.stateMachines.has(w))
      expect(actions.includes('states:StartExecution'), name).toBe(deployed(access.startExecution).length > 0)
      expect(actions.includes('states:SendTaskSuccess'), name).toBe(deployed(access.answerTasks).length > 0)
      expect(actions.includes('states:StopExecution'), name).toBe(deployed(access.stopExecution).length > 0)
      expect(actions.includes('ses:SendEmail'), name).toBe(access.sendEmail === true)
      // The anchor chain, and the verval upload bucket (ADR 0018): each only where named.
      const uploads = access.vervalUploads === true
      expect(actions.includes('s3:GetObject'), name).toBe(access.anchors === 'read' || uploads)
      expect(actions.includes('s3:PutObject'), name).toBe(access.anchors === 'write' || uploads)
      expect(actions.includes('s3:DeleteObject'), name).toBe(uploads)
      expect(
        actions
          .filter((a) => a.startsWith('s3:'))
          .every((a) => ['s3:GetObject', 's3:ListBucket', 's3:PutObject', 's3:DeleteObject'].includes(a)),
      ).toBe(true)
    }
  })

  it('scopes Step Functions grants to the named state machines and passes their ARNs', () => {
    for (const [name, fn] of functionsOf(built)) {
      const used = workflowsOf(accessFor(name))
      // A steps function's own state machine is made after it and is granted by its fixed
      // name (a reference would be a cycle); its ARN is not passed (nor needed: tokens name it).
      const own = [...built.app.stepsFunctions].find(([, steps]) => steps === fn)?.[0]
      const stateMachineRefs = [...built.app.stateMachines]
        .filter(([workflow]) => used.has(workflow) && workflow !== own)
        .map(([, stateMachine]) => ({ Ref: logicalIdOf(stateMachine) }))
      const ownByName = (resource: unknown) =>
        own !== undefined &&
        used.has(own) &&
        JSON.stringify(resource).endsWith(`:stateMachine:${stateMachineName(built.app, own)}"]]}`)
      const statesStatements = statementsOfRole(template, logicalIdOf(fn.role)).filter((s) =>
        asArray(s.Action).some((a) => a.startsWith('states:')),
      )
      // Stopping and redriving act on executions, each alone in its statement.
      const EXECUTION_ACTIONS = ['states:StopExecution', 'states:RedriveExecution']
      const isStop = (s: Statement) => asArray(s.Action).some((a) => EXECUTION_ACTIONS.includes(a))
      // A statement may name several state machines (a function answering both workflows).
      for (const statement of statesStatements.filter((s) => !isStop(s))) {
        const resources = Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource]
        for (const resource of resources) {
          if (!ownByName(resource)) expect(stateMachineRefs).toContainEqual(resource)
        }
      }
      // They act on executions: `execution:<name of a used state machine>:*`. A redrive
      // needs no ARN variable (the NEEDS_ATTENTION marker keeps the execution's ARN).
      const redriven = new Set(accessFor(name).redriveExecution ?? [])
      const executionRefs = [...built.app.stateMachines]
        .filter(([workflow]) => (used.has(workflow) || redriven.has(workflow)) && workflow !== own)
        .map(([, stateMachine]) => ({ Ref: logicalIdOf(stateMachine) }))
      for (const statement of statesStatements.filter(isStop)) {
        expect(asArray(statement.Action)).toHaveLength(1)
        expect(EXECUTION_ACTIONS).toContain(asArray(statement.Action)[0])
        for (const resource of asArray(statement.Resource).map((r) => JSON.stringify(r))) {
          expect(resource).toContain(':execution:')
          expect(resource).toMatch(/:\*"\]\]\}$/)
          expect(
            executionRefs.some((ref) => resource.includes(JSON.stringify(ref))) ||
              (own !== undefined && resource.includes(`:${stateMachineName(built.app, own)}:*`)),
          ).toBe(true)
        }
      }
      const variables = template.toJSON().Resources[logicalIdOf(fn.function)].Properties.Environment.Variables
      for (const workflow of built.app.stateMachines.keys()) {
        const variable = `${workflow.toUpperCase()}_STATE_MACHINE_ARN`
        expect(Object.hasOwn(variables, variable), `${name} ${variable}`).toBe(
          used.has(workflow) && workflow !== own,
        )
      }
    }
  })

  it('never lets anything update or delete an audit entry', () => {
    const auditId = logicalIdOf(built.data.auditTable)
    const forbidden = [
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:*',
      '*',
    ]
    for (const stackTemplate of [template, templateOf(built.data)]) {
      for (const statement of allStatements(stackTemplate)) {
        const resources = asArray(statement.Resource).map((r) => JSON.stringify(r))
        const touchesAudit = resources.some((r) => r.includes(auditId) || r === '"*"')
        if (!touchesAudit) continue
        expect(asArray(statement.Action).filter((a) => forbidden.includes(a) || a.endsWith(':*'))).toEqual([])
      }
    }
  })

  it('grants nothing on every resource except X-Ray, log delivery and listing streams, which have no resource-level permissions', () => {
    // dynamodb:ListStreams is what the mailer's stream mapping adds (ADR 0018).
    const unscoped = (action: string) =>
      action.startsWith('xray:') || action.startsWith('logs:') || action === 'dynamodb:ListStreams'
    for (const statement of allStatements(template)) {
      if (!asArray(statement.Resource).includes('*')) continue
      expect(asArray(statement.Action).every(unscoped)).toBe(true)
    }
  })
})
