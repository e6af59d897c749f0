import Testing

@testable import FritekstAnalysis

struct ManualCodingTests {
  let known: Set<String> = ["a.x", "a.y", "b"]

  @Test func wideSemicolonWithPipes() throws {
    let m = try ManualCoding.parse("id;codes;note\n s1 ;a.x|a.y;fine\ns2;;\ns3;\"b\";\"x;y\"\n", path: "m.csv", knownCodes: known)
    #expect(m.layout == .wide)
    #expect(m.ids == ["s1", "s2", "s3"])
    #expect(m.codes["s1"] == ["a.x", "a.y"])
    #expect(m.codes["s2"] == [])
    #expect(m.codes["s3"] == ["b"])
    #expect(m.issues.isEmpty)
  }

  @Test func wideCommaWithQuotedLists() throws {
    let m = try ManualCoding.parse("answer_id,codes\n1/q,\"a.x;b\"\n2/q,\"a.x, a.y\"\n", path: "m.csv", knownCodes: known)
    #expect(m.codes["1/q"] == ["a.x", "b"])
    #expect(m.codes["2/q"] == ["a.x", "a.y"])
  }

  @Test func longLayoutMergesRowsAndReportsDuplicatePairs() throws {
    let m = try ManualCoding.parse("id,code\ns1,a.x\ns1,b\ns2,\ns1,a.x\n", path: "m.csv", knownCodes: known)
    #expect(m.layout == .long)
    #expect(m.codes["s1"] == ["a.x", "b"])
    #expect(m.codes["s2"] == [])
    #expect(m.issues.map(\.description) == ["m.csv:5: warning: code 'a.x' given twice for 's1'"])
  }

  @Test func duplicateIDsAndUnknownCodesWithLineNumbers() throws {
    // Line 3 is a quoted multi-line note, so s2 starts on line 3 and s1 again on line 5.
    let text = "id;codes;note\ns1;a.x;\ns2;zz|b;\"two\nlines\"\ns1;b;\n"
    let m = try ManualCoding.parse(text, path: "g.csv", knownCodes: known)
    #expect(m.codes["s1"] == ["a.x"])  // the first row wins
    #expect(m.codes["s2"] == ["b"])
    #expect(m.unknownCodes == ["zz": 1])
    #expect(m.issues.map(\.description) == [
      "g.csv:3: warning: unknown code id 'zz' for 's2' (not in the codebook; left out of the comparison)",
      "g.csv:5: warning: id 's1' already given on line 2; this row is ignored",
    ])
  }

  @Test func jsonlBothLayouts() throws {
    let wide = try ManualCoding.parse("{\"id\":\"s1\",\"codes\":[\"a.x\",\"b\"]}\n{\"id\":\"s2\",\"codes\":[]}\n{\"id\":\"s1\",\"codes\":\"b\"}\n", path: "m.jsonl", knownCodes: known)
    #expect(wide.layout == .wide && wide.codes["s1"] == ["a.x", "b"] && wide.codes["s2"] == [])
    #expect(wide.issues.map(\.line) == [3])
    let long = try ManualCoding.parse("{\"answer_id\":\"r/q\",\"code\":\"a.x\"}\n\n{\"answer_id\":\"r/q\",\"code\":\"a.y\"}\n", path: "m.jsonl", knownCodes: nil)
    #expect(long.layout == .long && long.codes["r/q"] == ["a.x", "a.y"])
  }

  @Test func missingColumnsFail() {
    #expect(throws: ManualCoding.Failure.self) { try ManualCoding.parse("who;codes\nx;y\n", path: "m.csv", knownCodes: nil) }
    #expect(throws: ManualCoding.Failure.self) { try ManualCoding.parse("id;what\nx;y\n", path: "m.csv", knownCodes: nil) }
  }

  @Test func twoManualCodingsReportOneSidedIDs() throws {
    let a = try ManualCoding.parse("id;codes\n1;x\n2;x|y\n3;\n", path: "a.csv", knownCodes: nil)
    let b = try ManualCoding.parse("id;codes\n2;x\n1;x\n4;y\n", path: "b.csv", knownCodes: nil)
    let r = AgreementReport.compare(a, b, codebook: nil)
    #expect(r.compared == ["1", "2"])
    #expect(r.onlyInA == ["3"] && r.onlyInB == ["4"])
    #expect(r.rows.map(\.codeID) == ["x", "y"])
    #expect(r.rows[0].counts == ConfusionCounts(tp: 2))
    #expect(r.rows[1].counts == ConfusionCounts(fp: 1, tn: 1))
  }
}
