import Foundation
import FritekstAnalysis
import FritekstCodebook
import FritekstReport
import FritekstSurvey
import FritekstTestSupport

let testCodebookYAML = """
  id: testrek
  title: Testkodebok
  version: 0.1.0
  language: both
  question: Hvilken fagkompetanse?
  codes:
    - id: yrke
      label: Yrkesgrupper
    - id: yrke.psykolog
      parent: yrke
      label: Psykolog
      description: Mangel på psykolog.
      rules:
        - psykolog*
    - id: yrke.sykepleier
      parent: yrke
      label: Sykepleier
      rules:
        - "*sykepleier*"
    - id: lege
      label: Lege & co
      rules:
        - lege*

  """

/// A small fixed run, coded in process: (kommunenummer, answer) rows.
func makeRun(_ rows: [(String, String)], redact: Bool = true) throws -> (ExportRun, Codebook) {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fritekst-report-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: dir) }
  let cbPath = dir.appendingPathComponent("cb.yaml").path
  try testCodebookYAML.write(toFile: cbPath, atomically: true, encoding: .utf8)
  var csv = "kommunenummer;rekruttering\n"
  for (k, t) in rows { csv += "\(k);\"\(t.replacingOccurrences(of: "\"", with: "\"\""))\"\n" }
  let surveyPath = dir.appendingPathComponent("s.csv").path
  try csv.write(toFile: surveyPath, atomically: true, encoding: .utf8)
  let loaded = CodebookLoader.load(path: cbPath)
  guard let cb = loaded.codebook, !loaded.diagnostics.hasErrors else { throw CocoaError(.fileReadCorruptFile) }
  let compiled = CompiledCodebook(cb)
  var options = SurveyOptions()
  options.textColumns = ["rekruttering"]
  let registry = try MunicipalityRegistry.load()
  let reader = try SurveyReader(path: surveyPath, options: options, registry: registry)
  var records: [SurveyRecord] = []
  while let r = try reader.next() { records.append(r) }
  let coder = try Coder(codebooks: [compiled], threads: 1)
  var tally = Tally(codebooks: [cb], bands: options.bands.all + [options.bands.everyone])
  var collector = QuoteCollector(unit: .answer, selection: .all)
  var answers: [CodedAnswer] = []
  var perCode: [String: Int] = [:]
  var counts = RunSummary.Counts()
  for rec in coder.code(records) {
    tally.add(rec)
    collector.add(rec)
    for a in rec.answers {
      answers.append(a)
      for c in a.codes { perCode[c, default: 0] += 1 }
      if a.status == .coded { counts.coded += 1 } else if a.status == .uncoded { counts.uncoded += 1 } else { counts.nonAnswers += 1 }
    }
  }
  counts.answers = counts.coded + counts.uncoded
  let redactor = redact ? Redactor(registry: registry) : nil
  var quotes: [String: [Quote]] = [:]
  var kinds: [String: Int] = [:]
  for c in tally.codes {
    quotes[c.id] = collector.quotes(for: c.id, bands: tally.bands).map { q in
      guard let redactor else { return q }
      let (rq, r) = redactor.redact(q)
      for e in r.edits { kinds[e.kind.rawValue, default: 0] += 1 }
      return rq
    }
  }
  let summary = RunSummary(
    fritekstVersion: "test", icuVersion: "test", input: .init(path: "s.csv", sha256: "0123456789abcdef", bytes: csv.utf8.count),
    codebooks: [.init(id: cb.id, title: cb.title, version: cb.version, path: "cb.yaml", sha256: "fedcba9876543210")],
    options: [("quotes", "all")], counts: counts, report: reader.report,
    answersPerCode: tally.codes.map { ($0.id, perCode[$0.id] ?? 0) },
    redactions: Redactor.Kind.allCases.map { ($0.rawValue, kinds[$0.rawValue] ?? 0) })
  return (
    ExportRun(title: "Testkodebok", tally: tally, answers: answers, quotes: quotes, answersPerCode: perCode, summary: summary, redactor: redactor),
    cb
  )
}

/// Cells of a worksheet by reference ("B2" → value text), read with a minimal scan of the XML.
func sheetCells(_ xml: String) -> [String: (value: String, style: String?)] {
  var out: [String: (String, String?)] = [:]
  var rest = Substring(xml)
  while let r = rest.range(of: "<c r=\"") {
    rest = rest[r.upperBound...]
    let ref = String(rest.prefix { $0 != "\"" })
    let tagEnd = rest.firstIndex(of: ">")!
    let attrs = rest[..<tagEnd]
    var style: String?
    if let s = attrs.range(of: "s=\"") { style = String(attrs[s.upperBound...].prefix { $0 != "\"" }) }
    let close = rest.range(of: "</c>")!
    let body = rest[tagEnd..<close.lowerBound]
    var value = ""
    for tag in ["<v>", "<t xml:space=\"preserve\">"] {
      if let v = body.range(of: tag) { value = String(body[v.upperBound...].prefix { $0 != "<" }) }
    }
    out[ref] = (value, style)
    rest = rest[close.upperBound...]
  }
  return out
}

let fixtureRows: [(String, String)] = [
  ("1804", "Vi i Bodø mangler psykolog og sykepleiere."),
  ("0301", "Legevakt og psykologer. Ring 91234567."),
  ("1106", "Helsesykepleier 😀 i Haugesund, ærlig talt."),
  ("1103", "Ingen spesielle utfordringer."),
  ("4601", "-"),
]
