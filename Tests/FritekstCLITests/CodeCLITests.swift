import Foundation
import FritekstTestSupport
import Testing

/// End-to-end runs of the built binary on the shipped demo survey and codebook.
@Suite("fritekst code on Corpora/ and Codebooks/", .serialized)
struct CodeCLITests {
  static let args = ["Corpora/demo-is248.csv", "--codebook", "Codebooks/rekruttering.yaml", "--text-column", "rekruttering"]

  func run(_ extra: [String], out: URL) throws -> RunResult {
    try runFritekst(["code"] + CodeCLITests.args + ["--out", out.path] + extra)
  }

  func read(_ url: URL, _ name: String) throws -> String {
    try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
  }

  func jsonLines(_ text: String) throws -> [[String: Any]] {
    try text.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
  }

  @Test func goldenOutputsAndByteIdenticalReruns() throws {
    let a = temporaryFolder().appendingPathComponent("a")
    let b = temporaryFolder().appendingPathComponent("b")
    let ra = try run([], out: a)
    let rb = try run(["--threads", "1"], out: b)
    #expect(ra.status == 0, "\(ra.stderr)")
    #expect(rb.status == 0)
    for name in ["coded.jsonl", "coded.csv", "tally.csv", "tally.md", "quotes.md", "quotes.csv", "summary.json"] {
      #expect(try read(a, name) == read(b, name), "\(name) differs between runs")
    }
    assertGolden(ra.stdout.replacingOccurrences(of: a.path, with: "OUT"), named: "code-stdout.txt", folder: "FritekstCLITests")
    for name in ["tally.csv", "tally.md", "quotes.md", "summary.json"] {
      assertGolden(try read(a, name), named: "code-\(name)", folder: "FritekstCLITests")
    }
  }

  @Test func countsReconcileWithTheReadingReport() throws {
    let out = temporaryFolder().appendingPathComponent("r")
    #expect(try run([], out: out).status == 0)
    let records = try jsonLines(read(out, "coded.jsonl"))
    // One record per row for the one text column: every answer and non-answer exactly once.
    #expect(records.count == 371)
    #expect(Set(records.map { $0["answer_id"] as! String }).count == 371)
    let summary = try JSONSerialization.jsonObject(with: Data(read(out, "summary.json").utf8)) as! [String: Any]
    let report = summary["reading_report"] as! [String: Any]
    let counts = summary["counts"] as! [String: Any]
    #expect(report["reconciles"] as? Bool == true)
    #expect(counts["answers"] as? Int == records.filter { $0["status"] as! String != "non-answer" }.count)
    #expect(counts["coded"] as? Int == records.filter { $0["status"] as! String == "coded" }.count)
    // Respondents per band in tally.csv (answered + non-answer rows) equal the reading report.
    let byBand = report["respondents_by_band"] as! [String: Int]
    let tally = try read(out, "tally.csv").components(separatedBy: "\r\n").map { $0.components(separatedBy: ",") }
    let header = tally[0]
    let nonAnswer = tally.first { $0.count > 2 && $0[2] == "(ikke svar)" }!
    for (band, n) in byBand where n > 0 {
      let col = header.firstIndex(of: "\(band) N")!
      #expect(Int(nonAnswer[col]) == n, "band \(band)")
    }
  }

  @Test func quotesAreExactAndCompleteOnTheShippedCorpus() throws {
    let out = temporaryFolder().appendingPathComponent("q")
    #expect(try run(["--quotes", "all", "--quote-unit", "answer"], out: out).status == 0)
    let records = try jsonLines(read(out, "coded.jsonl"))
    var withCode: [String: Set<String>] = [:]
    for r in records { for c in r["codes"] as! [String] { withCode[c, default: []].insert(r["answer_id"] as! String) } }
    #expect(!withCode.isEmpty)
    let rows = try parseCSV(read(out, "quotes.csv"))
    let header = rows[0]
    let (code, answer, quote, hl) = (header.firstIndex(of: "code")!, header.firstIndex(of: "answer_id")!, header.firstIndex(of: "quote")!, header.firstIndex(of: "highlighted")!)
    var quoted: [String: Set<String>] = [:]
    let texts = Dictionary(uniqueKeysWithValues: records.map { ($0["answer_id"] as! String, $0["text"] as! String) })
    let hitsByAnswer = Dictionary(uniqueKeysWithValues: records.map { ($0["answer_id"] as! String, $0["hits"] as! [[String: Any]]) })
    for row in rows.dropFirst() where row.count == header.count {
      quoted[row[code], default: []].insert(row[answer])
      // The quote is the answer; its highlights are the hits of that code.
      #expect(row[quote] == texts[row[answer]])
      let matched = hitsByAnswer[row[answer]]!.filter { $0["code"] as! String == row[code] }.map { $0["text"] as! String }
      #expect(!matched.isEmpty)
      for m in matched { for part in m.components(separatedBy: " … ") { #expect(row[hl].contains("[\(part)]")) } }
    }
    for (c, answers) in withCode { #expect(quoted[c] == answers, "code \(c)") }
  }

  @Test func codeIdsMustBeUniqueAcrossCodebooksForCodeAndReport() throws {
    let out = temporaryFolder()
    for command in [["code", "--out", out.appendingPathComponent("c").path], ["report", "-o", out.appendingPathComponent("r.html").path]] {
      let r = try runFritekst([command[0], "Corpora/demo-is248.csv", "--codebook", "Codebooks/tud.yaml", "--codebook", "Codebooks/tud.yaml", "--text-column", "tud"] + command.dropFirst())
      #expect(r.status == 2, "\(command[0])")
      #expect(r.stderr.contains("code id 'tud.bolig' is in both Codebooks/tud.yaml and Codebooks/tud.yaml"), "\(command[0]): \(r.stderr)")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
  }

  @Test func truncatedSurveyFailsWithItsPositionAndLeavesNoOutput() throws {
    let dir = temporaryFolder()
    let survey = dir.appendingPathComponent("trunc.csv")
    try "kommunenummer;svar\n3101;Vi mangler psykolog\n1101;\"Uavsluttet sitat\n".write(to: survey, atomically: true, encoding: .utf8)
    let out = dir.appendingPathComponent("out")
    let r = try runFritekst(["code", survey.path, "--codebook", "Codebooks/rekruttering.yaml", "--out", out.path])
    #expect(r.status == 2)
    #expect(r.stderr.contains("trunc.csv:3:2: error: unterminated quoted field"))
    let left = try FileManager.default.contentsOfDirectory(atPath: dir.path)
    #expect(left == ["trunc.csv"])
  }

  @Test func existingOutputNeedsForceAndInputsAreNeverOverwritten() throws {
    let out = temporaryFolder().appendingPathComponent("f")
    #expect(try run([], out: out).status == 0)
    let again = try run([], out: out)
    #expect(again.status == 2)
    #expect(again.stderr.contains("the output folder exists; pass --force to replace it"))
    #expect(try run(["--force"], out: out).status == 0)
    let onInput = try runFritekst(["code"] + CodeCLITests.args + ["--out", "Corpora"])
    #expect(onInput.status == 2)
    #expect(onInput.stderr.contains("would overwrite the input"))
    #expect(FileManager.default.fileExists(atPath: packageRoot().appendingPathComponent("Corpora/demo-is248.csv").path))
  }
}

/// RFC 4180 parser for test assertions (quoted fields, doubled quotes, CRLF).
func parseCSV(_ text: String, delimiter: Character = ",") -> [[String]] {
  var rows: [[String]] = []
  var row: [String] = []
  var field = ""
  var quoted = false
  var chars = Array(text)
  chars.append("\n")
  var i = 0
  while i < chars.count {
    let c = chars[i]
    if quoted {
      if c == "\"" {
        if i + 1 < chars.count && chars[i + 1] == "\"" {
          field.append("\"")
          i += 1
        } else {
          quoted = false
        }
      } else {
        field.append(c)
      }
    } else if c == "\"" {
      quoted = true
    } else if c == delimiter {
      row.append(field)
      field = ""
    } else if c == "\r\n" || c == "\n" || c == "\r" {
      row.append(field)
      field = ""
      if row != [""] { rows.append(row) }
      row = []
    } else {
      field.append(c)
    }
    i += 1
  }
  return rows
}
