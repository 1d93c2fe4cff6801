/**
 * `GET|POST /staff/tasks/{taskId}`: the assignee decides a task from the staff pages with
 * the link page's form; the post goes through `POST /api/tasks/{taskId}/complete` itself.
 * Invalid fields come back next to the fields with the values kept (400).
 */
import { can } from '../../core/authorization/can'
import { assertActionable } from '../../flows/case/decide-task'
import { getCase } from '../../data/case-repository'
import { getTask } from '../../data/task-repository'
import type { User } from '../../core/identity/user'
import {
  type ErrorDetail,
  ForbiddenError,
  isAppError,
  NotFoundError,
  UnsupportedMediaTypeError,
} from '../../shared/errors'
import { type RequestContext, staffAction } from '../runtime/action'
import { parseWith } from '../runtime/parse'
import { isFormPost, readForm } from '../../web/form-data'
import type { CaseDetailView } from '../../web/staff-case-page'
import { staffTaskPage } from '../../web/staff-task-page'
import { detail } from '../cases/detail'
import { formContext } from '../../flows/links/form-context'
import { complete } from '../tasks/complete'
import { taskIdSchema } from '../tasks/schemas'
import { callApi } from '../runtime/call-api'
import { assertCsrf, CSRF_FIELD } from '../../shared/auth/csrf'
import { placeName, staffContext } from '../runtime/staff-context'

type StaffRequest = RequestContext & { user: User }

/** The task, if it is the caller's to decide now (the same checks as the API's complete). */
const loadOwnTask = async (request: StaffRequest) => {
  const taskId = parseWith(taskIdSchema, request.event.pathParameters?.taskId)
  const task = await getTask(taskId)
  if (!task) throw new NotFoundError('Tugas tidak ditemukan.')
  if (
    !task.assignees.some((p) => p.id === request.user.id) ||
    !can(request.user, 'task:complete', { area: task.area })
  )
    throw new ForbiddenError('Tugas ini bukan untuk Anda.')
  const record = await getCase(task.caseId)
  assertActionable(task, record)
  if (!record) throw new NotFoundError('Kasus tidak ditemukan.')
  return { task, record }
}

const render = async (
  request: StaffRequest,
  values: Record<string, string>,
  errors: readonly ErrorDetail[],
  statusCode: number,
) => {
  const { task, record } = await loadOwnTask(request)
  // Through the API's detail: masked, and a sensitive case's read is audited as any other.
  const view = await callApi<CaseDetailView>(detail, request, { pathParameters: { caseId: task.caseId } })
  return staffTaskPage(
    staffContext(request),
    task,
    view,
    placeName,
    await formContext(task, record, values, errors),
    statusCode,
  )
}

export const showStaffTask = staffAction(async (request) => render(request, {}, [], 200))

export const submitStaffTask = staffAction(async (request) => {
  if (!isFormPost(request.event.headers['content-type']))
    throw new UnsupportedMediaTypeError('application/x-www-form-urlencoded')
  const { values } = readForm(request.body)
  assertCsrf(request.event, values[CSRF_FIELD])
  const { [CSRF_FIELD]: _csrf, ...typed } = values
  // A blank field means "not given", as the API's absent field does (as on the link page).
  const fields = Object.fromEntries(Object.entries(typed).filter(([, value]) => value.trim() !== ''))
  const taskId = request.event.pathParameters?.taskId ?? ''
  const { task } = await loadOwnTask(request)
  try {
    await callApi(complete, request, { pathParameters: { taskId }, body: fields })
  } catch (error) {
    if (isAppError(error) && error.code === 'VALIDATION_FAILED')
      return render(request, typed, error.details, 400)
    throw error
  }
  return {
    statusCode: 303,
    headers: {
      location: `/staff/tasks?done=${encodeURIComponent(task.reference)}`,
      'cache-control': 'no-store',
    },
    body: '',
  }
})
