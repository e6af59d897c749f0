/// RFC 4180 CSV output. Fields are quoted when they contain the delimiter, a quote or a line
/// break; records end with CRLF, as spreadsheet programs expect.
public struct CSVFormat: Sendable, Hashable {
  /// `,` (default) or `;` (what Norwegian Excel opens directly).
  public let delimiter: Character
  /// Decimal mark for percentages: "." with `,`, "," with `;` (Norwegian Excel reads 12,5).
  public var decimalMark: Character { delimiter == ";" ? "," : "." }

  public init(delimiter: Character = ",") { self.delimiter = delimiter }

  /// One record (with its CRLF).
  public func row(_ fields: [String]) -> String {
    fields.map(field).joined(separator: String(delimiter)) + "\r\n"
  }

  public func field(_ value: String) -> String {
    let needsQuotes = value.contains(delimiter) || value.contains("\"") || value.contains("\n") || value.contains("\r")
    guard needsQuotes else { return value }
    return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
  }

  /// A percentage with one decimal and this format's decimal mark; empty when undefined.
  public func percent(_ value: Double?) -> String {
    guard let value else { return "" }
    let s = formatFixed(value, decimals: 1)
    return decimalMark == "," ? s.replacingAll(".", with: ",") : s
  }
}

extension String {
  /// Replaces every occurrence of `target` (no Foundation needed).
  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty, contains(target) else { return self }
    var out = ""
    var rest = Substring(self)
    while let r = rest.firstRange(of: target) {
      out += rest[..<r.lowerBound]
      out += replacement
      rest = rest[r.upperBound...]
    }
    return out + rest
  }
}
