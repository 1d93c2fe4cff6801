/**
 * The executions this process runs: starting them (after their journal, or before it for
 * `answersBeforeJournal` machines), adopting a RUNNING execution no run here carries,
 * stopping, redriving and resuming after a restart. It knows which executions are running,
 * waiting for their turn or being journaled, so an execution is never run twice at once.
 */
import { nowMs } from '../../../functions/shared/clock'
import { backgroundTurn } from '../foreground'
import { SfnApiError } from './api-error'
import {
  type ActiveRun,
  type RegisteredMachine,
  type RunnerDeps,
  type RunStart,
  startRun,
} from './execution-runner'
import { executionClosedEntry } from './history-events'
import { withJournalRetries } from './journal-retry'
import type { Closing, ExecutionRecord, HistoryEvent } from './journal-types'
import type { Machine } from './machine-registry'

export interface ExecutionRunsDeps extends RunnerDeps {
  logger: { info(...a: unknown[]): void; error(...a: unknown[]): void }
}

export interface ExecutionRuns {
  /** The execution's record once any journal write of its start has settled; ExecutionDoesNotExist otherwise. */
  recordOf(arn: string): Promise<ExecutionRecord>
  /** Settles once every start answered before its journal has been journaled (or given up). */
  journaled(): Promise<unknown>
  /**
   * Starts a new execution; the record whose ARN and start date answer StartExecution
   * (the existing one when AWS would answer it again), or ExecutionAlreadyExists.
   */
  start(
    machine: Machine,
    record: ExecutionRecord,
    firstEvent: HistoryEvent,
    start: RunStart,
  ): Promise<ExecutionRecord>
  /** StopExecution: closes the execution as ABORTED, whether a run here carries it or not. */
  abort(
    record: ExecutionRecord,
    closing: Omit<Closing, 'stopDateMs' | 'status'> & { status: 'ABORTED' },
  ): Promise<void>
  /** True while a run here carries the execution or is about to. */
  carries(arn: string): boolean
  /** Where a resumed or redriven run starts: its checkpoint, else the beginning with the execution's input. */
  startOf(record: ExecutionRecord): Promise<Omit<RunStart, 'nextEventId'>>
  run(machine: RegisteredMachine, record: ExecutionRecord, start: RunStart): void
  /** After a restart: resumes every RUNNING execution from its checkpoint. */
  resume(machineOf: (arn: string) => RegisteredMachine | undefined): Promise<void>
  /** Starts no more runs; false when already halted. */
  halt(): boolean
  /** Ends every run without closing its execution, so a later `resume()` continues it. */
  shutdown(): Promise<void>
}

export const createExecutionRuns = (deps: ExecutionRunsDeps): ExecutionRuns => {
  const { store, activity, logger } = deps
  const runs = new Map<string, ActiveRun>()
  let stopped = false

  /**
   * Starts answered before their journal (ADR 0042, fourth pass): the write in flight by
   * execution, which every read or change of that execution waits for, so a caller never
   * sees the execution it was told about missing (unless its journal failed for good: then
   * the start-once policy starts it again). Settles, never rejects.
   */
  const journaling = new Map<string, Promise<void>>()
  /** Executions of `answersBeforeJournal` machines started in this process: a second start of one takes the journaled path. */
  const startedHere = new Set<string>()

  const recordOf = async (arn: string): Promise<ExecutionRecord> => {
    await journaling.get(arn)
    const record = await store.get(arn)
    if (!record) throw new SfnApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`)
    return record
  }

  const startOf = async (record: ExecutionRecord): Promise<Omit<RunStart, 'nextEventId'>> => {
    // A DATA_DIR journaled before the checkpoint item (ADR 0025 addendum) kept it on the record.
    const legacy = record as ExecutionRecord & { currentState?: string; currentInput?: string }
    const checkpoint =
      (await store.checkpointOf(record.executionArn)) ??
      (legacy.currentState !== undefined && legacy.currentInput !== undefined
        ? { state: legacy.currentState, input: legacy.currentInput }
        : undefined)
    return checkpoint
      ? { state: checkpoint.state, input: JSON.parse(checkpoint.input) }
      : { input: JSON.parse(record.input) }
  }

  const run = (machine: RegisteredMachine, record: ExecutionRecord, start: RunStart): void => {
    const active = startRun(deps, machine, record, start)
    runs.set(record.executionArn, active)
    void active.ended
      // A run whose closing could not be written stays RUNNING (resumed at the next start); it never takes the process down.
      .catch((error: unknown) =>
        logger.error('local Step Functions run ended without its closing', record.executionArn, error),
      )
      .finally(() => {
        if (runs.get(record.executionArn) === active) runs.delete(record.executionArn)
      })
  }

  /**
   * Executions StartExecution has recorded whose run waits for its turn: on AWS the first
   * step runs in another Lambda after the caller has its answer, so locally the run starts
   * once no API request is in flight (ADR 0042). A stop meanwhile closes it unrun.
   */
  const pending = new Set<string>()
  const carries = (arn: string): boolean => runs.has(arn) || pending.has(arn)
  const runAfterTurn = (machine: RegisteredMachine, record: ExecutionRecord, start: RunStart): void => {
    pending.add(record.executionArn)
    void activity.track(
      backgroundTurn().then(() => {
        if (pending.delete(record.executionArn) && !stopped) run(machine, record, start)
      }),
    )
  }

  /**
   * Runs a RUNNING execution of the store that no run of this process carries, from its
   * checkpoint as `resume()` does: a start whose journal write landed but whose answer was
   * lost (the retry found the record), or one an earlier process journaled that `resume()`
   * has not reached. Marked pending while it reads, so `resume()`, a second start or a
   * StopExecution meanwhile sees it; a stop meanwhile wins. The start it ran from, if it ran.
   */
  const adopt = async (
    machine: RegisteredMachine,
    record: ExecutionRecord,
    when: 'now' | 'after turn',
  ): Promise<RunStart | undefined> => {
    const arn = record.executionArn
    if (record.status !== 'RUNNING' || carries(arn) || stopped) return undefined
    pending.add(arn)
    let start: RunStart
    try {
      start = { ...(await startOf(record)), nextEventId: (await store.lastEventId(arn)) + 1 }
    } catch (error) {
      pending.delete(arn)
      throw error
    }
    if (!pending.delete(arn) || stopped) return undefined
    if (when === 'now') run(machine, record, start)
    else runAfterTurn(machine, record, start)
    return start
  }

  /**
   * Answers a start before its journal (ADR 0042, fourth pass): the record and first
   * event are sent to the store at once, as before, but the caller's answer does not wait
   * for them (on AWS the answer is one hop; locally it was a 2-item transaction on the
   * one DynamoDB Local the intake's own calls queue on). The run starts once they landed
   * and background work has its turn. A start whose journal never lands (the process
   * ended first, or the store kept refusing it) leaves nothing: the workflow's first step
   * never marked its record, so the start-once policy's next read starts it again.
   */
  const startBeforeJournal = (
    machine: RegisteredMachine,
    record: ExecutionRecord,
    firstEvent: HistoryEvent,
    start: RunStart,
  ): void => {
    const arn = record.executionArn
    startedHere.add(arn)
    pending.add(arn)
    const journaled = withJournalRetries(
      () => store.create(record, firstEvent),
      (attempt, error) =>
        logger.error('local Step Functions start journal write failed', arn, attempt, error),
    )
    const settled = journaled.then(
      async (existing) => {
        if (!existing) return
        // Already in the store: this start's own write whose answer was lost (a retry found
        // it), or an earlier process's (a read's retry of a case Identify left unmarked; AWS
        // would have answered ExecutionAlreadyExists, which the start-once policy reads as
        // the same "it runs"). Either way it runs here unless a run already carries it.
        pending.delete(arn)
        try {
          await adopt(machine, existing, 'after turn')
        } catch (error) {
          logger.error(
            'local Step Functions start found the execution journaled but could not run it',
            arn,
            error,
          )
        }
      },
      (error: unknown) => {
        pending.delete(arn)
        startedHere.delete(arn)
        logger.error('local Step Functions start could not be journaled; a later start runs it', arn, error)
      },
    )
    journaling.set(arn, settled)
    void activity.track(
      settled.then(() => {
        journaling.delete(arn)
        // Still pending unless a StopExecution or the service's stop came first.
        if (pending.has(arn)) runAfterTurn(machine, record, start)
      }),
    )
  }

  return {
    recordOf,
    journaled: () => Promise.all(journaling.values()),
    startOf,
    run,

    async start(machine, record, firstEvent, start) {
      const arn = record.executionArn
      if (machine.answersBeforeJournal && !startedHere.has(arn) && !carries(arn)) {
        startBeforeJournal(machine, record, firstEvent, start)
        return record
      }
      await journaling.get(arn)
      const existing = await store.create(record, firstEvent)
      if (existing) {
        // AWS: the same name and input of a running execution answers that execution again.
        if (existing.status === 'RUNNING' && existing.input === record.input) {
          // Our own earlier attempt whose answer was lost (the SDK retried): it runs once.
          await adopt(machine, existing, 'after turn')
          return existing
        }
        throw new SfnApiError('ExecutionAlreadyExists', `Execution Already Exists: '${record.executionArn}'`)
      }
      runAfterTurn(machine, record, start)
      return record
    },

    async abort(record, closing) {
      const arn = record.executionArn
      pending.delete(arn)
      const active = runs.get(arn)
      if (active) {
        await active.terminate(closing)
      } else if (record.status === 'RUNNING') {
        // Not running in this process (not resumed yet): close it here, with its closing event.
        const id = (await store.lastEventId(arn)) + 1
        const stopDateMs = nowMs()
        await store.close(record, { ...closing, stopDateMs }, [
          {
            ...executionClosedEntry('ABORTED', closing),
            id,
            previousEventId: id - 1,
            timestampMs: stopDateMs,
          },
        ])
      }
    },

    carries,

    async resume(machineOf) {
      for (const listed of await store.running()) {
        // The index is eventually consistent: trust only a consistent read of the record.
        const record = await store.get(listed.executionArn)
        if (record?.status !== 'RUNNING') continue
        // A start answered before its journal may be writing this very record (ADR 0042).
        await journaling.get(record.executionArn)
        const machine = machineOf(record.stateMachineArn)
        if (!machine) {
          logger.error('cannot resume an execution of an unregistered state machine', record.executionArn)
          continue
        }
        const start = await adopt(machine, record, 'now')
        if (start) logger.info('resumed execution', record.executionArn, 'at', start.state)
      }
    },

    halt() {
      if (stopped) return false
      stopped = true
      // Recorded but not yet run: they stay RUNNING and the next start resumes them.
      pending.clear()
      return true
    },

    async shutdown() {
      await Promise.all([...runs.values()].map((active) => active.shutdown()))
    },
  }
}
