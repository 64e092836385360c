import Foundation

/// Chooses OpenBLAS's CPU kernel before training starts.
///
/// Debian's OpenBLAS 0.3.21 does not know recent AVX-512 CPUs (this machine's AMD EPYC): left to
/// itself it picks Cooperlake, and this machine's environment pins `OPENBLAS_CORETYPE=Haswell`.
/// Measured here for `sgemm` 128×784×128 on one thread: Haswell 100 GFLOP/s, SkylakeX 185 GFLOP/s;
/// the 784-128-10 MLP epoch goes from 0.39 s to 0.23 s. OpenBLAS reads the core type once, when
/// the library loads, so the only way to change it from inside is to execute the program again
/// with `OPENBLAS_CORETYPE` set — before any other work, so nothing is lost.
///
/// `DLTOP_BLAS_CORETYPE` controls it: unset picks SkylakeX on CPUs with AVX-512 (F, DQ, BW, VL);
/// `keep` leaves `OPENBLAS_CORETYPE` as it is; any other value is used as the core name.
package enum BLASKernelChoice {
  package static let controlVariable = "DLTOP_BLAS_CORETYPE"
  /// Set on the re-executed process, so it never loops.
  package static let doneVariable = "DLTOP_BLAS_CORETYPE_APPLIED"
  private static let avx512 = ["avx512f", "avx512dq", "avx512bw", "avx512vl"]

  /// The kernel to switch to, or nil to run as is.
  package static func wantedCore(environment: [String: String], cpuFlags: Set<String>) -> String? {
    guard environment[doneVariable] == nil else { return nil }
    let current = environment["OPENBLAS_CORETYPE"]
    let wanted: String?
    switch environment[controlVariable] {
    case "keep"?: wanted = nil
    case let name? where !name.isEmpty: wanted = name
    default: wanted = avx512.allSatisfy(cpuFlags.contains) ? "SkylakeX" : nil
    }
    guard let wanted, wanted.lowercased() != current?.lowercased() else { return nil }
    return wanted
  }

  /// Executes this program again with the wanted kernel; returns when none is wanted (or exec fails).
  package static func reexecuteIfWorthwhile() {
    let environment = ProcessInfo.processInfo.environment
    guard let core = wantedCore(environment: environment, cpuFlags: cpuFlags()) else { return }
    setenv("OPENBLAS_CORETYPE", core, 1)
    setenv(doneVariable, core, 1)
    let arguments = CommandLine.arguments
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    execv("/proc/self/exe", &argv)
    // Only reached when exec failed: run on with the kernel OpenBLAS already chose.
    unsetenv(doneVariable)
  }

  /// The CPU feature flags of the first processor in /proc/cpuinfo (empty elsewhere).
  package static func cpuFlags(
    cpuinfo: String? = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
  )
    -> Set<String>
  {
    guard let cpuinfo else { return [] }
    for line in cpuinfo.split(separator: "\n") where line.hasPrefix("flags") {
      guard let colon = line.firstIndex(of: ":") else { continue }
      return Set(line[line.index(after: colon)...].split(separator: " ").map(String.init))
    }
    return []
  }
}
