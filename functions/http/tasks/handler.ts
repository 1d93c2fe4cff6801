import { createResourceHandler } from '../runtime/resource-handler'
import { complete } from './complete'
import { list } from './list'

export const handler = createResourceHandler('tasks', { list, complete })
