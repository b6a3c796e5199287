import Testing

@testable import SurveyDesign

@Suite("Design: small symmetric systems")
struct SymmetricSystemTests {
  @Test("Cholesky with scaling solves a badly scaled positive definite system")
  func solve() throws {
    // M = [[4, 2e3], [2e3, 2e6 + 1]]: x = (1, 1e-3) gives b = (6, 4e3 + 1e-3).
    let system = SymmetricSystem(matrix: [4, 2e3, 2e3, 2e6 + 1], size: 2)
    let x = try #require(system.factorization()).solve([6, 4e3 + 1e-3])
    #expect(abs(x[0] - 1) < 1e-9)
    #expect(abs(x[1] - 1e-3) < 1e-12)
    // Singular: refused.
    #expect(SymmetricSystem(matrix: [1, 1, 1, 1], size: 2).factorization() == nil)
  }

  @Test("the pseudo-inverse equals the inverse when regular and drops null directions otherwise")
  func pseudoInverse() {
    let regular = SymmetricSystem(matrix: [2, 1, 1, 3], size: 2).pseudoInverseTimes([3, 5])
    // [[2, 1], [1, 3]]⁻¹ (3, 5) = (4/5, 7/5).
    #expect(abs(regular[0] - 0.8) < 1e-14)
    #expect(abs(regular[1] - 1.4) < 1e-14)
    // [[1, 1], [1, 1]]⁺ = [[1, 1], [1, 1]] / 4: (2, 2) ↦ (1, 1).
    let singular = SymmetricSystem(matrix: [1, 1, 1, 1], size: 2).pseudoInverseTimes([2, 2])
    #expect(abs(singular[0] - 1) < 1e-14)
    #expect(abs(singular[1] - 1) < 1e-14)
  }
}
