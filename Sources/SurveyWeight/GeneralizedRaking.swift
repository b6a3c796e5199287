import SurveyCore
import SurveyDesign

/// The Newton iteration of R's `grake` that finds the calibration factors g = F(x'λ) meeting
/// the population totals: the same start (λ = 0), the same pre-scaling of weights far below the
/// totals, the same step halving, the same stopping rule (every |misfit| / (1 + |total|) below
/// epsilon) and the same count of iterations, so that the factors are R's.
struct GeneralizedRaking {
  let function: CalibrationFunction
  let epsilon: Double
  let maxit: Int

  /// The outcome: g per row (1 on rows without a weight), the iterations, and the largest
  /// relative misfit when the iteration failed.
  struct Outcome {
    var g: [Double]
    var iterations: Int
    var failure: (misfit: Double, column: Int)?
  }

  /// Solves for g on the rows with a nonzero weight.
  func solve(sample: CalibrationSample, population: [Double]) -> Outcome {
    let p = sample.columns
    let matrix = sample.matrix
    var ww = sample.weights
    var sampleTotal = sample.totals
    // R's pre-scaling for weights far below the totals (SOMETHRESHOLD = 20).
    var scale: Double?
    let scales = zip(population, sampleTotal).map { $0 / $1 }
    if let smallest = scales.min(), smallest > 20 {
      let factor = scales.reduce(0, +) / Double(scales.count)
      scale = factor
      ww = ww.map { $0 * factor }
      sampleTotal = sampleTotal.map { $0 * factor }
    }
    var eta = [Double](repeating: 0, count: p)
    var xeta = [Double](repeating: 0, count: sample.count)
    var g = xeta.map { 1 + function.fMinusOne($0) }
    var derivative = xeta.map { function.derivative($0) }
    var iteration = 1
    var failure: (Double, Int)?
    while true {
      var tmat = [Double](repeating: 0, count: p * p)
      for index in 0..<sample.count {
        let factor = ww[index] * derivative[index]
        if factor == 0 { continue }
        for a in 0..<p {
          let left = matrix[index * p + a] * factor
          if left == 0 { continue }
          for b in 0..<p { tmat[a * p + b] += left * matrix[index * p + b] }
        }
      }
      let misfit = self.misfit(matrix, ww, g, sampleTotal, population)
      var step = SymmetricSystem(matrix: tmat, size: p).pseudoInverseTimes(misfit)
      for j in 0..<p { eta[j] += step[j] }
      update(matrix, eta, &xeta, &g, &derivative)
      while iteration < maxit, g.contains(where: { !$0.isFinite }) || derivative.contains(where: { !$0.isFinite }) {
        iteration += 1
        for j in 0..<p {
          step[j] /= 2
          eta[j] -= step[j]
        }
        update(matrix, eta, &xeta, &g, &derivative)
      }
      let after = self.misfit(matrix, ww, g, sampleTotal, population)
      let relative = zip(after, population).map { abs($0) / (1 + abs($1)) }
      if relative.allSatisfy({ $0 < epsilon }) { break }
      iteration += 1
      if iteration > maxit || relative.contains(where: \.isNaN) {
        let worst = relative.firstIndex(where: \.isNaN) ?? relative.indices.max { relative[$0] < relative[$1] }!
        failure = (relative[worst], worst)
        break
      }
    }
    if let scale { g = g.map { $0 * scale } }
    return Outcome(g: sample.rowValues(g), iterations: iteration, failure: failure)
  }

  /// population − sample total − Σ x w (g − 1), R's misfit.
  func misfit(_ matrix: [Double], _ ww: [Double], _ g: [Double], _ sampleTotal: [Double], _ population: [Double]) -> [Double] {
    let p = population.count
    var fitted = [Double](repeating: 0, count: p)
    for index in ww.indices {
      let factor = ww[index] * (g[index] - 1)
      for j in 0..<p { fitted[j] += matrix[index * p + j] * factor }
    }
    return (0..<p).map { population[$0] - sampleTotal[$0] - fitted[$0] }
  }

  /// x'η, g and the derivative on every row.
  func update(_ matrix: [Double], _ eta: [Double], _ xeta: inout [Double], _ g: inout [Double], _ derivative: inout [Double]) {
    let p = eta.count
    for index in xeta.indices {
      var u = 0.0
      for j in 0..<p { u += matrix[index * p + j] * eta[j] }
      xeta[index] = u
      g[index] = 1 + function.fMinusOne(u)
      derivative[index] = function.derivative(u)
    }
  }
}
