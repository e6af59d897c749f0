/// A half-open range of UTF-16 code unit offsets into an original answer text.
///
/// UTF-16 offsets are what ICU reports; formats that count otherwise (REFI-QDA counts Unicode
/// scalars) convert with ``TextSpan/scalarRange(in:)`` at the edge.
public struct TextSpan: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// First UTF-16 offset (inclusive).
  public let start: Int
  /// Last UTF-16 offset (exclusive).
  public let end: Int

  /// Creates a span; `start` must not exceed `end` and neither may be negative.
  public init(start: Int, end: Int) {
    precondition(0 <= start && start <= end, "TextSpan needs 0 <= start <= end, got \(start)..<\(end)")
    self.start = start
    self.end = end
  }

  /// Number of UTF-16 code units covered.
  public var length: Int { end - start }

  /// The smallest span covering both.
  public func union(_ other: TextSpan) -> TextSpan {
    TextSpan(start: Swift.min(start, other.start), end: Swift.max(end, other.end))
  }

  /// True when the spans share at least one code unit.
  public func overlaps(_ other: TextSpan) -> Bool { start < other.end && other.start < end }

  /// True when `other` lies entirely inside this span.
  public func contains(_ other: TextSpan) -> Bool { start <= other.start && other.end <= end }

  public static func < (a: TextSpan, b: TextSpan) -> Bool {
    a.start != b.start ? a.start < b.start : a.end < b.end
  }

  public var description: String { "\(start)..<\(end)" }

  /// The text this span covers in `text` (which must be the string the span was made from).
  public func substring(of text: String) -> Substring {
    let utf16 = text.utf16
    let lower = utf16.index(utf16.startIndex, offsetBy: start)
    let upper = utf16.index(lower, offsetBy: end - start)
    return text[lower..<upper]
  }

  /// The same range counted in Unicode scalars (code points), end exclusive — the unit REFI-QDA
  /// uses for `startPosition`/`endPosition`.
  public func scalarRange(in text: String) -> Range<Int> {
    var scalarIndex = 0
    var utf16Offset = 0
    var lower = -1
    for scalar in text.unicodeScalars {
      if utf16Offset == start { lower = scalarIndex }
      if utf16Offset == end { return lower..<scalarIndex }
      utf16Offset += scalar.utf16.count
      scalarIndex += 1
    }
    if lower < 0 { lower = scalarIndex }
    return lower..<scalarIndex
  }
}
