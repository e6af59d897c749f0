import FritekstCodebook
import FritekstTestSupport
import FritekstText
import Testing

/// One matcher case: rules for code "x", optional top-level YAML, and an answer whose «marked»
/// parts are exactly the merged spans code "x" must get (no marks: no hit).
struct MatchCase: CustomTestStringConvertible, Sendable {
  let name: String
  let rules: String
  var extra: String = ""
  let marked: String
  var testDescription: String { name }
}

@Suite("Matcher rule kinds on real answers")
struct MatcherTests {
  static let exactWords: [MatchCase] = [
    // s001-L2157
    MatchCase(name: "exact word, case folded", rules: "- ruskonsulent", marked: "Vi mangler «ruskonsulent». Stillingen vakant siden jan. 2019"),
    MatchCase(name: "exact word does not match a compound", rules: "- psykolog", marked: "Psykologdekning vurderes som tilfredsstillende."),
    MatchCase(name: "abbreviation without period", rules: "- psyk", marked: "Videre er «psyk.» helsemiljøarbeider passert pensjonsalder".replacingOccurrences(of: "«psyk.»", with: "«psyk».")),
    MatchCase(name: "elided compound part", rules: "- rus", marked: "innbyggere med «rus-» og/eller psykiske helseutfordringer"),
    MatchCase(name: "number token", rules: "- '2019'", marked: "Stillingen vakant siden jan. «2019», og inndratt i 2022."),
  ]

  static let globs: [MatchCase] = [
    MatchCase(name: "prefix glob on compound", rules: "- psykolog*", marked: "«Psykologdekning» vurderes som tilfredsstillende."),
    MatchCase(name: "suffix glob", rules: "- '*sykepleiere'", marked: "umulig å få tak i «helsesykepleiere», så der har vi vært nødt til å utdanne «sykepleiere»"),
    MatchCase(name: "infix glob catches inflected compound", rules: "- '*sykepleier*'", marked: "umulig å få tak i «helsesykepleiere»"),
    MatchCase(name: "hyphen compound via prefix", rules: "- rop*", marked: "Kompetanse på «ROP-lidelser» og «ROP»"),
    MatchCase(name: "typographic hyphen equals ASCII hyphen", rules: "- rus-psykisk", marked: "«rus‐psykisk» kompetanse"),
    MatchCase(name: "alternatives in one element", rules: "- (lege|psykiater*)", marked: "Vi mangler «lege» og «psykiatere»"),
    MatchCase(name: "spaces around alternatives are allowed", rules: "- ( lege | psykiater* )", marked: "Vi mangler «psykiatere»"),
    MatchCase(name: "hyphen stays in a prefix glob", rules: "- mi-*", marked: "Midler til «MI-kompetanse» og miljøteam"),
    MatchCase(name: "hyphen glob does not match the bare word", rules: "- rop-*", marked: "Vi har ROP og «ROP-lidelser»"),
  ]

  static let phrases: [MatchCase] = [
    // s002-L4678
    MatchCase(name: "phrase", rules: "- mangel på kompetanse", marked: "Det er «mangel på kompetanse» innen kombinasjonen rus/psykisk helse"),
    MatchCase(name: "phrase with one-token gap; gap not highlighted", rules: "- mangel på * bolig*", marked: "«Mangel på» egnede «boliger»"),
    MatchCase(name: "one-token gap needs exactly one token", rules: "- mangel på * bolig*", marked: "Mangel på boliger"),
    MatchCase(name: "elastic gap 0..3", rules: "- mangel på ... bolig*", marked: "«Mangel på boliger». «Mangel på» gode og egnede «boliger»"),
    MatchCase(name: "phrase does not cross a sentence end", rules: "- kompetanse rus*", marked: "Behov for kompetanse. Rus er viktig"),
    MatchCase(name: "alternatives of several words stand for one phrase each", rules: "- mangel på (psykolog*|psykiatrisk* sykepleier*)", marked: "«Mangel på psykiatriske sykepleiere». «Mangel på psykolog»."),
    MatchCase(name: "alternatives of different lengths around a gap", rules: "- (for lite|ingen) ... søkere", marked: "Det er «for lite» kvalifiserte «søkere» og «ingen søkere»"),
    MatchCase(name: "each alternative still needs every word", rules: "- mangel på (psykolog*|psykiatrisk* sykepleier*)", marked: "Mangel på sykepleiere"),
    MatchCase(name: "one-word alternatives next to several-word ones", rules: "- (i samarbeid|sammen) med (bruker*|pasient*)", marked: "Planen lages «i samarbeid med brukeren» og «sammen med pasienten»"),
  ]

  static let combinations: [MatchCase] = [
    // s001-L2133
    MatchCase(name: "near within 3 either order", rules: "- near: [vanskelig*, rekrutter*]\n  within: 3", marked: "Generelt er det stadig «vanskeligere» å «rekruttere» høyskoleutdannet helsepersonell"),
    MatchCase(name: "near outside window", rules: "- near: [kompetanse*, rus*]\n  within: 0", marked: "Behov for kompetanse innenfor rusfeltet"),
    MatchCase(name: "near crosses sentence ends when counted in tokens", rules: "- near: [psykolog*, mangler]\n  within: 2", marked: "Vi «mangler». Det er «psykolog» altså"),
    MatchCase(name: "near inside one compound token", rules: "- near: [psykolog*, '*stilling*']\n  within: 0", marked: "Vi har en ledig «psykologstilling»"),
    MatchCase(name: "near within N tokens in the same sentence", rules: "- near: [rus*, kurs]\n  within: 3\n  scope: sentence", marked: "Opplæring i ROP. Kurs er dyrt. Vi treng «kurs» i «rus»"),
        MatchCase(name: "near within sentence", rules: "- near: [psykolog*, mangler]\n  within: sentence", marked: "Vi mangler. Psykolog altså"),
    MatchCase(name: "all in answer", rules: "- all: [[helsesykepleier*], [umulig, vanskelig*]]", marked: "Forebyggende arbeid så har det vært «umulig» å få tak i «helsesykepleiere»"),
    MatchCase(name: "all needs every group", rules: "- all: [[helsesykepleier*], [umulig, vanskelig*]]", marked: "Vi har helsesykepleiere"),
    MatchCase(name: "all in one sentence", rules: "- all: [[psykolog*], [mangler]]\n  scope: sentence", marked: "Vi mangler lege. Psykolog har vi."),
  ]

  static let negationCases: [MatchCase] = [
    MatchCase(name: "default negation within window", rules: "- psykolog*", marked: "Vi har ikke behov for psykolog"),
    MatchCase(name: "negation outside window", rules: "- rekrutter*", marked: "Vi har ikke hatt noen store utfordringer, men å «rekruttere» er tungt"),
    MatchCase(name: "'vi har ikke psykolog' as a need: cue removed", rules: "- match: psykolog*\n  negation: {remove: [ikke, ikkje]}", marked: "Vi har ikke «psykolog» i kommunen"),
    MatchCase(name: "'ikke utfordringer med å rekruttere' negated by a phrase cue", rules: "- match: rekrutter*\n  negation: {add: [ikke utfordring*], window: 4}", marked: "Vi har ikke utfordringer med å rekruttere"),
    MatchCase(name: "Nynorsk cue ikkje", rules: "- sjukepleiar*", marked: "Vi treng ikkje sjukepleiarar"),
    MatchCase(name: "negation does not cross a sentence end", rules: "- psykolog*", marked: "Vi har ikke. «Psykolog» trengs."),
    MatchCase(name: "'mangler' is not a negation cue", rules: "- psykolog*", marked: "Vi mangler «psykolog»"),
    MatchCase(name: "pseudo-negation 'ikke bare' does not negate", rules: "- psykolog*", marked: "Vi trenger ikke bare «psykolog»"),
    MatchCase(name: "postposed negation with after:", rules: "- match: psykolog*\n  negation: {after: 3}", marked: "Psykolog har vi ikke behov for"),
    MatchCase(name: "negation disabled", rules: "- match: psykolog*\n  negation: false", marked: "Vi har ingen «psykolog»"),
    MatchCase(name: "cue inside a gap negates", rules: "- har * psykolog", extra: "options:\n  negation: {window: 0}", marked: "Vi har ikke psykolog"),
  ]

  static let exclusionCases: [MatchCase] = [
    MatchCase(name: "exclusion vetoes overlapping hit", rules: "- match: psykolog*\n  exclude: [psykologisk førstehjelp]", marked: "Kurs i psykologisk førstehjelp, men vi mangler «psykolog»"),
    MatchCase(name: "exclusion in sentence scope", rules: "- match: psykolog*\n  exclude: [tilfredsstillende]\n  exclude_scope: sentence", marked: "Psykologdekning vurderes som tilfredsstillende. Mangler «psykologspesialist»."),
    MatchCase(name: "exclusion in answer scope", rules: "- match: lege*\n  exclude: [fastlege*]\n  exclude_scope: answer", marked: "Samarbeid med fastlegen er godt; legene er flinke"),
  ]

  static let variantCases: [MatchCase] = [
    MatchCase(name: "Bokmål rule matches Nynorsk via variants", rules: "- sykepleier*", extra: "variants:\n  - [sykepleier, sjukepleiar]", marked: "dei «psykiatriske»".replacingOccurrences(of: "«psykiatriske»", with: "psykiatriske") + " «sjukepleiarane» driv med"),
    MatchCase(name: "variants inside compounds", rules: "- '*helsesykepleier*'", extra: "variants:\n  - [sykepleier, sjukepleiar]", marked: "Vi manglar «helsesjukepleiar»"),
    MatchCase(name: "variant of a cue word", rules: "- match: sjukepleiar*\n  negation: {cues: [ikke]}", extra: "variants:\n  - [ikke, ikkje]", marked: "Vi treng ikkje sjukepleiarar"),
    MatchCase(name: "NFD answer matches NFC rule", rules: "- både", marked: "Vi trenger «både» psykolog og lege".decomposedForTest),
  ]

  static let diacriticCases: [MatchCase] = [
    MatchCase(name: "keep (default): å ≠ a", rules: "- håp", marked: "hap og «håp»"),
    MatchCase(name: "ignore: å = a", rules: "- håp", extra: "options: {diacritics: ignore}", marked: "«hap» og «håp»"),
    MatchCase(name: "ignore: ø ≠ o", rules: "- søker*", extra: "options: {diacritics: ignore}", marked: "Få sokere, mange «søkere»"),
    MatchCase(name: "fold: ø = o = oe", rules: "- søker*", extra: "options: {diacritics: fold}", marked: "«Sokere», «soekere» og «søkere»"),
    MatchCase(name: "fold: å = a = aa in a phrase", rules: "- få søker*", extra: "options: {diacritics: fold}", marked: "Vanskelig a «fa sokere». Vi «faa søkere»"),
    MatchCase(name: "fold: æ = ae", rules: "- lærer*", extra: "options: {diacritics: fold}", marked: "«Laerere» og «lærere»"),
    MatchCase(name: "fold: a rule written without æøå matches the Norwegian spelling", rules: "- '*helsesoster*'", extra: "options: {diacritics: fold}", marked: "«Helsesøsteren» og «helsesøster», ikke helsesøstre"),
    MatchCase(name: "fold: NFD answer", rules: "- håp", extra: "options: {diacritics: fold}", marked: "«håp»".decomposedForTest),
    MatchCase(name: "fold: variants are folded too", rules: "- søker*", extra: "options: {diacritics: fold}\nvariants:\n  - [søker, søkjar]", marked: "Berre «sokjarar» på stillinga, få «søkjarar»"),
  ]

  static let listCases: [MatchCase] = [
    MatchCase(name: "named list in an all: group", rules: "- all: [[psykolog*], [$need]]\n  scope: sentence", extra: "lists:\n  need: [mangler, manglar, behov, rekrutter*]", marked: "Vi «manglar psykolog». Lege har vi."),
    MatchCase(name: "named list mixed with words", rules: "- match: [$yrke, lege]", extra: "lists:\n  yrke: [psykolog*, '*sykepleier*']", marked: "«Lege», «helsesykepleiere» og «psykologer»"),
    MatchCase(name: "named list inside a phrase, in order", rules: "- $yrke ...2 til", extra: "lists:\n  yrke: [psykolog*, vpl, spl, psykiatrisk sykepleier]", marked: "«vpl»/spl «til» bustadene, «psykolog til» vaksenteamet, «psykiatrisk sykepleier til» teamet; henvist til psykolog"),
    MatchCase(name: "named list as negation cues", rules: "- match: psykolog*\n  negation: {cues: [$neg], window: 2}", extra: "lists:\n  neg: [ikke behov, tilfredsstillende]", marked: "Ikke behov for psykolog. Mangler «psykolog»."),
  ]

  @Test(arguments: listCases)
  func namedLists(_ c: MatchCase) throws { try check(c) }

  @Test(arguments: exactWords + globs + phrases)
  func wordsGlobsPhrases(_ c: MatchCase) throws { try check(c) }

  @Test(arguments: combinations)
  func nearAndAll(_ c: MatchCase) throws { try check(c) }

  @Test(arguments: negationCases)
  func negation(_ c: MatchCase) throws { try check(c) }

  @Test(arguments: exclusionCases)
  func exclusions(_ c: MatchCase) throws { try check(c) }

  @Test(arguments: diacriticCases)
  func diacritics(_ c: MatchCase) throws { try check(c) }

  @Test(arguments: variantCases)
  func variants(_ c: MatchCase) throws { try check(c) }

  private func check(_ c: MatchCase) throws {
    let marked = MarkedText(c.marked)
    let result = codebook(rules: c.rules, extra: c.extra)
    #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
    #expect(try markedHits(result, marked.text) == marked.marks, "\(c.name): \(marked.text)")
  }
}

extension String {
  /// NFD form built without Foundation: å is the only letter the tests decompose.
  var decomposedForTest: String {
    var s = ""
    for ch in self {
      switch ch {
      case "å": s += "a\u{30A}"
      default: s.append(ch)
      }
    }
    return s
  }
}
