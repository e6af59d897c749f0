import Foundation

/// Reads a file in fixed-size chunks and hands out UTF-8 bytes, whatever the file's encoding.
///
/// Detection (when no encoding is forced): a BOM decides (UTF-8, UTF-16LE, UTF-16BE); without a
/// BOM the first chunk is checked for valid UTF-8; if it is not valid, the file is read as
/// Windows-1252 (Excel's default in Norway). Invalid bytes met later in a file detected as UTF-8
/// are each read as Windows-1252 and counted (`invalidUTF8Bytes`).
final class UTF8ChunkReader {
  let path: String
  let chunkSize: Int
  private(set) var encoding: TextEncodingChoice = .utf8
  private(set) var hadBOM = false
  /// True when the file had no BOM and invalid UTF-8, so Windows-1252 was chosen.
  private(set) var fellBackToWindows1252 = false
  /// Bytes that were not valid UTF-8 in a file read as UTF-8 (each read as Windows-1252).
  private(set) var invalidUTF8Bytes = 0
  private let handle: FileHandle
  private var firstChunk: [UInt8]?
  private var carry: [UInt8] = []
  private var finished = false
  /// Raw bytes read from the file so far, and the file's size (for progress reports).
  private(set) var bytesRead = 0
  private(set) var fileSize = 0

  /// `chunkSize` is how much `next()` hands out at a time; detection always looks at the first
  /// `sampleSize` bytes (at least `chunkSize`), whatever the chunk size.
  init(path: String, forced: TextEncodingChoice?, chunkSize: Int = 1 << 20, sampleSize: Int = 1 << 20)
    throws(SurveyError)
  {
    self.path = path
    self.chunkSize = chunkSize
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
      throw .fileUnreadable(path: path, reason: "no such file")
    }
    guard !isDir.boolValue else { throw .fileUnreadable(path: path, reason: "is a directory") }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw .fileUnreadable(path: path, reason: "cannot open file (permissions?)")
    }
    self.handle = handle
    fileSize = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    var first = try readRaw(max(chunkSize, sampleSize)) ?? []
    // A BOM decides, unless an encoding is forced (then a matching BOM is just skipped).
    let bom: (TextEncodingChoice, Int)?
    if first.starts(with: [0xEF, 0xBB, 0xBF]) { bom = (.utf8, 3) }
    else if first.starts(with: [0xFF, 0xFE]) { bom = (.utf16LE, 2) }
    else if first.starts(with: [0xFE, 0xFF]) { bom = (.utf16BE, 2) }
    else { bom = nil }
    if let forced {
      encoding = forced
      if let bom, bom.0 == forced {
        first.removeFirst(bom.1)
        hadBOM = true
      }
    } else if let bom {
      encoding = bom.0
      first.removeFirst(bom.1)
      hadBOM = true
    } else if Self.isValidUTF8Prefix(first) {
      encoding = .utf8
    } else {
      encoding = .windows1252
      fellBackToWindows1252 = true
    }
    firstChunk = first
  }

  deinit { try? handle.close() }

  /// A human description for the report: "UTF-8", "UTF-8 (BOM)", "Windows-1252 (no BOM, not valid UTF-8)".
  /// Share of the file read so far (0…1), nil for an empty file.
  var fractionRead: Double? { fileSize > 0 ? min(1, Double(bytesRead) / Double(fileSize)) : nil }

  var encodingDescription: String {
    var s = encoding.rawValue
    if hadBOM { s += " (BOM)" }
    if fellBackToWindows1252 { s += " (detected: not valid UTF-8)" }
    return s
  }

  private func readRaw(_ count: Int? = nil) throws(SurveyError) -> [UInt8]? {
    do {
      guard let data = try handle.read(upToCount: count ?? chunkSize), !data.isEmpty else { return nil }
      bytesRead += data.count
      return [UInt8](data)
    } catch {
      throw .fileUnreadable(path: path, reason: "read failed: \(error.localizedDescription)")
    }
  }

  /// The next chunk of UTF-8 bytes, or nil at end of file.
  func next() throws(SurveyError) -> [UInt8]? {
    if finished { return nil }
    let raw: [UInt8]?
    if var f = firstChunk {
      // The detection sample is handed out in chunk-size pieces too.
      if f.count > chunkSize {
        raw = Array(f[..<chunkSize])
        f.removeFirst(chunkSize)
        firstChunk = f
      } else {
        raw = f
        firstChunk = nil
      }
    } else {
      raw = try readRaw()
    }
    guard let raw else {
      finished = true
      if carry.isEmpty { return nil }
      let out = transcode([], final: true)
      return out.isEmpty ? nil : out
    }
    return transcode(raw, final: false)
  }

  private func transcode(_ input: [UInt8], final: Bool) -> [UInt8] {
    var bytes = carry
    bytes.append(contentsOf: input)
    carry.removeAll()
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 8)
    switch encoding {
    case .utf8:
      let consumed = Self.appendUTF8(bytes, final: final, to: &out, invalid: &invalidUTF8Bytes)
      carry = Array(bytes[consumed...])
    case .windows1252:
      for b in bytes { Self.appendWindows1252(b, to: &out) }
    case .utf16LE, .utf16BE:
      let consumed = Self.appendUTF16(bytes, bigEndian: encoding == .utf16BE, final: final, to: &out)
      carry = Array(bytes[consumed...])
    }
    return out
  }

  // MARK: - Decoders

  /// Length of a valid UTF-8 sequence at `i`, 0 if invalid, -1 if it is cut off by the end.
  @inline(__always)
  static func sequenceLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
    let b0 = p[i]
    let n: Int
    var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
    switch b0 {
    case 0x00...0x7F: return 1
    case 0xC2...0xDF: n = 2
    case 0xE0: n = 3; lo = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: n = 3
    case 0xED: n = 3; hi = 0x9F
    case 0xF0: n = 4; lo = 0x90
    case 0xF1...0xF3: n = 4
    case 0xF4: n = 4; hi = 0x8F
    default: return 0
    }
    for k in 1..<n {
      if i + k >= p.count { return -1 }
      let b = p[i + k]
      if k == 1 { if b < lo || b > hi { return 0 } } else if b & 0xC0 != 0x80 { return 0 }
    }
    return n
  }

  static func isValidUTF8Prefix(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { p in
      var i = 0
      while i < p.count {
        if p[i] < 0x80 { i += 1; continue }
        let n = sequenceLength(p, i)
        if n == 0 { return false }
        if n < 0 { return p.count - i < 4 }  // cut off by the chunk end
        i += n
      }
      return true
    }
  }

  /// Appends valid UTF-8 as is and each invalid byte as Windows-1252; returns bytes consumed
  /// (a sequence cut off by the chunk end is left for the next chunk unless `final`).
  static func appendUTF8(_ bytes: [UInt8], final: Bool, to out: inout [UInt8], invalid: inout Int) -> Int {
    bytes.withUnsafeBufferPointer { p in
      var i = 0
      while i < p.count {
        let b = p[i]
        if b < 0x80 { out.append(b); i += 1; continue }
        let n = sequenceLength(p, i)
        if n > 0 {
          for k in 0..<n { out.append(p[i + k]) }
          i += n
        } else if n < 0 && !final {
          return i
        } else {
          invalid += 1
          appendWindows1252(b, to: &out)
          i += 1
        }
      }
      return i
    }
  }

  private static let cp1252High: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
  ]

  @inline(__always)
  static func appendWindows1252(_ b: UInt8, to out: inout [UInt8]) {
    if b < 0x80 { out.append(b); return }
    let scalar = (0x80...0x9F).contains(b) ? cp1252High[Int(b) - 0x80] : UInt32(b)
    appendScalar(scalar, to: &out)
  }

  @inline(__always)
  static func appendScalar(_ s: UInt32, to out: inout [UInt8]) {
    switch s {
    case 0..<0x80: out.append(UInt8(s))
    case 0x80..<0x800:
      out.append(UInt8(0xC0 | (s >> 6)))
      out.append(UInt8(0x80 | (s & 0x3F)))
    case 0x800..<0x10000:
      out.append(UInt8(0xE0 | (s >> 12)))
      out.append(UInt8(0x80 | ((s >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (s & 0x3F)))
    default:
      out.append(UInt8(0xF0 | (s >> 18)))
      out.append(UInt8(0x80 | ((s >> 12) & 0x3F)))
      out.append(UInt8(0x80 | ((s >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (s & 0x3F)))
    }
  }

  /// Returns bytes consumed; an odd byte or a high surrogate at the end waits for the next chunk.
  static func appendUTF16(_ bytes: [UInt8], bigEndian: Bool, final: Bool, to out: inout [UInt8]) -> Int {
    var i = 0
    func unit(_ j: Int) -> UInt32 {
      bigEndian ? UInt32(bytes[j]) << 8 | UInt32(bytes[j + 1]) : UInt32(bytes[j + 1]) << 8 | UInt32(bytes[j])
    }
    while i + 1 < bytes.count {
      let u = unit(i)
      if (0xD800..<0xDC00).contains(u) {
        if i + 3 < bytes.count {
          let v = unit(i + 2)
          if (0xDC00..<0xE000).contains(v) {
            appendScalar(0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00), to: &out)
            i += 4
          } else {
            appendScalar(0xFFFD, to: &out)
            i += 2
          }
        } else if final {
          appendScalar(0xFFFD, to: &out)
          i += 2
        } else {
          return i
        }
      } else if (0xDC00..<0xE000).contains(u) {
        appendScalar(0xFFFD, to: &out)
        i += 2
      } else {
        appendScalar(u, to: &out)
        i += 2
      }
    }
    if final && i < bytes.count {
      appendScalar(0xFFFD, to: &out)
      return bytes.count
    }
    return i
  }
}
