/**
 * The state machines registered with the local service, by ARN: their definitions as
 * validated and substituted, and what DescribeStateMachine and ListStateMachines answer.
 */
import { nowMs } from '../../../functions/shared/clock'
import { SfnApiError } from './api-error'
import { type ArnScope, assertValidName, stateMachineArn } from './arns'
import { substitute, validateDefinition, type ValidatedDefinitions } from './definition-check'
import type { RegisteredMachine } from './execution-runner'

export interface StateMachineDefinition {
  name: string
  definition: string
  substitutions?: Record<string, string>
  /**
   * StartExecution answers once the execution is registered in this process, its
   * record and first event written as background work (ADR 0042, fourth pass). Only for
   * a workflow whose own first step records that it started: a start lost before its
   * journal (a crash, a write that kept failing) then leaves its record unmarked, and
   * the start-once policy's next read starts it again.
   */
  answersBeforeJournal?: boolean
}

/** With what DescribeStateMachine and ListStateMachines answer. */
export type Machine = RegisteredMachine & { createdMs: number; text: string; answersBeforeJournal: boolean }

export interface MachineRegistry {
  /** Registers (or replaces) a state machine; returns its ARN. */
  register(def: StateMachineDefinition): string
  /** The machine, or StateMachineDoesNotExist as AWS answers. */
  machineOf(arn: string): Machine
  find(arn: string): Machine | undefined
  all(): Machine[]
}

export const createMachineRegistry = (scope: ArnScope, validated?: ValidatedDefinitions): MachineRegistry => {
  const machines = new Map<string, Machine>()
  return {
    register({ name, definition, substitutions = {}, answersBeforeJournal = false }) {
      assertValidName(name)
      const parsed = validateDefinition(substitute(definition, substitutions), validated)
      const arn = stateMachineArn(scope, name)
      machines.set(arn, {
        arn,
        name,
        definition: parsed,
        createdMs: nowMs(),
        text: JSON.stringify(parsed),
        answersBeforeJournal,
      })
      return arn
    },

    machineOf(arn) {
      const machine = machines.get(arn)
      if (!machine)
        throw new SfnApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`)
      return machine
    },

    find: (arn) => machines.get(arn),

    all: () => [...machines.values()],
  }
}
