import { createResourceHandler } from '../runtime/resource-handler'
import { exportByGet, exportCsv } from './export'
import { list } from './list'
import { verify } from './verify'

export const handler = createResourceHandler('audit', { list, verify, export: exportCsv, exportByGet })
