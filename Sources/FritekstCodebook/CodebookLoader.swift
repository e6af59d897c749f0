import Foundation
import FritekstText
import Yams

/// Reads codebook YAML into a validated ``Codebook``, collecting **every** problem as a
/// ``Diagnostic`` with its `file:line:col` (not only the first).
///
/// The loader returns a best-effort codebook even when there are errors, so callers can show
/// all findings; only an error-free codebook should be compiled for real use.
public enum CodebookLoader {
  /// Result of loading: the codebook (nil when the file could not be read or parsed at all) and
  /// all findings in file order.
  public struct Result: Sendable {
    public let codebook: Codebook?
    public let diagnostics: [Diagnostic]
    /// True when the file could not be read (exit status 2 in the CLI).
    public let unreadable: Bool
  }

  /// Loads the codebook at `path`.
  public static func load(path: String) -> Result {
    guard let data = FileManager.default.contents(atPath: path) else {
      return Result(codebook: nil, diagnostics: [Diagnostic(.error, "cannot read file", at: SourceLocation(file: path, line: 1, column: 1))], unreadable: true)
    }
    let text: String
    do { text = try decodeUTF8([UInt8](data), file: path) } catch {
      return Result(codebook: nil, diagnostics: [Diagnostic(.error, "invalid UTF-8 at byte offset \(error.byteOffset); save the codebook as UTF-8", at: SourceLocation(file: path, line: error.line, column: error.column))], unreadable: true)
    }
    return parse(yaml: text, path: path, fingerprint: SHA256.hex([UInt8](data)))
  }

  /// Parses codebook YAML given as a string (`path` is used in diagnostics).
  public static func parse(yaml: String, path: String, fingerprint: String? = nil) -> Result {
    var loader = Loader(path: path)
    let fp = fingerprint ?? SHA256.hex(Array(yaml.utf8))
    let node: Node?
    do {
      node = try Yams.compose(yaml: yaml)
    } catch let error as YamlError {
      loader.yamlError(error)
      return Result(codebook: nil, diagnostics: loader.diagnostics.sortedByLocation(), unreadable: false)
    } catch {
      loader.error("YAML error: \(error)", at: nil)
      return Result(codebook: nil, diagnostics: loader.diagnostics, unreadable: false)
    }
    guard let root = node else {
      loader.error("the codebook is empty", at: SourceLocation(file: path, line: 1, column: 1))
      return Result(codebook: nil, diagnostics: loader.diagnostics, unreadable: false)
    }
    let codebook = loader.codebook(root, fingerprint: fp)
    return Result(codebook: codebook, diagnostics: loader.diagnostics.sortedByLocation(), unreadable: false)
  }
}

/// Key sets, for "unknown key" findings with suggestions.
enum Keys {
  static let top = ["id", "title", "version", "language", "question", "description", "options", "variants", "lists", "codes"]
  static let options = ["negation", "diacritics"]
  static let negation = ["enabled", "window", "after", "cues", "add", "remove", "ignore"]
  static let code = ["id", "label", "description", "parent", "rules", "examples"]
  static let rule = ["id", "match", "all", "near", "within", "scope", "exclude", "exclude_scope", "negation", "note"]
  static let examples = ["match", "no_match"]
}

/// Edit distance, for "did you mean" suggestions.
func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a), b = Array(b)
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var prev = Array(0...b.count)
  var cur = [Int](repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    cur[0] = i
    for j in 1...b.count {
      cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
    }
    swap(&prev, &cur)
  }
  return prev[b.count]
}

/// The closest candidate, when close enough to be a plausible typo.
func suggestion(for word: String, among candidates: [String]) -> String? {
  let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
  guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
  return best.1 <= max(2, word.count / 3) ? best.0 : nil
}

private struct NegationSettings {
  var enabled = true
  var window = NegationDefaults.window
  var after = NegationDefaults.after
  var cues: [String]
  var ignore: [String] = NegationDefaults.ignore
  var location: SourceLocation?
}

private struct Loader {
  let path: String
  var diagnostics: [Diagnostic] = []
  var parser: TermParser! = nil
  /// Named word lists (`lists:`), used as `$name` entries in any list of terms.
  var lists: [String: [(String, SourceLocation?)]] = [:]
  var listOrder: [(String, SourceLocation?)] = []
  var usedLists = Set<String>()

  init(path: String) { self.path = path }

  func loc(_ node: Node?) -> SourceLocation? {
    guard let m = node?.mark else { return nil }
    return SourceLocation(file: path, line: m.line, column: m.column)
  }

  mutating func error(_ message: String, at location: SourceLocation?, notes: [String] = []) {
    diagnostics.append(Diagnostic(.error, message, at: location, notes: notes))
  }

  mutating func warning(_ message: String, at location: SourceLocation?) {
    diagnostics.append(Diagnostic(.warning, message, at: location))
  }

  mutating func yamlError(_ error: YamlError) {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let extra = context.map { " (\($0.text))" } ?? ""
      // The commonest codebook mistake: an unquoted glob that starts with '*' is a YAML alias.
      let aliasHint = problem.contains("alias") || (context?.text.contains("alias") ?? false)
      let notes = aliasHint ? ["a word that starts with '*' must be quoted in YAML: write '*sykepleier' or \"*sykepleier*\""] : []
      self.error("YAML syntax error: \(problem)\(extra)", at: SourceLocation(file: path, line: mark.line, column: mark.column), notes: notes)
    case .duplicatedKeysInMapping(let duplicates, let context):
      self.error("duplicate key(s) \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in one mapping", at: SourceLocation(file: path, line: context.mark.line, column: context.mark.column))
    default:
      self.error("YAML error: \(error)", at: SourceLocation(file: path, line: 1, column: 1))
    }
  }

  /// Mapping entries keyed by string, reporting unknown keys with suggestions.
  mutating func entries(_ node: Node, allowed: [String], what: String) -> [String: (key: Node, value: Node)] {
    guard case .mapping(let mapping) = node else {
      error("\(what) must be a mapping (key: value lines)", at: loc(node))
      return [:]
    }
    var result: [String: (key: Node, value: Node)] = [:]
    for (k, v) in mapping {
      guard let key = k.string else {
        error("keys in \(what) must be plain words", at: loc(k))
        continue
      }
      if !allowed.contains(key) {
        var message = "unknown key '\(key)' in \(what)"
        if let s = suggestion(for: key, among: allowed) { message += "; did you mean '\(s)'?" }
        error(message, at: loc(k), notes: ["allowed keys: \(allowed.joined(separator: ", "))"])
        continue
      }
      result[key] = (k, v)
    }
    return result
  }

  mutating func string(_ node: Node?, what: String) -> String? {
    guard let node else { return nil }
    if case .scalar(let s) = node { return s.string }
    error("\(what) must be a single value, not a list or mapping", at: loc(node))
    return nil
  }

  mutating func int(_ node: Node?, what: String, min lower: Int) -> Int? {
    guard let node else { return nil }
    if case .scalar(let s) = node, let n = Int(s.string), n >= lower { return n }
    error("\(what) must be a whole number ≥ \(lower)", at: loc(node))
    return nil
  }

  mutating func bool(_ node: Node?, what: String) -> Bool? {
    guard let node else { return nil }
    if case .scalar(let s) = node {
      switch s.string.lowercased() {
      case "true", "yes", "on", "ja": return true
      case "false", "no", "off", "nei": return false
      default: break
      }
    }
    error("\(what) must be true or false", at: loc(node))
    return nil
  }

  /// A list of scalar strings (a single scalar counts as a one-element list).
  mutating func strings(_ node: Node?, what: String) -> [(String, SourceLocation?)] {
    guard let node else { return [] }
    switch node {
    case .scalar(let s): return [(s.string, loc(node))]
    case .sequence(let seq):
      var result: [(String, SourceLocation?)] = []
      for item in seq {
        if case .scalar(let s) = item { result.append((s.string, loc(item))) } else {
          error("each entry of \(what) must be a single word or phrase", at: loc(item))
        }
      }
      return result
    default:
      error("\(what) must be a word, a phrase or a list of them", at: loc(node))
      return []
    }
  }

  /// Replaces `$name` entries by the words of the named list. Inside a phrase (`$psykolog ...2
  /// til`) a list stands for one alternative group of its entries, `(psykolog*|*psykolog|…)`, which
  /// the term parser expands like any written alternatives; only lists of plain words and phrases
  /// (no alternatives or gaps of their own) can stand there.
  mutating func expandLists(_ raw: [(String, SourceLocation?)]) -> [(String, SourceLocation?)] {
    var out: [(String, SourceLocation?)] = []
    for (s, l) in raw {
      let t = s.trimmingWhitespace()
      if t.hasPrefix("$"), !t.contains(where: \.isWhitespace) {
        if let items = list(named: String(t.dropFirst()), at: l) { out += items }
        continue
      }
      let words = t.split(whereSeparator: \.isWhitespace).map(String.init)
      guard words.contains(where: { $0.hasPrefix("$") }) else {
        out.append((s, l))
        continue
      }
      var phrase: [String] = []
      for word in words {
        guard word.hasPrefix("$") else {
          phrase.append(word)
          continue
        }
        guard let items = list(named: String(word.dropFirst()), at: l) else { phrase = []; break }
        if let complex = items.first(where: { $0.0.contains(where: { "()|".contains($0) }) || $0.0.contains("...") }) {
          error("list '\(word)' cannot stand inside the phrase '\(t)': its entry '\(complex.0)' has alternatives or a gap of its own", at: l)
          phrase = []
          break
        }
        phrase.append("(" + items.map { $0.0.trimmingWhitespace() }.joined(separator: "|") + ")")
      }
      if !phrase.isEmpty { out.append((phrase.joined(separator: " "), l)) }
    }
    return out
  }

  /// The entries of list `name`, marked used; an unknown name is reported at `location`.
  private mutating func list(named name: String, at location: SourceLocation?) -> [(String, SourceLocation?)]? {
    if let items = lists[name] {
      usedLists.insert(name)
      return items
    }
    var message = "unknown list '$\(name)'"
    if let near = suggestion(for: name, among: listOrder.map(\.0)) { message += "; did you mean '$\(near)'?" }
    error(message, at: location)
    return nil
  }

  /// Reads `lists:`: name → words (each a term as in `match:`).
  mutating func readLists(_ node: Node) {
    guard case .mapping(let mapping) = node else {
      error("lists must be a mapping of names to word lists, e.g. need: [mangler, behov]", at: loc(node))
      return
    }
    for (k, v) in mapping {
      guard let name = k.string, !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
        error("a list name is one word of letters, digits, '_' or '-'", at: loc(k))
        continue
      }
      let items = strings(v, what: "list '\(name)'")
      if items.isEmpty { error("list '\(name)' is empty", at: loc(v)) }
      if let nested = items.first(where: { $0.0.trimmingWhitespace().hasPrefix("$") }) {
        error("list '\(name)' refers to '\(nested.0)'; lists cannot contain other lists", at: nested.1)
        continue
      }
      lists[name] = items
      listOrder.append((name, loc(k)))
    }
  }

  mutating func terms(_ node: Node?, what: String) -> [Term] {
    let written = strings(node, what: what)
    if node != nil, written.isEmpty, diagnostics.last?.location != loc(node) {
      error("empty rule: \(what) lists no words", at: loc(node))
    }
    let raw = expandLists(written)
    var result: [Term] = []
    for (s, l) in raw {
      result += parser.parse(s, at: l, into: &diagnostics)
    }
    return result
  }

  mutating func codebook(_ root: Node, fingerprint: String) -> Codebook? {
    let top = entries(root, allowed: Keys.top, what: "the codebook")
    if let l = top["lists"]?.value { readLists(l) }
    let id = string(top["id"]?.value, what: "id") ?? ""
    if top["id"] == nil { error("the codebook has no 'id'", at: loc(root)) }
    let title = string(top["title"]?.value, what: "title") ?? id
    if top["title"] == nil { warning("the codebook has no 'title'", at: loc(root)) }
    let version = string(top["version"]?.value, what: "version") ?? ""
    if top["version"] == nil { warning("the codebook has no 'version'; runs cannot cite it exactly", at: loc(root)) }
    var language = CodebookLanguage.both
    if let raw = string(top["language"]?.value, what: "language") {
      if let l = CodebookLanguage(rawValue: raw) { language = l } else {
        error("language must be nb, nn or both, not '\(raw)'", at: loc(top["language"]?.value))
      }
    }
    let question = string(top["question"]?.value, what: "question") ?? ""
    let description = string(top["description"]?.value, what: "description") ?? ""

    // Options first: they shape how terms are parsed and which cues apply.
    var diacritics = Diacritics.keep
    var negation = NegationSettings(cues: NegationDefaults.cues(for: language))
    if let optionsNode = top["options"]?.value {
      let options = entries(optionsNode, allowed: Keys.options, what: "options")
      if let d = options["diacritics"]?.value {
        if let mode = string(d, what: "diacritics").flatMap(Diacritics.init(rawValue:)) {
          diacritics = mode
        } else {
          error("diacritics must be 'keep' (default), 'ignore' or 'fold'", at: loc(d))
        }
      }
      if let n = options["negation"]?.value { negation = negationSettings(n, base: negation, what: "options.negation") }
    }
    var variants: [[String]] = []
    if let v = top["variants"]?.value {
      if case .sequence(let groups) = v {
        for g in groups {
          let members = strings(g, what: "a variant group").map { Normalizer.normalize($0.0.trimmingWhitespace()) }
          if members.count < 2 { error("a variant group needs at least two spellings, e.g. [sykepleier, sjukepleiar]", at: loc(g)) }
          if members.contains(where: { $0.isEmpty || $0.contains("*") || $0.contains(" ") }) {
            error("variant spellings are single words without '*'", at: loc(g))
          } else if members.count >= 2 {
            variants.append(members)
          }
        }
      } else {
        error("variants must be a list of groups, e.g. - [sykepleier, sjukepleiar]", at: loc(v))
      }
    }
    let tokenizer: Tokenizer
    do { tokenizer = try Tokenizer() } catch {
      self.error("cannot tokenise the codebook's terms: \(error)", at: loc(root))
      return nil
    }
    parser = TermParser(tokenizer: tokenizer, variants: variants.map { $0.map(diacritics.key) }, diacritics: diacritics)
    let defaultNegation = resolve(negation)

    var codes: [Code] = []
    if let codesNode = top["codes"]?.value {
      if case .sequence(let seq) = codesNode {
        if seq.isEmpty { error("the codebook lists no codes", at: loc(codesNode)) }
        for c in seq { if let code = self.code(c, defaults: negation, defaultNegation: defaultNegation) { codes.append(code) } }
      } else {
        error("codes must be a list (each entry starting with '- id:')", at: loc(codesNode))
      }
    } else {
      error("the codebook has no 'codes'", at: loc(root))
    }
    validate(codes)
    for (name, l) in listOrder where !usedLists.contains(name) {
      warning("list '\(name)' is never used (write '$\(name)' in a list of words)", at: l)
    }
    return Codebook(
      id: id, title: title, version: version, language: language, question: question,
      description: description, codes: codes, diacritics: diacritics, path: path,
      fingerprint: fingerprint)
  }

  mutating func negationSettings(_ node: Node, base: NegationSettings, what: String) -> NegationSettings {
    var s = base
    s.location = loc(node)
    if case .scalar = node {
      if let b = bool(node, what: what) { s.enabled = b }
      return s
    }
    let e = entries(node, allowed: Keys.negation, what: what)
    if let v = e["enabled"]?.value, let b = bool(v, what: "\(what).enabled") { s.enabled = b }
    if let v = e["window"]?.value, let n = int(v, what: "\(what).window", min: 0) { s.window = n }
    if let v = e["after"]?.value, let n = int(v, what: "\(what).after", min: 0) { s.after = n }
    if let v = e["cues"]?.value {
      let list = strings(v, what: "\(what).cues").map(\.0)
      s.cues = list == ["default"] ? NegationDefaults.cues(for: .both) : list
    }
    if let v = e["add"]?.value { s.cues += strings(v, what: "\(what).add").map(\.0) }
    if let v = e["remove"]?.value {
      for (r, l) in strings(v, what: "\(what).remove") {
        let norm = Normalizer.normalize(r)
        if !s.cues.contains(where: { Normalizer.normalize($0) == norm }) {
          warning("'\(r)' is not among the negation cues, so removing it changes nothing", at: l)
        }
        s.cues.removeAll { Normalizer.normalize($0) == norm }
      }
    }
    if let v = e["ignore"]?.value { s.ignore = strings(v, what: "\(what).ignore").map(\.0) }
    if s.enabled && s.cues.isEmpty && (s.window > 0 || s.after > 0) {
      warning("negation is enabled but has no cues", at: s.location)
    }
    return s
  }

  mutating func resolve(_ s: NegationSettings) -> Negation {
    var cues: [Term] = []
    for (c, l) in expandLists(s.cues.map { ($0, s.location) }) { for t in parser.parse(c, at: l, into: &diagnostics) where !cues.contains(t) { cues.append(t) } }
    var ignore: [Term] = []
    for (c, l) in expandLists(s.ignore.map { ($0, s.location) }) { for t in parser.parse(c, at: l, into: &diagnostics) where !ignore.contains(t) { ignore.append(t) } }
    return Negation(enabled: s.enabled, window: s.window, after: s.after, cues: cues, ignore: ignore)
  }

  mutating func code(_ node: Node, defaults: NegationSettings, defaultNegation: Negation) -> Code? {
    let e = entries(node, allowed: Keys.code, what: "a code")
    guard case .mapping = node else { return nil }
    guard let id = string(e["id"]?.value, what: "code id"), !id.isEmpty else {
      error("a code needs an 'id'", at: loc(node))
      return nil
    }
    if id.contains(where: { $0.isWhitespace }) { error("code id '\(id)' must not contain spaces", at: loc(e["id"]?.value)) }
    let label = string(e["label"]?.value, what: "label") ?? id
    if e["label"] == nil { warning("code '\(id)' has no label", at: loc(node)) }
    let description = string(e["description"]?.value, what: "description") ?? ""
    let parent = string(e["parent"]?.value, what: "parent")
    var rules: [Rule] = []
    if let rulesNode = e["rules"]?.value {
      if case .sequence(let seq) = rulesNode {
        if seq.isEmpty { error("empty rule list in code '\(id)'", at: loc(rulesNode)) }
        for (i, r) in seq.enumerated() {
          if let rule = rule(r, codeID: id, index: i + 1, defaults: defaults, defaultNegation: defaultNegation) { rules.append(rule) }
        }
      } else {
        error("rules of code '\(id)' must be a list", at: loc(rulesNode))
      }
    }
    var must: [Example] = []
    var mustNot: [Example] = []
    if let ex = e["examples"]?.value {
      let x = entries(ex, allowed: Keys.examples, what: "examples")
      must = strings(x["match"]?.value, what: "examples.match").map { Example(text: $0.0, location: $0.1) }
      mustNot = strings(x["no_match"]?.value, what: "examples.no_match").map { Example(text: $0.0, location: $0.1) }
    }
    return Code(id: id, label: label, description: description, parent: parent, rules: rules, mustMatch: must, mustNotMatch: mustNot, location: loc(e["id"]?.value) ?? loc(node))
  }

  mutating func rule(_ node: Node, codeID: String, index: Int, defaults: NegationSettings, defaultNegation: Negation) -> Rule? {
    // Shorthand: a bare string is `match: <string>`.
    if case .scalar = node {
      let terms = self.terms(node, what: "rule \(index) of '\(codeID)'")
      guard !terms.isEmpty else { return nil }
      return Rule(id: "\(codeID)#\(index)", codeID: codeID, trigger: .any(terms), exclude: [], excludeScope: .overlap, negation: defaultNegation, location: loc(node))
    }
    let e = entries(node, allowed: Keys.rule, what: "a rule")
    guard case .mapping = node else { return nil }
    let id = string(e["id"]?.value, what: "rule id") ?? "\(codeID)#\(index)"
    let triggers = ["match", "all", "near"].filter { e[$0] != nil }
    if triggers.isEmpty {
      error("empty rule '\(id)': it needs one of match:, all: or near:", at: loc(node))
      return nil
    }
    if triggers.count > 1 {
      error("rule '\(id)' has \(triggers.joined(separator: " and ")); use exactly one (split it into two rules)", at: loc(e[triggers[1]]?.key))
      return nil
    }
    // Where all: groups / near: sides must be: one parse for both rule kinds.
    var scope = RuleScope.answer
    if let s = e["scope"]?.value {
      if let v = string(s, what: "scope"), let r = RuleScope(rawValue: v) { scope = r } else {
        error("scope must be 'answer' or 'sentence'", at: loc(s))
      }
    }
    var trigger: RuleTrigger
    switch triggers[0] {
    case "match":
      let t = terms(e["match"]!.value, what: "match of rule '\(id)'")
      guard !t.isEmpty else { return nil }
      trigger = .any(t)
      if e["within"] != nil { warning("'within' only applies to near: rules", at: loc(e["within"]?.key)) }
    case "all":
      guard case .sequence(let groups) = e["all"]!.value, groups.count >= 2 else {
        error("all: of rule '\(id)' needs a list of at least two groups", at: loc(e["all"]!.value))
        return nil
      }
      var parsed: [[Term]] = []
      for g in groups {
        let t = terms(g, what: "a group of rule '\(id)'")
        if t.isEmpty { return nil }
        parsed.append(t)
      }
      trigger = .all(parsed, scope: scope)
    default:
      guard case .sequence(let sides) = e["near"]!.value, sides.count == 2 else {
        error("near: of rule '\(id)' needs exactly two sides, e.g. near: [kompetanse, rus*]", at: loc(e["near"]!.value))
        return nil
      }
      let a = terms(sides[sides.startIndex], what: "near side A of rule '\(id)'")
      let b = terms(sides[sides.index(after: sides.startIndex)], what: "near side B of rule '\(id)'")
      guard !a.isEmpty, !b.isEmpty else { return nil }
      guard let w = e["within"]?.value else {
        error("near: rule '\(id)' needs 'within: N' (tokens) or 'within: sentence'", at: loc(node))
        return nil
      }
      let proximity: Proximity
      if string(w, what: "within") == "sentence" {
        proximity = .sentence
      } else if let n = int(w, what: "within", min: 0) {
        proximity = scope == .sentence ? .tokensInSentence(n) : .tokens(n)
      } else {
        return nil
      }
      trigger = .near(a, b, proximity)
    }
    if e["scope"] != nil, triggers[0] == "match" { warning("'scope' only applies to all: and near: rules", at: loc(e["scope"]?.key)) }
    let exclude = e["exclude"].map { terms($0.value, what: "exclude of rule '\(id)'") } ?? []
    var excludeScope = ExcludeScope.overlap
    if let s = e["exclude_scope"]?.value {
      if let v = string(s, what: "exclude_scope"), let r = ExcludeScope(rawValue: v) { excludeScope = r } else {
        error("exclude_scope must be overlap, sentence or answer", at: loc(s))
      }
    }
    var negation = defaultNegation
    if let n = e["negation"]?.value {
      negation = resolve(negationSettings(n, base: defaults, what: "negation of rule '\(id)'"))
    }
    return Rule(id: id, codeID: codeID, trigger: trigger, exclude: exclude, excludeScope: excludeScope, negation: negation, location: loc(e["id"]?.value) ?? loc(node))
  }

  /// Checks that span codes: duplicate ids, parents, cycles, duplicate rules.
  mutating func validate(_ codes: [Code]) {
    var firstByID: [String: Code] = [:]
    var ruleIDs: [String: Rule] = [:]
    for code in codes {
      if let first = firstByID[code.id] {
        error("duplicate code id '\(code.id)'", at: code.location, notes: ["first defined at \(first.location.map(\.description) ?? "?")"])
      } else {
        firstByID[code.id] = code
      }
      for rule in code.rules {
        if let first = ruleIDs[rule.id] {
          error("duplicate rule id '\(rule.id)'", at: rule.location, notes: ["first used at \(first.location.map(\.description) ?? "?")"])
        } else {
          ruleIDs[rule.id] = rule
        }
      }
    }
    let ids = codes.map(\.id)
    for code in codes {
      if let p = code.parent, firstByID[p] == nil {
        var message = "code '\(code.id)' has unknown parent '\(p)'"
        if let s = suggestion(for: p, among: ids) { message += "; did you mean '\(s)'?" }
        error(message, at: code.location)
      }
    }
    // Cycles: walk up from each code.
    var reported = Set<String>()
    for code in codes {
      var path = [code.id]
      var current = code.parent
      while let c = current, let next = firstByID[c] {
        if let i = path.firstIndex(of: c) {
          let cycle = Array(path[i...]) + [c]
          let key = Set(cycle).sorted().joined(separator: ",")
          if reported.insert(key).inserted {
            error("cycle in the code hierarchy: \(cycle.joined(separator: " → "))", at: firstByID[cycle[0]]?.location)
          }
          break
        }
        path.append(c)
        current = next.parent
      }
    }
    let parents = Set(codes.compactMap(\.parent))
    for code in codes where code.rules.isEmpty && !parents.contains(code.id) {
      warning("code '\(code.id)' has no rules and no child codes, so it can never be assigned", at: code.location)
    }
    // Duplicate rules (same trigger) in different codes or twice in one code.
    var seen: [RuleTrigger: Rule] = [:]
    for code in codes {
      for rule in code.rules {
        if let other = seen[rule.trigger] {
          let whose = other.codeID == rule.codeID ? "of the same code" : "of code '\(other.codeID)'"
          warning("rule '\(rule.id)' duplicates rule '\(other.id)' \(whose)", at: rule.location)
        } else {
          seen[rule.trigger] = rule
        }
      }
    }
  }
}
