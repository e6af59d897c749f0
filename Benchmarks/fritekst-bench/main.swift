// Micro-benchmarks for Fritekst's hot paths (run in release: Benchmarks/run.sh).
//
//   fritekst-bench tokenize CORPUS.jsonl [MB]    tokens/second on one core
//   fritekst-bench rules CORPUS.jsonl ANSWERS N… coding time for synthetic codebooks of N rules
//
// CORPUS.jsonl: one JSON object per line with a "text" field (Corpora/is248-published-answers.jsonl).
import Foundation
import FritekstCodebook
import FritekstText

func texts(_ path: String) -> [String] {
  guard let data = FileManager.default.contents(atPath: path), let s = String(data: data, encoding: .utf8) else {
    FileHandle.standardError.write("cannot read \(path)\n".data(using: .utf8)!)
    exit(2)
  }
  return s.split(separator: "\n").compactMap { line in
    (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["text"] as? String
  }
}

func seconds(_ body: () -> Void) -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// A deterministic codebook of `n` rules over `vocabulary`: a mix of exact words, prefix,
/// suffix and infix globs, two-word phrases and near: rules, spread over n/10 codes.
/// With `firing` set, only the first `firing` rules use real words; the others use the same
/// words reversed ("negolokysp"), which look like words but never occur: the cost of rules that
/// do not fire, separated from the cost of producing more hits.
func syntheticCodebook(rules n: Int, vocabulary: [String], firing: Int? = nil) -> String {
  var state: UInt64 = 42
  func next() -> Int {
    state = state &* 6364136223846793005 &+ 1442695040888963407
    return Int((state >> 33) % UInt64(vocabulary.count))
  }
  var yaml = "id: synth\ntitle: Synthetic \(n)\nversion: \"1\"\ncodes:\n"
  let codes = max(1, n / 10)
  for c in 0..<codes {
    yaml += "  - id: c\(c)\n    label: C\(c)\n    rules:\n"
    for r in 0..<(n / codes) {
      let real = firing.map { c * (n / codes) + r < $0 } ?? true
      let w0 = vocabulary[next()].replacingOccurrences(of: "'", with: "")
      let v0 = vocabulary[next()].replacingOccurrences(of: "'", with: "")
      let w = real ? w0 : String(w0.reversed())
      let v = real ? v0 : String(v0.reversed())
      let prefix = String(w.prefix(max(3, w.count - 2)))
      switch r % 6 {
      case 0: yaml += "      - id: c\(c)r\(r)\n        match: '\(w)'\n"
      case 1: yaml += "      - id: c\(c)r\(r)\n        match: '\(prefix)*'\n"
      case 2: yaml += "      - id: c\(c)r\(r)\n        match: '*\(String(w.suffix(4)))'\n"
      case 3: yaml += "      - id: c\(c)r\(r)\n        match: '*\(String(w.dropFirst().prefix(4)))*'\n"
      case 4: yaml += "      - id: c\(c)r\(r)\n        match: '\(w) \(v)'\n"
      default: yaml += "      - id: c\(c)r\(r)\n        near: ['\(w)', '\(prefix)*']\n        within: 3\n"
      }
    }
  }
  return yaml
}

let args = CommandLine.arguments
guard args.count >= 3 else {
  print("usage: fritekst-bench tokenize CORPUS.jsonl [MB] | rules CORPUS.jsonl ANSWERS N…")
  exit(2)
}
let corpus = texts(args[2])
let tokenizer = try Tokenizer()

switch args[1] {
case "tokenize":
  let mb = args.count > 3 ? Double(args[3])! : 20
  var input: [String] = []
  var bytes = 0
  while Double(bytes) < mb * 1_000_000 {
    for t in corpus {
      input.append(t)
      bytes += t.utf8.count
    }
  }
  _ = tokenizer.tokenize(corpus[0])
  var tokens = 0
  let s = seconds { for t in input { tokens += tokenizer.tokenize(t).tokens.count } }
  print(String(format: "tokenize: %d answers, %.1f MB, %d tokens in %.2f s: %.0f tokens/s, %.1f MB/s (one core)",
               input.count, Double(bytes) / 1e6, tokens, s, Double(tokens) / s, Double(bytes) / 1e6 / s))
case "rules":
  let answers = Int(args[3])!
  let sizes = args.dropFirst(4).map { Int($0)! }
  var vocab = Set<String>()
  for t in corpus { for tok in tokenizer.tokenize(t).tokens where tok.normalized.count >= 5 && tok.kind == .word { vocab.insert(tok.normalized) } }
  let vocabulary = vocab.sorted()
  let inputs = (0..<answers).map { tokenizer.tokenize(corpus[$0 % corpus.count]) }
  var baseline: Double? = nil
  let variants = sizes.map { ($0, nil as Int?, "all rules real words") } + sizes.dropFirst().map { ($0, sizes[0] as Int?, "\(sizes[0]) real + \($0 - sizes[0]) never-firing") }
  for (n, firing, label) in variants {
    let result = CodebookLoader.parse(yaml: syntheticCodebook(rules: n, vocabulary: vocabulary, firing: firing), path: "synthetic-\(n).yaml")
    guard let cb = result.codebook, !result.diagnostics.hasErrors else {
      print("synthetic codebook \(n) has errors: \(result.diagnostics.prefix(3))")
      exit(1)
    }
    let compiled = CompiledCodebook(cb)
    let session = compiled.makeSession()
    var hits = 0
    let s = seconds { for t in inputs { hits += session.match(t).count } }
    let ratio = baseline.map { String(format: " (%.2f× the first)", s / $0) } ?? ""
    if baseline == nil { baseline = s }
    print(String(format: "rules %5d (%@): %d answers matched in %.3f s, %.0f answers/s, %d hits%@", compiled.ruleCount, label, answers, s, Double(answers) / s, hits, ratio))
  }
default:
  print("unknown benchmark \(args[1])")
  exit(2)
}
