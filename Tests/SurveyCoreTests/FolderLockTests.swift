import Foundation
import Testing
import _SurveyTestSupport

@testable import SurveyCore

@Suite("FolderLock: one holder at a time, named to those who wait")
struct FolderLockTests {
  @Test("a second taker waits, told the holder's PID, and takes the lock when it is let go; the file goes with the last")
  func secondWaits() throws {
    let temporary = try TemporaryDirectory("folder-lock")
    let path = temporary.path + "/.out.lock"
    let first = try FolderLock(path: path) { _ in Issue.record("the first taker waited") }
    #expect(try temporary.read(".out.lock") == "\(getpid())\n")
    let notices = SharedLines()
    let taken = SharedCounter()
    let thread = Thread {
      let second = try? FolderLock(path: path) { holder in notices.add("\(holder.map(String.init) ?? "none")") }
      taken.increment()
      // Still held: the file is there.
      if FileManager.default.fileExists(atPath: path) { taken.increment() }
      second?.release()
    }
    thread.start()
    #expect(eventually(within: 10) { notices.all == ["\(getpid())"] })
    usleep(100_000)
    #expect(taken.value == 0)
    // Deleting the file while another waits on it must not give two holders: the waiter locks the
    // path afresh.
    first.release()
    #expect(eventually(within: 10) { taken.value == 2 })
    #expect(eventually(within: 10) { !FileManager.default.fileExists(atPath: path) })
  }
}
