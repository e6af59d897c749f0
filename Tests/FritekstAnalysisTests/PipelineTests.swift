import Foundation
import FritekstAnalysis
import FritekstCodebook
import FritekstSurvey
import FritekstTestSupport
import Testing

/// Writes a small `;`-survey to a temp file and codes it with an inline codebook.
struct Fixture {
  static let codebookYAML = """
    id: demo
    title: Demo
    version: "1"
    codes:
      - id: yrke
        label: Yrke
      - id: yrke.psykolog
        parent: yrke
        label: Psykolog
        rules: [psykolog*]
      - id: yrke.lege
        parent: yrke
        label: Lege
        rules: [lege, leger]
      - id: bolig
        label: Bolig
        rules: [bolig*]
    """

  // Real municipality numbers: 3101 Halden (31 444, 20000-49999), 1101 Eigersund (15 221),
  // 1135 Sauda (4 560), 030101 Gamle Oslo (district), 1106 Haugesund (38 292).
  static let csv = """
    kommunenummer;svar
    3101;Vi mangler psykolog. Psykologer er vanskelig å få tak i, og psykologspesialist.
    1101;Lege og psykolog. Vi har også behov for boliger.
    1135;-
    030101;Boliger med oppfølging
    1106;Kompetanse generelt
    1135;Duplikat rad
    9999;Ukjent kommune
    """

  let survey: URL
  let compiled: CompiledCodebook

  init() throws {
    survey = FileManager.default.temporaryDirectory.appendingPathComponent("fritekst-fixture-\(UUID().uuidString).csv")
    try Fixture.csv.write(to: survey, atomically: true, encoding: .utf8)
    let result = CodebookLoader.parse(yaml: Fixture.codebookYAML, path: "demo.yaml")
    compiled = CompiledCodebook(result.codebook!)
  }

  func run(threads: Int = 2, quotes: QuoteSelection = .all, unit: QuoteUnit = .answer) throws -> (records: [CodedRecord], tally: Tally, quotes: QuoteCollector, report: ReadingReport) {
    let options = SurveyOptions()
    let reader = try SurveyReader(path: survey.path, options: options, registry: try MunicipalityRegistry.load())
    let coder = try Coder(codebooks: [compiled], threads: threads)
    var tally = Tally(codebooks: [compiled.codebook], bands: options.bands.all)
    var collector = QuoteCollector(unit: unit, selection: quotes)
    var records: [SurveyRecord] = []
    while let r = try reader.next() { records.append(r) }
    let coded = coder.code(records)
    for r in coded {
      tally.add(r)
      collector.add(r)
    }
    return (coded, tally, collector, reader.report)
  }
}

@Suite("Coding pipeline")
struct PipelineTests {
  @Test func respondentCountsOnceAndParentsRollUp() throws {
    let f = try Fixture()
    let (_, tally, _, report) = try f.run()
    #expect(report.rows == 7 && report.rejectedRows == 2)
    let q = "svar"
    let band2049 = tally.bands.first { $0.label == "20000-49999" }!
    // Halden mentions psychologists three times: one respondent.
    #expect(tally.cell("yrke.psykolog", question: q, band: band2049) == Tally.Cell(count: 1, base: 2))
    // Totals: psykolog 2 (Halden, Eigersund), lege 1, parent yrke 2 (Eigersund has both: once).
    #expect(tally.cell("yrke.psykolog", question: q, band: nil).count == 2)
    #expect(tally.cell("yrke.lege", question: q, band: nil).count == 1)
    #expect(tally.cell("yrke", question: q, band: nil).count == 2)
    #expect(tally.cell("bolig", question: q, band: nil).count == 2)
    #expect(tally.cell(Tally.uncodedRow, question: q, band: nil).count == 1)  // Haugesund
    // Denominator: 4 answered; Sauda's "-" is a non-answer shown against all 5.
    #expect(tally.answered(q, band: nil) == 4)
    #expect(tally.cell(Tally.nonAnswerRow, question: q, band: nil) == Tally.Cell(count: 1, base: 5))
    // Respondents per band equal the reading report.
    for bc in report.respondentsByBand { #expect((tally.respondentsByBand[bc.band] ?? 0) == bc.count) }
  }

  @Test func noDivisionByZeroForEmptyBands() throws {
    let f = try Fixture()
    let (_, tally, _, _) = try f.run()
    let small = tally.bands.first { $0.label == "< 2000" }!
    let cell = tally.cell("bolig", question: "svar", band: small)
    #expect(cell.base == 0 && cell.percent == nil)
  }

  @Test func parallelCodingKeepsInputOrderAndEqualsSingleThread() throws {
    let f = try Fixture()
    let one = try f.run(threads: 1).records
    let four = try f.run(threads: 4).records
    let flat = { (r: [CodedRecord]) in r.flatMap { $0.answers.map { "\($0.answerID) \($0.codes) \($0.hits.map(\.hit.tokens))" } } }
    #expect(flat(one) == flat(four))
    #expect(one.map(\.respondent.id) == ["3101", "1101", "1135", "030101", "1106"])
  }

  @Test func quotesAreExactAndComplete() throws {
    let f = try Fixture()
    let (records, _, collector, _) = try f.run(quotes: .all, unit: .sentence)
    for code in ["yrke.psykolog", "yrke.lege", "bolig"] {
      let quotes = collector.quotes(for: code, bands: SizeBands.standard.all)
      let withCode = records.flatMap(\.answers).filter { $0.codes.contains(code) }
      // Every answer with the code is quoted, and every quote carries a hit of the code.
      #expect(Set(quotes.map(\.answerID)) == Set(withCode.map(\.answerID)))
      for q in quotes {
        #expect(!q.highlights.isEmpty)
        for h in q.highlights { #expect(h.end <= q.text.utf16.count) }
      }
    }
    let halden = collector.quotes(for: "yrke.psykolog", bands: SizeBands.standard.all).first { $0.answerID == "3101/svar" }!
    // Sentence unit: both sentences with hits, highlights relative to the quote.
    #expect(halden.text == "Vi mangler psykolog. Psykologer er vanskelig å få tak i, og psykologspesialist.")
    let units = Array(halden.text.utf16)
    #expect(halden.highlights.map { String(decoding: units[$0.start..<$0.end], as: UTF16.self) } == ["psykolog", "Psykologer", "psykologspesialist"])
  }

  @Test func topNSpreadsOverBandsShortestFirstAndSeedIsReproducible() throws {
    let f = try Fixture()
    let (_, _, top, _) = try f.run(quotes: .top(1, seed: nil), unit: .answer)
    let bolig = top.quotes(for: "bolig", bands: SizeBands.standard.all)
    #expect(bolig.count == 1)
    #expect(bolig[0].band.label == "10000-19999")  // first band in band order that has one
    let (_, _, seededA, _) = try f.run(quotes: .top(2, seed: 7))
    let (_, _, seededB, _) = try f.run(quotes: .top(2, seed: 7))
    #expect(seededA.quotes(for: "bolig", bands: SizeBands.standard.all) == seededB.quotes(for: "bolig", bands: SizeBands.standard.all))
  }
}

@Suite("Tally breakdown")
struct TallyGroupTests {
  @Test func groupColumnGivesATablePerValueThatSumsToAll() throws {
    let survey = FileManager.default.temporaryDirectory.appendingPathComponent("fritekst-groups-\(UUID().uuidString).csv")
    try """
      kommunenummer;fylke_gruppe;svar
      3101;Øst;Vi mangler psykolog
      1101;Vest;Psykolog og boliger
      1106;Vest;Boliger
      """.write(to: survey, atomically: true, encoding: .utf8)
    var options = SurveyOptions()
    options.groupColumns = ["fylke_gruppe"]
    options.textColumns = ["svar"]
    let reader = try SurveyReader(path: survey.path, options: options, registry: try MunicipalityRegistry.load())
    let compiled = CompiledCodebook(CodebookLoader.parse(yaml: Fixture.codebookYAML, path: "demo.yaml").codebook!)
    var tally = Tally(codebooks: [compiled.codebook], bands: options.bands.all, groupColumn: "fylke_gruppe")
    for r in try Coder(codebooks: [compiled], threads: 1).code(reader.readAll()) { tally.add(r) }
    #expect(tally.groups == ["Øst", "Vest"])
    #expect(tally.cell("yrke.psykolog", question: "svar", band: nil, group: "Øst") == Tally.Cell(count: 1, base: 1))
    #expect(tally.cell("yrke.psykolog", question: "svar", band: nil, group: "Vest") == Tally.Cell(count: 1, base: 2))
    #expect(tally.cell("yrke.psykolog", question: "svar", band: nil) == Tally.Cell(count: 2, base: 3))
    #expect(tally.cell("bolig", question: "svar", band: nil, group: "Vest").count == 2)
  }
}
