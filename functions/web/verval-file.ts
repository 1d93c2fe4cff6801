/** The file control of the verval forms (the TKSK's upload, the compose form, a desa's musdes link). */
export const FILE_FIELD = 'file'
export const ACCEPTED_FILES =
  '.csv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
