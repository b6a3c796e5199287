import ArgumentParser

struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "run", abstract: "(being built)")
  func run() throws { throw ExitCode(1) }
}
