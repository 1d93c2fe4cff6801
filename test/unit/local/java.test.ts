import { describe, expect, it } from 'vitest'
import { parseJavaMajor } from '../../../infra/local/dynamodb/java'

describe('the Java version check', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['java version "1.8.0_392"', 8],
    ['bash: java: command not found', undefined],
  ])('reads %s as %s', (output, major) => {
    expect(parseJavaMajor(output)).toBe(major)
  })
})
