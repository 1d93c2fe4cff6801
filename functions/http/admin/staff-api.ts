/**
 * `/api/admin/staff` (DESIGN §4, issue 13): the directory of the admin's scope, invite,
 * change, import. Parse → authorize → use case (functions/flows/admin) → JSON.
 */
import { staffView } from '../../core/staff/staff-member'
import {
  staffCreateSchema,
  staffIdSchema,
  staffListQuerySchema,
  staffPatchSchema,
} from '../../core/staff/staff-schemas'
import { createStaff } from '../../flows/admin/create-staff'
import { importStaff } from '../../flows/admin/import-staff'
import { listStaff } from '../../flows/admin/list-staff'
import { staffInScope, updateStaff } from '../../flows/admin/update-staff'
import { staffAction } from '../../http/runtime/action'
import { parseJsonBody, parseQuery, parseWith } from '../../http/runtime/parse'
import { json } from '../../http/runtime/responses'
import { assertRoleMay } from './guard'
import { readStaffFile } from './read-staff-file'

export const list = staffAction(async (request) => {
  assertRoleMay(request.user, 'staff:read')
  const { area, limit, cursor } = parseQuery(request, staffListQuerySchema)
  const page = await listStaff(request.user, {
    ...(area ? { area } : {}),
    limit,
    ...(cursor ? { cursor } : {}),
  })
  return json(200, { items: page.items, nextCursor: page.nextCursor })
})

export const detail = staffAction(async (request) => {
  assertRoleMay(request.user, 'staff:read')
  const staffId = parseWith(staffIdSchema, request.event.pathParameters?.staffId)
  return json(200, staffView(await staffInScope(request.user, staffId)))
})

export const create = staffAction(async (request) => {
  assertRoleMay(request.user, 'staff:manage')
  const input = parseJsonBody(request, staffCreateSchema)
  const record = await createStaff(request.user, input, request.correlationId)
  return json(201, { staffId: record.staffId })
})

export const update = staffAction(async (request) => {
  assertRoleMay(request.user, 'staff:manage')
  const staffId = parseWith(staffIdSchema, request.event.pathParameters?.staffId)
  const patch = parseJsonBody(request, staffPatchSchema)
  return json(200, staffView(await updateStaff(request.user, staffId, patch, request.correlationId)))
})

export const importFile = staffAction(async (request) => {
  assertRoleMay(request.user, 'staff:manage')
  const rows = await readStaffFile(request.event.headers['content-type'] ?? '', request.bodyBytes)
  return json(200, await importStaff(request.user, rows, request.correlationId))
})
