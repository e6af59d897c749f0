import ArgumentParser
import FritekstAnalysis

/// Quote selection and redaction flags shared by `code` and `report`.
struct QuoteOptions: ParsableArguments {
  @Option(name: .long, help: "Quotes per code: a number or 'all'.")
  var quotes: String = "5"

  @Option(name: .long, help: "Quote the whole answer or the sentence(s) with the hit: answer|sentence.")
  var quoteUnit: String = "sentence"

  @Option(name: .long, help: "Seed for a random (but reproducible) quote choice.")
  var seed: UInt64?

  @Flag(inversion: .prefixedNo, help: "Redact municipality/district names, fødselsnumre, phone numbers and e-mail addresses in quotes (coded.* keep the original).")
  var redact = true

  func validate() throws {
    if quotes != "all" && (Int(quotes) ?? -1) < 0 { throw ValidationError("--quotes must be a number or 'all'") }
    if QuoteUnit(rawValue: quoteUnit) == nil { throw ValidationError("--quote-unit must be answer or sentence") }
  }

  var selection: QuoteSelection { quotes == "all" ? .all : .top(Int(quotes) ?? 5, seed: seed) }
  var unit: QuoteUnit { QuoteUnit(rawValue: quoteUnit) ?? .sentence }

  /// How these options are recorded in summary.json.
  var summaryOptions: [(String, String)] {
    [("quotes", quotes), ("quote_unit", quoteUnit), ("redact", redact ? "yes" : "no")] + (seed.map { [("seed", String($0))] } ?? [])
  }
}
