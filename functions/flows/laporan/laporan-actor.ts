/** Who acts on a laporan, as its use cases see it (`can` decided by the HTTP handler). */
import type { RegisterActor } from '../psks/psks-actor'

export interface LaporanActor extends RegisterActor {
  /** Whether the actor writes and submits the report of this kecamatan (the TKSK). */
  mayWrite: (area: string) => boolean
  /** Whether the actor acknowledges or returns the report of this kecamatan (Dinsos). */
  mayReview: (area: string) => boolean
}
