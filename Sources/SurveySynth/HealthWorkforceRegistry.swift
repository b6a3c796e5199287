/// The registry extract's CSV: one row per worker and year registered, the exit (if any) on the
/// row of its year.
struct HealthWorkforceRegistry {
  static let header =
    "record_id,worker_id,year,isco,sex,birth_year,country_birth,country_training,region,ownership,activity,exit_reason,exit_year,cgs_requested\n"

  let workers: [HealthWorker]

  var rowCount: Int { workers.reduce(0) { $0 + $1.years.count } }

  var csv: String {
    var text = Self.header
    for worker in workers {
      let id = "HW" + Self.padded(worker.id, 6)
      for entry in worker.years {
        let fixed = [
          "\(id)-\(entry.year)", id, "\(entry.year)", "\(worker.isco)", "\(worker.sex)", "\(worker.birthYear)",
          worker.countryOfBirth, worker.countryOfTraining, "\(worker.region)", "\(worker.ownership)", "\(worker.activity)",
          "\(entry.exit ?? 0)", entry.exit == nil ? "" : "\(entry.year)", entry.certificate ? "1" : "0",
        ]
        text += fixed.joined(separator: ",") + "\n"
      }
    }
    return text
  }

  static func padded(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}

/// The fictional population by region and year (1 January), scaled to the registry: Moldova has
/// about 40,000 health workers of these professions, so a registry of N workers gets N / 40,000
/// of the population, and densities per 10,000 stay near the real ones.
enum PopulationFigures {
  /// Population on 1 January 2025 by region (codes 1–5).
  static let base = [750_000.0, 660_000, 640_000, 380_000, 130_000]
  static let source = "Fictional population on 1 January (census-based; scaled to the registry extract)"

  static func csv(workers: Int) -> String {
    let scale = Double(workers) / 40_000
    var text = "region,year,population,source\n"
    for (index, people) in base.enumerated() {
      for year in HealthWorker.years {
        // About 1% fewer people each year.
        let count = max(1, (people * scale * (1 + 0.01 * Double(2025 - year))).rounded())
        text += "\(index + 1),\(year),\(Int(count)),\(source)\n"
      }
    }
    return text
  }
}
