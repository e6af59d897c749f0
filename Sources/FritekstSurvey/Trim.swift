extension StringProtocol {
  /// Removes leading and trailing Unicode white space (including line breaks and NBSP) without
  /// bridging to NSString. Foundation's `trimmingCharacters(in:)` converted every field to UTF-16
  /// and back and took a fifth of a whole coding run; this is the hot-path replacement.
  func trimmedWhitespace() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.first, let last = scalars.last else { return "" }
    if !first.properties.isWhitespace && !last.properties.isWhitespace { return String(self) }
    var start = scalars.startIndex
    var end = scalars.endIndex
    while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
    while end > start, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
    return String(String.UnicodeScalarView(scalars[start..<end]))
  }
}
