/// One physical record from a file, before column mapping.
struct RawRow {
  /// Spreadsheet row (header = 1) or JSONL line number.
  var row: Int
  /// Values by 0-based column position.
  var fields: [String]
  /// Set when the source itself rejects the row (e.g. a JSONL line that is not JSON).
  var rejection: (column: Int?, reason: String)? = nil
}

/// A format reader: header first, then rows one at a time.
protocol RowSource: AnyObject {
  var format: String { get }
  var encodingDescription: String { get }
  var delimiterDescription: String { get }
  var sheetName: String? { get }
  /// The header as written (not yet trimmed or renamed).
  var header: [String] { get }
  func nextRow() throws(SurveyError) -> RawRow?
  /// Notes gathered so far (stray quotes, blank lines, merged cells, …).
  var sourceNotes: [String] { get }
  /// Share of the file read so far (0…1), when the format streams; nil otherwise.
  var fractionRead: Double? { get }
}

extension RowSource {
  var fractionRead: Double? { nil }
}

/// Collects per-position warnings, keeping the first few and counting the rest.
struct CappedNotes {
  let limit: Int
  var kept: [String] = []
  var dropped = 0

  init(limit: Int = 10) { self.limit = limit }

  mutating func add(_ s: String) {
    if kept.count < limit { kept.append(s) } else { dropped += 1 }
  }

  func rendered(_ more: String = "similar warnings") -> [String] {
    dropped > 0 ? kept + ["… and \(dropped) more \(more)"] : kept
  }
}

/// "5.0" → "5", "301" → "301", "1e3" → "1000"; other text unchanged. Used for XLSX and JSON
/// numbers so that a number cell reads like what the user typed.
func normalizedNumberText(_ raw: String) -> String {
  if raw.allSatisfy({ $0.isASCII && $0.isNumber }) { return raw }
  guard let d = Double(raw), d.isFinite else { return raw }
  if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
  return raw
}
