import Foundation
import Testing
import _SurveyTestSupport

@testable import SurveyCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite("FolderExchange: two names swapped in one step")
struct FolderExchangeTests {
  @Test("exchanging two folders swaps their contents; a missing one is an error and changes nothing")
  func exchange() throws {
    let temporary = try TemporaryDirectory("folder-exchange")
    try temporary.write("a/one", "1")
    try temporary.write("b/two", "2")
    #expect(FolderExchange.exchange(temporary.path + "/a", temporary.path + "/b") == .exchanged)
    #expect(try temporary.read("a/two") == "2")
    #expect(try temporary.read("b/one") == "1")
    #expect(FolderExchange.exchange(temporary.path + "/a", temporary.path + "/none") == .failed(ENOENT))
    #expect(try temporary.read("a/two") == "2")
  }
}
