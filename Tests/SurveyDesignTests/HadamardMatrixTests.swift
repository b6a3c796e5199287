import Foundation
import Testing
import _SurveyTestSupport

@testable import SurveyDesign

@Suite("Design: the Hadamard matrices of BRR, as R's survey:::hadamard picks them")
struct HadamardMatrixTests {
  /// One line of fixtures/r-reference/hadamard.csv (make-hadamard.R).
  struct RMatrix: Sendable, CustomTestStringConvertible {
    var pairs: Int
    var order: Int
    var hash: Int
    var built: Bool
    var testDescription: String { "\(pairs) pairs" }
  }

  static let rMatrices: [RMatrix] = {
    let text = try! String(contentsOfFile: Fixtures.path("r-reference/hadamard.csv"), encoding: .utf8)
    return text.split(separator: "\n").dropFirst().map { line in
      let fields = line.split(separator: ",").map(String.init)
      return RMatrix(pairs: Int(fields[0])!, order: Int(fields[1])!, hash: Int(fields[2])!, built: fields[3] == "built")
    }
  }()

  /// make-hadamard.R's hash: h = (3h + entry) mod 2147483647, row by row.
  static func hash(_ matrix: HadamardMatrix) -> Int {
    matrix.entries.reduce(0) { (3 * $0 + Int($1)) % 2_147_483_647 }
  }

  @Test("the order R picks, and R's very matrix where R builds it (Sylvester, Paley, doubling)", arguments: rMatrices)
  func matchesR(_ r: RMatrix) {
    let matrix = HadamardMatrix.forPairs(r.pairs)
    #expect(matrix.order == r.order)
    if r.built { #expect(Self.hash(matrix) == r.hash, "entries differ from R's") }
    #expect(HadamardMatrix.differsFromR(pairs: r.pairs) == !r.built, "the note that replicates differ from R's")
    #expect(r.pairs < matrix.order, "a row for every pair below the first")
  }

  /// The matrices R stores and we build otherwise (orders 28 and 36, and their doublings),
  /// with a few of R's for comparison: R's own are checked entry by entry above.
  @Test(
    "our matrices are Hadamard with full orthogonal balance: ±1 columns orthogonal, a first row of ones, other rows balanced",
    arguments: [3, 12, 20, 27, 33, 52, 64])
  func hadamardProperty(pairs: Int) {
    do {
      let order = HadamardMatrix.forPairs(pairs)
      let n = order.order
      let signs = order.entries.map { $0 == 1 ? 1 : -1 }
      #expect((0..<n).allSatisfy { order[0, $0] == 1 })
      for i in 0..<n {
        for j in i..<n {
          let dot = (0..<n).reduce(0) { $0 + signs[$1 * n + i] * signs[$1 * n + j] }
          #expect(dot == (i == j ? n : 0), "columns \(i) and \(j) of order \(n)")
        }
        if i > 0 { #expect((0..<n).reduce(0) { $0 + signs[i * n + $1] } == 0, "row \(i) of order \(n) is balanced") }
      }
    }
  }

  @Test("Paley's second construction gives orders 28 and 36, where R has stored matrices")
  func paleyTwo() {
    #expect(HadamardMatrix.paleyTwo(prime: 13).order == 28)
    #expect(HadamardMatrix.paleyTwo(prime: 17).order == 36)
    #expect(HadamardMatrix.forPairs(27).order == 28)
    #expect(HadamardMatrix.forPairs(33).order == 36)
  }
}
