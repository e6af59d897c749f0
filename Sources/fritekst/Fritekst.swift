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
      """,
    version: fritekstVersion,
    subcommands: allSubcommands)
}
