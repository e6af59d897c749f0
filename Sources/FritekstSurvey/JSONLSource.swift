import Foundation

/// JSON Lines: one object per line; keys are columns. The header is the keys of the first valid
/// object, in the order written. Later objects may omit keys (empty values); keys that the first
/// object lacks are ignored and noted. A line that is not a JSON object is a rejected row
/// (row number = line number). Values: strings as is, numbers as written (5.0 → "5"), true/false,
/// null → empty, arrays/objects as their JSON text.
final class JSONLSource: RowSource {
  let file: String
  let format = "JSONL"
  let delimiterDescription = "-"
  let sheetName: String? = nil
  private let reader: UTF8ChunkReader
  var fractionRead: Double? { reader.fractionRead }
  private(set) var header: [String] = []
  private var columnIndex: [String: Int] = [:]
  private var buf: [UInt8] = []
  private var pos = 0
  private var eof = false
  private var lineNumber = 0
  private var pending: [RawRow] = []
  private var extraKeys = CappedNotes()
  private var blankLines = 0

  var encodingDescription: String { reader.encodingDescription }

  init(path: String, file: String, encoding: TextEncodingChoice?) throws(SurveyError) {
    self.file = file
    reader = try UTF8ChunkReader(path: path, forced: encoding)
    // Read until the first valid object to learn the columns; earlier bad lines wait as rejections.
    while let (n, bytes) = try nextLine() {
      switch Self.parseObject(bytes) {
      case .success(let pairs):
        header = pairs.map(\.0)
        for (i, k) in header.enumerated() where columnIndex[k] == nil { columnIndex[k] = i }
        pending.append(RawRow(row: n, fields: pairs.map(\.1)))
        return
      case .failure(let message):
        pending.append(RawRow(row: n, fields: [], rejection: (nil, message)))
      }
    }
    throw .malformed(file: file, row: max(lineNumber, 1), column: 1, reason: "no JSON object line in the file")
  }

  var sourceNotes: [String] {
    var notes = extraKeys.rendered("unknown keys")
    if blankLines > 0 { notes.append("\(blankLines) empty line(s) skipped") }
    return notes
  }

  func nextRow() throws(SurveyError) -> RawRow? {
    if !pending.isEmpty { return pending.removeFirst() }
    guard let (n, bytes) = try nextLine() else { return nil }
    switch Self.parseObject(bytes) {
    case .success(let pairs):
      var fields = [String](repeating: "", count: header.count)
      for (k, v) in pairs {
        if let i = columnIndex[k] { fields[i] = v } else {
          extraKeys.add("\(file):\(n): warning: key '\(k)' is not in the first object; ignored")
        }
      }
      return RawRow(row: n, fields: fields)
    case .failure(let message):
      return RawRow(row: n, fields: [], rejection: (nil, message))
    }
  }

  /// The next non-empty line (without CR/LF) and its 1-based line number.
  private func nextLine() throws(SurveyError) -> (Int, [UInt8])? {
    var line: [UInt8] = []
    while true {
      if pos >= buf.count {
        if eof { break }
        guard let chunk = try reader.next() else {
          eof = true
          break
        }
        buf = chunk
        pos = 0
        continue
      }
      if let nl = buf[pos...].firstIndex(of: 0x0A) {
        line.append(contentsOf: buf[pos..<nl])
        pos = nl + 1
        lineNumber += 1
        if line.last == 0x0D { line.removeLast() }
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
          blankLines += 1
          line.removeAll()
          continue
        }
        return (lineNumber, line)
      }
      line.append(contentsOf: buf[pos...])
      pos = buf.count
    }
    if line.last == 0x0D { line.removeLast() }
    if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }
    lineNumber += 1
    return (lineNumber, line)
  }

  enum ParseResult {
    case success([(String, String)])
    case failure(String)
  }

  static func parseObject(_ bytes: [UInt8]) -> ParseResult {
    var p = MiniJSON(bytes)
    do {
      p.skipSpace()
      guard p.peek() == UInt8(ascii: "{") else { throw MiniJSON.Failure(p.i, "not a JSON object (expected '{')") }
      let pairs = try p.object()
      p.skipSpace()
      if p.i < bytes.count { throw MiniJSON.Failure(p.i, "unexpected text after the object") }
      return .success(pairs)
    } catch let f as MiniJSON.Failure {
      return .failure("invalid JSON at character \(f.offset + 1): \(f.message)")
    } catch {
      return .failure("invalid JSON")
    }
  }
}

/// A small JSON reader that keeps key order and numbers as written.
struct MiniJSON {
  struct Failure: Error {
    let offset: Int
    let message: String
    init(_ offset: Int, _ message: String) {
      self.offset = offset
      self.message = message
    }
  }

  let b: [UInt8]
  var i = 0
  var depth = 0

  init(_ bytes: [UInt8]) { b = bytes }

  func peek() -> UInt8? { i < b.count ? b[i] : nil }

  mutating func skipSpace() {
    while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
  }

  mutating func expect(_ c: Character) throws {
    skipSpace()
    guard peek() == c.asciiValue else { throw Failure(i, "expected '\(c)'") }
    i += 1
  }

  /// Top-level object: key → value as text.
  mutating func object() throws -> [(String, String)] {
    try expect("{")
    var pairs: [(String, String)] = []
    skipSpace()
    if peek() == UInt8(ascii: "}") {
      i += 1
      return pairs
    }
    while true {
      skipSpace()
      guard peek() == UInt8(ascii: "\"") else { throw Failure(i, "expected a key in quotes") }
      let key = try string()
      try expect(":")
      skipSpace()
      let value = try valueText()
      pairs.append((key, value))
      skipSpace()
      guard let c = peek() else { throw Failure(i, "unexpected end of line inside the object") }
      i += 1
      if c == UInt8(ascii: "}") { return pairs }
      if c != UInt8(ascii: ",") { throw Failure(i - 1, "expected ',' or '}'") }
    }
  }

  mutating func valueText() throws -> String {
    guard let c = peek() else { throw Failure(i, "missing value") }
    switch c {
    case UInt8(ascii: "\""): return try string()
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      let start = i
      try skipValue()
      return String(decoding: b[start..<i], as: UTF8.self)
    default:
      let start = i
      try skipValue()
      let text = String(decoding: b[start..<i], as: UTF8.self)
      switch text {
      case "null": return ""
      case "true", "false": return text
      default: return normalizedNumberText(text)
      }
    }
  }

  mutating func skipValue() throws {
    skipSpace()
    guard let c = peek() else { throw Failure(i, "missing value") }
    switch c {
    case UInt8(ascii: "\""): _ = try string()
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      depth += 1
      if depth > 64 { throw Failure(i, "nested too deeply") }
      defer { depth -= 1 }
      let close = c == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
      i += 1
      skipSpace()
      if peek() == close {
        i += 1
        return
      }
      while true {
        if c == UInt8(ascii: "{") {
          skipSpace()
          _ = try string()
          try expect(":")
        }
        try skipValue()
        skipSpace()
        guard let d = peek() else { throw Failure(i, "unexpected end of line") }
        i += 1
        if d == close { return }
        if d != UInt8(ascii: ",") { throw Failure(i - 1, "expected ',' ") }
      }
    default:
      let start = i
      while i < b.count, let ch = Optional(b[i]),
        ch != UInt8(ascii: ","), ch != UInt8(ascii: "}"), ch != UInt8(ascii: "]"),
        ch != 0x20, ch != 0x09, ch != 0x0A, ch != 0x0D
      {
        i += 1
      }
      let text = String(decoding: b[start..<i], as: UTF8.self)
      if text == "true" || text == "false" || text == "null" { return }
      if text.isEmpty || Double(text) == nil || text.hasPrefix("+") || text.lowercased().contains("n") {
        throw Failure(start, "invalid value '\(text)'")
      }
    }
  }

  mutating func string() throws -> String {
    guard peek() == UInt8(ascii: "\"") else { throw Failure(i, "expected '\"'") }
    i += 1
    var out: [UInt8] = []
    while i < b.count {
      let c = b[i]
      i += 1
      if c == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
      if c < 0x20 { throw Failure(i - 1, "control character inside a string") }
      if c != UInt8(ascii: "\\") {
        out.append(c)
        continue
      }
      guard i < b.count else { break }
      let e = b[i]
      i += 1
      switch e {
      case UInt8(ascii: "\""): out.append(0x22)
      case UInt8(ascii: "\\"): out.append(0x5C)
      case UInt8(ascii: "/"): out.append(0x2F)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        var u = try hex4()
        if (0xD800..<0xDC00).contains(u), i + 1 < b.count, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") {
          i += 2
          let lo = try hex4()
          u = (0xDC00..<0xE000).contains(lo) ? 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00) : 0xFFFD
        } else if (0xD800..<0xE000).contains(u) {
          u = 0xFFFD
        }
        UTF8ChunkReader.appendScalar(u, to: &out)
      default: throw Failure(i - 1, "invalid escape '\\\(UnicodeScalar(e))'")
      }
    }
    throw Failure(b.count, "unterminated string")
  }

  mutating func hex4() throws -> UInt32 {
    guard i + 4 <= b.count, let v = UInt32(String(decoding: b[i..<i + 4], as: UTF8.self), radix: 16) else {
      throw Failure(i, "invalid \\u escape")
    }
    i += 4
    return v
  }
}
