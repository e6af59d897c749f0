import Foundation

/// A manual (human) coding: which code ids a person assigned to which answer or respondent ids.
///
/// ## Accepted files
/// - **CSV** with a header row; the delimiter (`,`, `;` or tab) is detected from the header line
///   (the most frequent of the three outside quotes). RFC 4180 quoting; a UTF-8 BOM is skipped.
/// - **JSONL**: one object a line (detected by extension `.jsonl`/`.ndjson` or a first
///   non-blank character `{`).
///
/// Columns (CSV) or fields (JSONL), names compared case-insensitively:
/// - id: `id`, `answer_id`, `respondent_id`, `respondent`, `svar_id` (first present wins);
/// - **one row per id with a list** (“wide”): `codes` or `koder`. In CSV the list is separated by
///   `|`, `;` or `,` (any of them; code ids never contain these characters; `;` or `,` must then
///   be inside quotes when it is also the delimiter). In JSONL `codes` is an array of strings or
///   one such string. An empty list means "no code applies".
/// - **one row per id × code** (“long”): `code` or `kode`, one code id a row; an id may repeat;
///   an empty `code` records the id with no code.
///
/// Ids and code ids are trimmed; nothing else is changed (matching is exact).
///
/// Problems are collected, never thrown: a duplicated id (wide layout: the first row is used), a
/// duplicated id × code pair, an unknown code id (dropped from the comparison), a row without id,
/// a malformed line. Each names `file:line`.
public struct ManualCoding: Sendable {
  public enum Layout: String, Sendable { case wide, long }

  public struct Issue: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable { case duplicateID = "duplicate-id", duplicateCode = "duplicate-code", unknownCode = "unknown-code", missingID = "missing-id", malformed }
    public let file: String
    public let line: Int
    public let kind: Kind
    public let message: String
    public var description: String { "\(file):\(line): \(kind == .malformed || kind == .missingID ? "error" : "warning"): \(message)" }
  }

  public let path: String
  public let layout: Layout
  /// Ids in first-seen order.
  public private(set) var ids: [String] = []
  /// Id → assigned code ids (known codes only when a code list was given).
  public private(set) var codes: [String: Set<String>] = [:]
  /// Id → line of its first row.
  public private(set) var lines: [String: Int] = [:]
  /// Unknown code id → number of times it was assigned (dropped from the comparison).
  public private(set) var unknownCodes: [String: Int] = [:]
  public private(set) var issues: [Issue] = []
  /// Code ids in first-seen order (known ones only when a code list was given).
  public private(set) var codeOrder: [String] = []

  /// A file-level failure (unreadable, no id or code column).
  public struct Failure: Error, Sendable, CustomStringConvertible {
    public let description: String
  }

  /// Reads and parses a file. `knownCodes`: the codebook's code ids; nil = accept any code id.
  public static func load(path: String, knownCodes: Set<String>?) throws(Failure) -> ManualCoding {
    guard let data = FileManager.default.contents(atPath: path) else { throw Failure(description: "\(path): error: cannot read file") }
    guard let text = String(data: data, encoding: .utf8) else { throw Failure(description: "\(path): error: not UTF-8") }
    return try parse(text, path: path, knownCodes: knownCodes)
  }

  public static func parse(_ raw: String, path: String, knownCodes: Set<String>?) throws(Failure) -> ManualCoding {
    var text = raw
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    let lower = path.lowercased()
    let firstChar = text.first(where: { !$0.isWhitespace })
    let isJSONL = lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") || (!lower.hasSuffix(".csv") && firstChar == "{")
    return isJSONL ? try parseJSONL(text, path: path, knownCodes: knownCodes) : try parseCSV(text, path: path, knownCodes: knownCodes)
  }

  static let idNames = ["id", "answer_id", "respondent_id", "respondent", "svar_id"]
  static let wideNames = ["codes", "koder"]
  static let longNames = ["code", "kode"]

  init(path: String, layout: Layout) {
    self.path = path
    self.layout = layout
  }

  /// Splits a wide code list on `|`, `;` and `,`; trims; drops empty pieces.
  static func splitList(_ s: String) -> [String] {
    s.split(whereSeparator: { $0 == "|" || $0 == ";" || $0 == "," }).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
  }

  mutating func issue(_ line: Int, _ kind: Issue.Kind, _ message: String) {
    issues.append(Issue(file: path, line: line, kind: kind, message: message))
  }

  /// Adds one row: `codes` nil means an empty long-layout row (id with no code).
  mutating func add(id rawID: String, codes list: [String], line: Int, knownCodes: Set<String>?) {
    let id = rawID.trimmingCharacters(in: .whitespacesAndNewlines)
    if id.isEmpty {
      issue(line, .missingID, "row without an id (skipped)")
      return
    }
    if let first = lines[id] {
      if layout == .wide {
        issue(line, .duplicateID, "id '\(id)' already given on line \(first); this row is ignored")
        return
      }
    } else {
      lines[id] = line
      ids.append(id)
      codes[id] = []
    }
    var seenHere = Set<String>()
    for code in list {
      if let knownCodes, !knownCodes.contains(code) {
        issue(line, .unknownCode, "unknown code id '\(code)' for '\(id)' (not in the codebook; left out of the comparison)")
        unknownCodes[code, default: 0] += 1
        continue
      }
      if codes[id]!.contains(code) {
        if layout == .long || seenHere.contains(code) {
          issue(line, .duplicateCode, "code '\(code)' given twice for '\(id)'")
        }
        continue
      }
      seenHere.insert(code)
      codes[id]!.insert(code)
      if !codeOrder.contains(code) { codeOrder.append(code) }
    }
  }

  static func parseCSV(_ text: String, path: String, knownCodes: Set<String>?) throws(Failure) -> ManualCoding {
    let headerLine = text.prefix(while: { $0 != "\n" && $0 != "\r" })
    var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
    var inQuotes = false
    for c in headerLine {
      if c == "\"" { inQuotes.toggle() } else if !inQuotes, counts[c] != nil { counts[c]! += 1 }
    }
    let delimiter: Character = [";", ",", "\t"].max(by: { counts[$0]! < counts[$1]! })!
    let records = CSVRecords.parse(text, delimiter: delimiter)
    guard let header = records.first else { throw Failure(description: "\(path): error: empty file") }
    let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    guard let idCol = idNames.lazy.compactMap({ names.firstIndex(of: $0) }).first else {
      throw Failure(description: "\(path):1: error: no id column (expected one of \(idNames.joined(separator: ", ")))")
    }
    let wide = wideNames.lazy.compactMap { names.firstIndex(of: $0) }.first
    let long = longNames.lazy.compactMap { names.firstIndex(of: $0) }.first
    guard let codeCol = wide ?? long else {
      throw Failure(description: "\(path):1: error: no code column (expected 'codes' for a list a row, or 'code' for one code a row)")
    }
    var m = ManualCoding(path: path, layout: wide != nil ? .wide : .long)
    for r in records.dropFirst() {
      if r.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
      if let problem = r.problem { m.issue(r.line, .malformed, problem) }
      let id = idCol < r.fields.count ? r.fields[idCol] : ""
      let value = codeCol < r.fields.count ? r.fields[codeCol] : ""
      let list = m.layout == .wide ? splitList(value) : [value.trimmingCharacters(in: .whitespacesAndNewlines)].filter { !$0.isEmpty }
      m.add(id: id, codes: list, line: r.line, knownCodes: knownCodes)
    }
    return m
  }

  static func parseJSONL(_ text: String, path: String, knownCodes: Set<String>?) throws(Failure) -> ManualCoding {
    var m: ManualCoding? = nil
    var pending: [(Int, String)] = []
    var lineNo = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNo += 1
      let t = line.trimmingCharacters(in: .whitespacesAndNewlines)
      if t.isEmpty { continue }
      guard let obj = (try? JSONSerialization.jsonObject(with: Data(t.utf8))) as? [String: Any] else {
        pending.append((lineNo, "not a JSON object (skipped)"))
        continue
      }
      let keys = Dictionary(obj.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
      if m == nil {
        if wideNames.contains(where: { keys[$0] != nil }) {
          m = ManualCoding(path: path, layout: .wide)
        } else if longNames.contains(where: { keys[$0] != nil }) {
          m = ManualCoding(path: path, layout: .long)
        } else {
          throw Failure(description: "\(path):\(lineNo): error: no 'codes' (list) or 'code' field")
        }
        for (l, msg) in pending { m!.issue(l, .malformed, msg) }
      }
      guard let idValue = idNames.lazy.compactMap({ keys[$0] }).first else {
        m!.issue(lineNo, .missingID, "no id field (skipped)")
        continue
      }
      let id: String
      if let s = idValue as? String { id = s } else if let n = idValue as? NSNumber { id = n.stringValue } else { id = "" }
      let names = m!.layout == .wide ? wideNames : longNames
      let value = names.lazy.compactMap { keys[$0] }.first
      var list: [String] = []
      switch value {
      case let a as [Any]:
        for v in a {
          if let s = v as? String { list.append(contentsOf: splitList(s)) } else { m!.issue(lineNo, .malformed, "a code that is not a string") }
        }
      case let s as String: list = m!.layout == .wide ? splitList(s) : [s.trimmingCharacters(in: .whitespacesAndNewlines)].filter { !$0.isEmpty }
      case nil, is NSNull: break
      default: m!.issue(lineNo, .malformed, "'\(names[0])' is neither a string nor a list")
      }
      m!.add(id: id, codes: list, line: lineNo, knownCodes: knownCodes)
    }
    guard let m else { throw Failure(description: "\(path): error: no records") }
    return m
  }
}

/// A small RFC 4180 reader that keeps the line number where each record starts.
enum CSVRecords {
  struct Record {
    var fields: [String]
    var line: Int
    var problem: String?
  }

  static func parse(_ text: String, delimiter: Character) -> [Record] {
    var records: [Record] = []
    var fields: [String] = []
    var field = ""
    var line = 1
    var start = 1
    var inQuotes = false
    var wasQuoted = false
    var problem: String? = nil
    var chars = Array(text)
    if chars.last != "\n" && chars.last != "\r\n" { chars.append("\n") }
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if inQuotes {
        if c == "\"" {
          if i + 1 < chars.count, chars[i + 1] == "\"" {
            field.append("\"")
            i += 1
          } else {
            inQuotes = false
          }
        } else {
          if c == "\n" || c == "\r\n" { line += 1 }
          field.append(c == "\r\n" ? "\n" : c)
        }
      } else if c == "\"" {
        if field.isEmpty && !wasQuoted { inQuotes = true; wasQuoted = true } else {
          problem = problem ?? "stray quote in an unquoted field"
          field.append(c)
        }
      } else if c == delimiter {
        fields.append(field)
        field = ""
        wasQuoted = false
      } else if c == "\n" || c == "\r\n" || c == "\r" {
        fields.append(field)
        records.append(Record(fields: fields, line: start, problem: problem))
        fields = []
        field = ""
        wasQuoted = false
        problem = nil
        line += 1
        start = line
      } else {
        field.append(c)
      }
      i += 1
    }
    if inQuotes {
      fields.append(field)
      records.append(Record(fields: fields, line: start, problem: "quote not closed before the end of the file"))
    }
    return records
  }
}
