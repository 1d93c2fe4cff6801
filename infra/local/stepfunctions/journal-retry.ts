/**
 * How the local service tries one of its own journal writes (a run's closing, a start
 * journaled after its answer): a loaded DynamoDB Local times out on its lock now and
 * then, so a write is tried a few times, pausing longer after each failure, before it is
 * given up. Every write tried this way is idempotent or conditioned, so a retry after a
 * write that landed but whose answer was lost finds it done.
 */
export const JOURNAL_WRITE_ATTEMPTS = 5
export const JOURNAL_RETRY_PAUSE_MS = 200

export const withJournalRetries = async <T>(
  write: () => Promise<T>,
  onFailure: (attempt: number, error: unknown) => void,
): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write()
    } catch (error) {
      onFailure(attempt, error)
      if (attempt >= JOURNAL_WRITE_ATTEMPTS) throw error
      await new Promise((resolve) => setTimeout(resolve, JOURNAL_RETRY_PAUSE_MS * attempt))
    }
  }
}
