import FritekstText

/// Matches answers against a ``CompiledCodebook``. Holds a cache of what each distinct word
/// matched, so it is **not** thread-safe: use one session per thread (they are cheap).
public final class MatchSession {
  public let compiled: CompiledCodebook
  private var cache: [String: [Int32]] = [:]
  /// The cache is cleared when it grows past this many words, which bounds memory on endless
  /// streams of new words (a million answers) at the cost of re-resolving some words.
  private let cacheLimit = 200_000

  init(_ compiled: CompiledCodebook) { self.compiled = compiled }

  struct TermMatch {
    let term: Int32
    let tokens: [Int]  // matched tokens (not gap tokens), ascending
    let first: Int
    let last: Int
    let gapTokens: [Int]  // tokens swallowed by '*' or '...'
  }

  /// The hits of `text`, ordered by first token, then codebook order of the code.
  public func match(_ text: TokenizedText) -> [CodeHit] {
    var sink: [Decision]? = nil
    return run(text, trace: &sink)
  }

  /// The hits plus every decision taken on the way (hits, negated, excluded, outside window,
  /// incomplete, overlapped), for `explain`.
  public func explain(_ text: TokenizedText) -> (hits: [CodeHit], decisions: [Decision]) {
    var sink: [Decision]? = []
    let hits = run(text, trace: &sink)
    // The same tokens can be judged once per alternative term ("psykolog*", "*psykolog"); say it once.
    var seen = Set<String>()
    let decisions = (sink ?? []).filter { d in
      seen.insert("\(d.ruleID)|\(d.verdict.rawValue)|\(d.tokens)").inserted
    }
    return (hits, decisions)
  }

  func elements(_ word: String) -> [Int32] {
    if let e = cache[word] { return e }
    if cache.count >= cacheLimit { cache.removeAll(keepingCapacity: true) }
    let e = compiled.elements(of: word)
    cache[word] = e
    return e
  }

  /// Every term match in the answer (phrases stay within a sentence).
  func termMatches(_ tokens: [Token]) -> [TermMatch] {
    let elems = tokens.map { elements($0.normalized) }
    var out: [TermMatch] = []
    var path: [Int] = []
    var gapPath: [Int] = []
    let trie = compiled.trie
    func inSentence(_ i: Int, _ start: Int) -> Bool { i < tokens.count && tokens[i].sentence == tokens[start].sentence }
    // Follows the node's child edges that token i matches.
    func advance(_ n: CompiledCodebook.TrieNode, _ i: Int, _ start: Int) {
      guard inSentence(i, start) else { return }
      for e in elems[i] {
        if let next = n.children[e] {
          path.append(i)
          walk(next, i + 1, start)
          path.removeLast()
        }
      }
    }
    func walk(_ node: Int32, _ i: Int, _ start: Int) {
      let n = trie[Int(node)]
      if !n.terminals.isEmpty, let first = path.first, let last = path.last {
        for t in n.terminals {
          out.append(TermMatch(term: t, tokens: path, first: first, last: last, gapTokens: gapPath))
        }
      }
      guard inSentence(i, start) else { return }
      advance(n, i, start)
      if n.any >= 0 {
        gapPath.append(i)
        // '*' consumes a token but the phrase continues; it is not part of the highlighted hit.
        walk(n.any, i + 1, start)
        gapPath.removeLast()
      }
      // A gap skips 0…max tokens; the next element must then match a token (terminals were
      // checked before the gap: a term never ends with a gap).
      for g in n.gaps {
        var skipped = 0
        var j = i
        while skipped <= g.max {
          advance(trie[Int(g.node)], j, start)
          guard inSentence(j, start) else { break }
          gapPath.append(j)
          j += 1
          skipped += 1
        }
        gapPath.removeLast(skipped)
      }
    }
    for i in tokens.indices where !elems[i].isEmpty {
      walk(0, i, i)
    }
    return out
  }

  private struct Candidate {
    let rule: Int
    let tokens: [Int]
  }

  private func run(_ text: TokenizedText, trace: inout [Decision]?) -> [CodeHit] {
    let tokens = text.tokens
    guard !tokens.isEmpty else { return [] }
    let matches = termMatches(tokens)
    guard !matches.isEmpty else { return [] }
    let rules = compiled.rules

    // Which rules can fire, and with which matches per group: (rule, group, match) triples,
    // sorted so each rule's uses are contiguous. No per-answer dictionaries on this path.
    var uses: [(rule: Int32, group: Int32, match: Int32)] = []
    for (mi, m) in matches.enumerated() {
      for use in compiled.triggerUsers[Int(m.term)] { uses.append((use.rule, use.group, Int32(mi))) }
    }
    if uses.isEmpty { return [] }
    uses.sort { $0.rule != $1.rule ? $0.rule < $1.rule : ($0.group != $1.group ? $0.group < $1.group : $0.match < $1.match) }

    // Negating cue matches per cue set, computed once per answer and only when needed.
    var cueCache: [Int32: [TermMatch]] = [:]
    func cues(_ set: Int32) -> [TermMatch] {
      if let c = cueCache[set] { return c }
      let cs = compiled.cueSets[Int(set)]
      let ignored = matches.filter { cs.ignore.contains($0.term) }
      let found = matches.filter { cue in
        cs.cues.contains(cue.term) && !ignored.contains { ig in ig.first <= cue.first && cue.last <= ig.last }
      }
      cueCache[set] = found
      return found
    }

    func describe(_ m: TermMatch) -> String {
      let words = m.tokens.map { tokens[$0].surface }.joined(separator: " ")
      return "'\(words)' (\(compiled.terms[Int(m.term)].source))"
    }

    /// Why a component match is vetoed, or nil when it survives.
    func veto(_ m: TermMatch, _ rule: CompiledCodebook.CompiledRule) -> (Verdict, String)? {
      for ex in rule.exclude {
        for x in matches where x.term == ex {
          let applies: Bool
          switch rule.rule.excludeScope {
          case .overlap: applies = x.first <= m.last && m.first <= x.last
          case .sentence: applies = tokens[x.first].sentence == tokens[m.first].sentence
          case .answer: applies = true
          }
          if applies {
            return (.excluded, "\(describe(m)) excluded by '\(compiled.terms[Int(ex)].source)' at token \(x.first)")
          }
        }
      }
      if rule.cueSet >= 0 {
        let neg = rule.rule.negation
        let sentence = tokens[m.first].sentence
        for cue in cues(rule.cueSet) where tokens[cue.first].sentence == sentence {
          let cueWords = cue.tokens.map { tokens[$0].surface }.joined(separator: " ")
          if cue.last < m.first && m.first - cue.last <= neg.window {
            return (.negated, "\(describe(m)) negated by '\(cueWords)' at token \(cue.first) (\(m.first - cue.last) token(s) before, window \(neg.window))")
          }
          if cue.first > m.last && cue.first - m.last <= neg.after {
            return (.negated, "\(describe(m)) negated by '\(cueWords)' at token \(cue.first) (after the match, window \(neg.after))")
          }
          if m.gapTokens.contains(cue.first) {
            return (.negated, "\(describe(m)) negated by '\(cueWords)' inside the phrase at token \(cue.first)")
          }
        }
      }
      return nil
    }

    var candidatesByCode: [Int32: [Candidate]] = [:]
    var u = 0
    while u < uses.count {
      let r = Int(uses[u].rule)
      let rule = rules[r]
      var groups = [[Int]](repeating: [], count: rule.groups.count)
      while u < uses.count && Int(uses[u].rule) == r {
        groups[Int(uses[u].group)].append(Int(uses[u].match))
        u += 1
      }
      let ruleID = rule.rule.id
      let codeID = compiled.codeIDs[Int(rule.code)]
      // Component-level filtering: negation and exclusion are judged per term match.
      var surviving: [[Int]] = []
      for g in groups {
        var keep: [Int] = []
        for mi in g {
          if let (verdict, detail) = veto(matches[mi], rule) {
            trace?.append(Decision(codeID: codeID, ruleID: ruleID, verdict: verdict, tokens: matches[mi].tokens, detail: detail))
          } else {
            keep.append(mi)
          }
        }
        surviving.append(keep)
      }
      var produced: [Candidate] = []
      switch rule.kind {
      case .any:
        for mi in surviving[0] { produced.append(Candidate(rule: r, tokens: matches[mi].tokens)) }
      case .all(let scope):
        if let missing = surviving.firstIndex(where: { $0.isEmpty }) {
          if trace != nil {
            let found = surviving.enumerated().filter { !$0.element.isEmpty }.flatMap { $0.element.map { describe(matches[$0]) } }
            let wanted = rule.groups[missing].map { compiled.terms[Int($0)].source }.joined(separator: ", ")
            trace!.append(Decision(codeID: codeID, ruleID: ruleID, verdict: .incomplete, tokens: surviving.flatMap { $0.flatMap { matches[$0].tokens } }.sorted(), detail: (found.isEmpty ? "" : "found \(found.joined(separator: ", ")) but ") + "nothing from group \(missing + 1) (\(wanted)) in the \(scope.rawValue)"))
          }
          break
        }
        switch scope {
        case .answer:
          produced.append(Candidate(rule: r, tokens: Array(Set(surviving.flatMap { $0.flatMap { matches[$0].tokens } })).sorted()))
        case .sentence:
          let sentences = Set(surviving[0].map { tokens[matches[$0].first].sentence })
          var any = false
          for s in sentences.sorted() {
            let inS = surviving.map { $0.filter { tokens[matches[$0].first].sentence == s } }
            if inS.allSatisfy({ !$0.isEmpty }) {
              any = true
              produced.append(Candidate(rule: r, tokens: Array(Set(inS.flatMap { $0.flatMap { matches[$0].tokens } })).sorted()))
            }
          }
          if !any, trace != nil {
            trace!.append(Decision(codeID: codeID, ruleID: ruleID, verdict: .incomplete, tokens: surviving.flatMap { $0.flatMap { matches[$0].tokens } }.sorted(), detail: "every group matched, but never all in one sentence"))
          }
        }
      case .near(let proximity):
        var nearest: (Int, TermMatch, TermMatch)? = nil
        for ai in surviving[0] {
          let a = matches[ai]
          for bi in surviving[1] {
            let b = matches[bi]
            if ai == bi { continue }  // one match never pairs with itself
            // Overlapping matches (both sides inside one compound, "psykologstilling") are 0 apart.
            let distance = b.first > a.last ? b.first - a.last - 1 : (a.first > b.last ? a.first - b.last - 1 : 0)
            let ok: Bool
            switch proximity {
            case .tokens(let n): ok = distance <= n
            case .sentence: ok = tokens[a.first].sentence == tokens[b.first].sentence
            case .tokensInSentence(let n): ok = distance <= n && tokens[a.first].sentence == tokens[b.first].sentence
            }
            if ok {
              produced.append(Candidate(rule: r, tokens: Array(Set(a.tokens + b.tokens)).sorted()))
            } else if nearest == nil || distance < nearest!.0 {
              nearest = (distance, a, b)
            }
          }
        }
        if produced.isEmpty, trace != nil {
          if let (d, a, b) = nearest {
            let place: String
            switch proximity {
            case .sentence: place = "in different sentences"
            case .tokens: place = "\(d) tokens apart"
            case .tokensInSentence(let n): place = d > n ? "\(d) tokens apart" : "in different sentences"
            }
            trace!.append(Decision(codeID: codeID, ruleID: ruleID, verdict: .outsideWindow, tokens: (a.tokens + b.tokens).sorted(), detail: "\(describe(a)) and \(describe(b)) are \(place), outside the window (\(proximity))"))
          } else {
            let side = surviving[0].isEmpty ? 1 : 2
            let have = (surviving[0] + surviving[1]).map { describe(matches[$0]) }
            let found = have.isEmpty ? "" : "found \(have.joined(separator: ", ")) but "
            trace!.append(Decision(codeID: codeID, ruleID: ruleID, verdict: .incomplete, tokens: (surviving[0] + surviving[1]).flatMap { matches[$0].tokens }.sorted(), detail: found + "nothing (left after negation and exclusions) from side \(side == 1 ? "A" : "B")"))
          }
        }
      }
      if !produced.isEmpty { candidatesByCode[rule.code, default: []].append(contentsOf: produced) }
    }

    // Per code: longest first, then leftmost, then rule order; a token counts once per code.
    var hits: [(code: Int32, hit: CodeHit)] = []
    for code in candidatesByCode.keys.sorted() {
      let sorted = candidatesByCode[code]!.sorted { a, b in
        if a.tokens.count != b.tokens.count { return a.tokens.count > b.tokens.count }
        if a.tokens[0] != b.tokens[0] { return a.tokens[0] < b.tokens[0] }
        return a.rule < b.rule
      }
      var taken = Set<Int>()
      var seen = Set<[Int]>()
      for c in sorted {
        let ruleID = rules[c.rule].rule.id
        let codeID = compiled.codeIDs[Int(code)]
        if c.tokens.contains(where: taken.contains) {
          if trace != nil, seen.insert(c.tokens).inserted {
            trace!.append(Decision(codeID: codeID, ruleID: ruleID, verdict: .overlapped, tokens: c.tokens, detail: "tokens \(c.tokens.map(String.init).joined(separator: ",")) already carry a longer hit of '\(codeID)'"))
          }
          continue
        }
        taken.formUnion(c.tokens)
        seen.insert(c.tokens)
        let hit = CodeHit(codeID: codeID, ruleID: ruleID, tokens: c.tokens, spans: c.tokens.map { tokens[$0].span })
        hits.append((code, hit))
        trace?.append(Decision(codeID: codeID, ruleID: ruleID, verdict: .hit, tokens: c.tokens, detail: "matched '\(hit.matchedText(in: text.text))'"))
      }
    }
    return hits.sorted { a, b in
      a.hit.tokens[0] != b.hit.tokens[0] ? a.hit.tokens[0] < b.hit.tokens[0] : a.code < b.code
    }.map(\.hit)
  }
}
