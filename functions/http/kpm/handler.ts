import { createResourceHandler } from '../runtime/resource-handler'
import { list } from './list'

export const handler = createResourceHandler('kpm', { list })
