import Foundation
import Testing
@testable import FritekstSurvey

private let q1 = "Hva mangler for at tilbudet skal bli bedre?"
private let q2 = "Hvilke tiltak har kommunen?"

@Suite struct EncodingAndFormatTests {
  static let variants: [(file: String, encoding: String, delimiter: String)] = [
    ("utf8-semicolon-lf.csv", "UTF-8", ";"),
    ("utf8bom-comma-crlf.csv", "UTF-8 (BOM)", ","),
    ("utf16le-tab-crlf.csv", "UTF-16LE (BOM)", "tab"),
    ("cp1252-semicolon-crlf.csv", "Windows-1252 (detected: not valid UTF-8)", ";"),
  ]

  @Test func canonicalFileReadsAsExpected() throws {
    let (records, report) = try read("utf8-semicolon-lf.csv")
    #expect(records.count == 6)
    #expect(records.map(\.respondent.row) == [2, 3, 4, 5, 6, 7])
    #expect(records.map(\.respondent.id) == ["0301", "030102", "1103", "3101", "1818", "5501"])
    #expect(records.map(\.respondent.band.label) == [
      "Oslo", "Bydel i Oslo", "50000+", "20000-49999", "< 2000", "50000+",
    ])
    let halden = records[3]
    #expect(halden.respondent.municipality?.name == "Halden")
    #expect(halden.respondent.population == 31_716 || halden.respondent.population == registry.municipality(number: "3101")!.population)
    #expect(halden.answers.map(\.answerID) == ["3101/\(q1)"])
    #expect(halden.nonAnswers.map(\.question) == [q2])
    let grunerlokka = records[1]
    #expect(grunerlokka.answers[0].text.hasPrefix("Mestringsteamet. Jobber primært med å bistå"))
    #expect(grunerlokka.answers[0].row == 3 && grunerlokka.answers[0].column == 3)
    #expect(grunerlokka.nonAnswers[0].text == "vet ikke" && grunerlokka.nonAnswers[0].column == 4)
    #expect(records[4].answers.isEmpty && records[4].nonAnswers.count == 2)

    #expect(report.format == "CSV")
    #expect(report.rows == 6 && report.respondents == 6)
    #expect(report.rowsWithAnswers == 5 && report.rowsOnlyNonAnswers == 1 && report.rejected.isEmpty)
    #expect(report.questions == [q1, q2])
    #expect(report.answersByQuestion.map(\.count) == [5, 2])
    #expect(report.nonAnswersByQuestion.map(\.count) == [1, 4])
    #expect(report.respondentsByBand.map(\.count) == [1, 0, 0, 0, 1, 2, 1, 1])
    #expect(report.notes.contains { $0.contains("mapped to 2024") && $0.contains("2 rows") && $0.contains("3001→3101") })
    #expect(report.notes.contains { $0.contains("'Oslo'") && $0.contains("row 2") })
    #expect(report.reconciles)
  }

  @Test(arguments: variants)
  func everyEncodingAndDelimiterGivesTheSameRecords(variant: (file: String, encoding: String, delimiter: String)) throws {
    let (expected, _) = try read("utf8-semicolon-lf.csv")
    let (records, report) = try read(variant.file)
    #expect(records.map(Flat.init) == expected.map(Flat.init))
    #expect(records.map(\.respondent.row) == expected.map(\.respondent.row))
    #expect(report.encoding == variant.encoding)
    #expect(report.delimiter == variant.delimiter)
    #expect(report.reconciles)
  }

  @Test func forcedEncodingOverridesDetection() throws {
    // Read as UTF-8 on purpose: each invalid byte is still shown (as Windows-1252) and counted.
    let (records, report) = try read("cp1252-semicolon-crlf.csv", SurveyOptions(encoding: .utf8))
    #expect(records.count == 6)
    #expect(report.encoding.hasPrefix("UTF-8 ("))
    #expect(report.encoding.contains("invalid byte(s) read as Windows-1252"))
  }

  @Test func spreadsheetProgramXLSXMatchesCSV() throws {
    let (csv, _) = try read("same-data.csv")
    let (xlsx, report) = try read("same-data.xlsx")
    #expect(report.format == "XLSX")
    #expect(xlsx.map(Flat.init) == csv.map(Flat.init))
    #expect(xlsx.map(\.respondent.row) == csv.map(\.respondent.row))
    #expect(xlsx.flatMap(\.answers).map(\.column) == csv.flatMap(\.answers).map(\.column))
    #expect(report.reconciles)
  }

  @Test func jsonlMatchesCSVAndRejectsBadLines() throws {
    let (csv, _) = try read("same-data.csv")
    let (jsonl, report) = try read("answers.jsonl")
    #expect(jsonl.map(Flat.init) == csv.map(Flat.init))
    #expect(report.format == "JSONL")
    #expect(report.rows == 7)
    #expect(report.rejected.count == 1)
    #expect(report.rejected[0].row == 4)
    #expect(report.rejected[0].reason.hasPrefix("invalid JSON"))
    // Line numbers: the empty line 6 is skipped but counted.
    #expect(jsonl.map(\.respondent.row) == [1, 2, 3, 5, 7, 8])
    #expect(report.notes.contains("1 empty line(s) skipped"))
    #expect(report.reconciles)
  }

  @Test func handmadeXLSXCellsSheetsAndMergedHeader() throws {
    var options = SurveyOptions(sheet: "Svar")
    options.groupColumns = ["antall"]
    let (records, report) = try read("handmade.xlsx", options)
    #expect(report.sheet == "Svar")
    #expect(records.map(\.respondent.municipalityNumber) == ["0301", "030101", "1103"])
    #expect(records.map(\.respondent.row) == [2, 3, 5])
    #expect(records.map { $0.respondent.groups["antall"] } == ["5", "2.5", ""])
    // C1:D1 merged: D gets a generated name; C3 is empty (a non-answer), D3 is "vet ikke".
    #expect(report.questions == ["Åpne svar", "kolonne 4"])
    #expect(records[0].answers.map(\.text) == ["Trenger mer ressurser og fagpersoner", "Behov for styrking av FACT-team"])
    #expect(records[0].answers.map(\.column) == [3, 4])
    #expect(records[1].answers.isEmpty)
    #expect(records[1].nonAnswers.map(\.text) == ["", "vet ikke"])
    #expect(records[2].answers.map(\.text) == ["Utekontakten arbeider med denne målgruppa"])
    #expect(report.notes.contains { $0.contains("merged header cells C1:D1") })
    #expect(report.reconciles)
  }

  @Test func xlsxFirstSheetByDefaultAndUnknownSheet() throws {
    let reader = try SurveyReader(path: fixture("handmade.xlsx"), registry: registry)
    #expect(reader.header == ["Dette arket er bare informasjon"])
    #expect(reader.report.sheet == "Info")
    do {
      _ = try SurveyReader(path: fixture("handmade.xlsx"), options: SurveyOptions(sheet: "Finnes ikke"), registry: registry)
      Issue.record("expected sheetNotFound")
    } catch {
      #expect(error == .sheetNotFound(file: fixture("handmade.xlsx"), name: "Finnes ikke", available: ["Info", "Svar"]))
    }
  }

  @Test func smallChunksGiveTheSameRows() throws {
    // Chunk boundaries fall inside multi-byte characters, CRLF pairs, UTF-16 units and quotes.
    for name in ["utf8-semicolon-lf.csv", "utf8bom-comma-crlf.csv", "utf16le-tab-crlf.csv", "cp1252-semicolon-crlf.csv", "quoting.csv"] {
      let whole = try CSVSource(path: fixture(name), file: name, encoding: nil, delimiter: nil)
      var expected: [[String]] = []
      while let r = try whole.nextRow() { expected.append(r.fields) }
      for size in [1, 2, 3, 5, 7] {
        let small = try CSVSource(path: fixture(name), file: name, encoding: nil, delimiter: nil, chunkSize: size)
        var rows: [[String]] = []
        while let r = try small.nextRow() { rows.append(r.fields) }
        #expect(small.header == whole.header, "\(name) chunk \(size)")
        #expect(rows == expected, "\(name) chunk \(size)")
      }
    }
  }
}

@Suite struct CSVStructureTests {
  @Test func quotedNewlinesDoubledQuotesAndStrayQuotes() throws {
    let (records, report) = try read("quoting.csv")
    #expect(records.map(\.respondent.row) == [2, 3, 4])
    #expect(records[0].answers[0].text == "Vi har \"Rask psykisk helsehjelp\".\nOg FACT-team.")
    #expect(records[1].answers[0].text == "Tilbudet heter \"Ung Arena\" her")
    #expect(records[2].answers[0].text == "Lavterskeltilbud for unge")
    let name = fixture("quoting.csv")
    #expect(report.notes.contains("\(name):3:2: warning: stray quote inside an unquoted field, kept literally"))
    #expect(report.notes.contains("\(name):4:2: warning: text after a closing quote, kept literally"))
    #expect(report.reconciles)
  }

  @Test func truncatedFileIsAnErrorNamingRowAndColumn() throws {
    // The error comes from init (which samples rows to find the text columns) or from next().
    do {
      let reader = try SurveyReader(path: fixture("truncated.csv"), registry: registry)
      while try reader.next() != nil {}
      Issue.record("a truncated file must throw")
    } catch {
      guard case .malformed(let file, let row, let column, let reason) = error else {
        Issue.record("expected .malformed, got \(error)")
        return
      }
      #expect(file == fixture("truncated.csv"))
      #expect(row == 3 && column == 2)
      #expect(reason.contains("unterminated quoted field"))
      #expect(error.description.hasPrefix("\(fixture("truncated.csv")):3:2: error: unterminated quoted field"))
    }
  }

  @Test func truncatedFileWithNamedColumnsFailsAfterTheGoodRows() throws {
    // With the text column named there is no sampling: the good row is returned, then the error.
    let reader = try SurveyReader(
      path: fixture("truncated.csv"), options: SurveyOptions(textColumns: ["svar"]), registry: registry)
    #expect(try reader.next()?.respondent.row == 2)
    #expect(throws: SurveyError.self) { _ = try reader.next() }
  }

  @Test func headerOnlyFile() throws {
    let (records, report) = try read("header-only.csv")
    #expect(records.isEmpty)
    #expect(report.rows == 0 && report.respondents == 0)
    #expect(report.questions == ["svar"])
    #expect(report.notes.contains("the file has a header but no data rows"))
    #expect(report.reconciles)
  }

  @Test func unreadableFiles() {
    do {
      _ = try SurveyReader(path: fixture("finnes-ikke.csv"), registry: registry)
      Issue.record("expected fileUnreadable")
    } catch {
      #expect(error == .fileUnreadable(path: fixture("finnes-ikke.csv"), reason: "no such file"))
    }
    let empty = FileManager.default.temporaryDirectory.appendingPathComponent("fritekst-empty-\(getpid()).csv")
    FileManager.default.createFile(atPath: empty.path, contents: Data())
    defer { try? FileManager.default.removeItem(at: empty) }
    do {
      _ = try SurveyReader(path: empty.path, registry: registry)
      Issue.record("expected malformed for an empty file")
    } catch {
      #expect(error.description.contains(":1:1: error: empty file"))
    }
  }
}

@Suite struct RowRulesTests {
  @Test func rejectionsAreExact() throws {
    let (records, report) = try read("rejections.csv")
    let name = fixture("rejections.csv")
    let got = report.rejected.map { "\($0.row):\($0.column.map(String.init) ?? "-"):\($0.columnName ?? "-"): \($0.reason)" }
    #expect(got == [
      "3:1:kommunenummer: unknown municipality number '9999'",
      "4:1:kommunenummer: duplicate municipality 1103: already read on row 2 (rows 2 and 4)",
      "5:1:kommunenummer: no municipality number",
      "6:4:-: 4 fields but the header has 3 (field 4 has 'ekstra'); a missing quote or an extra delimiter?",
      "8:1:kommunenummer: municipality number 1507 was split in 2024 into 1508 Ålesund and 1580 Haram; give the 2024 number",
      "11:1:kommunenummer: duplicate municipality 3101: already read on row 10 (rows 10 and 11)",
    ])
    #expect(report.rejected[0].description == "\(name):3:1: unknown municipality number '9999'")
    #expect(records.map(\.respondent.row) == [2, 7, 10])
    #expect(records[1].answers.isEmpty && records[1].nonAnswers.map(\.text) == [""])
    #expect(report.rows == 9)
    #expect(report.rowsWithAnswers == 2 && report.rowsOnlyNonAnswers == 1 && report.rejectedRows == 6)
    #expect(report.reconciles)
    #expect(report.notes.contains { $0.contains("fewer fields than the header") && $0.contains("rows 7") })
    #expect(report.notes.contains { $0.contains("empty line(s) skipped (row 9)") })
    #expect(report.notes.contains { $0.contains("mapped to 2024") && $0.contains("1 row ") })
  }

  @Test func idColumnKeysDuplicates() throws {
    let (records, report) = try read("ids.csv")
    #expect(report.delimiter == ",")
    #expect(report.idColumn == "id" && report.municipalityColumn == "kommunenr")
    #expect(records.map(\.respondent.id) == ["r1", "r2"])
    #expect(records.map(\.respondent.municipalityNumber) == ["1103", "1103"])
    #expect(report.rejected.map(\.row) == [4, 5])
    #expect(report.rejected[0].reason == "duplicate respondent id 'r1': already read on row 2 (rows 2 and 4)")
    #expect(report.rejected[1].reason == "no respondent id")
    #expect(report.reconciles)
  }

  @Test func noMunicipalityColumnMeansAlle() throws {
    let (records, report) = try read("no-municipality.csv")
    #expect(report.bands.map(\.label) == ["alle"])
    #expect(report.respondentsByBand.map(\.count) == [3])
    #expect(records.allSatisfy { $0.respondent.band.label == "alle" && $0.respondent.municipality == nil })
    #expect(records.map(\.respondent.id) == ["a", "b", "c"])
    // "stilling" is a descriptive name, "antall" is numeric: neither is a question.
    #expect(report.questions == ["svar"])
    #expect(report.notes.contains("no municipality column: all respondents tallied as 'alle'"))
    #expect(report.rowsOnlyNonAnswers == 1)
    #expect(report.reconciles)
  }

  @Test func populationColumnOverridesRegistry() throws {
    let (records, report) = try read("population.csv")
    #expect(report.populationColumn == "innbyggere")
    #expect(records.map(\.respondent.population) == [1500, 38_292, 12_000])
    #expect(records.map(\.respondent.band.label) == ["< 2000", "20000-49999", "10000-19999"])
    #expect(report.rejected.map(\.row) == [5])
    #expect(report.rejected[0].column == 2)
    #expect(report.rejected[0].reason == "population 'mange' is not a whole number")
    #expect(report.notes.contains { $0.contains("registry's population is used") })
    #expect(report.reconciles)
  }

  @Test func nonAnswersAndGroups() throws {
    var options = SurveyOptions()
    options.groupColumns = ["REGION "]
    let (records, report) = try read("non-answers.csv", options)
    #expect(report.nonAnswersByQuestion.map(\.count) == [15])
    #expect(report.answersByQuestion.map(\.count) == [1])
    #expect(records.last!.answers.map(\.text) == ["Nei, vi mangler psykolog"])
    #expect(records.allSatisfy { $0.respondent.groups == ["region": "vest"] })
    #expect(report.rowsOnlyNonAnswers == 15 && report.rowsWithAnswers == 1)

    options.nonAnswers = ["vet ikke"]
    let (custom, _) = try read("non-answers.csv", options)
    #expect(custom.filter { !$0.answers.isEmpty }.count == 14)  // only "" and "Vet ikke." are non-answers now
  }

  @Test func nonAnswerMatcher() {
    let m = NonAnswerMatcher(SurveyOptions.defaultNonAnswers)
    for s in ["", "  ", "-", ".", "X", "Nei.", "NEI!", "Vet ikke...", "ingen kommentarer.", "/", "veit ikkje"] {
      #expect(m.isNonAnswer(s), "\(s)")
    }
    for s in ["Nei, vi mangler psykolog", "ingen psykolog", "x-team", "ikke"] {
      #expect(!m.isNonAnswer(s), "\(s)")
    }
  }

  @Test func namedColumnsMatchCaseInsensitivelyAndMissingOnesListTheHeader() throws {
    var options = SurveyOptions()
    options.textColumns = ["  SVAR "]
    options.municipalityColumn = "KommuneNummer"
    let (records, report) = try read("rejections.csv", options)
    #expect(report.questions == ["svar"])
    #expect(records.count == 3)

    options.textColumns = ["finnes ikke"]
    do {
      _ = try read("rejections.csv", options)
      Issue.record("expected missingColumn")
    } catch let error as SurveyError {
      #expect(error == .missingColumn(
        file: fixture("rejections.csv"), name: "finnes ikke", option: "--text-column",
        available: ["kommunenummer", "kommune", "svar"]))
      #expect(error.description.contains("'kommunenummer', 'kommune', 'svar'"))
    }
  }

  @Test func everyRowIsAccountedForInEveryFixture() throws {
    for name in ["utf8-semicolon-lf.csv", "rejections.csv", "ids.csv", "population.csv", "answers.jsonl", "same-data.xlsx"] {
      let (records, report) = try read(name)
      #expect(report.reconciles, "\(name)")
      #expect(records.count == report.respondents, "\(name)")
      #expect(records.count + report.rejectedRows == report.rows, "\(name)")
    }
  }
}
