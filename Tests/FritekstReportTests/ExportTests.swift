import Foundation
import FritekstAnalysis
import FritekstReport
import FritekstSurvey
import FritekstTestSupport
import FritekstText
import Testing

@Suite struct XLSXTests {
  @Test func tallySheetHasTheTallysNumbersAsNumbersAndPercentCells() throws {
    let (run, _) = try makeRun(fixtureRows)
    let bytes = try WorkbookExport.data(run)
    let parts = try DeterministicZip.entries(of: Data(bytes))
    for p in ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet5.xml"] {
      #expect(parts[p] != nil, "missing \(p)")
    }
    let wb = String(decoding: parts["xl/workbook.xml"]!, as: UTF8.self)
    for name in WorkbookExport.sheetNames { #expect(wb.contains("name=\"\(name)\"")) }
    #expect(String(decoding: parts["xl/styles.xml"]!, as: UTF8.self).contains("formatCode=\"0.0%\""))
    let sheet = String(decoding: parts["xl/worksheets/sheet1.xml"]!, as: UTF8.self)
    #expect(sheet.contains("state=\"frozen\""))
    let cells = sheetCells(sheet)
    // Compare every row with the Tally: columns F.. are n, N, % per used band, then the total.
    let t = run.tally
    let bands: [SizeBand?] = t.usedBands + [nil]
    for (i, row) in run.tallyRows.enumerated() {
      let r = i + 2
      #expect(cells["C\(r)"]?.value == row.id)
      for (j, b) in bands.enumerated() {
        let c = t.cell(row.id, question: "rekruttering", band: b)
        let n = XLSXWriter.columnName(5 + 3 * j), N = XLSXWriter.columnName(6 + 3 * j), p = XLSXWriter.columnName(7 + 3 * j)
        #expect(cells["\(n)\(r)"]?.value == String(c.count), "\(row.id) n")
        #expect(cells["\(N)\(r)"]?.value == String(c.base), "\(row.id) N")
        if let pct = c.percent {
          #expect(cells["\(p)\(r)"]?.style == "2")
          #expect(abs(Double(cells["\(p)\(r)"]!.value)! - pct / 100) < 1e-12)
        } else {
          #expect(cells["\(p)\(r)"] == nil)
        }
      }
    }
    #expect(cells["F2"]?.value == "2" || cells["F2"] != nil)
  }

  @Test func bytesAreDeterministic() throws {
    let (run, _) = try makeRun(fixtureRows)
    #expect(try WorkbookExport.data(run) == (try WorkbookExport.data(run)))
  }
}

@Suite struct RedactionAcrossExportsTests {
  @Test func municipalityNameIsRedactedInQuotesHTMLAndXLSXButNotInCodedJSONL() throws {
    let (run, _) = try makeRun(fixtureRows)
    let md = QuotePrinter.markdown(codes: run.tally.codes, quotes: { run.quotes[$0] ?? [] }, total: { run.answersPerCode[$0] ?? 0 }, title: "t")
    #expect(!md.contains("Bodø") && !md.contains("Haugesund") && !md.contains("91234567"))
    #expect(md.contains("Vi i \\[kommune\\] mangler **psykolog**"))
    let html = HTMLReport.render(run)
    #expect(!html.contains("Bodø") && !html.contains("Haugesund"))
    #expect(html.contains("Vi i [kommune] mangler <mark>psykolog</mark>"))
    let parts = try DeterministicZip.entries(of: Data(try WorkbookExport.data(run)))
    for sheet in 2...4 {
      let xml = String(decoding: parts["xl/worksheets/sheet\(sheet).xml"]!, as: UTF8.self)
      #expect(!xml.contains("Bodø") && !xml.contains("Haugesund"), "sheet \(sheet)")
    }
    #expect(String(decoding: parts["xl/worksheets/sheet2.xml"]!, as: UTF8.self).contains("Vi i [kommune] mangler [psykolog]"))
    let jsonl = run.answers.map(CodedPrinter.jsonLine).joined()
    #expect(jsonl.contains("Vi i Bodø mangler psykolog"))
    #expect(run.summary.redactions.first { $0.0 == "kommune" }!.1 >= 2)
    // Counted per quote shown: the answer with the phone number is quoted under two codes.
    #expect(run.summary.redactions.first { $0.0 == "telefon" }!.1 == 2)
  }

  @Test func noRedactKeepsNames() throws {
    let (run, _) = try makeRun(fixtureRows, redact: false)
    #expect(HTMLReport.render(run).contains("Vi i Bodø mangler <mark>psykolog</mark>"))
  }
}

@Suite struct HTMLTests {
  @Test func everyAnswerTextIsEscaped() throws {
    let evil = "<script>alert(1)</script> psykolog \"><img src=x onerror=alert(2)> &amp;"
    let (run, _) = try makeRun([("1804", evil)], redact: false)
    let html = HTMLReport.render(run)
    #expect(!html.contains("<script>alert"))
    #expect(!html.contains("<img"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; <mark>psykolog</mark> &quot;&gt;&lt;img src=x onerror=alert(2)&gt; &amp;amp;"))
    #expect(html.components(separatedBy: "<script>").count == 2)  // only the filter script
  }

  @Test func golden() throws {
    let (run, _) = try makeRun(fixtureRows)
    assertGolden(HTMLReport.render(run), named: "report.html", folder: "FritekstReportTests")
  }
}

@Suite struct REFIQDATests {
  @Test func codebookGoldenWithFoldersAndStableGUIDs() throws {
    let (_, cb) = try makeRun(fixtureRows)
    let qdc = REFIQDA.codebook([cb], origin: "fritekst test")
    assertGolden(qdc, named: "testrek.qdc", folder: "FritekstReportTests")
    #expect(qdc.contains("name=\"Yrkesgrupper\" isCodable=\"false\""))
    #expect(qdc.contains("name=\"Lege &amp; co\" isCodable=\"true\""))
    #expect(REFIQDA.codeGUID(codebook: "a", code: "b") == REFIQDA.codeGUID(codebook: "a", code: "b"))
    #expect(REFIQDA.codeGUID(codebook: "a", code: "b") != REFIQDA.codeGUID(codebook: "a", code: "c"))
    #expect(REFIQDA.guid("x").wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil)
  }

  @Test func projectSelectionsAreCodePointOffsetsOfTheMatchedWords() throws {
    let rows = [("1804", "Æøå 😀😀 psykolog 👩‍⚕️ og sykepleier på Ørsta"), ("0301", "Ingen treff her")]
    let (run, cb) = try makeRun(rows, redact: false)
    let bytes = try REFIQDA.qdpx(name: "t", codebooks: [cb], answers: run.answers, origin: "test")
    #expect(bytes == (try REFIQDA.qdpx(name: "t", codebooks: [cb], answers: run.answers, origin: "test")))
    let parts = try DeterministicZip.entries(of: Data(bytes))
    let qde = String(decoding: parts["project.qde"]!, as: UTF8.self)
    #expect(qde.contains("xmlns=\"urn:QDA-XML:project:1.0\""))
    let coded = run.answers.first { $0.status == .coded }!
    let sourceGUID = REFIQDA.guid("source|\(coded.answerID)")
    let text = String(decoding: parts["sources/\(sourceGUID).txt"]!, as: UTF8.self)
    #expect(text == coded.text)
    let scalars = Array(text.unicodeScalars)
    var found: [String] = []
    for m in qde.matches(of: /name="([^"]*)" startPosition="(\d+)" endPosition="(\d+)"/) {
      let s = Int(m.output.2)!, e = Int(m.output.3)!
      var selected = String.UnicodeScalarView()
      selected.append(contentsOf: scalars[s..<e])
      #expect(String(selected) == String(m.output.1), "offsets \(s)..<\(e)")
      found.append(String(selected))
    }
    #expect(found == ["psykolog", "sykepleier"])
    // Same hits as the audit record.
    #expect(found == coded.hits.map { $0.hit.matchedText(in: coded.text) })
    #expect(qde.contains("startPosition=\"7\" endPosition=\"15\""))  // UTF-16 would say 9..<17
    try validate(qde, schema: "Project.xsd")
    try validate(REFIQDA.codebook([cb], origin: "t"), schema: "Codebook.xsd")
  }

  /// Validates with xmllint against the REFI-QDA XSDs in $REFI_XSD_DIR; skips (with a message)
  /// when xmllint or the schemas are missing.
  func validate(_ xml: String, schema: String) throws {
    guard let dir = ProcessInfo.processInfo.environment["REFI_XSD_DIR"],
      FileManager.default.fileExists(atPath: "\(dir)/\(schema)"), FileManager.default.fileExists(atPath: "/usr/bin/xmllint")
    else {
      print("note: skipping XSD validation of \(schema): set REFI_XSD_DIR and install xmllint (libxml2-utils)")
      return
    }
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("refi-\(UUID().uuidString).xml")
    try xml.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
    p.arguments = ["--noout", "--schema", "\(dir)/\(schema)", file.path]
    try p.run()
    p.waitUntilExit()
    #expect(p.terminationStatus == 0, "xmllint --schema \(schema) failed")
  }
}
