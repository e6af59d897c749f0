import ArgumentParser
import Foundation

/// Fritekst's version, printed by `--version` and written into every run summary.
let fritekstVersion = "0.1.0"

@main
struct Fritekst: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fritekst",
    abstract: "Transparent keyword and rule coding of Norwegian open survey answers.",
    discussion: """
      Answers are tokenised with ICU, matched against editable YAML codebooks, tallied by \
      municipality size, and quoted per code, with every decision traceable to a rule.

      Exit status: 0 ok, 1 findings (codebook errors, failing examples), 2 usage or I/O errors.
      """,
    version: fritekstVersion,
    subcommands: allSubcommands)

  /// Runs the command; usage errors exit with 2 (not ArgumentParser's 64) so every command
  /// follows one convention: 0 ok, 1 findings, 2 usage or I/O errors.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      let code = exitCode(for: error)
      if code == .validationFailure {
        Output.err(fullMessage(for: error) + "\n")
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }
}
