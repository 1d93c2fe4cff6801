import { createResourceHandler } from '../../shared/http/resource-handler'
import { complete } from './complete'
import { list } from './list'

export const handler = createResourceHandler('tasks', { list, complete })
