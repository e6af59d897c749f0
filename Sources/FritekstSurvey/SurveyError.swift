import Foundation

/// Everything that stops a survey from being read. Row problems that do not stop reading are
/// `Rejection`s in the `ReadingReport` instead.
///
/// Messages follow the compiler convention `file:row:col: error: …` so editors can jump to them.
public enum SurveyError: Error, CustomStringConvertible, Sendable, Equatable {
  /// The file cannot be opened or read (missing, permissions, not a valid XLSX archive, …).
  case fileUnreadable(path: String, reason: String)
  /// The file's structure is broken at a position: e.g. an unterminated quoted field at EOF
  /// (a truncated file). `row` is the spreadsheet row (header = 1), `column` is 1-based.
  case malformed(file: String, row: Int, column: Int, reason: String)
  /// A column named by an option (or needed by the reader) is not in the header.
  case missingColumn(file: String, name: String, option: String, available: [String])
  /// No open-text column was found and none was named.
  case noTextColumns(file: String, available: [String])
  /// `--sheet NAME` names a sheet the workbook does not have.
  case sheetNotFound(file: String, name: String, available: [String])
  /// An option value is not usable (bad band edges, unknown encoding name, …).
  case invalidOption(String)
  /// The bundled reference data could not be loaded (a packaging bug).
  case registryUnavailable(reason: String)

  public var description: String {
    switch self {
    case .fileUnreadable(let path, let reason):
      return "\(path): error: \(reason)"
    case .malformed(let file, let row, let column, let reason):
      return "\(file):\(row):\(column): error: \(reason)"
    case .missingColumn(let file, let name, let option, let available):
      return "\(file):1: error: no column named '\(name)' (\(option)); the header has: "
        + available.map { "'\($0)'" }.joined(separator: ", ")
    case .noTextColumns(let file, let available):
      return "\(file):1: error: no open-text column found; name one with --text-column; the header has: "
        + available.map { "'\($0)'" }.joined(separator: ", ")
    case .sheetNotFound(let file, let name, let available):
      return "\(file): error: no sheet named '\(name)'; the workbook has: "
        + available.map { "'\($0)'" }.joined(separator: ", ")
    case .invalidOption(let message):
      return "error: \(message)"
    case .registryUnavailable(let reason):
      return "error: bundled municipality registry unavailable: \(reason)"
    }
  }
}
