/// A place in a codebook file: 1-based line and column (columns count Unicode scalars).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
  public let file: String
  public let line: Int
  public let column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  public var description: String { "\(file):\(line):\(column)" }

  public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
    (a.file, a.line, a.column) < (b.file, b.line, b.column)
  }
}

/// How bad a finding is. Errors make `fritekst check` exit 1; warnings are shown but pass.
public enum Severity: String, Sendable, Hashable, Comparable {
  case error, warning, note

  private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
  public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One finding about a codebook, printed as `path:line:col: error|warning: message`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  public let severity: Severity
  public let message: String
  public let location: SourceLocation?
  /// Extra lines printed indented under the message (e.g. which rule fired).
  public let notes: [String]

  public init(_ severity: Severity, _ message: String, at location: SourceLocation?, notes: [String] = []) {
    self.severity = severity
    self.message = message
    self.location = location
    self.notes = notes
  }

  public var description: String {
    let head = location.map { "\($0): " } ?? ""
    var s = "\(head)\(severity.rawValue): \(message)"
    for n in notes { s += "\n    \(n)" }
    return s
  }
}

extension Array where Element == Diagnostic {
  /// True when any diagnostic is an error.
  public var hasErrors: Bool { contains { $0.severity == .error } }

  /// Stable order: by file position, then severity, then message.
  public func sortedByLocation() -> [Diagnostic] {
    enumerated().sorted { x, y in
      let a = x.element, b = y.element
      switch (a.location, b.location) {
      case let (la?, lb?) where la != lb: return la < lb
      case (nil, _?): return false
      case (_?, nil): return true
      default: return x.offset < y.offset
      }
    }.map(\.element)
  }
}
