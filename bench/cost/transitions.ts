/**
 * State transitions as Step Functions bills them: one per state entered, retries
 * included. Read from the local service's execution histories with the AWS CLI's own
 * calls (ListStateMachines, ListExecutions, GetExecutionHistory), per state machine.
 */
import {
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  SFNClient,
} from '@aws-sdk/client-sfn'

export const stateTransitionsByMachine = async (awsEndpoint: string): Promise<Record<string, number>> => {
  const sfn = new SFNClient({
    region: 'ap-southeast-3',
    endpoint: awsEndpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  })
  try {
    const counts: Record<string, number> = {}
    const { stateMachines = [] } = await sfn.send(new ListStateMachinesCommand({}))
    for (const machine of stateMachines) {
      let transitions = 0
      let executionsToken: string | undefined
      do {
        const page = await sfn.send(
          new ListExecutionsCommand({ stateMachineArn: machine.stateMachineArn, nextToken: executionsToken }),
        )
        for (const execution of page.executions ?? []) {
          let historyToken: string | undefined
          do {
            const history = await sfn.send(
              new GetExecutionHistoryCommand({
                executionArn: execution.executionArn,
                maxResults: 1000,
                nextToken: historyToken,
              }),
            )
            transitions += (history.events ?? []).filter((e) => e.type?.endsWith('StateEntered')).length
            historyToken = history.nextToken
          } while (historyToken)
        }
        executionsToken = page.nextToken
      } while (executionsToken)
      counts[machine.name ?? machine.stateMachineArn ?? '?'] = transitions
    }
    return counts
  } finally {
    sfn.destroy()
  }
}
