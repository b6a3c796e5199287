import ArgumentParser

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "check", abstract: "(being built)")
  func run() throws { throw ExitCode(1) }
}
