import Foundation
import FritekstTestSupport
import Testing

@Suite("fritekst tokens / check / explain")
struct TokensCLITests {
  @Test func tokensOnShippedSample() throws {
    let r = try runFritekst(["tokens", "--file", "Corpora/sample.txt"])
    #expect(r.status == 0)
    assertGolden(r.stdout, named: "tokens-sample.txt", folder: "FritekstCLITests")
  }

  @Test func sentencesNynorsk() throws {
    let r = try runFritekst(["tokens", "--sentences", "--language", "nn", "Vi har ikkje helsesjukepleiar. Psykologkompetanse manglar! Elles greitt"])
    #expect(r.status == 0)
    #expect(r.stdout == "0\t0..<30\tVi har ikkje helsesjukepleiar.\n1\t31..<58\tPsykologkompetanse manglar!\n2\t59..<71\tElles greitt\n")
  }

  @Test func tokensInvalidUTF8FileIsAClearError() throws {
    let dir = temporaryFolder()
    let file = dir.appendingPathComponent("bad.txt")
    try Data([0x50, 0x73, 0x79, 0x6B, 0x0A, 0xE6, 0x72]).write(to: file)
    let r = try runFritekst(["tokens", "--file", file.path])
    #expect(r.status == 2)
    #expect(r.stderr.contains("bad.txt:2:1: error: invalid UTF-8 at byte offset 5"))
  }

  @Test func checkBrokenCodebookExitsOneWithAllFindings() throws {
    let r = try runFritekst(["check", "Tests/FritekstCodebookTests/Fixtures/broken.yaml"])
    #expect(r.status == 1)
    #expect(r.stderr.components(separatedBy: ": error: ").count - 1 == 14)
    #expect(r.stderr.contains("Tests/FritekstCodebookTests/Fixtures/broken.yaml:35:5: error: unknown key 'lable' in a code; did you mean 'label'?"))
  }

  @Test func checkUnreadableFileExitsTwo() throws {
    let r = try runFritekst(["check", "no-such-codebook.yaml"])
    #expect(r.status == 2)
    #expect(r.stderr.hasPrefix("no-such-codebook.yaml:1:1: error: cannot read file"))
  }

  @Test func explainShowsHitsAndNearMisses() throws {
    let r = try runFritekst(["explain", "--codebook", "Tests/FritekstCodebookTests/Fixtures/examples-fail.yaml", "Vi har ikke psykolog. Vi mangler psykologer."])
    #expect(r.status == 0)
    assertGolden(r.stdout, named: "explain.txt", folder: "FritekstCLITests")
  }
}
