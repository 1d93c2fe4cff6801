/**
 * The files of an integration or e2e worker share their modules (vitest.config.ts): each
 * file starts from the state a process of its own would have, the local clock at the wall
 * clock (a file before it may have moved it by days).
 */
import { setClockOffsetMs } from '../../functions/shared/clock'

setClockOffsetMs(0)
