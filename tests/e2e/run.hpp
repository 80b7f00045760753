// Runs the real policykg binary for end-to-end tests and captures what it printed.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/temp_dir.hpp"

namespace policykg::test {

/// The sanitizer report (AddressSanitizer, LeakSanitizer, UBSan) in what a child process wrote on
/// stderr, from the line it starts on; "" when there is none.
inline std::string sanitizer_report(const std::string& err) {
  for (const char* mark : {"ERROR: AddressSanitizer", "ERROR: LeakSanitizer", ": runtime error: "}) {
    auto at = err.find(mark);
    if (at == std::string::npos) continue;
    auto line = err.rfind('\n', at);
    return err.substr(line == std::string::npos ? 0 : line + 1);
  }
  return {};
}

/// Whether a sanitized child died because LeakSanitizer's own stop-the-world tracer crashed at
/// exit ("Tracer caught signal 11" ... "LeakSanitizer has encountered a fatal error"). That is a
/// fault of the sanitizer runtime, seen now and then on loaded machines
/// (https://github.com/google/sanitizers/issues/1353), not a leak: no leak check ran, and the
/// exit status (23) is the runtime's, not the program's.
inline bool leak_checker_crashed(const std::string& err) {
  return err.find("LeakSanitizer has encountered a fatal error") != std::string::npos &&
         err.find("ERROR: LeakSanitizer") == std::string::npos;
}

/// Fails the running test when `err` holds a sanitizer report: a test that expects the child to
/// fail, or looks only at its output, must not pass over one.
inline void expect_no_sanitizer_report(const std::string& what, const std::string& err) {
  std::string report = sanitizer_report(err);
  if (!report.empty()) ADD_FAILURE() << what << " reported:\n" << report;
}

struct RunResult {
  int exit_code = -1;
  std::string out;  ///< standard output
  std::string err;  ///< standard error
};

inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += (c == '\'') ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Runs `binary args...` with `stdin_text` on standard input (none when empty) and `environment`
/// ("NAME=value ...", shell-quoted as needed) added to its environment.
inline RunResult run_binary(const std::filesystem::path& binary, const std::vector<std::string>& args,
                            const std::string& stdin_text = {}, const std::string& environment = {}) {
  namespace fs = std::filesystem;
  static int counter = 0;
  const fs::path& dir = process_temp_dir();
  const std::string tag = std::to_string(counter++);
  fs::path out = dir / ("out" + tag), err = dir / ("err" + tag), in = dir / ("in" + tag);
  std::string cmd = environment.empty() ? std::string() : environment + " ";
  cmd += shell_quote(binary.string());
  for (const auto& a : args) cmd += " " + shell_quote(a);
  if (!stdin_text.empty()) {
    std::ofstream(in, std::ios::binary) << stdin_text;
    cmd += " <" + shell_quote(in.string());
  } else {
    cmd += " </dev/null";
  }
  cmd += " >" + shell_quote(out.string()) + " 2>" + shell_quote(err.string());
  RunResult r;
  // A command whose leak check could not run (see leak_checker_crashed) is run again: its exit
  // status and output are then the program's own, and its leaks checked. Some commands crash the
  // tracer every time in some environments; after two such runs the third runs without the leak
  // check (ASAN_OPTIONS=detect_leaks=0), so that the test still sees what the program did, and the
  // test log says that no leak check ran.
  for (int attempt = 1;; ++attempt) {
    const std::string run = attempt < 3 ? cmd : "ASAN_OPTIONS=detect_leaks=0 " + cmd;
    int status = std::system(run.c_str());
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_file(out);
    r.err = read_file(err);
    if (attempt == 3 || !leak_checker_crashed(r.err)) break;
    std::cerr << "[ note ] LeakSanitizer's tracer crashed at exit; running again"
              << (attempt == 2 ? " without the leak check: " : ": ") << cmd << "\n";
  }
  expect_no_sanitizer_report(binary.filename().string() + (args.empty() ? std::string() : " " + args.front()), r.err);
  fs::remove(out);
  fs::remove(err);
  fs::remove(in);
  return r;
}

/// Runs `policykg args...` with `stdin_text` on standard input (none when empty).
inline RunResult run_policykg(const std::vector<std::string>& args, const std::string& stdin_text = {}) {
  return run_binary(POLICYKG_BINARY, args, stdin_text);
}

/// The seed document of data/documents/.
inline const std::string kSeedDocument =
    std::string(POLICYKG_SOURCE_DIR) + "/data/documents/state-council-reply-2019-beijing-service-sector-plan.txt";

/// A fixture with a fresh folder of its own (`dir_`, named after the suite and the process),
/// removed after each test.
class TempFolderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("policykg-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->test_suite_name()) + "-" +
            std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

}  // namespace policykg::test
