/**
 * The deployment stage (context `stage`: dev, test, prod; issue 17, ADR 0024): it names
 * every physical resource, so two stages share an account, and chooses what a stage
 * keeps — removal policies, log retention, the anchors' Object Lock mode. Prod keeps the
 * names from before stages (no replacement of a running deployment); the default is prod.
 * Constructs read it from the context (`stageOf(this)`), so no prop is threaded through.
 */
import { RemovalPolicy } from 'aws-cdk-lib'
import { RetentionDays } from 'aws-cdk-lib/aws-logs'
import type { IConstruct } from 'constructs'

/** Object Lock mode of the audit anchors: compliance in prod, governance elsewhere (ADR 0024). */
export type AnchorLockMode = 'compliance' | 'governance'

export const STAGES = ['dev', 'test', 'prod'] as const
export type Stage = (typeof STAGES)[number]
export const STAGE_CONTEXT = 'stage'

export interface StageSettings {
  stage: Stage
  /** Prefix of physical names: `tksk-flow` in prod, `tksk-flow-<stage>` otherwise. */
  namePrefix: string
  /** The state machines' prefix: `tksk` in prod, `tksk-<stage>` otherwise. */
  shortPrefix: string
  /** What a stateful resource (table, key, pool, bucket, log group) does when its stack goes. */
  removalPolicy: RemovalPolicy
  /** Tables, user pool: deletion protection in prod only. */
  deletionProtection: boolean
  logRetention: RetentionDays
  /** Compliance (nobody can shorten it) in prod; governance elsewhere, so a test account can be cleaned. */
  anchorLockMode: AnchorLockMode
  anchorRetentionYears: number
}

export const parseStage = (value: unknown): Stage => {
  const stage = value ?? 'prod'
  if (!STAGES.includes(stage as Stage))
    throw new Error(`stage must be one of ${STAGES.join(', ')}, not ${String(value)}`)
  return stage as Stage
}

export const stageSettings = (stage: Stage): StageSettings => {
  const prod = stage === 'prod'
  return {
    stage,
    namePrefix: prod ? 'tksk-flow' : `tksk-flow-${stage}`,
    shortPrefix: prod ? 'tksk' : `tksk-${stage}`,
    removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    deletionProtection: prod,
    // One year in prod: staff actions are traced through these logs in audits.
    logRetention: prod ? RetentionDays.ONE_YEAR : RetentionDays.ONE_MONTH,
    anchorLockMode: prod ? 'compliance' : 'governance',
    // Ten years, the retention Indonesian archive schedules (JRA) commonly set for records
    // of social assistance; one elsewhere (governance mode lets an admin remove it sooner).
    anchorRetentionYears: prod ? 10 : 1,
  }
}

export const stageOf = (scope: IConstruct): StageSettings =>
  stageSettings(parseStage(scope.node.tryGetContext(STAGE_CONTEXT)))

/** A stack's name: its id in prod (`TkskData`), `<id>-<stage>` otherwise. */
export const stackNameOf = (id: string, stage: Stage): string => (stage === 'prod' ? id : `${id}-${stage}`)
