/** One email as the templates of this folder compose it: plain text and HTML, both always. */
export interface Mail {
  to: string
  subject: string
  text: string
  html: string
}
