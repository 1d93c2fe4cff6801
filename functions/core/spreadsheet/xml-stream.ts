/**
 * XML parts of an XLSX read as events (saxes: no DTD, no entity expansion, so an
 * entity bomb is a parse error, not a gigabyte of text). Names are taken without their
 * namespace prefix, as writers differ (`x:row` and `row` are the same element).
 */
import { StringDecoder } from 'node:string_decoder'
import { SaxesParser } from 'saxes'
import { SpreadsheetFileError } from './spreadsheet-error'

export interface XmlHandlers {
  open: (name: string, attributes: Readonly<Record<string, string>>) => void
  close: (name: string) => void
  text: (text: string) => void
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1)

const malformed = () =>
  new SpreadsheetFileError('MALFORMED', 'Berkas Excel (.xlsx) rusak: isi lembar kerjanya tidak dapat dibaca.')

/**
 * Feeds the chunks to the handlers; after each chunk yields control so the caller can
 * hand on what the handlers gathered (and stop reading when it has enough).
 */
export async function* parseXml(chunks: AsyncIterable<Buffer>, handlers: XmlHandlers): AsyncGenerator<void> {
  const parser = new SaxesParser()
  parser.on('opentag', (tag) => handlers.open(localName(tag.name), tag.attributes as Record<string, string>))
  parser.on('closetag', (tag) => handlers.close(localName(tag.name)))
  parser.on('text', handlers.text)
  parser.on('cdata', handlers.text)
  const decoder = new StringDecoder('utf8')
  // A parse error is raised only after the caller has taken what came before it, so a
  // row cap reached earlier in the same chunk still names the cap.
  let failure: unknown
  const feed = (text: string, end = false) => {
    try {
      parser.write(text)
      if (end) parser.close()
    } catch (error) {
      failure = error instanceof SpreadsheetFileError ? error : malformed()
    }
  }
  for await (const chunk of chunks) {
    feed(decoder.write(chunk))
    yield
    if (failure) throw failure
  }
  feed(decoder.end(), true)
  yield
  if (failure) throw failure
}

/** Runs a whole (small) part through the handlers. */
export const readXml = async (chunks: AsyncIterable<Buffer>, handlers: XmlHandlers): Promise<void> => {
  const parsing = parseXml(chunks, handlers)
  while (!(await parsing.next()).done) continue
}
