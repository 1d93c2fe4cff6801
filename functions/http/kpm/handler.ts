import { createResourceHandler } from '../../shared/http/resource-handler'
import { list } from './list'

export const handler = createResourceHandler('kpm', { list })
