import ArgumentParser
import Foundation
import FritekstCodebook
import FritekstText

struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Show how a codebook codes one answer: tokens, hits, and rules that almost fired.",
    discussion: """
      Hits are shown with the matched words in [brackets]. Near misses name the reason: negated \
      by a cue (and where), vetoed by an exclusion, outside a near: window, an all: group \
      missing, or overlapped by a longer hit of the same code.
      """)

  @Option(name: .long, help: "Codebook YAML file (repeatable).")
  var codebook: [String]

  @Argument(help: "The answer text.")
  var text: String?

  @Option(name: .long, help: "Read the answer from a UTF-8 file instead.")
  var file: String?

  func validate() throws {
    if (text == nil) == (file == nil) { throw ValidationError("give either TEXT or --file F (one of them)") }
    if codebook.isEmpty { throw ValidationError("give at least one --codebook") }
  }

  func run() throws {
    Output.installPipeHandling()
    let answer: String
    if let file {
      guard let data = FileManager.default.contents(atPath: file) else {
        Output.err("\(file): error: cannot read file\n")
        throw ExitCode(2)
      }
      do { answer = try decodeUTF8([UInt8](data), file: file) } catch {
        Output.err("\(error)\n")
        throw ExitCode(2)
      }
    } else {
      answer = text!
    }
    let tokenizer = try Tokenizer()
    let tokenized = tokenizer.tokenize(answer)
    var out = "tokens:\n"
    for t in tokenized.tokens {
      out += "  \(t.index)\t\(t.span)\t\(t.surface)\t\(t.normalized)\n"
    }
    for path in codebook {
      let compiled = try loadCompiled(path)
      let (hits, decisions) = compiled.makeSession().explain(tokenized)
      out += "\ncodebook \(compiled.codebook.id) (\(path)):\n"
      out += "hits:\n"
      if hits.isEmpty { out += "  (none)\n" }
      for h in hits {
        out += "  \(h.codeID)\trule \(h.ruleID)\ttokens \(h.tokens.map(String.init).joined(separator: ","))\t\(highlight(answer, h.mergedSpans))\n"
      }
      let misses = decisions.filter { $0.verdict != .hit }
      out += "near misses:\n"
      if misses.isEmpty { out += "  (none)\n" }
      for d in misses {
        out += "  \(d.codeID)\trule \(d.ruleID)\t\(d.verdict.rawValue): \(d.detail)\n"
      }
    }
    Output.out(out)
  }
}

/// Loads and compiles a codebook for use, printing its findings; errors end the command.
func loadCompiled(_ path: String) throws -> CompiledCodebook {
  let result = CodebookLoader.load(path: path)
  for d in result.diagnostics where d.severity == .error { Output.err("\(d)\n") }
  guard let codebook = result.codebook, !result.diagnostics.hasErrors else {
    Output.err("\(path): error: the codebook has errors; run 'fritekst check \(path)'\n")
    throw ExitCode(result.unreadable ? 2 : 1)
  }
  return CompiledCodebook(codebook)
}

/// The text with each span wrapped in [ ], line breaks shown as ⏎.
func highlight(_ text: String, _ spans: [TextSpan], open: String = "[", close: String = "]") -> String {
  let units = Array(text.utf16)
  var out = ""
  var pos = 0
  for s in spans.sorted() where s.start >= pos {
    out += String(decoding: units[pos..<s.start], as: UTF16.self)
    out += open + String(decoding: units[s.start..<s.end], as: UTF16.self) + close
    pos = s.end
  }
  out += String(decoding: units[pos...], as: UTF16.self)
  return out.replacingOccurrences(of: "\r\n", with: "⏎").replacingOccurrences(of: "\n", with: "⏎")
}
