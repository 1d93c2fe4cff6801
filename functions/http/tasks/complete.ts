/** `POST /api/tasks/{taskId}/complete`: the assignee decides with the same fields as the link form. */
import { can } from '../../core/authorization/can'
import { decideTask } from '../../flows/case/decide-task'
import { getTask } from '../../data/task-repository'
import { ForbiddenError, NotFoundError } from '../../shared/errors'
import { staffAction } from '../runtime/action'
import { parseWith } from '../runtime/parse'
import { json } from '../runtime/responses'
import { parseJsonBody } from '../runtime/parse'
import * as z from 'zod'
import { taskIdSchema } from './schemas'

export const complete = staffAction(async (request) => {
  const taskId = parseWith(taskIdSchema, request.event.pathParameters?.taskId)
  const fields = parseJsonBody(request, z.unknown())
  const task = await getTask(taskId)
  if (!task) throw new NotFoundError('Tugas tidak ditemukan.')
  const { user } = request
  const assignee = task.assignees.find((person) => person.id === user.id)
  if (!assignee || !can(user, 'task:complete', { area: task.area }))
    throw new ForbiddenError('Tugas ini bukan untuk Anda.')
  const decided = await decideTask({
    task,
    decider: { id: user.id, role: user.role, name: assignee.name, email: user.email },
    fields,
    correlationId: request.correlationId,
  })
  return json(200, { taskId, status: decided.status, decidedAt: decided.decidedAt })
})
