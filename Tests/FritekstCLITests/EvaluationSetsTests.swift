import Foundation
import FritekstTestSupport
import Testing

/// Every evaluation set of the shipped codebooks (published answers coded by hand, written
/// challenge answers, blind holdout rounds 1 to 4, the blind dev sets) is valid — every id has a text, every code
/// exists — and its micro precision/recall/F1 is pinned in a golden file, so a rule change shows in
/// review what it does to the held-out numbers, not only to the examples.
@Suite("Codebook evaluation sets")
struct EvaluationSetsTests {
  static let sets: [(name: String, gold: String, survey: String)] = ["rekruttering", "tud", "recovery"].flatMap { cb in
    [
      ("\(cb) manual", "Corpora/manual/\(cb).csv", "Corpora/is248-published-answers.jsonl"),
      ("\(cb) challenge", "Corpora/challenge/\(cb).csv", "Corpora/challenge/\(cb).jsonl"),
      ("\(cb) holdout.dev", "Corpora/holdout/\(cb).dev.csv", "Corpora/holdout/\(cb).jsonl"),
      ("\(cb) holdout.test", "Corpora/holdout/\(cb).test.csv", "Corpora/holdout/\(cb).jsonl"),
      ("\(cb) dev", "Corpora/dev/\(cb).csv", "Corpora/dev/\(cb).jsonl"),
      ("\(cb) holdout2", "Corpora/holdout2/\(cb).csv", "Corpora/holdout2/\(cb).jsonl"),
      ("\(cb) holdout3", "Corpora/holdout3/\(cb).csv", "Corpora/holdout3/\(cb).jsonl"),
      ("\(cb) holdout4", "Corpora/holdout4/\(cb).csv", "Corpora/holdout4/\(cb).jsonl"),
    ]
  }

  /// Rounds 3 and 4 were coded a second time, independently (`Corpora/holdout{3,4}/*.coder2.csv`):
  /// the coder-vs-coder agreement is pinned next to the codebook-vs-coder scores.
  static let secondCodings: [(name: String, second: String, gold: String, survey: String)] = ["holdout3", "holdout4"].flatMap { round in
    ["rekruttering", "tud", "recovery"].map { cb in
      ("\(cb) \(round) coder2 vs gold", "Corpora/\(round)/\(cb).coder2.csv", "Corpora/\(round)/\(cb).csv", "Corpora/\(round)/\(cb).jsonl")
    }
  }

  @Test func microScoresArePinned() throws {
    var table = "set\tdecisions (answers × codes)\tref codes\tTP\tFP\tFN\tprecision\trecall\tF1\n"
    for set in Self.sets {
      table += try microRow(set.name, manuals: [set.gold], survey: set.survey)
    }
    for pair in Self.secondCodings {
      table += try microRow(pair.name, manuals: [pair.second, pair.gold], survey: pair.survey)
    }
    assertGolden(table, named: "evaluation-sets.tsv", folder: "FritekstCLITests")
  }

  /// One golden row: `fritekst agree` of the codebook (or the first manual file) against the last
  /// manual file, read from the (micro) row of its CSV.
  private func microRow(_ name: String, manuals: [String], survey: String) throws -> String {
    let cb = String(name.split(separator: " ")[0])
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let csv = folder.appendingPathComponent("t.csv").path
    let r = try runFritekst(
      ["agree"] + manuals.flatMap { ["--manual", $0] } + [
        "--codebook", "Codebooks/\(cb).yaml", survey, "--id-column", "id", "--text-column", "text", "--csv", csv,
      ])
    #expect(r.status == 0, "\(name): \(r.stderr)")
    #expect(r.stderr.isEmpty, "\(name): \(r.stderr)")  // no unknown code, duplicate or missing id
    #expect(!r.stdout.contains("missing from the survey"), "\(name)")
    let rows = try String(contentsOfFile: csv, encoding: .utf8).split(whereSeparator: \.isNewline)
    let header = rows[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    let micro = try #require(rows.first { $0.hasPrefix("(micro),") }).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    func v(_ key: String) -> String { micro[header.firstIndex(of: key)!] }
    return [name, v("n"), v("coded_b"), v("tp"), v("fp"), v("fn"), v("precision"), v("recall"), v("f1")].joined(separator: "\t") + "\n"
  }
}
