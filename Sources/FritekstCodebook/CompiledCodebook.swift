import FritekstText

/// A codebook compiled for matching. Immutable and `Sendable`: share one across threads and give
/// each thread its own ``MatchSession``.
///
/// Compilation turns every distinct token element (`lege`, `psykolog*`, `(a|b*)`) into an id and
/// indexes the literals by kind (hash tables for exact words, prefixes, suffixes and infixes), so
/// finding what a word matches costs a few hash lookups per character of the word, whatever the
/// number of rules. Terms (phrases) become paths in a trie over element ids, and rules are indexed
/// by the terms that trigger them, so an answer only visits the rules its words can fire.
public final class CompiledCodebook: Sendable {
  public let codebook: Codebook

  // Elements: a token position of a term = a set of alternative patterns.
  let patterns: [Pattern]
  let elementsOfPattern: [[Int32]]
  let exact: [String: [Int32]]
  let prefixes: [String: [Int32]]
  let suffixes: [String: [Int32]]
  let infixes: [String: [Int32]]
  let maxAffixScalars: Int

  // Terms and their trie.
  let terms: [Term]
  let trie: [TrieNode]

  // Rules.
  let rules: [CompiledRule]
  /// For each term id: (rule index, group index) pairs whose trigger uses it.
  let triggerUsers: [[RuleUse]]
  let cueSets: [CueSet]
  let codeIDs: [String]
  let diacritics: Diacritics

  struct RuleUse: Sendable {
    let rule: Int32
    let group: Int32
  }

  struct TrieNode: Sendable {
    var children: [Int32: Int32] = [:]
    var any: Int32 = -1
    var gaps: [(max: Int, node: Int32)] = []
    var terminals: [Int32] = []
  }

  struct CueSet: Sendable, Hashable {
    let cues: [Int32]
    let ignore: [Int32]
  }

  struct CompiledRule: Sendable {
    enum Kind: Sendable {
      case any
      case all(RuleScope)
      case near(Proximity)
    }
    let rule: Rule
    let code: Int32
    let kind: Kind
    let groups: [[Int32]]
    let exclude: [Int32]
    let cueSet: Int32  // -1: negation disabled
  }

  /// Compiles a validated codebook (pure: no I/O, no ICU calls).
  public init(_ codebook: Codebook) {
    self.codebook = codebook
    diacritics = codebook.diacritics
    var patternIDs: [Pattern: Int32] = [:]
    var patterns: [Pattern] = []
    var elementIDs: [[Pattern]: Int32] = [:]
    var elements: [[Pattern]] = []
    var termIDs: [Term: Int32] = [:]
    var terms: [Term] = []
    var trie = [TrieNode()]

    func elementID(_ alts: [Pattern]) -> Int32 {
      if let id = elementIDs[alts] { return id }
      let id = Int32(elements.count)
      elementIDs[alts] = id
      elements.append(alts)
      for p in alts where patternIDs[p] == nil {
        patternIDs[p] = Int32(patterns.count)
        patterns.append(p)
      }
      return id
    }

    func termID(_ term: Term) -> Int32 {
      if let id = termIDs[term] { return id }
      let id = Int32(terms.count)
      termIDs[term] = id
      terms.append(term)
      var node: Int32 = 0
      for part in term.parts {
        switch part {
        case .token(let alts):
          let e = elementID(alts)
          if let next = trie[Int(node)].children[e] {
            node = next
          } else {
            trie.append(TrieNode())
            let next = Int32(trie.count - 1)
            trie[Int(node)].children[e] = next
            node = next
          }
        case .anyToken:
          if trie[Int(node)].any >= 0 {
            node = trie[Int(node)].any
          } else {
            trie.append(TrieNode())
            let next = Int32(trie.count - 1)
            trie[Int(node)].any = next
            node = next
          }
        case .gap(let max):
          if let g = trie[Int(node)].gaps.first(where: { $0.max == max }) {
            node = g.node
          } else {
            trie.append(TrieNode())
            let next = Int32(trie.count - 1)
            trie[Int(node)].gaps.append((max, next))
            node = next
          }
        }
      }
      trie[Int(node)].terminals.append(id)
      return id
    }

    var cueSetIDs: [CueSet: Int32] = [:]
    var cueSets: [CueSet] = []
    var rules: [CompiledRule] = []
    let codeIDs = codebook.codes.map(\.id)
    for (ci, code) in codebook.codes.enumerated() {
      for rule in code.rules {
        let kind: CompiledRule.Kind
        let groups: [[Int32]]
        switch rule.trigger {
        case .any(let t):
          kind = .any
          groups = [t.map(termID)]
        case .all(let g, let scope):
          kind = .all(scope)
          groups = g.map { $0.map(termID) }
        case .near(let a, let b, let p):
          kind = .near(p)
          groups = [a.map(termID), b.map(termID)]
        }
        var cueSet: Int32 = -1
        if rule.negation.enabled, !rule.negation.cues.isEmpty {
          let set = CueSet(cues: rule.negation.cues.map(termID), ignore: rule.negation.ignore.map(termID))
          if let id = cueSetIDs[set] {
            cueSet = id
          } else {
            cueSet = Int32(cueSets.count)
            cueSetIDs[set] = cueSet
            cueSets.append(set)
          }
        }
        rules.append(
          CompiledRule(rule: rule, code: Int32(ci), kind: kind, groups: groups, exclude: rule.exclude.map(termID), cueSet: cueSet))
      }
    }
    var users = [[RuleUse]](repeating: [], count: terms.count)
    for (ri, r) in rules.enumerated() {
      for (gi, g) in r.groups.enumerated() {
        for t in g where !users[Int(t)].contains(where: { $0.rule == ri && $0.group == gi }) {
          users[Int(t)].append(RuleUse(rule: Int32(ri), group: Int32(gi)))
        }
      }
    }
    var elementsOfPattern = [[Int32]](repeating: [], count: patterns.count)
    for (ei, alts) in elements.enumerated() {
      for p in alts { elementsOfPattern[Int(patternIDs[p]!)].append(Int32(ei)) }
    }
    var exact: [String: [Int32]] = [:]
    var prefixes: [String: [Int32]] = [:]
    var suffixes: [String: [Int32]] = [:]
    var infixes: [String: [Int32]] = [:]
    var maxAffix = 0
    for (pi, p) in patterns.enumerated() {
      switch p.kind {
      case .exact: exact[p.literal, default: []].append(Int32(pi))
      case .prefix: prefixes[p.literal, default: []].append(Int32(pi))
      case .suffix: suffixes[p.literal, default: []].append(Int32(pi))
      case .infix: infixes[p.literal, default: []].append(Int32(pi))
      }
      if p.kind != .exact { maxAffix = max(maxAffix, p.literal.unicodeScalars.count) }
    }
    self.patterns = patterns
    self.elementsOfPattern = elementsOfPattern
    self.exact = exact
    self.prefixes = prefixes
    self.suffixes = suffixes
    self.infixes = infixes
    self.maxAffixScalars = maxAffix
    self.terms = terms
    self.trie = trie
    self.rules = rules
    self.triggerUsers = users
    self.cueSets = cueSets
    self.codeIDs = codeIDs
  }

  /// A matcher for one thread.
  public func makeSession() -> MatchSession { MatchSession(self) }

  /// Number of compiled rules.
  public var ruleCount: Int { rules.count }

  /// Element ids a normalised word matches (sorted, unique). Cost: one hash lookup for exact
  /// words plus one per prefix/suffix (and per substring for infixes) up to the longest glob
  /// literal — independent of how many rules there are.
  func elements(of word: String) -> [Int32] {
    let key = diacritics.key(word)
    var found: [Int32] = []
    if let e = exact[key] { found += e }
    if maxAffixScalars > 0 {
      let scalars = Array(key.unicodeScalars)
      let n = scalars.count
      let limit = min(n, maxAffixScalars)
      if !prefixes.isEmpty || !suffixes.isEmpty {
        for len in stride(from: 1, through: limit, by: 1) {
          if !prefixes.isEmpty, let e = prefixes[String(String.UnicodeScalarView(scalars[0..<len]))] { found += e }
          if !suffixes.isEmpty, let e = suffixes[String(String.UnicodeScalarView(scalars[(n - len)..<n]))] { found += e }
        }
      }
      if !infixes.isEmpty {
        for start in 0..<n {
          for len in stride(from: 1, through: min(limit, n - start), by: 1) {
            if let e = infixes[String(String.UnicodeScalarView(scalars[start..<(start + len)]))] { found += e }
          }
        }
      }
    }
    if found.isEmpty { return [] }
    var result: [Int32] = []
    for p in found { result += elementsOfPattern[Int(p)] }
    result.sort()
    var unique: [Int32] = []
    for e in result where unique.last != e { unique.append(e) }
    return unique
  }

  /// For a corpus vocabulary (normalised word → occurrences), the distinct words each glob of
  /// the codebook matched, most frequent first. Answers "what did `rus*` actually catch?".
  public func globMatches(in vocabulary: [String: Int]) -> [(pattern: Pattern, words: [(word: String, count: Int)])] {
    patterns.filter(\.isGlob).map { p in
      let words = vocabulary.filter { p.matches(diacritics.key($0.key)) }
        .map { (word: $0.key, count: $0.value) }
        .sorted { $0.count != $1.count ? $0.count > $1.count : $0.word < $1.word }
      return (p, words)
    }
  }
}
