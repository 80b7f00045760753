// The process helper itself (tests/e2e/run.hpp): what it captures, and when it runs a command
// again.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "tests/e2e/run.hpp"

namespace policykg {
namespace {

// A child that fails as LeakSanitizer's crashed tracer makes it fail, `crashes` times, then
// succeeds; run without the leak check, it succeeds at once. Its runs are counted in `dir_/runs`.
class RunHelper : public test::TempFolderTest {
 protected:
  test::RunResult run_crashing(int crashes) {
    const std::string runs = (dir_ / "runs").string();
    const std::string script =
        "n=$(( $(cat " + test::shell_quote(runs) + " 2>/dev/null || echo 0) + 1 )); echo $n > " +
        test::shell_quote(runs) +
        "; case \"$ASAN_OPTIONS\" in *detect_leaks=0*) echo unchecked $n; exit 0;; esac; if [ $n -le " +
        std::to_string(crashes) +
        " ]; then echo 'Tracer caught signal 11: addr=0x17e8' >&2;"
        " echo '==1==LeakSanitizer has encountered a fatal error.' >&2; exit 23; fi;"
        " echo done $n";
    return test::run_binary("/bin/bash", {"-c", script});
  }
  int runs() const { return std::stoi(test::read_file(dir_ / "runs")); }
};

TEST_F(RunHelper, ACommandWhoseLeakCheckCrashedRunsAgain) {
  auto r = run_crashing(1);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "done 2\n");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(runs(), 2);
}

TEST_F(RunHelper, AfterTwoCrashesTheLastRunGoesWithoutTheLeakCheck) {
  auto r = run_crashing(5);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "unchecked 3\n");
  EXPECT_EQ(runs(), 3);
}

TEST_F(RunHelper, AFailingCommandRunsOnce) {
  auto r = test::run_binary("/bin/bash", {"-c", "echo no >&2; exit 4"});
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_EQ(r.err, "no\n");
}

TEST(LeakCheckerCrashed, OnlyTheRuntimesFatalErrorWithoutALeakReport) {
  EXPECT_TRUE(test::leak_checker_crashed(
      "Tracer caught signal 11\n==9==LeakSanitizer has encountered a fatal error.\n"));
  EXPECT_FALSE(test::leak_checker_crashed("==9==ERROR: LeakSanitizer: detected memory leaks\n"));
  EXPECT_FALSE(test::leak_checker_crashed("error: bad input\n"));
}

}  // namespace
}  // namespace policykg
