import Testing

@testable import DLTopEngine

struct BLASKernelChoiceTests {
  let avx512: Set<String> = ["sse4_2", "avx2", "avx512f", "avx512dq", "avx512bw", "avx512vl"]

  @Test func avx512MachinesGetSkylakeXEvenWhenHaswellIsPinned() {
    #expect(BLASKernelChoice.wantedCore(environment: [:], cpuFlags: avx512) == "SkylakeX")
    #expect(
      BLASKernelChoice.wantedCore(environment: ["OPENBLAS_CORETYPE": "Haswell"], cpuFlags: avx512)
        == "SkylakeX")
  }

  @Test func nothingChangesWithoutAVX512OrWhenAlreadyRight() {
    #expect(BLASKernelChoice.wantedCore(environment: [:], cpuFlags: ["avx2", "avx512f"]) == nil)
    #expect(
      BLASKernelChoice.wantedCore(environment: ["OPENBLAS_CORETYPE": "skylakex"], cpuFlags: avx512)
        == nil)
  }

  @Test func theControlVariableKeepsOrNamesTheCore() {
    #expect(
      BLASKernelChoice.wantedCore(environment: ["DLTOP_BLAS_CORETYPE": "keep"], cpuFlags: avx512)
        == nil)
    #expect(
      BLASKernelChoice.wantedCore(environment: ["DLTOP_BLAS_CORETYPE": "Zen"], cpuFlags: [])
        == "Zen")
  }

  @Test func theReexecutedProcessNeverLoops() {
    let environment = ["DLTOP_BLAS_CORETYPE_APPLIED": "SkylakeX", "OPENBLAS_CORETYPE": "Haswell"]
    #expect(BLASKernelChoice.wantedCore(environment: environment, cpuFlags: avx512) == nil)
  }

  @Test func flagsAreReadFromCpuinfo() {
    let text = "processor\t: 0\nflags\t\t: fpu avx2 avx512f\nbugs\t\t: none\n"
    #expect(BLASKernelChoice.cpuFlags(cpuinfo: text) == ["fpu", "avx2", "avx512f"])
  }
}
