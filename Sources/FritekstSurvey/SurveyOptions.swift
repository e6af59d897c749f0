import Foundation

/// A text encoding the user can force with `--encoding` (nil in `SurveyOptions` = detect).
public enum TextEncodingChoice: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
  case utf8 = "UTF-8"
  case utf16LE = "UTF-16LE"
  case utf16BE = "UTF-16BE"
  case windows1252 = "Windows-1252"

  /// Accepts common spellings: utf-8, utf8, utf-16le, utf16be, windows-1252, cp1252, latin1 (read
  /// as Windows-1252, its superset for printable characters).
  public init?(name: String) {
    let key = name.lowercased().filter { $0.isLetter || $0.isNumber }
    switch key {
    case "utf8": self = .utf8
    case "utf16le", "utf16": self = .utf16LE
    case "utf16be": self = .utf16BE
    case "windows1252", "cp1252", "win1252", "latin1", "iso88591", "ansi": self = .windows1252
    default: return nil
    }
  }

  public var description: String { rawValue }
}

/// How to read a survey file: column mapping, encoding, delimiter, non-answers, size bands.
public struct SurveyOptions: Sendable {
  /// nil = detect (BOM, then UTF-8 validity, else Windows-1252).
  public var encoding: TextEncodingChoice?
  /// nil = detect from the header line (`,` `;` or tab).
  public var delimiter: Character?
  /// XLSX sheet name; nil = first sheet.
  public var sheet: String?
  public var idColumn: String?
  public var municipalityColumn: String?
  /// Open-question columns; empty = detect (see `SurveyReader` for the heuristic).
  public var textColumns: [String]
  public var groupColumns: [String]
  public var populationColumn: String?
  /// Answers that mean "no answer"; compared trimmed, case-insensitively, trailing punctuation
  /// ignored. The empty answer is always a non-answer.
  public var nonAnswers: [String]
  public var bands: SizeBands

  public static let defaultNonAnswers = [
    "", "-", ".", "x", "nei", "ingen kommentar", "vet ikke", "ikke aktuelt", "ingen", "nei.", "/",
    "ingen kommentarer", "ikkje aktuelt", "veit ikkje",
  ]

  public init(
    encoding: TextEncodingChoice? = nil, delimiter: Character? = nil, sheet: String? = nil,
    idColumn: String? = nil, municipalityColumn: String? = nil, textColumns: [String] = [],
    groupColumns: [String] = [], populationColumn: String? = nil,
    nonAnswers: [String] = SurveyOptions.defaultNonAnswers, bands: SizeBands = .standard
  ) {
    self.encoding = encoding
    self.delimiter = delimiter
    self.sheet = sheet
    self.idColumn = idColumn
    self.municipalityColumn = municipalityColumn
    self.textColumns = textColumns
    self.groupColumns = groupColumns
    self.populationColumn = populationColumn
    self.nonAnswers = nonAnswers
    self.bands = bands
  }

  /// Header names taken as the municipality column when none is named (first match wins).
  public static let municipalityColumnNames = [
    "kommunenummer", "kommunenr", "knr", "kommune_nr", "komnr", "bydelsnummer",
  ]
  public static let idColumnNames = ["id", "respondent", "respondent_id", "svar_id"]
  public static let populationColumnNames = ["innbyggere", "folketall", "population"]
  /// Descriptive columns never taken as open questions when text columns are detected.
  public static let descriptiveColumnNames = [
    "kommune", "kommunenavn", "navn", "name", "fylke", "fylkesnavn", "fylkesnummer", "fylkesnr",
    "bydel", "bydelsnavn", "region", "år", "aar", "year", "dato", "date", "tidspunkt", "timestamp",
    "e-post", "epost", "email", "stilling", "rolle",
  ]
}

/// Recognises non-answers ("-", "vet ikke", "Nei.", …).
public struct NonAnswerMatcher: Sendable {
  private let forms: Set<String>
  private let longest: Int

  public init(_ list: [String]) {
    forms = Set(list.map(Self.normalize)).union([""])
    longest = list.map { $0.utf8.count }.max() ?? 0
  }

  /// Trimmed, lowercased, trailing punctuation (. , ! ? ; : …) removed — unless that would leave
  /// nothing, so "." itself stays ".".
  static func normalize(_ s: String) -> String {
    let t = s.trimmedWhitespace().lowercased()
    var u = Substring(t)
    while let last = u.last, ".,!?;:…".contains(last) { u = u.dropLast() }
    let stripped = u.trimmedWhitespace()
    return stripped.isEmpty ? t : stripped
  }

  public func isNonAnswer(_ text: String) -> Bool {
    // Long answers are never non-answers (cheap check before trimming and case folding).
    if text.utf8.count > longest + 64 { return false }
    let t = text.trimmedWhitespace()
    if t.isEmpty { return true }
    return forms.contains(Self.normalize(t))
  }
}
