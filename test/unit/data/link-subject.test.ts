import { describe, expect, it } from 'vitest'
import { type LinkSubject, storedSubject, subjectOf } from '../../../functions/data/link-repository'

describe('the subject of a link', () => {
  it('reads back as the kind and id it was stored with', () => {
    const subjects: LinkSubject[] = [
      { kind: 'task', taskId: '01JH0000000000000000000000' },
      { kind: 'batchApproval', batchId: '01JH0000000000000000000001' },
      {
        kind: 'desaPart',
        part: { kecamatan: '32.01.14', program: 'BPNT', period: '2026-11', desaCode: '32.01.14.2001' },
      },
    ]
    for (const subject of subjects) expect(subjectOf({ taskId: storedSubject(subject) })).toEqual(subject)
  })

  it('reads the links stored before the subject was typed: a task id as it is, a batch by its prefix', () => {
    expect(subjectOf({ taskId: '01JH0000000000000000000000' })).toEqual({
      kind: 'task',
      taskId: '01JH0000000000000000000000',
    })
    expect(subjectOf({ taskId: 'batch:01JH0000000000000000000001' })).toEqual({
      kind: 'batchApproval',
      batchId: '01JH0000000000000000000001',
    })
  })

  it('reads a malformed desa part subject as an unknown task, never as another desa', () => {
    expect(subjectOf({ taskId: 'desa-part:32.01.14|BPNT' })).toEqual({
      kind: 'task',
      taskId: 'desa-part:32.01.14|BPNT',
    })
  })
})
