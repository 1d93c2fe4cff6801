/**
 * Moves the project clock of the platform at `baseUrl` forward to `instantMs` (epoch ms,
 * rounded up to the second): the one copy of "go to this moment" for the tests. The dev
 * endpoint only moves forward, so an instant already past is an error, not a no-op.
 */
import { nowMs } from '../../functions/shared/clock'

export const advanceClockTo = async (baseUrl: string, instantMs: number): Promise<void> => {
  const seconds = Math.ceil((instantMs - nowMs()) / 1000)
  const response = await fetch(`${baseUrl}/api/dev/clock/advance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ seconds }),
  })
  if (response.status !== 200)
    throw new Error(
      `moving the clock ${seconds} s to ${new Date(instantMs).toISOString()} failed with ${response.status}`,
    )
}
