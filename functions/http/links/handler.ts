import { createResourceHandler } from '../runtime/resource-handler'
import { show } from './show'
import { submit } from './submit'

export const handler = createResourceHandler('links', { show, submit })
