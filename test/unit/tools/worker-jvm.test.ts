import { describe, expect, it } from 'vitest'
import { createJvmRotation, type RotatingJvm } from '../../support/jvm-rotation'
import { DEFAULT_FILES_PER_JVM, filesPerJvm } from '../../support/worker-jvm'

interface FakeJvm extends RotatingJvm {
  id: number
}

/** A rotation over fake JVMs: what it started and stopped, in order. */
const rotationOf = (limit: number, fails: ReadonlySet<number> = new Set()) => {
  const log: string[] = []
  let started = 0
  const rotation = createJvmRotation<FakeJvm>({
    limit,
    start: async () => {
      started += 1
      const id = started
      log.push(`start ${id}`)
      return {
        id,
        endpoint: `http://127.0.0.1:${9000 + id}`,
        answered: fails.has(id) ? Promise.reject(new Error(`JVM ${id} exited`)) : Promise.resolve(),
      }
    },
    stop: async (jvm) => {
      log.push(`stop ${jvm.id}`)
    },
    warn: (message) => log.push(`warn ${message}`),
  })
  const files = async (count: number) => {
    const on: (number | 'slot')[] = []
    for (let i = 0; i < count; i += 1) {
      on.push(rotation.current()?.id ?? 'slot')
      await rotation.afterFile()
    }
    return on
  }
  return { log, files, rotation }
}

describe('a test worker’s fresh DynamoDB Local every few files (ADR 0054)', () => {
  it('reads TKSK_TEST_JVM_FILES: default when unset or blank, 0 turns it off, anything else is refused', () => {
    expect(filesPerJvm(undefined)).toBe(DEFAULT_FILES_PER_JVM)
    expect(filesPerJvm(' ')).toBe(DEFAULT_FILES_PER_JVM)
    expect(filesPerJvm('0')).toBe(0)
    expect(filesPerJvm('3')).toBe(3)
    for (const wrong of ['-1', '2.5', 'lima']) expect(() => filesPerJvm(wrong)).toThrow(/TKSK_TEST_JVM_FILES/)
  })

  it('starts the next JVM during the last file on the current one, switches after it, and stops only its own', async () => {
    const { log, files } = rotationOf(3)
    // Files 1–3 on the slot's JVM, 4–6 on the first own one, 7–9 on the second, 10 on the third.
    expect(await files(10)).toEqual(['slot', 'slot', 'slot', 1, 1, 1, 2, 2, 2, 3])
    expect(log).toEqual(['start 1', 'start 2', 'stop 1', 'start 3', 'stop 2'])
  })

  it('never starts a JVM when turned off', async () => {
    const { log, files } = rotationOf(0)
    expect(await files(12)).toEqual(Array.from({ length: 12 }, () => 'slot'))
    expect(log).toEqual([])
  })

  it('stays on the JVM it has when the next one does not answer, says why, and tries again', async () => {
    const { log, files } = rotationOf(2, new Set([2]))
    expect(await files(7)).toEqual(['slot', 'slot', 1, 1, 1, 3, 3])
    expect(log).toEqual([
      'start 1',
      'start 2',
      'stop 2',
      "warn the worker's fresh DynamoDB Local (ADR 0054) did not start, staying on the current one: JVM 2 exited",
      'start 3',
      'stop 1',
      'start 4',
      'stop 3',
    ])
  })
})
