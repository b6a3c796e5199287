import ArgumentParser

struct Synth: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "synth", abstract: "(being built)")
  func run() throws { throw ExitCode(1) }
}
