import SurveyCore

/// The intention-to-emigrate survey: a stratified sample (profession × region) of the workers
/// practising in 2025, about a fifth of whom do not answer; the respondents' rows carry the
/// design weight N/n of their stratum and its population N (the fpc), and the registry's counts
/// of the frame by profession, region and sex are the margins the pipeline calibrates to.
struct IntentionSurvey {
  static let header = "respondent_id,stratum,isco,region,sex,age,fpc,design_weight,intends_12m,considering\n"

  let frame: [HealthWorker]
  /// Per respondent: the worker, the stratum's population N and selected count n.
  let respondents: [(worker: HealthWorker, population: Int, selected: Int)]
  let seed: UInt64

  init(frame: [HealthWorker], fraction: Double, seed: UInt64) {
    self.frame = frame
    self.seed = seed
    var strata: [Int: [HealthWorker]] = [:]
    for worker in frame { strata[Self.stratum(worker), default: []].append(worker) }
    var chosen: [(worker: HealthWorker, population: Int, selected: Int)] = []
    for key in strata.keys.sorted() {
      let members = strata[key]!
      let size = members.count
      let take = size < 2 ? size : min(size, max(2, Int((fraction * Double(size)).rounded())))
      // The `take` workers with the smallest draws; the first of them always answers, so every
      // stratum has a respondent.
      let ordered = members.map { (draw: Self.draw($0, seed: seed), worker: $0) }.sorted { $0.draw < $1.draw }
        .prefix(take).map(\.worker)
      for (position, worker) in ordered.enumerated() where position == 0 || Self.answers(worker, seed: seed) {
        chosen.append((worker, size, take))
      }
    }
    respondents = chosen.sorted { $0.worker.id < $1.worker.id }
  }

  static func stratum(_ worker: HealthWorker) -> Int { worker.isco * 10 + worker.region }

  static func draw(_ worker: HealthWorker, seed: UInt64) -> UInt64 {
    var random = SplitMix64(seed: seed, key: UInt64(worker.id), salt: 0x5341)
    return random.next()
  }

  static func answers(_ worker: HealthWorker, seed: UInt64) -> Bool {
    var random = SplitMix64(seed: seed, key: UInt64(worker.id), salt: 0x5245)
    return random.chance(0.8)
  }

  /// The chance of intending to emigrate within 12 months: higher for the young, doctors and
  /// nurses, lower in Chișinău.
  static func intention(_ worker: HealthWorker) -> Double {
    let age = worker.age(in: 2025)
    var p = 0.06 + (age < 35 ? 0.10 : (age < 45 ? 0.04 : 0))
    if worker.isco == 221 { p += 0.06 } else if worker.isco == 2221 || worker.isco == 3221 { p += 0.04 }
    return worker.region == 1 ? p - 0.02 : p
  }

  var csv: String {
    var text = Self.header
    for (index, entry) in respondents.enumerated() {
      let worker = entry.worker
      var random = SplitMix64(seed: seed, key: UInt64(worker.id), salt: 0x494E)
      let intends = random.chance(Self.intention(worker))
      let considering = intends || random.chance(0.25)
      let weight = NumberFormatting.string(Double(entry.population) / Double(entry.selected))
      let cells = [
        "S" + HealthWorkforceRegistry.padded(index + 1, 5), "\(Self.stratum(worker))", "\(worker.isco)",
        "\(worker.region)", "\(worker.sex)", "\(worker.age(in: 2025))", "\(entry.population)", weight,
        intends ? "1" : "0", considering ? "1" : "0",
      ]
      text += cells.joined(separator: ",") + "\n"
    }
    return text
  }

  /// The registry's counts of the frame: `variable,level,total` for isco, region and sex.
  var marginsCSV: String {
    var text = "variable,level,total\n"
    let groups: [(String, (HealthWorker) -> Int)] = [("isco", \.isco), ("region", \.region), ("sex", \.sex)]
    for (name, key) in groups {
      var counts: [Int: Int] = [:]
      for worker in frame { counts[key(worker), default: 0] += 1 }
      for level in counts.keys.sorted() { text += "\(name),\(level),\(counts[level]!)\n" }
    }
    return text
  }
}
