import Foundation

/// A column of the survey file chosen for a role.
public struct ResolvedColumn: Sendable, Hashable, Codable {
  /// The header name (trimmed; "kolonne N" when the header cell is empty).
  public let name: String
  /// 1-based column number, as a spreadsheet shows it.
  public let column: Int
}

/// Which column plays which role, after defaults and detection.
public struct ColumnMapping: Sendable, Hashable, Codable {
  public var id: ResolvedColumn?
  public var municipality: ResolvedColumn?
  public var population: ResolvedColumn?
  public var groups: [ResolvedColumn]
  /// Open questions, in file order when detected, in option order when named.
  public var text: [ResolvedColumn]
  /// True when text columns were detected rather than named.
  public var textDetected: Bool
}

/// Reads a survey file (CSV, XLSX or JSONL) one respondent row at a time.
///
/// Format: by extension (.csv .tsv .txt → CSV, .xlsx → XLSX, .jsonl .ndjson → JSONL), else by
/// content (a zip signature → XLSX, a first line starting with "{" → JSONL, else CSV).
///
/// Row numbers are what a spreadsheet user sees: the header is row 1, the first data row is
/// row 2, a record with a quoted line break is still one row, and skipped empty lines still
/// count. In JSONL the row number is the line number.
///
/// Every data row ends in exactly one of: read with ≥1 answer, read with only non-answers,
/// rejected (`report.rejected`, with file, row, column and reason). Rejected rows are not
/// returned by `next()`.
///
/// Text-column detection (when no `--text-column` is given): every column except the id,
/// municipality, population and group columns, and except descriptive names
/// (`SurveyOptions.descriptiveColumnNames`, e.g. kommune, kommunenavn, navn, fylke) and other
/// municipality/id/population names, whose sampled values (first 500 data rows; empty values and
/// non-answers left out) are mostly (more than half) not numbers. Columns with no such values in
/// the sample are left out and noted. In a file without data rows, all remaining columns are taken.
public final class SurveyReader {
  /// The path as given.
  public let file: String
  /// Header names, trimmed ("kolonne N" for an empty header cell).
  public let header: [String]
  public let mapping: ColumnMapping
  public let options: SurveyOptions
  public let registry: MunicipalityRegistry

  private let source: RowSource
  private var lookahead: [RawRow] = []
  private var lookaheadIndex = 0
  private let nonAnswers: NonAnswerMatcher
  private let bands: [SizeBand]
  private var seenKeys: [UInt64: Int32] = [:]
  private var finished = false

  // Tallies.
  private var rows = 0
  private var rowsWithAnswers = 0
  private var rowsOnlyNonAnswers = 0
  private var rejected: [Rejection] = []
  private var answerCounts: [Int]
  private var nonAnswerCounts: [Int]
  private var bandCounts: [SizeBand: Int] = [:]
  private var setupNotes: [String] = []
  private var renumbered: [String: (new: String, rows: Int)] = [:]
  private var renumberedRows = 0
  private var osloRows: [Int] = []
  private var osloRowCount = 0
  private var shortRows: [Int] = []
  private var shortRowCount = 0
  private var emptyExtraRowCount = 0
  private var emptyExtraRows: [Int] = []
  private var populationFromRegistry = 0

  public static let sampleSize = 500

  public init(path: String, options: SurveyOptions = SurveyOptions(), registry: MunicipalityRegistry)
    throws(SurveyError)
  {
    file = path
    self.options = options
    self.registry = registry
    nonAnswers = NonAnswerMatcher(options.nonAnswers)
    source = try Self.openSource(path: path, options: options)

    // Header names.
    var names: [String] = []
    var notes: [String] = []
    for (i, raw) in source.header.enumerated() {
      var name = raw.trimmedWhitespace()
      if name.isEmpty {
        name = "kolonne \(i + 1)"
        notes.append("header cell in column \(i + 1) is empty: named '\(name)'")
      }
      if names.contains(where: { $0.lowercased() == name.lowercased() }) {
        notes.append("header name '\(name)' appears more than once: options refer to the first one")
      }
      names.append(name)
    }
    header = names
    let lowered = names.map { $0.lowercased() }

    func find(_ name: String, option: String) throws(SurveyError) -> ResolvedColumn {
      let key = name.trimmedWhitespace().lowercased()
      guard let i = lowered.firstIndex(of: key) else {
        throw .missingColumn(file: path, name: name, option: option, available: names)
      }
      return ResolvedColumn(name: names[i], column: i + 1)
    }
    func firstDefault(_ candidates: [String]) -> ResolvedColumn? {
      for (i, n) in lowered.enumerated() where candidates.contains(n) {
        return ResolvedColumn(name: names[i], column: i + 1)
      }
      return nil
    }

    let id = try options.idColumn.map { (n) throws(SurveyError) in try find(n, option: "--id-column") }
      ?? firstDefault(SurveyOptions.idColumnNames)
    let municipality =
      try options.municipalityColumn.map { (n) throws(SurveyError) in try find(n, option: "--municipality-column") }
      ?? firstDefault(SurveyOptions.municipalityColumnNames)
    let population =
      try options.populationColumn.map { (n) throws(SurveyError) in try find(n, option: "--population-column") }
      ?? firstDefault(SurveyOptions.populationColumnNames)
    var groups: [ResolvedColumn] = []
    for g in options.groupColumns { groups.append(try find(g, option: "--group-column")) }

    var text: [ResolvedColumn] = []
    var detected = false
    if !options.textColumns.isEmpty {
      for t in options.textColumns { text.append(try find(t, option: "--text-column")) }
    } else {
      detected = true
      // Sample rows to look at the values.
      while lookahead.count < Self.sampleSize, let r = try source.nextRow() { lookahead.append(r) }
      let used = Set([id, municipality, population].compactMap { $0?.column } + groups.map(\.column))
      let excludedNames = Set(
        SurveyOptions.descriptiveColumnNames + SurveyOptions.municipalityColumnNames
          + SurveyOptions.idColumnNames + SurveyOptions.populationColumnNames)
      let sampled = lookahead.filter { $0.rejection == nil }
      for (i, name) in names.enumerated() where !used.contains(i + 1) && !excludedNames.contains(lowered[i]) {
        if sampled.isEmpty {
          text.append(ResolvedColumn(name: name, column: i + 1))
          continue
        }
        var values = 0
        var numeric = 0
        for r in sampled where i < r.fields.count {
          let v = r.fields[i]
          if nonAnswers.isNonAnswer(v) { continue }
          values += 1
          if Self.looksNumeric(v) { numeric += 1 }
        }
        if values == 0 {
          notes.append(
            "column '\(name)' has no answers in the first \(sampled.count) rows: not taken as a question (name it with --text-column)")
        } else if numeric * 2 < values {
          text.append(ResolvedColumn(name: name, column: i + 1))
        }
      }
      if sampled.isEmpty { notes.append("no data rows: every column not otherwise used is taken as a question") }
      guard !text.isEmpty else { throw .noTextColumns(file: path, available: names) }
    }
    mapping = ColumnMapping(
      id: id, municipality: municipality, population: population, groups: groups, text: text,
      textDetected: detected)

    if municipality == nil {
      if population == nil {
        bands = [options.bands.everyone]
        notes.append("no municipality column: all respondents tallied as '\(options.bands.everyone.label)'")
      } else {
        bands = options.bands.all
        notes.append("no municipality column: size bands from the population column '\(population!.name)'")
      }
    } else {
      bands = options.bands.all
      if let population {
        notes.append("population column '\(population.name)' overrides the registry's population")
      }
    }
    if detected {
      notes.append(
        "questions detected (columns of mostly non-numeric text): " + text.map { "'\($0.name)'" }.joined(separator: ", "))
    }
    setupNotes = notes
    answerCounts = Array(repeating: 0, count: text.count)
    nonAnswerCounts = Array(repeating: 0, count: text.count)
    for b in bands { bandCounts[b] = 0 }
  }

  static func openSource(path: String, options: SurveyOptions) throws(SurveyError) -> RowSource {
    let ext = (path as NSString).pathExtension.lowercased()
    var kind: String
    switch ext {
    case "xlsx", "xlsm": kind = "xlsx"
    case "jsonl", "ndjson": kind = "jsonl"
    case "csv", "tsv", "txt": kind = "csv"
    default:
      // Sniff the first bytes.
      guard let h = FileHandle(forReadingAtPath: path) else {
        throw .fileUnreadable(path: path, reason: FileManager.default.fileExists(atPath: path) ? "cannot open file" : "no such file")
      }
      let head = (try? h.read(upToCount: 64)).flatMap { $0 } ?? Data()
      try? h.close()
      let bytes = [UInt8](head)
      if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { kind = "xlsx" }
      else if bytes.drop(while: { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }).first == UInt8(ascii: "{") { kind = "jsonl" }
      else { kind = "csv" }
    }
    switch kind {
    case "xlsx": return try XLSXSource(path: path, file: path, sheet: options.sheet)
    case "jsonl": return try JSONLSource(path: path, file: path, encoding: options.encoding)
    default:
      let delimiter = options.delimiter ?? (ext == "tsv" ? "\t" : nil)
      return try CSVSource(path: path, file: path, encoding: options.encoding, delimiter: delimiter)
    }
  }

  /// "12", "3,5", "12 345", "40 %", "-1.5e3" are numeric; "12 år" is not.
  static func looksNumeric(_ v: String) -> Bool {
    var t = v.trimmedWhitespace()
    t.removeAll { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" }
    if t.hasSuffix("%") { t.removeLast() }
    t = t.replacingOccurrences(of: ",", with: ".")
    return !t.isEmpty && Double(t) != nil
  }

  private func rawNext() throws(SurveyError) -> RawRow? {
    if lookaheadIndex < lookahead.count {
      defer {
        lookaheadIndex += 1
        if lookaheadIndex == lookahead.count {
          lookahead = []
          lookaheadIndex = 0
        }
      }
      return lookahead[lookaheadIndex]
    }
    return try source.nextRow()
  }

  /// The next accepted row, or nil at the end (the report is then complete). Throws when the
  /// file turns out to be malformed (e.g. truncated inside a quoted field): records returned
  /// before that must then be treated as a partial read.
  public func next() throws(SurveyError) -> SurveyRecord? {
    if finished { return nil }
    while let raw = try rawNext() {
      rows += 1
      if let record = process(raw) { return record }
    }
    finished = true
    return nil
  }

  /// Reads every remaining record.
  public func readAll() throws(SurveyError) -> [SurveyRecord] {
    var out: [SurveyRecord] = []
    while let r = try next() { out.append(r) }
    return out
  }

  private func reject(_ row: Int, _ column: ResolvedColumn?, _ reason: String) -> SurveyRecord? {
    rejected.append(Rejection(file: file, row: row, column: column?.column, columnName: column?.name, reason: reason))
    return nil
  }

  private func reject(_ row: Int, column: Int?, _ reason: String) -> SurveyRecord? {
    let name = column.flatMap { $0 >= 1 && $0 <= header.count ? header[$0 - 1] : nil }
    rejected.append(Rejection(file: file, row: row, column: column, columnName: name, reason: reason))
    return nil
  }

  private func process(_ raw: RawRow) -> SurveyRecord? {
    let row = raw.row
    if let r = raw.rejection { return reject(row, column: r.column, r.reason) }
    var fields = raw.fields
    if fields.count > header.count {
      let extra = fields[header.count...]
      if let k = extra.firstIndex(where: { !$0.trimmedWhitespace().isEmpty }) {
        return reject(
          row, column: k + 1,
          "\(fields.count) fields but the header has \(header.count) (field \(k + 1) has '\(Self.short(fields[k]))')"
            + (source.format == "CSV" ? "; a missing quote or an extra delimiter?" : "; a value in a column without a header"))
      }
      emptyExtraRowCount += 1
      if emptyExtraRows.count < 11 { emptyExtraRows.append(row) }
      fields.removeLast(fields.count - header.count)
    } else if fields.count < header.count {
      if source.format == "CSV" { shortRowCount += 1; if shortRows.count < 11 { shortRows.append(row) } }
      fields.append(contentsOf: repeatElement("", count: header.count - fields.count))
    }
    func value(_ c: ResolvedColumn) -> String {
      fields[c.column - 1].trimmedWhitespace()
    }

    // Municipality.
    var municipality: Municipality?
    var number: String?
    var renumberedFrom: String?
    if let mc = mapping.municipality {
      let v = value(mc)
      if v.isEmpty { return reject(row, mc, "no municipality number") }
      switch registry.lookup(v) {
      case .current(let m):
        municipality = m
      case .renumbered(let old, let m):
        municipality = m
        renumberedFrom = old
      case .ambiguous(let old, let candidates):
        return reject(
          row, mc,
          "municipality number \(old) was split in 2024 into "
            + candidates.map { "\($0.number) \($0.name)" }.joined(separator: " and ") + "; give the 2024 number")
      case .unknown:
        return reject(row, mc, "unknown municipality number '\(Self.short(v))'")
      }
      number = municipality!.number
    }

    // Population.
    var population = municipality?.population
    if let pc = mapping.population {
      let v = value(pc)
      if v.isEmpty {
        if municipality != nil { populationFromRegistry += 1 }
      } else {
        var t = normalizedNumberText(v)
        t.removeAll { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" }
        guard let n = Int(t), n >= 0 else {
          return reject(row, pc, "population '\(Self.short(v))' is not a whole number")
        }
        population = n
      }
    }

    // Respondent key and duplicates.
    let id: String
    let keyColumn: ResolvedColumn?
    if let ic = mapping.id {
      let v = value(ic)
      if v.isEmpty { return reject(row, ic, "no respondent id") }
      id = v
      keyColumn = ic
    } else if let number {
      id = number
      keyColumn = mapping.municipality
    } else {
      id = "rad \(row)"
      keyColumn = nil
    }
    if keyColumn != nil {
      let h = Self.fnv1a(id)
      if let first = seenKeys[h] {
        let what = mapping.id != nil ? "respondent id '\(Self.short(id))'" : "municipality \(id)"
        return reject(row, keyColumn, "duplicate \(what): already read on row \(first) (rows \(first) and \(row))")
      }
      seenKeys[h] = Int32(clamping: row)
    }

    // Band.
    let band: SizeBand
    if let municipality {
      band = options.bands.band(for: municipality, population: population)
      if municipality.number == MunicipalityRegistry.osloNumber {
        osloRowCount += 1
        if osloRows.count < 10 { osloRows.append(row) }
      }
    } else if let population, mapping.population != nil {
      band = options.bands.band(forPopulation: population, isOsloDistrict: false)
    } else if mapping.population != nil {
      return reject(row, mapping.population, "no population value (needed for the size band)")
    } else {
      band = options.bands.everyone
    }

    var groups: [String: String] = [:]
    for g in mapping.groups { groups[g.name] = value(g) }
    let respondent = Respondent(
      id: id, row: row, municipality: municipality, municipalityNumber: number, population: population,
      band: band, groups: groups)

    var answers: [Answer] = []
    var empty: [NonAnswer] = []
    for (q, tc) in mapping.text.enumerated() {
      let text = value(tc)
      if nonAnswers.isNonAnswer(text) {
        empty.append(NonAnswer(respondent: respondent, question: tc.name, text: text, row: row, column: tc.column))
        nonAnswerCounts[q] += 1
      } else {
        answers.append(
          Answer(
            respondent: respondent, question: tc.name, text: text, row: row, column: tc.column,
            answerID: Answer.id(respondent: id, question: tc.name)))
        answerCounts[q] += 1
      }
    }
    if let old = renumberedFrom, let number {
      renumberedRows += 1
      renumbered[old, default: (number, 0)].rows += 1
    }
    if answers.isEmpty { rowsOnlyNonAnswers += 1 } else { rowsWithAnswers += 1 }
    bandCounts[band, default: 0] += 1
    return SurveyRecord(respondent: respondent, answers: answers, nonAnswers: empty)
  }

  static func short(_ s: String) -> String {
    let one = s.replacingOccurrences(of: "\n", with: " ")
    return one.count > 40 ? String(one.prefix(40)) + "…" : one
  }

  /// FNV-1a, 64 bit: duplicate detection keeps 8 bytes per key (+ the first row number).
  static func fnv1a(_ s: String) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in s.utf8 {
      h ^= UInt64(b)
      h = h &* 0x100_0000_01b3
    }
    return h
  }

  private static func rowList(_ rows: [Int]) -> String {
    rows.prefix(10).map(String.init).joined(separator: ", ") + (rows.count > 10 ? ", …" : "")
  }

  /// The reading report; complete once `next()` has returned nil.
  /// Share of the file read so far (0…1) for CSV and JSONL; nil for XLSX.
  public var fractionRead: Double? { source.fractionRead }

  public var report: ReadingReport {
    var r = ReadingReport(
      file: file, format: source.format, encoding: source.encodingDescription,
      delimiter: source.delimiterDescription)
    r.sheet = source.sheetName
    r.rows = rows
    r.rowsWithAnswers = rowsWithAnswers
    r.rowsOnlyNonAnswers = rowsOnlyNonAnswers
    r.respondents = rowsWithAnswers + rowsOnlyNonAnswers
    r.rejected = rejected
    r.questions = mapping.text.map(\.name)
    r.answersByQuestion = zip(mapping.text, answerCounts).map { QuestionCount(question: $0.name, count: $1) }
    r.nonAnswersByQuestion = zip(mapping.text, nonAnswerCounts).map { QuestionCount(question: $0.name, count: $1) }
    r.bands = bands
    r.respondentsByBand = bands.map { BandCount(band: $0, count: bandCounts[$0] ?? 0) }
    r.idColumn = mapping.id?.name
    r.municipalityColumn = mapping.municipality?.name
    r.populationColumn = mapping.population?.name
    r.groupColumns = mapping.groups.map(\.name)
    var notes = setupNotes
    notes.append(contentsOf: source.sourceNotes)
    if renumberedRows > 0 {
      let pairs = renumbered.sorted { $0.key < $1.key }.prefix(10).map { "\($0.key)→\($0.value.new)" }
      notes.append(
        "municipality numbers from 2020–2023 mapped to 2024 (rows read): \(renumberedRows) row\(renumberedRows == 1 ? "" : "s") ("
          + pairs.joined(separator: ", ") + (renumbered.count > 10 ? ", …" : "") + ")")
    }
    if !osloRows.isEmpty {
      notes.append(
        "Oslo kommune as a whole (0301) is its own band 'Oslo', outside the population bands: row\(osloRowCount == 1 ? "" : "s") \(osloRows.map(String.init).joined(separator: ", "))\(osloRowCount > osloRows.count ? ", … (\(osloRowCount) rows)" : "")"
      )
    }
    if !shortRows.isEmpty {
      notes.append("\(shortRowCount) row(s) have fewer fields than the header; the missing fields are read as empty (rows \(Self.rowList(shortRows)))")
    }
    if !emptyExtraRows.isEmpty {
      notes.append("\(emptyExtraRowCount) row(s) have empty fields beyond the header; ignored (rows \(Self.rowList(emptyExtraRows)))")
    }
    if populationFromRegistry > 0 {
      notes.append("\(populationFromRegistry) row(s) have no population value: the registry's population is used")
    }
    if finished && rows == 0 { notes.append("the file has a header but no data rows") }
    r.notes = notes
    return r
  }
}
