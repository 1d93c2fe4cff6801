import { describe, expect, it } from 'vitest'
import { DEFAULT_FILES_PER_JVM, filesPerJvm, stepAfterFile } from '../../support/worker-jvm'

describe('a test worker’s fresh DynamoDB Local every few files (ADR 0054)', () => {
  it('reads TKSK_TEST_JVM_FILES: default when unset or blank, 0 turns it off, anything else is refused', () => {
    expect(filesPerJvm(undefined)).toBe(DEFAULT_FILES_PER_JVM)
    expect(filesPerJvm(' ')).toBe(DEFAULT_FILES_PER_JVM)
    expect(filesPerJvm('0')).toBe(0)
    expect(filesPerJvm('3')).toBe(3)
    for (const wrong of ['-1', '2.5', 'lima']) expect(() => filesPerJvm(wrong)).toThrow(/TKSK_TEST_JVM_FILES/)
  })

  it('boots the next JVM during the last file on the current one and switches after it', () => {
    const steps = [1, 2, 3, 4, 5].map((files) => stepAfterFile(files, 5))
    expect(steps).toEqual([
      { bootSpare: false, switchJvm: false },
      { bootSpare: false, switchJvm: false },
      { bootSpare: false, switchJvm: false },
      { bootSpare: true, switchJvm: false },
      { bootSpare: true, switchJvm: true },
    ])
    expect(stepAfterFile(1, 1)).toEqual({ bootSpare: true, switchJvm: true })
  })

  it('never replaces the JVM when turned off', () => {
    for (const files of [1, 5, 50])
      expect(stepAfterFile(files, 0)).toEqual({ bootSpare: false, switchJvm: false })
  })
})
