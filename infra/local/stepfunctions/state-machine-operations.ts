/** The API operations on state machines: ListStateMachines and DescribeStateMachine. */
import { SfnApiError } from './api-error'
import { type Body, epochSeconds, type Operations, optionalString, requiredString } from './api-fields'
import { listPageSize } from './api-pages'
import type { MachineRegistry } from './machine-registry'

export const stateMachineOperations = (machines: MachineRegistry, roleArn: string): Operations => ({
  async ListStateMachines(body: Body) {
    const all = machines.all().sort((a, b) => a.name.localeCompare(b.name))
    const from = Number(optionalString(body, 'nextToken') ?? '0')
    if (!Number.isInteger(from) || from < 0) throw new SfnApiError('InvalidToken', 'Invalid nextToken')
    const page = all.slice(from, from + listPageSize(body))
    const next = from + page.length
    return {
      stateMachines: page.map((machine) => ({
        stateMachineArn: machine.arn,
        name: machine.name,
        type: 'STANDARD',
        creationDate: epochSeconds(machine.createdMs),
      })),
      ...(next < all.length ? { nextToken: String(next) } : {}),
    }
  },

  async DescribeStateMachine(body: Body) {
    const machine = machines.machineOf(requiredString(body, 'stateMachineArn'))
    return {
      stateMachineArn: machine.arn,
      name: machine.name,
      status: 'ACTIVE',
      definition: machine.text,
      roleArn,
      type: 'STANDARD',
      creationDate: epochSeconds(machine.createdMs),
    }
  },
})
