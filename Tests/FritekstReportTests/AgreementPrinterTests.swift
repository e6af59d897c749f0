import FritekstAnalysis
import Testing

@testable import FritekstReport

struct AgreementPrinterTests {
  /// A code nobody assigns: every metric but prevalence undefined → "–", empty CSV cells, JSON null.
  static let report = AgreementReport.compare(
    ids: ["1", "2"], a: { _ in [] }, b: { _ in [] }, codes: [("x", "X")], sideA: "A", sideB: "B")

  @Test func undefinedMetrics() {
    let md = AgreementPrinter.markdown(Self.report)
    #expect(md.contains("| `x` | X | 0 | 0 | 0 | 0 | 0 | 2 | 0.000 | – | – | – | – |"))
    #expect(md.contains("– (k=0)"))
    let csv = AgreementPrinter.csv(Self.report)
    #expect(csv.contains("x,X,2,0,0,0,0,0,2,0.0000,,,,,\r\n"))
    let json = AgreementPrinter.json(Self.report).compact
    #expect(json.contains("\"precision\":null,\"recall\":null,\"f1\":null,\"kappa\":null"))
  }

  @Test func semicolonCSVUsesDecimalComma() {
    let r = AgreementReport.compare(ids: ["1", "2"], a: { $0 == "1" ? ["x"] : [] }, b: { _ in ["x"] }, codes: [("x", "X")], sideA: "A", sideB: "B")
    #expect(AgreementPrinter.csv(r, format: CSVFormat(delimiter: ";")).contains("x;X;2;1;2;1;0;1;0;1,0000;1,0000;0,5000;0,6667;0,0000;\r\n"))
  }

  @Test func highlightUsesUTF16Spans() {
    // "Æ" and "ø" are one UTF-16 unit each; the emoji is two.
    #expect(AgreementPrinter.highlight("😀 Øk lønn\nnå", [TextSpanValue(start: 3, end: 5), TextSpanValue(start: 6, end: 10)]) == "😀 [Øk] [lønn]⏎nå")
  }
}
