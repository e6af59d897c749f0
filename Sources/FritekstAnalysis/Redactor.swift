import FritekstSurvey
import FritekstText

/// Removes identifying details from answer text before it is quoted: municipality and Oslo
/// district names, fødselsnumre, Norwegian phone numbers and e-mail addresses.
///
/// ## Policy
/// - **E-mail** (`[e-post]`): `local@domain.tld`; checked first, so a name inside an address
///   ("post@bergen.kommune.no") is part of the address.
/// - **Fødselsnummer** (`[fnr]`): 11 digits (optionally `DDMMYY NNNNN`) not touching other digits,
///   whose two control digits are valid (mod 11). Eleven digits that fail the check stay.
/// - **Phone** (`[tlf]`): 8 digits starting with 2–9, written `12345678`, `12 34 56 78` or
///   `123 45 678`, optionally after `+47` or `0047`; not touching other digits. Amounts such as
///   `12 000 000` (3-digit groups) are not phone numbers.
/// - **Municipality / district** (`[kommune]`): every name in the registry (357 municipalities,
///   Oslo's 15 districts, "Herøy" for "Herøy (Nordland)"), whole words, any case, also the genitive
///   (`Oslos`, `Bærums`). Names that are also ordinary Norwegian words (``commonWordNames``: "time",
///   "sola", "moss", "nes", "hole", "vik", "lier", "strand", …) are replaced only when written with a
///   capital first letter. That over-redacts such a word at the start of a sentence ("Time med
///   psykolog …") — the safe side for a quote — and never redacts "en time i uka".
/// - Overlaps: the earliest match wins, then the longest (so "Søndre Nordstrand" beats "Nordstrand").
///
/// Redaction never changes the audit record (`coded.jsonl`); it is applied to what is quoted.
public struct Redactor: Sendable {
  public enum Kind: String, Sendable, CaseIterable {
    case email = "e-post"
    case fnr = "fødselsnummer"
    case phone = "telefon"
    case municipality = "kommune"

    public var placeholder: String {
      switch self {
      case .email: return "[e-post]"
      case .fnr: return "[fnr]"
      case .phone: return "[tlf]"
      case .municipality: return "[kommune]"
      }
    }
  }

  /// One replacement: where it was in the input, where the placeholder is in the output (UTF-16).
  public struct Edit: Sendable, Hashable {
    public let kind: Kind
    public let original: TextSpan
    public let replacement: TextSpan
  }

  /// Redacted text and the edits that made it.
  public struct Result: Sendable, Hashable {
    public let text: String
    public let edits: [Edit]

    /// Maps a UTF-16 span of the input to the output. A span that overlaps a replaced part is
    /// dropped (nil): the placeholder is never highlighted as if the code had matched it.
    public func map(_ span: TextSpan) -> TextSpan? {
      var delta = 0
      for e in edits {
        if e.original.overlaps(span) { return nil }
        if e.original.end <= span.start { delta += e.replacement.length - e.original.length }
      }
      return TextSpan(start: span.start + delta, end: span.end + delta)
    }

    public func count(_ kind: Kind) -> Int { edits.filter { $0.kind == kind }.count }
  }

  /// Registry names that are ordinary lowercase words too; replaced only when capitalised.
  public static let commonWordNames: Set<String> = [
    "alna", "alta", "alver", "aure", "bjerke", "bø", "fjord", "flå", "gol", "gran", "grane", "grue",
    "hamar", "heim", "hol", "hole", "hvaler", "hå", "kinn", "klepp", "leka", "lier", "lom", "loppa",
    "lund", "luster", "lyngen", "marker", "moss", "nes", "nome", "os", "osen", "rana", "røst",
    "sagene", "sande", "sel", "skien", "sola", "stad", "stange", "stord", "strand", "sula", "tana",
    "time", "tinn", "valle", "vang", "vega", "vik", "ål", "ås",
  ]

  private struct Name: Sendable {
    let lower: [Character]
    let capitalOnly: Bool
  }
  /// Names indexed by their first lowercased character.
  private let names: [Character: [Name]]

  /// - Parameter names: municipality and district names (``MunicipalityRegistry/names``).
  public init(names: [String]) {
    var index: [Character: [Name]] = [:]
    for n in names {
      let lower = Array(n.lowercased())
      guard let first = lower.first else { continue }
      index[first, default: []].append(Name(lower: lower, capitalOnly: Self.commonWordNames.contains(n.lowercased())))
    }
    for k in index.keys { index[k]!.sort { $0.lower.count > $1.lower.count } }
    self.names = index
  }

  /// A redactor with the bundled registry's names.
  public init(registry: MunicipalityRegistry) { self.init(names: registry.names) }

  public func redact(_ text: String) -> Result {
    let chars = Array(text)
    var offsets = [0]  // UTF-16 offset of each character, plus the end
    offsets.reserveCapacity(chars.count + 1)
    for c in chars { offsets.append(offsets.last! + c.utf16.count) }

    var found: [(Int, Int, Kind)] = []  // character ranges
    found += Self.emails(chars)
    found += Self.digitRuns(chars)
    found += nameMatches(chars)
    found.sort { $0.0 != $1.0 ? $0.0 < $1.0 : ($0.1 - $0.0) > ($1.1 - $1.0) }

    var out = ""
    var edits: [Edit] = []
    var pos = 0
    var outUTF16 = 0
    for (s, e, kind) in found where s >= pos {
      let kept = String(chars[pos..<s])
      out += kept
      outUTF16 += kept.utf16.count
      let ph = kind.placeholder
      edits.append(
        Edit(
          kind: kind, original: TextSpan(start: offsets[s], end: offsets[e]),
          replacement: TextSpan(start: outUTF16, end: outUTF16 + ph.utf16.count)))
      out += ph
      outUTF16 += ph.utf16.count
      pos = e
    }
    if edits.isEmpty { return Result(text: text, edits: []) }
    out += String(chars[pos...])
    return Result(text: out, edits: edits)
  }

  /// Redacts a quote: its text, and its highlights mapped through the edits (a highlight inside a
  /// replaced part is dropped).
  public func redact(_ q: Quote) -> (quote: Quote, result: Result) {
    let r = redact(q.text)
    if r.edits.isEmpty { return (q, r) }
    let quote = Quote(
      codeID: q.codeID, answerID: q.answerID, respondentID: q.respondentID, band: q.band, question: q.question,
      text: r.text, range: q.range, highlights: q.highlights.compactMap(r.map), rules: q.rules)
    return (quote, r)
  }

  // MARK: - Detectors (character ranges)

  static func isWordChar(_ c: Character) -> Bool { c.isLetter || c.isNumber }

  private func nameMatches(_ chars: [Character]) -> [(Int, Int, Kind)] {
    var result: [(Int, Int, Kind)] = []
    var i = 0
    while i < chars.count {
      defer { i += 1 }
      if i > 0 && Self.isWordChar(chars[i - 1]) { continue }
      guard let first = chars[i].lowercased().first, let candidates = names[first] else { continue }
      for name in candidates {
        let n = name.lower.count
        guard i + n <= chars.count else { continue }
        var same = true
        for k in 0..<n where chars[i + k].lowercased() != String(name.lower[k]) {
          same = false
          break
        }
        guard same else { continue }
        if name.capitalOnly && !chars[i].isUppercase { continue }
        var end = i + n
        // Genitive: "Oslos", "Bærums".
        if end < chars.count, chars[end] == "s", n >= 3, end + 1 == chars.count || !Self.isWordChar(chars[end + 1]) {
          end += 1
        }
        if end < chars.count && Self.isWordChar(chars[end]) { continue }
        result.append((i, end, .municipality))
        break
      }
    }
    return result
  }

  static func emails(_ chars: [Character]) -> [(Int, Int, Kind)] {
    func local(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || "._%+-".contains(c)) }
    func domain(_ c: Character) -> Bool { (c.isLetter || c.isNumber || c == "." || c == "-") }
    var result: [(Int, Int, Kind)] = []
    for (at, c) in chars.enumerated() where c == "@" {
      var s = at
      while s > 0 && (local(chars[s - 1]) || (chars[s - 1].isLetter)) { s -= 1 }
      var e = at + 1
      while e < chars.count && domain(chars[e]) { e += 1 }
      while e > at + 1 && (chars[e - 1] == "." || chars[e - 1] == "-") { e -= 1 }
      guard s < at, e > at + 1 else { continue }
      let dom = chars[(at + 1)..<e]
      guard let dot = dom.lastIndex(of: "."), e - dot - 1 >= 2, dot > at + 1 else { continue }
      result.append((s, e, .email))
    }
    return result
  }

  /// Fødselsnumre and phone numbers: runs of digits (with single spaces between groups, and an
  /// optional +47/0047 prefix).
  static func digitRuns(_ chars: [Character]) -> [(Int, Int, Kind)] {
    func digit(_ i: Int) -> Bool { i >= 0 && i < chars.count && chars[i].isASCII && chars[i].isNumber }
    var result: [(Int, Int, Kind)] = []
    var i = 0
    while i < chars.count {
      guard digit(i), !digit(i - 1), i == 0 || !chars[i - 1].isLetter else {
        i += 1
        continue
      }
      // Groups of digits separated by single spaces.
      var groups: [(Int, Int)] = []
      var j = i
      while digit(j) {
        var k = j
        while digit(k) { k += 1 }
        groups.append((j, k))
        if k + 1 < chars.count && chars[k] == " " && digit(k + 1) { j = k + 1 } else { j = k }
        if !digit(j) { break }
      }
      let end = groups.last!.1
      let afterOK = end == chars.count || !chars[end].isLetter
      defer { i = max(i + 1, groups.first!.1) }
      guard afterOK else { continue }
      let lengths = groups.map { $0.1 - $0.0 }
      func digits(_ gs: ArraySlice<(Int, Int)>) -> [Int] {
        gs.flatMap { chars[$0.0..<$0.1].map { Int(String($0))! } }
      }
      // Fødselsnummer: 11 digits, or 6 + 5.
      if lengths == [11] || lengths == [6, 5] {
        if validFnr(digits(groups[...])) {
          result.append((i, end, .fnr))
          i = end
          continue
        }
      }
      // Phone number, with an optional +47 / 0047 prefix.
      var start = i
      var gs = groups[...]
      var hasPrefix = false
      let plus = i > 0 && chars[i - 1] == "+"
      if plus && lengths.first == 2 && digits(groups[0..<1]) == [4, 7] && groups.count > 1 {
        gs = groups.dropFirst()
        start = i - 1
        hasPrefix = true
      } else if plus && lengths == [10] && digits(groups[0..<1]).prefix(2) == [4, 7] {
        gs = [(groups[0].0 + 2, groups[0].1)][...]
        start = i - 1
        hasPrefix = true
      } else if lengths.first == 4, digits(groups[0..<1]) == [0, 0, 4, 7], groups.count > 1 {
        gs = groups.dropFirst()
        hasPrefix = true
      }
      let ls = gs.map { $0.1 - $0.0 }
      if ls == [8] || ls == [2, 2, 2, 2] || ls == [3, 2, 3] || (hasPrefix && ls == [2, 3, 3]) {
        if let firstDigit = digits(gs.prefix(1)).first, firstDigit >= 2 {
          result.append((start, gs.last!.1, .phone))
          i = end
          continue
        }
      }
    }
    return result
  }

  /// Both control digits of a fødselsnummer (or D-number) are right.
  public static func validFnr(_ d: [Int]) -> Bool {
    guard d.count == 11 else { return false }
    let w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2]
    let w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
    func control(_ weights: [Int]) -> Int? {
      let s = zip(weights, d).reduce(0) { $0 + $1.0 * $1.1 }
      let k = 11 - s % 11
      if k == 11 { return 0 }
      if k == 10 { return nil }
      return k
    }
    guard let k1 = control(w1), k1 == d[9], let k2 = control(w2), k2 == d[10] else { return false }
    return true
  }
}
