/** The laporan workflow's state between its steps (workflows/laporan-asl.ts). */
export interface LaporanState {
  kecamatan: string
  month: string
  correlationId: string
  remindAt?: string
  dueAt?: string
}
