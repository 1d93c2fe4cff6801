/** Keeps the local clock's offset in `DATA_DIR/clock.json`, so a restart does not travel back in time. */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { clockOffsetMs, onClockAdvance, setClockOffsetMs } from '../../functions/shared/clock'

export const restoreClock = (dataDir: string): (() => void) => {
  const file = join(dataDir, 'clock.json')
  try {
    const { offsetMs } = JSON.parse(readFileSync(file, 'utf8')) as { offsetMs: number }
    setClockOffsetMs(offsetMs)
  } catch {
    setClockOffsetMs(0)
  }
  return onClockAdvance(() => writeFileSync(file, JSON.stringify({ offsetMs: clockOffsetMs() })))
}
