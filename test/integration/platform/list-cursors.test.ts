/**
 * Every list resumes from an opaque cursor (data/cursor.ts). A cursor that is garbage,
 * tampered with, or issued for another query is the caller's mistake: 400
 * VALIDATION_FAILED naming `cursor`, never a 500 and never a page of another partition.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { login, startTestPlatform, type TestPlatform } from '../../support/platform'

let platform: TestPlatform
const tokens: Record<string, string> = {}

const get = async (path: string, username: string) => {
  const response = await fetch(`${platform.url}${path}`, {
    headers: { authorization: `Bearer ${tokens[username] ?? ''}` },
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url')

// The lists, each with who may read it and a cursor shaped like its own but for another partition.
const lists = [
  {
    name: 'cases',
    path: '/api/cases?area=32.01',
    user: 'dinsos.bogor',
    foreign: cursorOf({ pk: 'CASE#x', sk: 'CASE', gsi1pk: 'AREA#18.71#CASE', gsi1sk: 'x' }),
  },
  {
    name: 'tasks',
    path: '/api/tasks?',
    user: 'tksk.leuwiliang',
    foreign: cursorOf({ pk: 'TASK#x', sk: 'TASK', gsi2pk: 'ASSIGNEE#someone-else', gsi2sk: 'OPEN#x' }),
  },
  {
    name: 'KPM registry',
    path: '/api/kpm?area=32.01.14&program=PKH',
    user: 'tksk.leuwiliang',
    foreign: cursorOf({ k: '32.01.14', pk: 'KPM#PKH#32.01.15', sk: 'x' }),
  },
  {
    name: 'staff directory',
    path: '/api/admin/staff?area=32.01',
    user: 'admin',
    foreign: cursorOf({ pk: 'USER#x', sk: 'USER', gsi2pk: 'STAFFDIR#18.71', gsi2sk: 'x' }),
  },
  {
    name: 'audit',
    path: '/api/audit?entityId=case:x',
    user: 'auditor.bogor',
    foreign: cursorOf({ entityId: 'case:someone-else', seq: '0000000001' }),
  },
] as const

beforeAll(async () => {
  platform = await startTestPlatform()
  for (const username of new Set(lists.map((list) => list.user)))
    tokens[username] = await login(platform.url, username)
})
afterAll(async () => {
  await platform?.dispose()
})

describe('a list given a cursor it did not issue', () => {
  for (const list of lists)
    it(`the ${list.name} list answers garbage, a tampered and another query's cursor with 400 naming the cursor`, async () => {
      const refused = {
        error: { code: 'VALIDATION_FAILED', details: [{ path: 'cursor' }] },
      }
      for (const cursor of ['not*base64', cursorOf([]), cursorOf({ pk: 1 }), list.foreign]) {
        const answer = await get(`${list.path}&cursor=${encodeURIComponent(cursor)}`, list.user)
        expect(answer.status, cursor).toBe(400)
        expect(answer.body).toMatchObject(refused)
      }
    })
})
