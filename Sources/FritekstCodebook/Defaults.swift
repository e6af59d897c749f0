/// Built-in defaults: negation cues and pseudo-negations for Bokmål and Nynorsk.
///
/// Source: the most frequent word cues of NoReC_neg (Mæhlum et al. 2021, see
/// `Codebooks/README.md`), with their Nynorsk forms. Deliberately **not** cues: "mangler",
/// "manglar", "mangel", "manglende" — in answers about services they state the need a code should
/// catch ("vi mangler psykolog"), even though review corpora annotate them as negation.
public enum NegationDefaults {
  /// Cues used when a codebook says `language: nb`.
  public static let bokmal = ["ikke", "ingen", "intet", "ingenting", "aldri", "uten", "verken", "hverken"]
  /// Cues used when a codebook says `language: nn`.
  public static let nynorsk = ["ikkje", "ingen", "inga", "inkje", "ingenting", "aldri", "utan", "verken", "korkje"]
  /// Phrases whose cue does not negate what follows.
  public static let ignore = [
    "ikke bare", "ikkje berre", "ikkje bare", "ikke minst", "ikkje minst", "ikke nødvendigvis",
    "ikkje naudsynt", "uten tvil", "utan tvil",
  ]
  /// Default window (tokens before a match) and postposed window (tokens after).
  public static let window = 3
  public static let after = 0

  /// Cue words for a codebook language (both: the union, in a stable order).
  public static func cues(for language: CodebookLanguage) -> [String] {
    switch language {
    case .bokmal: return bokmal
    case .nynorsk: return nynorsk
    case .both:
      var seen = Set<String>()
      return (bokmal + nynorsk).filter { seen.insert($0).inserted }
    }
  }
}
