/// A minimal JSON value with a deterministic encoder: object keys keep the order given, numbers
/// are printed the same way on every platform, strings are escaped per RFC 8259 (non-ASCII kept
/// as UTF-8).
public indirect enum JSON: Sendable, Equatable {
  case string(String)
  case int(Int)
  case double(Double, decimals: Int)
  case bool(Bool)
  case null
  case array([JSON])
  case object([(String, JSON)])

  public static func == (a: JSON, b: JSON) -> Bool { a.compact == b.compact }

  /// One line, no spaces (for JSONL).
  public var compact: String {
    var s = ""
    write(into: &s, indent: nil, level: 0)
    return s
  }

  /// Indented with two spaces (for summary.json).
  public var pretty: String {
    var s = ""
    write(into: &s, indent: "  ", level: 0)
    return s + "\n"
  }

  private func write(into s: inout String, indent: String?, level: Int) {
    switch self {
    case .string(let v): JSON.escape(v, into: &s)
    case .int(let v): s += String(v)
    case .double(let v, let d): s += formatFixed(v, decimals: d)
    case .bool(let v): s += v ? "true" : "false"
    case .null: s += "null"
    case .array(let items):
      if items.isEmpty {
        s += "[]"
        return
      }
      s += "["
      for (i, item) in items.enumerated() {
        if i > 0 { s += "," }
        newline(&s, indent, level + 1)
        item.write(into: &s, indent: indent, level: level + 1)
      }
      newline(&s, indent, level)
      s += "]"
    case .object(let pairs):
      if pairs.isEmpty {
        s += "{}"
        return
      }
      s += "{"
      for (i, (k, v)) in pairs.enumerated() {
        if i > 0 { s += "," }
        newline(&s, indent, level + 1)
        JSON.escape(k, into: &s)
        s += indent == nil ? ":" : ": "
        v.write(into: &s, indent: indent, level: level + 1)
      }
      newline(&s, indent, level)
      s += "}"
    }
  }

  private func newline(_ s: inout String, _ indent: String?, _ level: Int) {
    guard let indent else { return }
    s += "\n" + String(repeating: indent, count: level)
  }

  static func escape(_ v: String, into s: inout String) {
    // Fast path: nothing to escape (no control characters, quotes, backslashes or U+2028/2029).
    var plain = true
    var maybeSeparator = false
    for b in v.utf8 {
      if b < 0x20 || b == 0x22 || b == 0x5C {
        plain = false
        break
      }
      if b == 0xE2 { maybeSeparator = true }
    }
    if plain && maybeSeparator { plain = !v.unicodeScalars.contains { $0.value == 0x2028 || $0.value == 0x2029 } }
    if plain {
      s += "\""
      s += v
      s += "\""
      return
    }
    s += "\""
    for u in v.unicodeScalars {
      switch u {
      case "\"": s += "\\\""
      case "\\": s += "\\\\"
      case "\n": s += "\\n"
      case "\r": s += "\\r"
      case "\t": s += "\\t"
      case _ where u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029:
        let hex = String(u.value, radix: 16)
        s += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: s.unicodeScalars.append(u)
      }
    }
    s += "\""
  }
}

/// Fixed-point formatting without locale: 12.345 with 1 decimal → "12.3" (half away from zero).
public func formatFixed(_ value: Double, decimals: Int) -> String {
  var scale = 1.0
  for _ in 0..<decimals { scale *= 10 }
  let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
  let negative = value < 0 && scaled != 0
  let whole = Int(scaled) / Int(scale)
  var frac = String(Int(scaled) % Int(scale))
  while frac.count < decimals { frac = "0" + frac }
  return (negative ? "-" : "") + String(whole) + (decimals > 0 ? "." + frac : "")
}
