import { createResourceHandler } from '../../shared/http/resource-handler'
import { show } from './show'
import { submit } from './submit'

export const handler = createResourceHandler('links', { show, submit })
