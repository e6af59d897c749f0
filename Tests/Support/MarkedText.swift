/// Text with «marked» parts, for table-driven matcher tests: `"Vi mangler «psykolog»"` gives the
/// plain text `"Vi mangler psykolog"` and the UTF-16 ranges of each marked part.
public struct MarkedText: CustomStringConvertible, Sendable {
  /// The text without the « » marks.
  public let text: String
  /// UTF-16 ranges (start..<end) of the marked parts, in order.
  public let marks: [Range<Int>]

  public init(_ marked: String) {
    var plain = ""
    var marks: [Range<Int>] = []
    var open: Int? = nil
    var offset = 0
    for ch in marked {
      switch ch {
      case "«": open = offset
      case "»":
        if let o = open { marks.append(o..<offset) }
        open = nil
      default:
        plain.append(ch)
        offset += ch.utf16.count
      }
    }
    self.text = plain
    self.marks = marks
  }

  public var description: String { text }
}
