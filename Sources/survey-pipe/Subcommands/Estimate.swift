import ArgumentParser

struct Estimate: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "estimate", abstract: "(being built)")
  func run() throws { throw ExitCode(1) }
}
