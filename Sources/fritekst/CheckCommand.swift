import ArgumentParser
import Foundation
import FritekstCodebook
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

  func run() throws {
    Output.installPipeHandling()
    var status: Int32 = 0
    let tokenizer = try Tokenizer()
    for path in codebooks {
      let result = CodebookLoader.load(path: path)
      var diagnostics = result.diagnostics
      if result.unreadable { status = 2 }
      if let codebook = result.codebook, !diagnostics.hasErrors {
        let compiled = CompiledCodebook(codebook)
        diagnostics += ExampleRunner.run(compiled, tokenizer: tokenizer)
      }
      for d in diagnostics { Output.err("\(d)\n") }
      if diagnostics.hasErrors && status == 0 { status = 1 }
      let errors = diagnostics.filter { $0.severity == .error }.count
      let warnings = diagnostics.filter { $0.severity == .warning }.count
      let examples = result.codebook.map { $0.codes.reduce(0) { $0 + $1.mustMatch.count + $1.mustNotMatch.count } } ?? 0
      let rules = result.codebook.map { $0.codes.reduce(0) { $0 + $1.rules.count } } ?? 0
      let codes = result.codebook?.codes.count ?? 0
      Output.out("\(path): \(codes) codes, \(rules) rules, \(examples) examples: \(errors) error(s), \(warnings) warning(s)\n")
    }
    if status != 0 { throw ExitCode(status) }
  }
}
