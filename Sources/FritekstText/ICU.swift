internal import CICUShim

/// An ICU call failed. `name` is ICU's own name for the status (e.g. `U_ILLEGAL_ARGUMENT_ERROR`).
public struct ICUError: Error, Sendable, CustomStringConvertible {
  public let status: Int32
  public let name: String
  public let operation: String

  init(status: Int32, operation: String) {
    self.status = status
    self.name = String(cString: fk_error_name(status))
    self.operation = operation
  }

  public var description: String { "ICU \(operation) failed: \(name) (\(status))" }
}

/// The ICU version Fritekst runs on, e.g. "72.1".
public var icuVersion: String { String(cString: fk_icu_version()) }

/// Thin owner of an ICU break iterator. Not thread-safe: one per thread.
final class BreakIterator {
  enum Kind: Int32 {
    case word = 0
    case sentence = 1
  }

  private let handle: OpaquePointer

  init(_ kind: Kind, locale: String) throws(ICUError) {
    var status: Int32 = 0
    guard let h = fk_breaker_open(kind.rawValue, locale, &status) else {
      throw ICUError(status: status, operation: "ubrk_open(\(locale))")
    }
    handle = h
  }

  deinit { fk_breaker_close(handle) }

  /// Points the iterator at `buffer`; the buffer must outlive the iteration.
  func setText(_ buffer: UnsafeBufferPointer<UInt16>) throws(ICUError) {
    let status = fk_breaker_set_text(handle, buffer.baseAddress, Int32(buffer.count))
    if status > 0 { throw ICUError(status: status, operation: "ubrk_setText") }
  }

  /// Next boundary, or nil at the end.
  @inline(__always) func next() -> Int? {
    let b = fk_breaker_next(handle)
    return b < 0 ? nil : Int(b)
  }

  /// Rule status of the segment ending at the current boundary.
  @inline(__always) var ruleStatus: Int32 { fk_breaker_rule_status(handle) }
}

/// Calls one of the shim's normalising functions, growing the output buffer when needed.
func icuTransform(
  _ units: UnsafeBufferPointer<UInt16>,
  _ body: (UnsafePointer<UInt16>?, Int32, UnsafeMutablePointer<UInt16>?, Int32, UnsafeMutablePointer<Int32>) -> Int32
) -> String {
  var capacity = Swift.max(16, units.count * 2 + 8)
  while true {
    var status: Int32 = 0
    var needed: Int32 = 0
    let result = [UInt16](unsafeUninitializedCapacity: capacity) { out, count in
      needed = body(units.baseAddress, Int32(units.count), out.baseAddress, Int32(capacity), &status)
      count = status <= 0 && Int(needed) <= capacity ? Int(needed) : 0
    }
    if status > 0 {
      // Normalisation of valid UTF-16 does not fail; unpaired surrogates are passed through by
      // ICU. Falling back to the input keeps the token rather than losing it.
      return String(decoding: units, as: UTF16.self)
    }
    if Int(needed) <= capacity { return String(decoding: result, as: UTF16.self) }
    capacity = Int(needed) + 8
  }
}

enum ICUNormalizer {
  static func foldCase(_ units: UnsafeBufferPointer<UInt16>) -> String {
    icuTransform(units) { fk_normalize_fold($0, $1, $2, $3, $4) }
  }
  static func nfc(_ units: UnsafeBufferPointer<UInt16>) -> String {
    icuTransform(units) { fk_normalize_nfc($0, $1, $2, $3, $4) }
  }
  static func stripDiacritics(_ units: UnsafeBufferPointer<UInt16>) -> String {
    icuTransform(units) { fk_strip_diacritics($0, $1, $2, $3, $4) }
  }
}
