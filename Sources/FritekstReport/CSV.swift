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
    // Byte scan (the delimiter, quote and line breaks are ASCII); Foundation's
    // String.contains(String) bridges to NSString and dominated profiles.
    let d = delimiter.asciiValue ?? 0x2C
    var needsQuotes = false
    var hasQuote = false
    for b in value.utf8 {
      if b == d || b == 0x0A || b == 0x0D { needsQuotes = true }
      if b == 0x22 {
        needsQuotes = true
        hasQuote = true
      }
    }
    guard needsQuotes else { return value }
    guard hasQuote else { return "\"" + value + "\"" }
    var bytes: [UInt8] = [0x22]
    bytes.reserveCapacity(value.utf8.count + 8)
    for b in value.utf8 {
      bytes.append(b)
      if b == 0x22 { bytes.append(0x22) }
    }
    bytes.append(0x22)
    return String(decoding: bytes, as: UTF8.self)
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
