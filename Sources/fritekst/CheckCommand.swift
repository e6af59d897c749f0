import ArgumentParser
import Foundation
import FritekstCodebook
import FritekstSurvey
import FritekstText

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate codebooks and run their examples.",
    discussion: """
      Prints every finding as path:line:col: error|warning: message. Exit status: 0 clean \
      (warnings allowed), 1 findings (errors or failing examples), 2 unreadable file.
      """)

  @Argument(help: "Codebook YAML files.")
  var codebooks: [String]

  @Option(name: .long, help: "A survey to check the rules against: warns about rules that match nothing and lists what every glob matched.")
  var corpus: String?

  @OptionGroup var columns: SurveyColumnOptions

  func run() throws {
    Output.installPipeHandling()
    var status: Int32 = 0
    let tokenizer = try Tokenizer()
    for path in codebooks {
      let result = CodebookLoader.load(path: path)
      var diagnostics = result.diagnostics
      if result.unreadable { status = 2 }
      var corpusReport = ""
      if let codebook = result.codebook, !diagnostics.hasErrors {
        let compiled = CompiledCodebook(codebook)
        diagnostics += ExampleRunner.run(compiled, tokenizer: tokenizer)
        if let corpus {
          let (findings, text) = try checkAgainstCorpus(compiled, corpus: corpus, tokenizer: tokenizer)
          diagnostics += findings
          corpusReport = text
        }
      }
      for d in diagnostics { Output.err("\(d)\n") }
      if diagnostics.hasErrors && status == 0 { status = 1 }
      let errors = diagnostics.filter { $0.severity == .error }.count
      let warnings = diagnostics.filter { $0.severity == .warning }.count
      let examples = result.codebook.map { $0.codes.reduce(0) { $0 + $1.mustMatch.count + $1.mustNotMatch.count } } ?? 0
      let rules = result.codebook.map { $0.codes.reduce(0) { $0 + $1.rules.count } } ?? 0
      let codes = result.codebook?.codes.count ?? 0
      Output.out(corpusReport)
      Output.out("\(path): \(codes) codes, \(rules) rules, \(examples) examples: \(errors) error(s), \(warnings) warning(s)\n")
    }
    if status != 0 { throw ExitCode(status) }
  }

  /// Runs the codebook over every answer of `corpus`: rules with no hit become warnings, and every
  /// glob is listed with the distinct corpus words it matched (most frequent first).
  private func checkAgainstCorpus(_ compiled: CompiledCodebook, corpus: String, tokenizer: Tokenizer) throws -> ([Diagnostic], String) {
    let reader: SurveyReader
    do {
      reader = try SurveyReader(path: corpus, options: try columns.makeSurveyOptions(), registry: try MunicipalityRegistry.load())
    } catch {
      Output.err("\(error)\n")
      throw ExitCode(2)
    }
    let session = compiled.makeSession()
    var vocabulary: [String: Int] = [:]
    var hitsPerRule: [String: Int] = [:]
    var answers = 0
    do {
      while let record = try reader.next() {
        for answer in record.answers {
          answers += 1
          let tokenized = tokenizer.tokenize(answer.text)
          for t in tokenized.tokens { vocabulary[t.normalized, default: 0] += 1 }
          for h in session.match(tokenized) { hitsPerRule[h.ruleID, default: 0] += 1 }
        }
      }
    } catch {
      Output.err("\(error)\n")
      throw ExitCode(2)
    }
    var findings: [Diagnostic] = []
    for code in compiled.codebook.codes {
      for rule in code.rules where hitsPerRule[rule.id] == nil {
        findings.append(Diagnostic(.warning, "rule '\(rule.id)' of '\(code.id)' matches nothing in \(corpus) (\(answers) answers)", at: rule.location))
      }
    }
    // Which rules use each glob, for the listing.
    var users: [Pattern: [String]] = [:]
    for code in compiled.codebook.codes {
      for rule in code.rules {
        for term in rule.trigger.terms + rule.exclude {
          for part in term.parts {
            if case .token(let patterns) = part {
              for p in patterns where p.isGlob && !(users[p]?.contains(rule.id) ?? false) { users[p, default: []].append(rule.id) }
            }
          }
        }
      }
    }
    var text = "\(compiled.codebook.path): globs against \(corpus) (\(answers) answers, \(vocabulary.count) distinct words):\n"
    for (pattern, words) in compiled.globMatches(in: vocabulary) {
      let rules = users[pattern]?.joined(separator: ", ") ?? "negation/ignore cues"
      let list = words.isEmpty ? "(nothing)" : words.prefix(40).map { "\($0.word) \($0.count)" }.joined(separator: ", ") + (words.count > 40 ? ", … (\(words.count) words)" : "")
      text += "  \(pattern)  [\(rules)]: \(list)\n"
    }
    return (findings, text)
  }
}
