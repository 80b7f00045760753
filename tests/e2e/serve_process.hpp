// Starts `policykg serve` as a child process on a free port and stops it with SIGTERM, for the
// end-to-end tests of the server.
#pragma once

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/e2e/run.hpp"

namespace policykg::test {

class ServeProcess {
 public:
  /// Runs `policykg serve --port 0 args...`, stderr to a file; waits until it says where it listens.
  explicit ServeProcess(const std::vector<std::string>& args) {
    log_ = std::filesystem::temp_directory_path() /
           ("policykg-serve-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++) + ".log");
    pid_ = ::fork();
    if (pid_ == 0) {
      FILE* err = std::freopen(log_.c_str(), "w", stderr);
      FILE* out = std::freopen("/dev/null", "w", stdout);
      (void)err;
      (void)out;
      std::vector<std::string> all = {POLICYKG_BINARY, "serve", "--port", "0"};
      all.insert(all.end(), args.begin(), args.end());
      std::vector<char*> argv;
      for (auto& a : all) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(argv[0], argv.data());
      std::_Exit(127);
    }
    const std::regex listening("serving .* at http://[^:]+:([0-9]+)/");
    for (int i = 0; i < 600 && port_ == 0; ++i) {  // up to 60 s: building the graph takes a while
      std::smatch m;
      std::string text = stderr_text();
      if (std::regex_search(text, m, listening)) port_ = std::stoi(m[1]);
      else if (exited()) break;
      else std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  ~ServeProcess() {
    stop();
    std::filesystem::remove(log_);
  }

  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  std::string stderr_text() const {
    std::ifstream in(log_);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  /// Sends SIGTERM and returns the exit status (-1 when it did not exit normally).
  int stop() {
    if (pid_ <= 0) return status_;
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    status_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    const std::string err = stderr_text();
    expect_no_sanitizer_report("policykg serve", err);
    if (status_ == 23 && leak_checker_crashed(err)) {
      // The server cannot be run again; its requests were answered and checked, only the
      // sanitizer runtime's own leak check failed to run (see leak_checker_crashed).
      std::cerr << "[ note ] LeakSanitizer's tracer crashed as policykg serve exited; no leak check ran\n";
      status_ = 0;
    }
    return status_;
  }

 private:
  bool exited() {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      status_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      expect_no_sanitizer_report("policykg serve", stderr_text());
      return true;
    }
    return false;
  }
  static int& counter() {
    static int n = 0;
    return n;
  }
  pid_t pid_ = -1;
  int port_ = 0;
  int status_ = -1;
  std::filesystem::path log_;
};

}  // namespace policykg::test
