import { describe, expect, it } from 'vitest'
import { dynamodbJvmFlags } from '../../support/dynamodb-jvm-flags'

const LEAN_BOOT = ['-XX:+UnlockDiagnosticVMOptions', '-XX:-BytecodeVerificationRemote', '-XX:-UsePerfData']

describe('the JVM options of the test projects’ DynamoDB Local', () => {
  it('runs the short-request projects on C1 only with the serial collector, booting without verifying the jar', () => {
    for (const project of ['integration', 'e2e', 'log-readers'])
      expect(dynamodbJvmFlags(project)).toEqual(['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', ...LEAN_BOOT])
  })

  it('gives a project it does not name the JVM’s defaults', () => {
    expect(dynamodbJvmFlags('heavy')).toEqual([])
  })

  it('lets TKSK_TEST_JVM_FLAGS replace them, empty meaning the JVM’s defaults', () => {
    expect(dynamodbJvmFlags('integration', ' -XX:+UseSerialGC  -Xms512m ')).toEqual([
      '-XX:+UseSerialGC',
      '-Xms512m',
    ])
    expect(dynamodbJvmFlags('integration', '')).toEqual([])
  })
})
