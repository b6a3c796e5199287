import Foundation

#if FUZZING
  import CLibFuzzer
#endif

/// The `main` of every fuzz executable (`FuzzCSV`, `FuzzExpression`, `FuzzYAML`).
///
/// Built with `-Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING` (docs/fuzzing.md) it hands
/// over to libFuzzer, which takes the usual libFuzzer arguments (corpus folders, `-runs=`,
/// `-max_total_time=`, …). In a normal build it replays the files and folders it is given, one
/// input per file, and exits 1 if any input breaks a check.
public enum FuzzMain {
  /// Runs `makeTarget()`'s target under libFuzzer or as a replayer; never returns.
  public static func run<Target: FuzzTarget>(_ makeTarget: () throws -> Target) -> Never {
    let target: Target
    do {
      target = try makeTarget()
    } catch {
      FileHandle.standardError.write(Data("\(Target.name): cannot set up the target: \(error.localizedDescription)\n".utf8))
      exit(1)
    }
    #if FUZZING
      fuzz(target)
    #else
      exit(replay(target, paths: Array(CommandLine.arguments.dropFirst())))
    #endif
  }

  /// Runs every file named (or inside a folder named) through `target`; returns the exit status.
  public static func replay<Target: FuzzTarget>(_ target: Target, paths: [String]) -> Int32 {
    guard !paths.isEmpty else {
      print("usage: Fuzz\(Target.name.capitalized) FILE-OR-FOLDER... (replays each file as one input)")
      return 2
    }
    var failed = 0
    let files = paths.flatMap(FuzzInputs.files(at:))
    for file in files {
      print("Running: \(file)")
      guard let data = FileManager.default.contents(atPath: file) else {
        print("  cannot read \(file)")
        failed += 1
        continue
      }
      let found = target.violations(of: Array(data))
      for violation in found { print("  violation: \(violation)") }
      if !found.isEmpty { failed += 1 }
    }
    print("\(Target.name): \(files.count) input\(files.count == 1 ? "" : "s") replayed, \(failed) failed")
    return failed == 0 ? 0 : 1
  }
}

#if FUZZING
  /// The target libFuzzer drives.
  ///
  /// `nonisolated(unsafe)`: written once by `fuzz(_:)` before libFuzzer starts, then only read,
  /// by libFuzzer's one fuzzing thread (`-jobs`/`-fork` use processes, not threads).
  nonisolated(unsafe) private var fuzzedTarget: (any FuzzTarget)?

  /// libFuzzer's callback: one input.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    fuzzedTarget?.check(input)
    return 0
  }

  extension FuzzMain {
    static func fuzz(_ target: some FuzzTarget) -> Never {
      fuzzedTarget = target
      var argc = CommandLine.argc
      var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
      exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
    }
  }
#endif
